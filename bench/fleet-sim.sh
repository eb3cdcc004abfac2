#!/usr/bin/env bash
# A fleet on one PostgreSQL whose max_connections is below the sum of the sidecars' pools:
# SIDECARS sidecars (16) of the PostgreSQL package, each driven by an agent writing a few records a
# second (bench/fleet-agents.py), three ways:
#   budget      direct to the server, the connection budget as shipped (pool-size 4, idle 30 s)
#   unbudgeted  direct, the pool as it was before the budget (Agroal's 20, idle 5 min)
#   pgbouncer   through PgBouncer 1.18 in transaction pooling (src/test/scripts/pgbouncer.sh),
#               BOUNCER_POOL server connections at most
# For each: sidecars that became ready, writes acknowledged, 503s, p50/p99 write latency, server
# connections in use (sampled each second: most and mean), and acknowledged writes missing from
# the database afterwards (must be 0).
#
#   bash bench/fleet-sim.sh   (from the project root; SIDECARS=16 SECONDS_PER_RUN=60
#                              MAX_CONNECTIONS=40 BOUNCER_POOL=16 PG_PORT=55433 BOUNCER_PORT=56433;
#                              MODES="budget unbudgeted pgbouncer")
#
# Uses the package built for PostgreSQL (target/quarkus-app-postgresql, made by ./mvnw verify, or
# built here) with the JVM image's options, and Debian's PostgreSQL and PgBouncer (installed by the
# test scripts when missing). Everything stops by itself.
set -euo pipefail
cd "$(dirname "$0")/.."

SIDECARS=${SIDECARS:-16}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-60}
MAX_CONNECTIONS=${MAX_CONNECTIONS:-40}
BOUNCER_POOL=${BOUNCER_POOL:-16}
PG_PORT=${PG_PORT:-55433}
BOUNCER_PORT=${BOUNCER_PORT:-56433}
MODES=${MODES:-budget unbudgeted pgbouncer}
PG_DIR=target/bench-fleet-sim
JAR=${JAR:-target/quarkus-app-postgresql/quarkus-run.jar}

if [ ! -f "$JAR" ]; then
  ./mvnw -B -q package -DskipTests -Dsidecar.store=postgresql \
    -Dquarkus.package.output-directory=quarkus-app-postgresql
fi
MAX_CONNECTIONS=$MAX_CONNECTIONS bash src/test/scripts/postgresql.sh start "$PG_DIR" "$PG_PORT"
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PIDS=()
SAMPLER=""
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -z "$SAMPLER" ] || kill "$SAMPLER" 2>/dev/null || true
  bash src/test/scripts/pgbouncer.sh stop "$PG_DIR-bouncer" || true
  bash src/test/scripts/postgresql.sh stop "$PG_DIR"
}
trap cleanup EXIT

psql_at() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U sidecar -qAt "$@"; }
# The sidecars log in as an ordinary role, as in production, so the server's reserved slots stay
# free for this script's own superuser connections (the sampler and the final count).
psql_at -d sidecar -c "CREATE ROLE fleet LOGIN"

# Starts the fleet on URL $1 with extra JVM options $2; sets READY to how many became ready.
start_fleet() {
  local url=$1 options=$2
  READY=0
  for i in $(seq 0 $((SIDECARS - 1))); do
    # shellcheck disable=SC2086
    SIDECAR_STORE=postgresql SIDECAR_POSTGRESQL_URL="$url" SIDECAR_POSTGRESQL_USERNAME=fleet \
    SIDECAR_POD_NAME="sim-$i" \
      java @deploy/k8s/overlays/jvm/jvm.options $options \
           -Dquarkus.http.port=$((18200 + i)) -Dquarkus.management.port=$((19200 + i)) \
           -jar "$JAR" > "$PG_DIR/sidecar-$i.log" 2>&1 &
    PIDS+=($!)
  done
  local deadline=$((SECONDS + 180))
  for i in $(seq 0 $((SIDECARS - 1))); do
    while [ $SECONDS -lt $deadline ]; do
      curl -sf "http://127.0.0.1:$((19200 + i))/q/health/ready" >/dev/null && { READY=$((READY + 1)); break; }
      sleep 0.5
    done
  done
}

stop_fleet() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  PIDS=()
}

# Samples the server connections of database $1 each second into $2 until killed.
sample_connections() {
  while true; do
    psql_at -d postgres -c "SELECT count(*) FROM pg_stat_activity WHERE datname = '$1'" \
      >> "$2" 2>/dev/null || true
    sleep 1
  done
}

for mode in $MODES; do
  database="sim_$mode"
  psql_at -d sidecar -c "CREATE DATABASE $database OWNER fleet"
  url="jdbc:postgresql://127.0.0.1:$PG_PORT/$database"
  options=""
  case "$mode" in
    unbudgeted) options="-Dsidecar.postgresql.pool-size=20 -Dsidecar.postgresql.idle-timeout=5M" ;;
    pgbouncer)
      bash src/test/scripts/pgbouncer.sh start "$PG_DIR-bouncer" "$BOUNCER_PORT" "$PG_PORT" "$BOUNCER_POOL"
      url="jdbc:postgresql://127.0.0.1:$BOUNCER_PORT/$database?prepareThreshold=0" ;;
  esac
  : > "$PG_DIR/connections-$mode.txt"
  sample_connections "$database" "$PG_DIR/connections-$mode.txt" &
  SAMPLER=$!
  start_fleet "$url" "$options"
  ports=""
  for i in $(seq 0 $((SIDECARS - 1))); do
    curl -sf "http://127.0.0.1:$((19200 + i))/q/health/ready" >/dev/null && ports="$ports$((18200 + i)),"
  done
  result=$(python3 bench/fleet-agents.py "$ports" "$SECONDS_PER_RUN" \
    "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U sidecar -qAt -d "$database")
  kill "$SAMPLER"; SAMPLER=""
  connections=$(awk '{ if ($1 > max) max = $1; sum += $1; n++ } END { printf "most %d mean %.1f", max, sum / n }' \
    "$PG_DIR/connections-$mode.txt")
  # grep finds nothing when no sidecar was refused: not a failure of the script.
  refused=$({ grep -l "too many clients\|remaining connection slots" "$PG_DIR"/sidecar-*.log || true; } | wc -l)
  stop_fleet
  [ "$mode" != pgbouncer ] || bash src/test/scripts/pgbouncer.sh stop "$PG_DIR-bouncer"
  echo "$mode: max_connections=$MAX_CONNECTIONS ready=$READY/$SIDECARS server connections $connections;" \
    "sidecars refused a connection by the server: $refused; $result"
done
