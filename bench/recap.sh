#!/usr/bin/env bash
# Recap benchmark: fills a data directory with SESSIONS sessions (10 tool calls and 10 usage
# records each by default: 100,000 / 1,000,000 / 1,000,000) straight through JDBC, then measures
# the recap over HTTP with wrk, one connection at a time, and then each view of the inspection page
# over the same history (PAGES=0 skips them). Loopback only; stops by itself.
set -euo pipefail
cd "$(dirname "$0")/.."

SESSIONS=${SESSIONS:-100000}
CALLS_PER_SESSION=${CALLS_PER_SESSION:-10}
USAGE_PER_SESSION=${USAGE_PER_SESSION:-10}
WRK_SECONDS=${WRK_SECONDS:-15}
PAGES=${PAGES:-1}
API_PORT=${API_PORT:-18080}
MGMT_PORT=${MGMT_PORT:-19000}
DATA_DIR=$(mktemp -d)/data
JAR=target/quarkus-app/quarkus-run.jar

source bench/sidecar.sh
measure() {
  echo "$1 (wrk -t1 -c1 -d${WRK_SECONDS}s):"
  shift
  wrk -t1 -c1 -d"${WRK_SECONDS}s" --latency "$@" | grep -E 'Requests/sec|50%|90%|99%|Non-2xx' || true
}

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
start_sidecar   # creates the schema
stop_sidecar
java -cp "$H2_JAR" bench/RecapSeed.java "$DATA_DIR" "$SESSIONS" "$CALLS_PER_SESSION" "$USAGE_PER_SESSION"
start_sidecar
B="http://127.0.0.1:$API_PORT"
recap=$(curl -s "$B/v1/tools/session" -H 'content-type: application/json' -d '{"action":"recap"}')
echo "${recap:0:400}"   # (not through head: with pipefail, curl's broken pipe would end the run)
for _ in $(seq 1 1000); do curl -s -o /dev/null "$B/v1/recap"; done   # warm-up (JIT)
measure "GET /v1/recap (JSON)" "$B/v1/recap"
measure "GET /v1/recap (text)" -H 'Accept: text/plain' "$B/v1/recap"
measure "recap action" -s bench/recap-action.lua "$B/v1/tools/session"
if [ "$PAGES" = 1 ]; then
  SESSION=$(curl -s "$B/v1/sessions?limit=1" | sed -E 's/.*"session_id":"([^"]+)".*/\1/')
  for view in / /ui/sessions "/ui/sessions/$SESSION" /ui/usage "/ui/usage?days=30" /ui/insights \
              /ui/tasks /ui/recap; do
    for _ in $(seq 1 100); do curl -s -o /dev/null "$B$view"; done   # warm-up (JIT)
    measure "page $view" "$B$view"
  done
fi
stop_sidecar
du -sh "$DATA_DIR" | sed 's/^/database size: /'
rm -rf "$(dirname "$DATA_DIR")"
