#!/usr/bin/env bash
# A soak (a script, not a test: it prints figures): the service with the image's JVM options and a
# maximum heap of 256 MB (-Xmx256m -Xms64m -XX:+UseSerialGC; MFA_JAVA_OPTS to change them) driven
# through REQUESTS requests (100 000) of the HTTP rounds' mix, one endpoint after the other in
# steps of STEP_SECONDS, while its resident set (VmRSS) is sampled every second.
# Prints the largest RSS, the RSS at the half and at the end of the load, and the growth over the
# last half (a least-squares slope, in MB per 10 000 requests), with the heap the JVM reports.
#
#   benchmarks/load/soak.sh
#   REQUESTS=200000 MFA_JAVA_OPTS="-Xmx256m" PRIORITY=-15 benchmarks/load/soak.sh   # G1, the JDK's default
#   AFTER_JAR=/tmp/build/mfa-totp.jar benchmarks/load/soak.sh
#   MFA_JAVA_OPTS="-Xmx256m -Xms64m -XX:+UseSerialGC -XX:NativeMemoryTracking=summary" benchmarks/load/soak.sh   # and the JVM's account of its memory
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=common.sh
source "$here/common.sh"
bench_with_priority "$@"

bench_wrong_code_budgets
# the image's collector and initial heap (bootstrap/pom.xml, the image's entrypoint) with a 256 MB maximum
export MFA_JAVA_OPTS="${MFA_JAVA_OPTS:--Xmx256m -Xms64m -XX:+UseSerialGC}"
requests="${REQUESTS:-100000}"
MFA_JAR="${AFTER_JAR:-}" mfa_start
bench_conditions
echo "service: $MFA_JAVA_OPTS, $requests requests"
samples="$MFA_RUN_DIR/rss.tsv"
: >"$samples"
(
  while kill -0 "$MFA_PID" 2>/dev/null; do
    echo "$(date +%s) $(awk '/VmRSS/ { print $2 }' "/proc/$MFA_PID/status")" >>"$samples"
    sleep 1
  done
) &
sampler=$!
SOAK_REQUESTS="$requests" ROUNDS=1000000 WARMUP_SECONDS=0 STEP_SECONDS="${STEP_SECONDS:-5}" \
  USERS="${USERS:-$(( requests / 200 + 100 ))}" node "$here/http-rounds.mjs" "service=$MFA_BASE_URL" \
  >"$MFA_RUN_DIR/soak-load.log"
kill "$sampler" 2>/dev/null || true
grep -E '^(warmed|soak)' "$MFA_RUN_DIR/soak-load.log" || true
# the load's start and end, as the generator logged them (epoch seconds)
read -r load_start load_end < <(awk '/^soak:/ { print $3, $5 }' "$MFA_RUN_DIR/soak-load.log")
awk -v start="$load_start" -v end="$load_end" -v requests="$requests" '
  $1 >= start && $1 <= end { t[n] = $1; rss[n] = $2 / 1024; if (rss[n] > max) max = rss[n]; n++ }
  END {
    half = int(n / 2)
    for (i = half; i < n; i++) { x = (t[i] - start) / (end - start) * requests; sx += x; sy += rss[i]; sxx += x * x; sxy += x * rss[i]; m++ }
    slope = (m * sxy - sx * sy) / (m * sxx - sx * sx)
    printf "rss: max %.0f MB, %.0f MB at the half, %.0f MB at the end; growth over the last half %.2f MB per 10 000 requests (%d samples)\n",
      max, rss[half], rss[n - 1], slope * 10000, n
  }' "$samples"
jcmd "$MFA_PID" GC.heap_info 2>/dev/null | head -3 || true
# where the resident set goes, by the JVM's own account, when MFA_JAVA_OPTS turns it on
if [[ "$MFA_JAVA_OPTS" == *NativeMemoryTracking* ]]; then
  jcmd "$MFA_PID" VM.native_memory summary scale=MB 2>/dev/null \
    | grep -E '^(Total:|-  *(Java Heap|Class|Thread|Code|GC|Compiler|Internal|Other|Symbol|Metaspace|Arena|Native Memory Tracking)) ' || true
fi
