#!/usr/bin/env bash
# Two instances of the production artifact started at the same moment on an empty schema, PAIRS
# times (3), each pair on a fresh schema of the MariaDB at 127.0.0.1:3306: both must migrate-or-wait
# and serve (the schema's migration lock, docs/operations.md "Schema migrations"). A failed start
# shows the end of its log. Whether a pair meets in Liquibase's table creation depends on timing,
# so a green run says no pair failed, and the pairs make a meeting likely: before the lock, 2 of 9
# pairs failed.
# Usage: .ci/start-together.sh   (PAIRS=12 for more; MFA_JAR another production jar)
set -euo pipefail
source "$(dirname "$0")/lib/service.sh"

[[ -n "${MFA_JAR:-}" ]] || mfa_build_if_needed
jar="${MFA_JAR:-$MFA_ROOT/bootstrap/target/mfa-totp.jar}"
pairs="${PAIRS:-3}"
for pair in $(seq "$pairs"); do
  mfa_new_schema
  mfa_launch "$jar" MFA_DB_URL="$MFA_DB_URL"
  first=("$MFA_PID" "$MFA_BASE_URL" "$MFA_RUN_DIR/service.log")
  mfa_launch "$jar" MFA_DB_URL="$MFA_DB_URL"
  second=("$MFA_PID" "$MFA_BASE_URL" "$MFA_RUN_DIR/service.log")
  mfa_wait_up "${first[@]}" 120 || { echo "pair $pair: the first instance did not start" >&2; exit 1; }
  mfa_wait_up "${second[@]}" 120 || { echo "pair $pair: the second instance did not start" >&2; exit 1; }
  mfa_stop
done
echo "started together on an empty schema: $pairs pairs, all $((pairs * 2)) instances serving"
