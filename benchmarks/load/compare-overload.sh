#!/usr/bin/env bash
# Runs verify-overload.sh without and with shedding by queue delay, one after the other, RUNS times
# (a fresh service each time, same settings otherwise), and prints each run's figures for the
# overload phase side by side. The whole output of every run goes to target/overload-compare.log.
#
#   RUNS=3 SERVICE_CPUS=1 GENERATOR_CPUS=0 benchmarks/load/compare-overload.sh
#
# "without" sets MFA_QUEUE_TARGET=10s and MFA_QUEUE_INTERVAL=1m, so nothing waits long enough to
# be shed by its wait; "with" runs the defaults (50ms, 500ms). Other variables pass through.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
log="$here/../../target/overload-compare.log"
mkdir -p "$(dirname "$log")"
: >"$log"
for run in $(seq "${RUNS:-3}"); do
  for variant in without with; do
    settings=()
    [[ $variant == without ]] && settings=(MFA_QUEUE_TARGET=10s MFA_QUEUE_INTERVAL=1m)
    echo "== run $run, $variant shedding by queue delay" | tee -a "$log"
    start=$(wc -l <"$log")
    env "${settings[@]}" "$here/verify-overload.sh" >>"$log" 2>&1 || echo "the run failed: see $log"
    tail -n +"$((start + 1))" "$log" | grep -E '^(service:|capacity|overload|  generator|  accepted|kernel|service threads)' || true
  done
done
