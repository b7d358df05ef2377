#!/usr/bin/env bash
# Load benchmark of the verify endpoint past its capacity (a script, not a test: it prints figures).
# Starts the service like the CI scripts do (dev environment, fresh schema), measures the accepted
# rate with as many requests in flight as the service admits, then offers about twice that rate
# and prints accepted req/s, p50/p99 of the accepted requests and the share shed with 503.
#
#   benchmarks/load/verify-overload.sh                # defaults: 40 admitted, pool of 20
#   MFA_MAX_CONCURRENT_REQUESTS=10000 benchmarks/load/verify-overload.sh   # no admission control, to compare
#   SECONDS_PER_PHASE=30 CHALLENGES=500 OVERLOAD=2 benchmarks/load/verify-overload.sh
#
# Needs node (18 or later); the load generator is the script next to this one, no package to install.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=../../.ci/lib/service.sh
source "$here/../../.ci/lib/service.sh"

export MFA_MAX_CONCURRENT_REQUESTS="${MFA_MAX_CONCURRENT_REQUESTS:-40}"
export MFA_DB_POOL_SIZE="${MFA_DB_POOL_SIZE:-20}"
mfa_start
echo "service: max-concurrent-requests $MFA_MAX_CONCURRENT_REQUESTS, pool $MFA_DB_POOL_SIZE, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
threads_before=$(ls "/proc/$MFA_PID/task" | wc -l)
ADMITTED="$(( MFA_MAX_CONCURRENT_REQUESTS < 200 ? MFA_MAX_CONCURRENT_REQUESTS : 200 ))" \
  PHASE_SECONDS="${SECONDS_PER_PHASE:-15}" CHALLENGES="${CHALLENGES:-300}" OVERLOAD="${OVERLOAD:-2}" \
  node "$here/verify-overload.mjs" "$MFA_BASE_URL" &
load=$!
threads_max=$threads_before
while kill -0 "$load" 2>/dev/null; do
  threads=$(ls "/proc/$MFA_PID/task" 2>/dev/null | wc -l)
  (( threads > threads_max )) && threads_max=$threads
  sleep 0.5
done
wait "$load"
echo "service threads: $threads_before before the load, at most $threads_max during it"
