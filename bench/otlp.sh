#!/usr/bin/env bash
# OTLP intake against the REST batch: the time of one OTLP/JSON traces request of SPANS (default
# 1000) GenAI chat spans (bench/otlp-spans.py) against one POST /v1/usage of as many records, each
# ROUNDS times (default 5) with fresh ids, on the packaged sidecar with a fresh data directory.
set -euo pipefail
cd "$(dirname "$0")/.."

SPANS=${SPANS:-1000}
ROUNDS=${ROUNDS:-5}
API_PORT=${API_PORT:-18080}
MGMT_PORT=${MGMT_PORT:-19000}
DATA_DIR=$(mktemp -d)/data
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
source bench/sidecar.sh
B="http://127.0.0.1:$API_PORT"
WORK=$(dirname "$DATA_DIR")

records() {
  python3 - "$1" "$2" <<'PY'
import json, sys
n, run = int(sys.argv[1]), sys.argv[2]
json.dump([{"request_id": "rest-%s-%d" % (run, i), "session_id": "otlp-bench",
            "provider": "anthropic", "model": "claude-sonnet-4-5",
            "input_tokens": 1000 + i, "output_tokens": 100 + i} for i in range(n)], sys.stdout)
PY
}
post() { curl -s -o /dev/null -w '%{http_code} %{time_total}' -XPOST "$B$1" -H 'content-type: application/json' --data-binary "@$2"; }

echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); $SPANS spans or records per request"
start_sidecar
curl -sf -XPOST "$B/v1/sessions" -H 'content-type: application/json' \
     -d '{"session_id":"otlp-bench","project_path":"/srv/otlp-bench"}' >/dev/null
for round in $(seq 1 "$ROUNDS"); do
  python3 bench/otlp-spans.py "$SPANS" "otlp-bench" "$round" > "$WORK/spans.json"
  records "$SPANS" "$round" > "$WORK/records.json"
  echo "round $round: OTLP $(post /otlp/v1/traces "$WORK/spans.json") s, REST $(post /v1/usage "$WORK/records.json") s"
done
echo "usage records stored: $(curl -sf "$B/v1/usage?limit=1&since_days=0" | sed -E 's/.*"total":([0-9]+).*/\1/')"
stop_sidecar
rm -rf "$WORK"
