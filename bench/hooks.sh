#!/usr/bin/env bash
# Hook intake: wrk replays an agent's hook traffic (bench/hook-mix.lua: 20% UserPromptSubmit, 40%
# PreToolUse, 40% PostToolUse, each thread one session) against the packaged sidecar on a fresh
# data directory for WRK_SECONDS (default 20) over CONNECTIONS (default 4) keep-alive connections,
# after a 5-second warm-up, and reports hook events per second, latency percentiles and errors.
set -euo pipefail
cd "$(dirname "$0")/.."

WRK_SECONDS=${WRK_SECONDS:-20}
CONNECTIONS=${CONNECTIONS:-4}
API_PORT=${API_PORT:-18080}
MGMT_PORT=${MGMT_PORT:-19000}
DATA_DIR=$(mktemp -d)/data
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
source bench/sidecar.sh
B="http://127.0.0.1:$API_PORT"

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); $CONNECTIONS connections, ${WRK_SECONDS}s"
start_sidecar
wrk -t2 -c"$CONNECTIONS" -d5s -s bench/hook-mix.lua "$B" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d"${WRK_SECONDS}s" --latency -s bench/hook-mix.lua "$B" \
  | grep -E 'requests in|Requests/sec|50%|99%|Non-2xx|Socket errors'
stop_sidecar
rm -rf "$(dirname "$DATA_DIR")"
