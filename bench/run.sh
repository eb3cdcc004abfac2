#!/usr/bin/env bash
# Usage-ledger benchmark: array intake vs raw JDBC, summary/stats latency over RECORDS records,
# single-record intake under wrk. Bounded in time; traffic goes to loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."

RECORDS=${RECORDS:-1000000}
BASELINE_ROWS=${BASELINE_ROWS:-200000}
WRK_SECONDS=${WRK_SECONDS:-15}
API_PORT=${API_PORT:-18080}
MGMT_PORT=${MGMT_PORT:-19000}
DATA_DIR=$(mktemp -d)/data
JAR=target/quarkus-app/quarkus-run.jar

source bench/sidecar.sh

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1)"
start_sidecar
java bench/UsageBench.java "http://127.0.0.1:$API_PORT" "$RECORDS" | tee "$DATA_DIR.bench"
echo "single-record intake (wrk -t2 -c16 -d${WRK_SECONDS}s, keep-alive):"
wrk -t2 -c16 -d"${WRK_SECONDS}s" --latency -s bench/single-record.lua \
    "http://127.0.0.1:$API_PORT/v1/usage" | grep -E 'Requests/sec|50%|99%|Non-2xx' || true
stop_sidecar

java -cp "$H2_JAR" bench/JdbcBatchBaseline.java "$DATA_DIR" "$BASELINE_ROWS" | tee -a "$DATA_DIR.bench"
awk '/^array intake/ {a = $(NF-1)} /^raw JDBC/ {b = $(NF-1)}
     END {printf "array intake / raw JDBC batches: %.0f%%\n", 100 * a / b}' "$DATA_DIR.bench"
rm -rf "$(dirname "$DATA_DIR")"
