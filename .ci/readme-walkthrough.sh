#!/usr/bin/env bash
# The README, run as written against the packaged service. Its run command's `java -jar` part (read
# from README.md) starts the zero-set-up run in a fresh folder on a free port: embedded MariaDB,
# Liquibase, dev environment. Its start must log no stack trace and nothing from Liquibase. Then
# every ```sh block of "## Walkthrough" runs in one shell, in order, with http://localhost:8080
# replaced by the service's address and curl failing on any HTTP error; after each block a check
# looks at the state the block should have reached. Needs curl, jq, openssl, oathtool and the built jar.
# Usage: .ci/readme-walkthrough.sh   (MVN_FLAGS='' to let Maven go online when it must build)
set -euo pipefail
source "$(dirname "$0")/lib/service.sh"
source "$(dirname "$0")/lib/readme.sh"

# After block N of the walkthrough, check N runs in the walkthrough's shell, with its variables.
challenge_status() {
  command curl -fsS "$BASE/internal/v1/mfa/challenges/$CHALLENGE" -H "Authorization: Bearer $SERVICE" | jq -r .status
}
after_the_sms_code() {
  [[ "$(challenge_status)" == consumed ]] || { echo "the SMS challenge is $(challenge_status), not consumed" >&2; return 1; }
}
after_the_app_code() {
  [[ "$(challenge_status)" == verified ]] || { echo "the app challenge is $(challenge_status), not verified" >&2; return 1; }
}
after_the_payment() {
  local status text
  status=$(command curl -fsS "$BASE/internal/v1/mfa/challenges/$PAYMENT" -H "Authorization: Bearer $SERVICE" | jq -r .status)
  [[ "$status" == consumed ]] || { echo "the payment challenge is $status, not consumed" >&2; return 1; }
  text=$(echo "$MESSAGE" | jq -r .text)
  [[ "$text" == *"zur Freigabe: 1.234,50 € an ACME GmbH."* ]] || { echo "the payment SMS shows no amount and payee: $text" >&2; return 1; }
  [[ "$DIGEST" == "$(echo "$CLAIMS" | jq -r .operation_digest)" && "$(echo "$CLAIMS" | jq -r .aud)" == payments ]] \
    || { echo "the step-up assertion does not approve the payment for payments: $CLAIMS" >&2; return 1; }
}
after_the_recovery_code() {
  local status left
  status=$(command curl -fsS "$BASE/internal/v1/mfa/challenges/$RECOVERY" -H "Authorization: Bearer $SERVICE" | jq -r .status)
  [[ "$status" == consumed ]] || { echo "the recovery challenge is $status, not consumed" >&2; return 1; }
  [[ "$(echo "$RECOVERY_CLAIMS" | jq -c .amr)" == '["otp","recovery"]' ]] \
    || { echo "the assertion does not say a recovery code was used: $RECOVERY_CLAIMS" >&2; return 1; }
  left=$(command curl -fsS "$BASE/resources/v3alpha/users/u-42/recovery_codes" -H "Authorization: Bearer $USER" | jq -r .remaining)
  [[ "$left" == 9 ]] || { echo "$left recovery codes are left, not 9" >&2; return 1; }
}
checks=(after_the_sms_code after_the_app_code after_the_payment after_the_recovery_code)

blocks=$(readme_block_count "Walkthrough")
if ((blocks != ${#checks[@]})); then
  echo "the README's walkthrough has $blocks blocks and this script checks ${#checks[@]}: give each block a check" >&2
  exit 1
fi
start=$(readme_run_command)
start=${start#* && }

mfa_build_if_needed
mkdir -p "$MFA_WORK"
work="$(mktemp -d "$MFA_WORK/walkthrough.XXXXXX")"
port="$(mfa_free_port)"
base="http://127.0.0.1:$port"
(
  cd "$MFA_ROOT"
  unset MFA_DB_URL DATASOURCES_DEFAULT_URL MICRONAUT_ENVIRONMENTS
  export MFA_PORT="$port" MFA_DEV_DIR="$work/.mfa-dev" MFA_NOTIFY_DEV_SINK_FILE="$work/.mfa-dev/dev-sink.log"
  exec bash -c "exec $start"
) >"$work/service.log" 2>&1 &
service=$!
stop() {
  kill "$service" 2>/dev/null || true
  wait "$service" 2>/dev/null || true
}
trap stop EXIT

echo "starting as the README says: $start (embedded MariaDB under $work/.mfa-dev)" >&2
mfa_wait_up "$service" "$base" "$work/service.log" 180
if grep -nE '^[[:space:]]+at |Exception|Caused by|[Ll]iquibase\.|Running Changeset|UPDATE SUMMARY' "$work/service.log" >&2; then
  echo "the first start logged the lines above (a stack trace, or Liquibase below WARN); its log: $work/service.log" >&2
  exit 1
fi

{
  echo 'set -euo pipefail'
  echo 'curl() { command curl --fail-with-body "$@"; }'
  declare -f challenge_status "${checks[@]}"
  for ((i = 1; i <= blocks; i++)); do
    echo "echo '== README walkthrough, block $i' >&2"
    readme_block "Walkthrough" "$i" | sed "s#http://localhost:8080#$base#g"
    echo
    echo "${checks[i - 1]}"
  done
} >"$work/walkthrough.sh"
if ! (cd "$work" && bash walkthrough.sh) >"$work/walkthrough.out" 2>&1; then
  cat "$work/walkthrough.out" >&2
  echo "the README walkthrough failed (script: $work/walkthrough.sh, service log: $work/service.log)" >&2
  exit 1
fi
stop
rm -rf "$work/.mfa-dev"
echo "README walkthrough: $blocks blocks ran as written against the packaged service; log in $work" >&2
