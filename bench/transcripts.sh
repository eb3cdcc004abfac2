#!/usr/bin/env bash
# The transcript intake beside ccusage on the same files, in one run (issue 33):
#   1. generates a Claude Code folder (bench/make-transcripts.py: 200 sessions, 66,600 requests,
#      about 200,000 lines) unless BENCH_TRANSCRIPTS names one;
#   2. ccusage: `claude daily --offline --json` over it, wall time and peak memory (GNU time);
#   3. the packaged sidecar (JVM, the shipped options, sized for the JVM overlay's 512Mi pod) on
#      a fresh data directory reading it:
#      time from start until every request is stored (lines a second), the sidecar's peak memory;
#   4. `usage_stats group_by=day` (all time) first and repeated, `group_by=block` first, repeated
#      and after 20 more, and `group_by=session`, by curl;
#   5. what the store allows: the rows the sidecar stored, copied with plain JDBC batches into a
#      freshly migrated database under the same JVM options (bench/StoreFloor.java).
# Prints one line per figure.
#
#   bash bench/transcripts.sh   (from the project root, after ./mvnw package; CCUSAGE=<path to
#                                the ccusage command>, default: the one the tests installed)
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=target/quarkus-app/quarkus-run.jar
WORK=$(pwd)/target/bench-transcripts
DATA="$WORK/data"
PORT=${PORT:-18480}
MANAGEMENT=${MANAGEMENT:-19480}
CCUSAGE=${CCUSAGE:-$(ls -d "$HOME"/.cache/session-sidecar/agents/*ccusage*/node_modules/.bin/ccusage | tail -1)}
FOLDER=$(realpath -m "${BENCH_TRANSCRIPTS:-$WORK/claude}")
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
rm -rf "$DATA"
mkdir -p "$WORK"
if [ -z "${BENCH_TRANSCRIPTS:-}" ]; then
  rm -rf "$FOLDER"
  python3 bench/make-transcripts.py "$FOLDER" > "$WORK/generated.json"
fi
expected=$(python3 -c "import json; print(json.load(open('$WORK/generated.json'))['lines'])")
echo "set: $(cat "$WORK/generated.json"), $(du -sh "$FOLDER" | cut -f1)"

/usr/bin/time -f "%e %M" -o "$WORK/ccusage.time" \
  env CLAUDE_CONFIG_DIR="$FOLDER" "$CCUSAGE" claude daily --offline --json > "$WORK/ccusage-daily.json"
read -r seconds kb < "$WORK/ccusage.time"
echo "ccusage claude daily: ${seconds} s, peak RSS $((kb / 1024)) MB"

started=$(date +%s.%N)
# MaxRAM: the JVM sizes itself as in the JVM overlay's pod (memory limit 512Mi), not this machine.
SIDECAR_TRANSCRIPTS_CLAUDE_CODE="$FOLDER" java @deploy/k8s/overlays/jvm/jvm.options \
  -XX:MaxRAM=${POD_MEMORY:-512m} \
  -Dquarkus.http.port=$PORT -Dquarkus.management.port=$MANAGEMENT -Dsidecar.data-dir="$DATA" \
  -jar "$JAR" > "$WORK/sidecar.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
# Done when every line was read or skipped (the metrics count both), each part stored first.
read_lines=0
while [ "$read_lines" -lt "$expected" ]; do
  sleep 0.5
  read_lines=$(curl -sf "http://127.0.0.1:$MANAGEMENT/q/metrics" 2>/dev/null \
    | awk '/^sidecar_transcript_lines_total/ { n += $2 } END { printf "%d", n }' || echo 0)
  if ! kill -0 $pid 2>/dev/null; then echo "the sidecar stopped: see $WORK/sidecar.log"; exit 1; fi
done
ended=$(date +%s.%N)
peak=$(awk '/VmHWM/ { print int($2 / 1024) }' /proc/$pid/status)
# CPU seconds by thread name until then (utime + stime, in clock ticks), the five busiest.
ticks=$(getconf CLK_TCK)
by_thread=$(for task in /proc/$pid/task/*; do
    echo "$(tr ' ' '_' < "$task/comm") $(sed 's/.*) //' "$task/stat" | awk '{ print $12 + $13 }')"
  done | awk -v hz="$ticks" '{ cpu[$1] += $2 } END { for (t in cpu) printf "%.1f %s\n", cpu[t] / hz, t }' \
  | sort -rn | head -5 | awk '{ printf "%s%s %s s", (NR > 1 ? ", " : ""), $2, $1 }')
python3 -c "
s = $ended - $started
import json
g = json.load(open('$WORK/generated.json'))
print('sidecar backfill: %d requests, %d lines in %.1f s from start (%.0f lines/s), peak RSS $peak MB'
      % (g['requests'], g['lines'], s, g['lines'] / s))"
echo "sidecar CPU by thread during the backfill: $by_thread"
echo "stored: $(curl -s "http://127.0.0.1:$MANAGEMENT/q/metrics" | grep '^sidecar_transcript')"
stats() {
  curl -s -o /dev/null -w "%{time_total}" -H 'Content-Type: application/json' \
    -d "{\"action\":\"usage_stats\",\"group_by\":\"$1\",\"since_days\":0}" \
    "http://127.0.0.1:$PORT/v1/tools/session"
}
echo "usage_stats group_by=day: first $(stats day) s, then $(stats day) s, $(stats day) s"
echo "usage_stats group_by=block: first $(stats block) s, then $(stats block) s, $(stats block) s"
for i in $(seq 1 20); do stats block > /dev/null; done
echo "usage_stats group_by=block after 20 more: $(stats block) s, $(stats block) s, $(stats block) s; group_by=session: $(stats session) s, $(stats session) s"

# 5. The store's floor: stop the sidecar (its database closed), migrate a fresh one, copy into it.
kill $pid
while kill -0 $pid 2>/dev/null; do sleep 0.2; done
FLOOR="$WORK/floor"
rm -rf "$FLOOR"
java -Dquarkus.http.port=$PORT -Dquarkus.management.port=$MANAGEMENT -Dsidecar.data-dir="$FLOOR" \
  -jar "$JAR" > "$WORK/floor.log" 2>&1 &
pid=$!
until curl -sf "http://127.0.0.1:$MANAGEMENT/q/health/ready" > /dev/null; do sleep 0.2; done
kill $pid
while kill -0 $pid 2>/dev/null; do sleep 0.2; done
H2=$(ls target/quarkus-app/lib/main/com.h2database.h2-*.jar)
java @deploy/k8s/overlays/jvm/jvm.options -XX:MaxRAM=${POD_MEMORY:-512m} -cp "$H2" \
  bench/StoreFloor.java "$DATA" "$FLOOR"
