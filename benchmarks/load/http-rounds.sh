#!/usr/bin/env bash
# HTTP rounds interleaved on one server, or on two builds side by side (a script, not a test: it
# prints figures): GET /health, PUT phone, SMS verify with a wrong code, app verify with a wrong
# code and create challenge, each driven with CONNECTIONS requests in flight for STEP_SECONDS per
# round; per build and endpoint the median req/s, its ratio to PUT phone, p50/p99 and the CPU time
# per request of the service, MariaDB and the generator (http-rounds.mjs says what each request does).
#
#   benchmarks/load/http-rounds.sh                                  # the build here, 5 rounds
#   BEFORE_JAR=/tmp/before/mfa-totp.jar benchmarks/load/http-rounds.sh   # that build and this one
#   BEFORE_JAR=... AFTER_JAR=... PRIORITY=-15 ROUNDS=7 STEP_SECONDS=10 CONNECTIONS=16 benchmarks/load/http-rounds.sh
#   ENDPOINTS=phone,sms-verify ROUNDS=1 STEP_SECONDS=2 WARMUP_SECONDS=2 USERS=50 benchmarks/load/http-rounds.sh  # a smoke run
#
# BEFORE_JAR and AFTER_JAR are production jars (bootstrap/target/mfa-totp.jar with its lib/
# folder next to it; copy both to keep a build); AFTER_JAR defaults to the one built here. They may
# be the same jar, run with different JVM options: BEFORE_JAVA_OPTS and AFTER_JAVA_OPTS (each
# defaults to MFA_JAVA_OPTS) compare options side by side, e.g.
#   BEFORE_JAR=bootstrap/target/mfa-totp.jar BEFORE_JAVA_OPTS="-XX:+UseG1GC" benchmarks/load/http-rounds.sh Both
# services run at once, each on a fresh schema of the MariaDB at 127.0.0.1:3306, in the dev
# environment (development tokens), with the attempt budgets raised to 100 so that the wrong
# codes of the run keep doing the same work, and challenges that live an hour (the longest
# allowed) so that none expires during the run. Only one of them is driven at any moment; the
# order alternates between rounds. PRIORITY works as in verify-overload.sh (common.sh). Other
# variables (MFA_DB_POOL_SIZE, MFA_MAX_CONCURRENT_REQUESTS...) pass to both services.
#
# Needs node (18 or later); the load generator is http-rounds.mjs next to this script.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=common.sh
source "$here/common.sh"
bench_with_priority "$@"

bench_wrong_code_budgets
services=()
if [[ -n "${BEFORE_JAR:-}" ]]; then
  MFA_JAVA_OPTS="${BEFORE_JAVA_OPTS:-${MFA_JAVA_OPTS:-}}" MFA_JAR="$BEFORE_JAR" mfa_start
  services+=("before=$MFA_BASE_URL@$MFA_PID")
fi
MFA_JAVA_OPTS="${AFTER_JAVA_OPTS:-${MFA_JAVA_OPTS:-}}" MFA_JAR="${AFTER_JAR:-}" mfa_start
name=service
[[ -n "${BEFORE_JAR:-}" ]] && name=after
services+=("$name=$MFA_BASE_URL@$MFA_PID")
bench_conditions
DATABASE_PID="$(bench_database_pid)" node "$here/http-rounds.mjs" "${services[@]}"
