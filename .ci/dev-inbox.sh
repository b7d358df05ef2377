#!/usr/bin/env bash
# The development inbox (/dev/inbox) in headless Chromium, driven over the DevTools protocol by
# dev-inbox.mjs: a code sent by SMS is listed, an e-mail sent while the page is open appears on its
# own, rendered in a sandboxed frame, and the page's Content-Security-Policy blocks nothing it needs.
# Leaves target/dev-inbox.png. Needs node and jq; installs Debian's chromium when it is missing.
set -euo pipefail
source "$(dirname "$0")/lib/service.sh"
source "$(dirname "$0")/lib/chromium.sh"

need_chromium
mfa_start
out="$MFA_ROOT/target"
mkdir -p "$out"
BASE="$MFA_BASE_URL"
PHONE=+4915112345698

token() {
  curl -fsS -X POST "$BASE/dev/tokens" -H 'Content-Type: application/json' -d "$1" | jq -r .token
}
SERVICE=$(token '{"sub":"payments","scope":"mfa.challenges.create mfa.factors.manage"}')
USER=$(token '{"sub":"u-inbox"}')
curl -fsS -o /dev/null -X PUT "$BASE/resources/v3alpha/users/u-inbox/phone" -H "Authorization: Bearer $SERVICE" \
  -H 'Content-Type: application/json' -d "{\"phone\":\"$PHONE\"}"
curl -fsS -o /dev/null -X PUT "$BASE/resources/v3alpha/users/u-inbox/email" -H "Authorization: Bearer $SERVICE" \
  -H 'Content-Type: application/json' -d '{"email":"jane@example.com"}'
challenge() {
  curl -fsS -X POST "$BASE/internal/v1/mfa/challenges" -H "Authorization: Bearer $SERVICE" -H 'Content-Type: application/json' \
    -d "{\"userId\":\"u-inbox\",\"context\":{\"operation\":\"payment\",\"reference\":\"pay-$1\",\"summary\":\"payment of EUR 40 to ACME\"},\"allowedMethods\":[\"$1\"]}" \
    | jq -r .challengeId
}
SMS_CHALLENGE=$(challenge sms)
EMAIL_CHALLENGE=$(challenge email)
curl -fsS -o /dev/null -X POST "$BASE/internal/v1/mfa/totp-sms/$SMS_CHALLENGE:initiate" -H "Authorization: Bearer $USER"

profile="$(mktemp -d)"
# In a process group of its own, so its renderer and utility processes stop with it and none of
# them still writes into the profile while it is removed.
setsid "${CHROMIUM[@]}" --user-data-dir="$profile" --remote-debugging-port=0 about:blank 2>"$out/dev-inbox.chromium.log" &
CHROMIUM_PID=$!
cleanup() {
  kill -- "-$CHROMIUM_PID" 2>/dev/null || kill "$CHROMIUM_PID" 2>/dev/null || true
  wait "$CHROMIUM_PID" 2>/dev/null || true
  remove_profile "$profile"
  mfa_stop
}
trap cleanup EXIT
devtools=""
for _ in $(seq 1 150); do
  devtools=$(grep -o 'ws://[^[:space:]]*' "$out/dev-inbox.chromium.log" | head -1 || true)
  [[ -n "$devtools" ]] && break
  kill -0 "$CHROMIUM_PID" 2>/dev/null || break
  sleep 0.2
done
[[ -n "$devtools" ]] || { echo "chromium did not open its DevTools endpoint:" >&2; cat "$out/dev-inbox.chromium.log" >&2; exit 1; }

websocket=()
node -e 'process.exit(typeof WebSocket === "undefined" ? 0 : 1)' && websocket=(--experimental-websocket --no-warnings)
node "${websocket[@]}" "$(dirname "$0")/dev-inbox.mjs" "$devtools" "$BASE" "$USER" "$EMAIL_CHALLENGE" "$PHONE" "$out/dev-inbox.png"
