#!/usr/bin/env bash
# Prism, Stoplight's validating proxy, in front of the packaged service: the end-to-end flows and
# the error cases (.ci/prism-flows.mjs) must meet zero violations of the spec the service serves at
# /openapi/mfa-totp.yaml. Two proxies: `prism proxy --errors` for valid requests, and one without
# `--errors` that forwards requests wrong on purpose, where only violations of the answer count.
# The service runs with a resend cooldown of 5 minutes, so a second send right after the first meets
# it however slow the machine; a second instance with a send cap of 1 answers the cap's refusal, so
# no step waits for the cooldown to pass.
# Usage: .ci/prism.sh   (MVN_FLAGS='' to let Maven go online when it must build)
set -euo pipefail
source "$(dirname "$0")/lib/service.sh"

# 5.14.2 is the newest Prism that runs on Node.js 18 to 22; 5.15 and later need Node.js 24.
PRISM_VERSION=5.14.2
prism_home="${XDG_CACHE_HOME:-$HOME/.cache}/mfa-totp/prism-$PRISM_VERSION"
prism="$prism_home/node_modules/.bin/prism"
if [[ ! -x "$prism" ]]; then
  echo "installing @stoplight/prism-cli@$PRISM_VERSION into $prism_home" >&2
  npm install --prefix "$prism_home" --no-audit --no-fund --loglevel=error "@stoplight/prism-cli@$PRISM_VERSION" >/dev/null
fi

export MFA_RESEND_COOLDOWN=5m MFA_MAX_SENDS=1
mfa_start
capped_url="$MFA_BASE_URL"
export MFA_MAX_SENDS=5
mfa_start
spec="$MFA_BASE_URL/openapi/mfa-totp.yaml"
strict_port="$(mfa_free_port)"
observing_port="$(mfa_free_port)"
capped_port="$(mfa_free_port)"
"$prism" proxy "$spec" "$MFA_BASE_URL" --errors --host 127.0.0.1 --port "$strict_port" >"$MFA_RUN_DIR/prism-strict.log" 2>&1 &
strict_pid=$!
"$prism" proxy "$spec" "$MFA_BASE_URL" --host 127.0.0.1 --port "$observing_port" >"$MFA_RUN_DIR/prism-observing.log" 2>&1 &
observing_pid=$!
"$prism" proxy "$spec" "$capped_url" --errors --host 127.0.0.1 --port "$capped_port" >"$MFA_RUN_DIR/prism-capped.log" 2>&1 &
capped_pid=$!
stop_all() {
  kill "$strict_pid" "$observing_pid" "$capped_pid" 2>/dev/null || true
  wait "$strict_pid" "$observing_pid" "$capped_pid" 2>/dev/null || true
  mfa_stop
}
trap stop_all EXIT

for port in "$strict_port" "$observing_port" "$capped_port"; do
  for _ in $(seq 1 120); do
    curl -s -o /dev/null "http://127.0.0.1:$port/" && break
    sleep 0.5
  done
  curl -s -o /dev/null "http://127.0.0.1:$port/" || { cat "$MFA_RUN_DIR"/prism-*.log >&2; echo "Prism did not start" >&2; exit 1; }
done

MFA_CAPPED_URL="$capped_url" PRISM_STRICT_URL="http://127.0.0.1:$strict_port" \
  PRISM_OBSERVING_URL="http://127.0.0.1:$observing_port" PRISM_CAPPED_URL="http://127.0.0.1:$capped_port" \
  node "$MFA_ROOT/.ci/prism-flows.mjs"
