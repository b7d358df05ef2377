#!/usr/bin/env bash
# Start-up to the first 200 on GET /health with an external, already migrated database (a script,
# not a test: it prints figures). Migrates a fresh schema of the MariaDB at 127.0.0.1:3306 once
# (MFA_DB_MIGRATION=only), then starts the service RUNS times on it as it would be started for
# real, with the default MFA_DB_MIGRATION=apply (which finds the changelog applied), and measures
# from the launch of the JVM to the first 200, polling every 10 ms; prints each run with the time
# Micronaut reports for itself, then min and median.
#
#   benchmarks/load/startup.sh                                      # the build here (with its class-data archive), 5 runs
#   BEFORE_JAR=/tmp/before/mfa-totp.jar benchmarks/load/startup.sh  # that build and this one, alternating
#   RUNS=9 PRIORITY=-15 MFA_JAVA_OPTS=-Xshare:off benchmarks/load/startup.sh
#
# BEFORE_JAR and AFTER_JAR as in http-rounds.sh; MFA_JAVA_OPTS pass to the JVM.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=common.sh
source "$here/common.sh"
bench_with_priority "$@"

declare -A jars=()
names=()
if [[ -n "${BEFORE_JAR:-}" ]]; then
  jars[before]="$BEFORE_JAR" names+=(before)
  jars[after]="${AFTER_JAR:-$MFA_ROOT/bootstrap/target/mfa-totp.jar}" names+=(after)
else
  [[ -n "${AFTER_JAR:-}" ]] || mfa_build_if_needed
  jars[service]="${AFTER_JAR:-$MFA_ROOT/bootstrap/target/mfa-totp.jar}" names+=(service)
fi
declare -A schemas=()
for name in "${names[@]}"; do
  mfa_new_schema
  schemas[$name]="$MFA_DB_URL"
  mfa_launch "${jars[$name]}" MFA_DB_URL="$MFA_DB_URL" MFA_DB_MIGRATION=only
  wait "$MFA_PID" || { echo "$name: the migration failed; see $MFA_RUN_DIR/service.log" >&2; exit 1; }
done
bench_conditions

millis() { date +%s%3N; }
declare -A times=()
for run in $(seq "${RUNS:-5}"); do
  order=("${names[@]}")
  (( run % 2 == 0 )) && order=($(printf '%s\n' "${names[@]}" | tac))
  for name in "${order[@]}"; do
    started=$(millis)
    mfa_launch "${jars[$name]}" MFA_DB_URL="${schemas[$name]}"
    until curl -fsS -o /dev/null "$MFA_BASE_URL/health" 2>/dev/null; do
      kill -0 "$MFA_PID" 2>/dev/null || { echo "$name: the service died; see $MFA_RUN_DIR/service.log" >&2; exit 1; }
      sleep 0.01
    done
    took=$(( $(millis) - started ))
    times[$name]+="$took "
    reported=$(grep -o 'started in [0-9.]* s' "$MFA_RUN_DIR/service.log" | grep -o '[0-9.]* s' || echo '?')
    echo "run $run $name: first 200 after $took ms (the service reports ${reported})"
    kill "$MFA_PID"
    wait "$MFA_PID" 2>/dev/null || true
  done
done
for name in "${names[@]}"; do
  read -r -a all <<<"${times[$name]}"
  sorted=($(printf '%s\n' "${all[@]}" | sort -n))
  echo "$name: min ${sorted[0]} ms, median ${sorted[$(( ${#sorted[@]} / 2 ))]} ms over ${#sorted[@]} runs"
done
