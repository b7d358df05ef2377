#!/usr/bin/env bash
# Two instances of the production artifact started at the same moment on an empty schema, PAIRS
# times (3), each pair on a fresh schema of the MariaDB at 127.0.0.1:3306: both must migrate-or-wait
# and serve (the schema's migration lock, docs/operations.md "Schema migrations"). All pairs run;
# a failed start shows the end of its log, and the run ends with how many pairs failed. Whether a pair meets in Liquibase's table creation depends on timing,
# so a green run says no pair failed, and the pairs make a meeting likely: before the lock, 3 of 15
# pairs failed.
# Usage: .ci/start-together.sh   (PAIRS=12 for more; MFA_JAR another production jar)
set -euo pipefail
source "$(dirname "$0")/lib/service.sh"

[[ -n "${MFA_JAR:-}" ]] || mfa_build_if_needed
jar="${MFA_JAR:-$MFA_ROOT/bootstrap/target/mfa-totp.jar}"
pairs="${PAIRS:-3}"
failed=0
for pair in $(seq "$pairs"); do
  mfa_new_schema
  mfa_launch "$jar" MFA_DB_URL="$MFA_DB_URL"
  first=("$MFA_PID" "$MFA_BASE_URL" "$MFA_RUN_DIR/service.log")
  mfa_launch "$jar" MFA_DB_URL="$MFA_DB_URL"
  second=("$MFA_PID" "$MFA_BASE_URL" "$MFA_RUN_DIR/service.log")
  up=0
  mfa_wait_up "${first[@]}" 120 && up=$((up + 1))
  mfa_wait_up "${second[@]}" 120 && up=$((up + 1))
  if ((up < 2)); then
    failed=$((failed + 1))
    echo "pair $pair: $((2 - up)) of its instances did not start" >&2
  fi
  mfa_stop
done
if ((failed > 0)); then
  echo "started together on an empty schema: $failed of $pairs pairs failed" >&2
  exit 1
fi
echo "started together on an empty schema: $pairs pairs, all $((pairs * 2)) instances serving"
