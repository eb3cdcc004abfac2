# Shared by the benchmark scripts: starts and stops the packaged sidecar on loopback ports with
# its own data directory. Expects API_PORT, MGMT_PORT, DATA_DIR and JAR to be set; JAVA picks the
# java binary (default: java on PATH), JAVA_OPTS adds options.

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
H2_JAR=$(ls target/quarkus-app/lib/main/com.h2database.h2-*.jar)

start_sidecar() {
  # shellcheck disable=SC2086 # JAVA_OPTS holds several options
  "${JAVA:-java}" ${JAVA_OPTS:-} -Dquarkus.http.port="$API_PORT" -Dquarkus.management.port="$MGMT_PORT" \
       -Dsidecar.data-dir="$DATA_DIR" -jar "$JAR" >> "$DATA_DIR.log" 2>&1 &
  SIDECAR=$!
  for _ in $(seq 1 300); do
    curl -sf "http://127.0.0.1:$MGMT_PORT/q/health/ready" >/dev/null && return 0
    sleep 0.2
  done
  echo "sidecar did not start; see $DATA_DIR.log" >&2
  exit 1
}

stop_sidecar() { kill "$SIDECAR"; wait "$SIDECAR" || true; }
