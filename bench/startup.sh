#!/usr/bin/env bash
# Start-up benchmark: process start to the first 200 on /q/health/ready, and RSS at that
# moment, median of RUNS (default 5), each on a fresh data directory. Measures the jar as
# built (target/quarkus-app); with app.aot present (built on JDK 25 by ./mvnw verify) it also
# measures the AOT cache. Then it builds and measures the yardstick, bench/reference (a bare
# Quarkus application with the design card's five extensions and one entity), and prints the
# ratio. JAVA picks the java binary (default: java on PATH); JAVA_OPTS adds options to every
# start (for example the ones the JVM container ships).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
JAVA=${JAVA:-java}
API_PORT=${API_PORT:-18080}
MGMT_PORT=${MGMT_PORT:-19000}
APP=target/quarkus-app
REFERENCE=bench/reference/target/quarkus-app
read -r -a EXTRA <<< "${JAVA_OPTS:-}"

measure() {   # label, application directory, java options...
  local label=$1 app=$2; shift 2
  local times=() rss=()
  for _ in $(seq 1 "$RUNS"); do
    local data; data=$(mktemp -d)
    local start; start=$(date +%s%N)
    "$JAVA" "${EXTRA[@]}" "$@" -Dquarkus.http.port="$API_PORT" \
      -Dquarkus.management.port="$MGMT_PORT" -Dsidecar.data-dir="$data/data" \
      -jar "$app/quarkus-run.jar" > "$data/log" 2>&1 &
    local pid=$!
    until curl -sf "http://127.0.0.1:$MGMT_PORT/q/health/ready" >/dev/null; do
      kill -0 "$pid" 2>/dev/null || { cat "$data/log" >&2; exit 1; }
      sleep 0.02
    done
    local end; end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
    rss+=($(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status"))
    kill "$pid"; wait "$pid" || true
    rm -rf "$data"
  done
  local t; t=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
  local r; r=$(printf '%s\n' "${rss[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
  echo "$label: ready in ${t} ms, RSS ${r} MB (median of $RUNS; all: ${times[*]} ms)"
  LAST_MS=$t
}

[ -f "$APP/quarkus-run.jar" ] || ./mvnw -B -q package -DskipTests
echo "machine: $(nproc) cores, $("$JAVA" -version 2>&1 | head -1)"
measure "plain jar" "$APP"
SIDECAR_MS=$LAST_MS
if [ -f "$APP/app.aot" ]; then
  # Adapter caching off: JDK 25.0.3 otherwise warns that cached adapters fail to link.
  measure "AOT cache" "$APP" -XX:AOTCache="$APP/app.aot" -XX:AOTMode=on \
    -XX:+UnlockDiagnosticVMOptions -XX:-AOTAdapterCaching
fi
[ -f "$REFERENCE/quarkus-run.jar" ] || ./mvnw -B -q -f bench/reference/pom.xml package
measure "reference app (bench/reference)" "$REFERENCE"
echo "plain jar / reference app: $(awk -v s="$SIDECAR_MS" -v r="$LAST_MS" 'BEGIN { printf "%.2f", s / r }')x"
