#!/usr/bin/env bash
# Start-up benchmark: process start to the first 200 on /q/health/ready, and RSS at that
# moment, median of RUNS (default 5), each on a fresh data directory. Measures the jar as
# built (target/quarkus-app) with no options and with the JVM image's options
# (deploy/k8s/overlays/jvm/jvm.options); with an AOT cache present (AOT_CACHE, default the
# app.aot that ./mvnw verify records on JDK 25; bench/aot.sh trains another) it also measures
# that. Then it builds and measures the yardstick, bench/reference (a bare Quarkus application
# with the design card's five extensions and one entity), the same two ways, and prints both
# ratios; then the yardstick built with -Psurfaces (the extensions behind the design's other
# surfaces, no code of theirs) with the shipped options: what those extensions cost by
# themselves, the rest being the sidecar's own work. With the caches bench/aot.sh makes
# (REFERENCE_AOT_CACHE, SURFACES_AOT_CACHE) it also measures both yardsticks with theirs and
# prints those ratios. JAVA picks the java binary (default: java on PATH); JAVA_OPTS adds
# options to every start.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
JAVA=${JAVA:-java}
API_PORT=${API_PORT:-18080}
MGMT_PORT=${MGMT_PORT:-19000}
APP=target/quarkus-app
REFERENCE=bench/reference/target/quarkus-app
SURFACES=bench/reference/target/surfaces/quarkus-app
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

SHIPPED=@deploy/k8s/overlays/jvm/jvm.options   # the JVM image's options (deploy/Containerfile.jvm)
[ -f "$APP/quarkus-run.jar" ] || ./mvnw -B -q package -DskipTests
[ -f "$REFERENCE/quarkus-run.jar" ] || ./mvnw -B -q -f bench/reference/pom.xml package
[ -f "$SURFACES/quarkus-run.jar" ] || ./mvnw -B -q -f bench/reference/pom.xml package -Psurfaces
echo "machine: $(nproc) cores, $("$JAVA" -version 2>&1 | head -1)"
measure "plain jar" "$APP"
PLAIN_MS=$LAST_MS
measure "plain jar, shipped JVM options" "$APP" "$SHIPPED"
SHIPPED_MS=$LAST_MS
AOT_CACHE=${AOT_CACHE:-$APP/app.aot}
REFERENCE_AOT_CACHE=${REFERENCE_AOT_CACHE:-target/reference.aot}
SURFACES_AOT_CACHE=${SURFACES_AOT_CACHE:-target/surfaces.aot}
# Adapter caching off: JDK 25.0.3 otherwise warns that cached adapters fail to link.
AOT_FLAGS=(-XX:AOTMode=on -XX:+UnlockDiagnosticVMOptions -XX:-AOTAdapterCaching)
if [ -f "$AOT_CACHE" ]; then
  measure "AOT cache $AOT_CACHE, shipped JVM options" "$APP" "$SHIPPED" "${AOT_FLAGS[@]}" \
    -XX:AOTCache="$AOT_CACHE"
  AOT_MS=$LAST_MS
fi
measure "reference app (bench/reference)" "$REFERENCE"
REFERENCE_MS=$LAST_MS
measure "reference app, shipped JVM options" "$REFERENCE" "$SHIPPED"
REFERENCE_SHIPPED_MS=$LAST_MS
ratio() { awk -v s="$1" -v r="$2" 'BEGIN { printf "%.2f", s / r }'; }
echo "plain jar / reference app: $(ratio "$PLAIN_MS" "$REFERENCE_MS")x;" \
     "with the shipped JVM options on both: $(ratio "$SHIPPED_MS" "$REFERENCE_SHIPPED_MS")x"
measure "reference app with the design's other extensions (-Psurfaces), shipped JVM options" \
  "$SURFACES" "$SHIPPED"
echo "what the other extensions alone cost: $(ratio "$LAST_MS" "$REFERENCE_SHIPPED_MS")x the" \
     "reference app; the sidecar is $(ratio "$SHIPPED_MS" "$LAST_MS")x that"
aot_yardstick() {   # label, application directory, its cache
  [ -n "${AOT_MS:-}" ] && [ -f "$3" ] || return 0
  measure "$1, AOT cache $3, shipped JVM options" "$2" "$SHIPPED" "${AOT_FLAGS[@]}" -XX:AOTCache="$3"
  echo "the sidecar with an AOT cache is $(ratio "$AOT_MS" "$LAST_MS")x that"
}
aot_yardstick "reference app" "$REFERENCE" "$REFERENCE_AOT_CACHE"
aot_yardstick "reference app -Psurfaces" "$SURFACES" "$SURFACES_AOT_CACHE"
