#!/usr/bin/env bash
# Load run: a mixed load (70% usage writes, 20% tool-call writes, 10% reads of summary, stats
# and recap) at about RATE requests per second for DURATION seconds (default 600; SMOKE=1 runs
# 60), with wrk and bench/mixed-load.lua. Reports throughput, latency, errors, RSS at start,
# middle and end, and the database's growth per million records written. Five samples along the
# run show RSS, the live heap after a full GC (jcmd's class histogram; flat means no leak, even
# when RSS grows because the JVM sizes its heap to the machine) and the data directory's size.
# JAVA_OPTS passes options to the sidecar's JVM; by default the JVM image's options
# (deploy/k8s/overlays/jvm/jvm.options) and -XX:MaxRAM=512m, so the JVM sizes its heap as it does
# under the JVM overlay's 512 Mi memory limit. With
# -XX:NativeMemoryTracking=summary in JAVA_OPTS the samples also say what the JVM has committed
# (total, heap, GC structures, classes, code cache, the rest).
set -euo pipefail
cd "$(dirname "$0")/.."

RATE=${RATE:-200}
CONNECTIONS=${CONNECTIONS:-8}
DURATION=${DURATION:-600}
[ "${SMOKE:-0}" = 1 ] && DURATION=60
API_PORT=${API_PORT:-18080}
MGMT_PORT=${MGMT_PORT:-19000}
DATA_DIR=$(mktemp -d)/data
JAR=target/quarkus-app/quarkus-run.jar
JAVA_OPTS=${JAVA_OPTS:--XX:MaxRAM=512m @deploy/k8s/overlays/jvm/jvm.options}
source bench/sidecar.sh

rss() { awk '/VmRSS/ {print int($2 / 1024) " MB"}' "/proc/$SIDECAR/status"; }
live_heap() { jcmd "$SIDECAR" GC.class_histogram | awk '/^Total/ {print int($3 / 1048576) " MB"}'; }
committed() {
  case "$JAVA_OPTS" in *NativeMemoryTracking=summary*) ;; *) return 0 ;; esac
  jcmd "$SIDECAR" VM.native_memory summary scale=MB | awk '
    function mb(line) { sub(/.*committed=/, "", line); return line + 0 }
    /^Total:/ { total = mb($0) }
    /^- / { name = $0; sub(/^- */, "", name); sub(/ *\(.*/, "", name); by[name] = mb($0) }
    END { meta = by["Class"] + by["Metaspace"]
          printf ", JVM committed %d MB (heap %d, GC %d, classes %d, code %d, other %d)", total,
            by["Java Heap"], by["GC"], meta, by["Code"],
            total - by["Java Heap"] - by["GC"] - meta - by["Code"] }'
}
sample() { echo "  at ${1}s: RSS $(rss), live heap $(live_heap), data $(du -sm "$DATA_DIR" | cut -f1) MB$(committed)"; }
B="http://127.0.0.1:$API_PORT"

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), JAVA_OPTS=$JAVA_OPTS${MALLOC_ARENA_MAX:+, MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX}; rate ~$RATE/s, $CONNECTIONS connections, ${DURATION}s"
start_sidecar
SESSION="load-$(date +%s)"
curl -sf -XPOST "$B/v1/sessions" -H 'content-type: application/json' \
     -d "{\"session_id\":\"$SESSION\",\"project_path\":\"/srv/load\"}" >/dev/null
size_before=$(du -sk "$DATA_DIR" | cut -f1)
echo "RSS at start: $(rss)"
( sleep $((DURATION / 2)); echo "RSS at middle: $(rss)" ) &
MIDDLE=$!
( for i in 1 2 3 4; do sleep $((DURATION / 5)); sample $((i * DURATION / 5)); done ) &
SAMPLER=$!
RATE=$RATE CONNECTIONS=$CONNECTIONS SESSION=$SESSION \
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency -s bench/mixed-load.lua "$B" \
  | grep -E 'requests in|Requests/sec|50%|99%|Non-2xx|Socket errors'
wait "$MIDDLE" "$SAMPLER"
echo "RSS at end: $(rss)"
usage=$(curl -sf "$B/v1/usage?limit=1&since_days=0" | sed -E 's/.*"total":([0-9]+).*/\1/')
calls=$(curl -sf "$B/v1/sessions/$SESSION" | sed -E 's/.*"tool_calls":([0-9]+).*/\1/')
stop_sidecar
size_after=$(du -sk "$DATA_DIR" | cut -f1)
records=$((usage + calls))
echo "records written: $usage usage records, $calls tool calls"
awk -v a="$size_after" -v b="$size_before" -v n="$records" \
  'BEGIN { printf "database growth: %.0f MB per million records (%d kB for %d)\n", (a - b) / 1024 * 1e6 / n, a - b, n }'
rm -rf "$(dirname "$DATA_DIR")"
