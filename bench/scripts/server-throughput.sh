#!/usr/bin/env bash
# Throughput of a server nobody here wrote (the JDK's HTTP server, agent/src/test/.../LoadedServer.java)
# under loopback load: with a plain JFR recording (JFR's default settings) against the Weft agent
# (its own recording and the HTML report at exit), rounds interleaved, medians printed.
#   bench/scripts/server-throughput.sh [ROUNDS] [SECONDS]      (after: mvn -pl reports,agent verify -DskipTests)
#   BASELINE_AGENT=old/agent.jar bench/scripts/...   also times that agent (e.g. main's build) in the same rounds
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-5}
SECONDS_PER_RUN=${2:-10}
JAVA="$(./weft java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.home = //p')/bin/java"
CP=agent/target/test-classes
AGENT=agent/target/agent.jar
[[ -f $AGENT && -d $CP ]] || { echo "build first: mvn -pl reports,agent verify -DskipTests" >&2; exit 1; }
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
run() { # threads variant → requests/s
  local threads=$1 variant=$2 opts
  case $variant in
    jfr) opts=("-XX:StartFlightRecording:filename=$OUT/plain.jfr") ;;
    agent) opts=("-javaagent:$AGENT=out=$OUT/weft,cache=$OUT/cache") ;;
    baseline) opts=("-javaagent:$BASELINE_AGENT=out=$OUT/weft,cache=$OUT/cache-baseline") ;;
  esac
  "$JAVA" "${opts[@]}" -Xlog:jfr+startup=off -cp "$CP" dev.weft.fixture.LoadedServer bench "$threads" "$SECONDS_PER_RUN" 2>/dev/null \
    | sed -n 's/^requests\/s //p'
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "java: $("$JAVA" -version 2>&1 | head -1); load before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)"
for threads in platform virtual; do
  : > "$OUT/jfr.txt"; : > "$OUT/agent.txt"; : > "$OUT/baseline.txt"
  for ((r = 1; r <= ROUNDS; r++)); do
    run "$threads" jfr >> "$OUT/jfr.txt"
    run "$threads" agent >> "$OUT/agent.txt"
    if [[ -n ${BASELINE_AGENT:-} ]]; then
      run "$threads" baseline >> "$OUT/baseline.txt"
    fi
  done
  j=$(median < "$OUT/jfr.txt"); a=$(median < "$OUT/agent.txt")
  printf '%-8s plain JFR %8.0f req/s [%s]   agent %8.0f req/s [%s]   agent/JFR %.1f %%\n' "$threads" "$j" \
    "$(tr '\n' ' ' < "$OUT/jfr.txt" | sed 's/ $//')" "$a" "$(tr '\n' ' ' < "$OUT/agent.txt" | sed 's/ $//')" \
    "$(awk -v a="$a" -v j="$j" 'BEGIN {print 100 * a / j}')"
  if [[ -n ${BASELINE_AGENT:-} ]]; then
    b=$(median < "$OUT/baseline.txt")
    printf '%-8s baseline agent %8.0f req/s [%s]   baseline/JFR %.1f %%\n' "$threads" "$b" \
      "$(tr '\n' ' ' < "$OUT/baseline.txt" | sed 's/ $//')" "$(awk -v b="$b" -v j="$j" 'BEGIN {print 100 * b / j}')"
  fi
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)"
