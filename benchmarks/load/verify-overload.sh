#!/usr/bin/env bash
# Load benchmark of the verify endpoint past its capacity (a script, not a test: it prints figures).
# Starts the service like the CI scripts do (dev environment, fresh schema), measures the accepted
# rate with as many requests in flight as the service admits, then offers about twice that rate
# and prints accepted req/s, p50/p99 of the accepted requests and the share shed with 503; then
# where requests waited outside the service's code: in the generator (behind its schedule, for a
# connection, its event loop), in the kernel (accept queue, bytes unread by the service), and the
# CPU time the service and the generator used.
#
#   benchmarks/load/verify-overload.sh                # defaults: 40 admitted, pool of 20
#   SERVICE_CPUS=1 GENERATOR_CPUS=0 benchmarks/load/verify-overload.sh   # each on a core of its own
#   MFA_QUEUE_TARGET=10s MFA_QUEUE_INTERVAL=1m benchmarks/load/verify-overload.sh  # no shedding by queue delay
#   MFA_MAX_CONCURRENT_REQUESTS=10000 benchmarks/load/verify-overload.sh   # no concurrency limit either
#   SECONDS_PER_PHASE=30 CHALLENGES=500 OVERLOAD=2 benchmarks/load/verify-overload.sh
#   PRIORITY=-15 SERVICE_CPUS=1 GENERATOR_CPUS=0 benchmarks/load/verify-overload.sh   # see below
#   RATE=800 benchmarks/load/verify-overload.sh       # the second phase at a fixed 800 req/s
#
# PRIORITY (a nice value, root only) runs the service, the generator and the MariaDB at
# 127.0.0.1:3306 at that priority for the run, and restores MariaDB's afterwards: other processes
# on a shared machine then get the CPU only when these leave it, and MariaDB, which shares the
# cores with the service here, is served first, as it would be on a host of its own.
#
# Needs node (18 or later) and taskset/ss (util-linux, iproute2); the load generator is the script
# next to this one, no package to install.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=common.sh
source "$here/common.sh"
bench_with_priority "$@"

export MFA_MAX_CONCURRENT_REQUESTS="${MFA_MAX_CONCURRENT_REQUESTS:-40}"
export MFA_DB_POOL_SIZE="${MFA_DB_POOL_SIZE:-20}"
mfa_start
if [[ -n "${SERVICE_CPUS:-}" ]]; then
  taskset -a -p -c "$SERVICE_CPUS" "$MFA_PID" >/dev/null
fi
generator=(node)
[[ -n "${GENERATOR_CPUS:-}" ]] && generator=(taskset -c "$GENERATOR_CPUS" node)
echo "service: max-concurrent-requests $MFA_MAX_CONCURRENT_REQUESTS, pool $MFA_DB_POOL_SIZE, $(nproc) cores," \
  "service on cpus ${SERVICE_CPUS:-all}, generator on cpus ${GENERATOR_CPUS:-all}, priority ${PRIORITY:-unchanged}," \
  "load $(cut -d' ' -f1-3 /proc/loadavg)"
threads_before=$(ls "/proc/$MFA_PID/task" | wc -l)
service_cpu_before=$(cpu_seconds "$MFA_PID")
ADMITTED="$(( MFA_MAX_CONCURRENT_REQUESTS < 200 ? MFA_MAX_CONCURRENT_REQUESTS : 200 ))" \
  PHASE_SECONDS="${SECONDS_PER_PHASE:-15}" CHALLENGES="${CHALLENGES:-300}" OVERLOAD="${OVERLOAD:-2}" \
  "${generator[@]}" "$here/verify-overload.mjs" "$MFA_BASE_URL" &
load=$!
threads_max=$threads_before
# Where requests wait outside the service's own code, sampled twice a second: the kernel's accept
# queue of the service's port (connections not yet accepted), bytes the service has not yet read
# from its connections, and bytes of answers the generator has not yet read.
backlog_max=0 unread_max=0 unanswered_max=0 connections_max=0
sum_column() { awk -v c="$1" '{ s += $c } END { print s + 0 }'; }
while kill -0 "$load" 2>/dev/null; do
  threads=$(ls "/proc/$MFA_PID/task" 2>/dev/null | wc -l)
  backlog=$(ss -Hltn "sport = :$MFA_PORT" | awk '{ print $2 }')
  unread=$(ss -Htn state established "sport = :$MFA_PORT" | sum_column 1)
  unanswered=$(ss -Htn state established "dport = :$MFA_PORT" | sum_column 1)
  connections=$(ss -Htn state established "sport = :$MFA_PORT" | wc -l)
  generator_cpu=$(cpu_seconds "$load" || echo "${generator_cpu:-0}")
  (( threads > threads_max )) && threads_max=$threads
  (( ${backlog:-0} > backlog_max )) && backlog_max=${backlog:-0}
  (( unread > unread_max )) && unread_max=$unread
  (( unanswered > unanswered_max )) && unanswered_max=$unanswered
  (( connections > connections_max )) && connections_max=$connections
  sleep 0.5
done
wait "$load"
echo "service threads: $threads_before before the load, at most $threads_max during it;" \
  "cpu time during the load: service $(( $(cpu_seconds "$MFA_PID") - service_cpu_before )) s, generator ${generator_cpu:-?} s"
echo "kernel, at most: $connections_max connections, $backlog_max waiting to be accepted," \
  "$unread_max bytes unread by the service, $unanswered_max bytes of answers unread by the generator"
