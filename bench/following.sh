#!/usr/bin/env bash
# What following costs once a Claude Code folder holds many sessions: FILES session files (default
# 20,000, in 20 project folders, one request each) are backfilled by the packaged sidecar (the
# shipped JVM options, sized for the 512Mi pod), then its CPU is read from /proc over 60 s idle and
# over 60 s while one session's file gains a line a second. Prints one line per figure.
#
#   bash bench/following.sh   (from the project root, after ./mvnw package)
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
WORK=$(pwd)/target/bench-following
FILES=${FILES:-20000}
API_PORT=${API_PORT:-18580}
MGMT_PORT=${MGMT_PORT:-19580}
DATA_DIR="$WORK/data"
# The JVM sizes itself as in the JVM overlay's pod (memory limit 512Mi), not this machine.
JAVA_OPTS="@deploy/k8s/overlays/jvm/jvm.options -XX:MaxRAM=${POD_MEMORY:-512m}"
source bench/sidecar.sh
rm -rf "$WORK"
mkdir -p "$WORK"
python3 - "$WORK/claude/projects" "$FILES" <<'PY'
import json, os, sys, uuid
base, files = sys.argv[1], int(sys.argv[2])
for i in range(files):
    folder = os.path.join(base, "-home-agent-project-%d" % (i % 20))
    os.makedirs(folder, exist_ok=True)
    session = str(uuid.uuid4())
    line = {"type": "assistant", "sessionId": session, "cwd": "/home/agent/project-%d" % (i % 20),
            "timestamp": "2026-12-01T10:00:00.000Z", "requestId": "req_%d" % i, "version": "2.1.332",
            "message": {"id": "msg_%d" % i, "model": "claude-sonnet-4-5", "role": "assistant",
                        "content": [{"type": "text", "text": "hi"}],
                        "usage": {"input_tokens": 10, "cache_creation_input_tokens": 0,
                                  "cache_read_input_tokens": 0, "output_tokens": 5}}}
    with open(os.path.join(folder, session + ".jsonl"), "w") as out:
        out.write(json.dumps(line, separators=(",", ":")) + "\n")
PY

export SIDECAR_TRANSCRIPTS_CLAUDE_CODE="$WORK/claude"
started=$(date +%s)
start_sidecar
pid=$SIDECAR
trap stop_sidecar EXIT
lines() {
  curl -sf "http://127.0.0.1:$MGMT_PORT/q/metrics" 2>/dev/null \
    | awk '/^sidecar_transcript_lines_total/ { n += $2 } END { printf "%d", n }' || echo 0
}
while [ "$(lines)" -lt "$FILES" ]; do
  sleep 0.5
  kill -0 $pid 2>/dev/null || { echo "the sidecar stopped: see $DATA_DIR.log"; exit 1; }
done
echo "backfill of $FILES files: about $(( $(date +%s) - started )) s from start"
sleep 30 # the backfill's garbage collected, its commits compacted
cpu() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' /proc/$pid/stat; }
before=$(cpu); sleep 60; after=$(cpu)
echo "idle, 60 s: $(echo "$after - $before" | bc) s of CPU (two rescans of every file in it)"
files=("$WORK"/claude/projects/-home-agent-project-0/*.jsonl)
file=${files[0]}
before=$(cpu)
for i in $(seq 1 60); do
  head -1 "$file" | sed "s/\"requestId\":\"[^\"]*\"/\"requestId\":\"req_live_$i\"/; s/\"id\":\"msg_[^\"]*\"/\"id\":\"msg_live_$i\"/" >> "$file"
  sleep 1
done
after=$(cpu)
echo "a line a second, 60 s: $(echo "$after - $before" | bc) s of CPU; lines read $(lines) of $((FILES + 60))"
