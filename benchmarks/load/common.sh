# Shared by the benchmark scripts. Source it from a script; see each function. It brings the CI
# scripts' way of starting the service along (.ci/lib/service.sh: mfa_start, mfa_launch, mfa_stop).
# shellcheck shell=bash
# shellcheck source=../../.ci/lib/service.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../.ci/lib/service.sh"

# bench_database_pid: the process id of the MariaDB listening on 127.0.0.1:3306.
bench_database_pid() { ss -Hltnp 'sport = :3306' | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }

# bench_with_priority "$@": with PRIORITY set (a nice value, root only), runs the calling script
# again at that priority, with the MariaDB at 127.0.0.1:3306 reniced to it too and restored
# afterwards, and exits with its status; returns at once without PRIORITY, and in that run. Other
# processes on a shared machine then get the CPU only when these leave it, and MariaDB, which
# shares the cores with the service here, is served first, as on a host of its own.
bench_with_priority() {
  if [[ -n "${PRIORITY:-}" && -z "${MFA_BENCH_PRIORITY_SET:-}" ]]; then
    local database database_nice status=0
    database=$(bench_database_pid)
    database_nice=$(ps -o ni= -p "$database" | tr -d ' ')
    # shellcheck disable=SC2046 # one thread id per word
    renice -n "$PRIORITY" -p $(ls "/proc/$database/task") >/dev/null
    MFA_BENCH_PRIORITY_SET=1 nice -n "$PRIORITY" "$0" "$@" || status=$?
    # shellcheck disable=SC2046
    renice -n "$database_nice" -p $(ls "/proc/$database/task") >/dev/null
    exit "$status"
  fi
}

# bench_wrong_code_budgets: the settings under which the HTTP rounds' wrong codes keep doing the
# same work for a whole run: attempt budgets of 100 (each user answers at most 90 wrong codes) and
# challenges that live an hour, the longest allowed, so that none expires during a run (codes,
# which live at most 10 minutes, are sent again by http-rounds.mjs before an SMS step).
bench_wrong_code_budgets() {
  export MFA_MAX_ATTEMPTS=100 MFA_MAX_CONSECUTIVE_FAILURES=100 MFA_TOTP_MAX_FAILURES=100
  export MFA_CHALLENGE_TTL=1h MFA_CODE_TTL=10m
}

# cpu_seconds PID: the user and system CPU time the process used so far, in whole seconds.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.0f", ($14 + $15) / hz }' "/proc/$1/stat" 2>/dev/null; }

# bench_conditions: one line on the machine the figures were taken on.
bench_conditions() {
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)," \
    "load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1), priority ${PRIORITY:-unchanged}"
}
