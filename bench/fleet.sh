#!/usr/bin/env bash
# Fleet intake on one PostgreSQL: single-record usage intake with 1, 2 and 4 sidecars writing to
# one database at once, against pgbench inserting comparable single rows into the same table of
# the same server in the same run. Prints records per second and the ratio to pgbench.
#
#   bash bench/fleet.sh   (from the project root; WARMUP_SECONDS=15 not counted, then
#                          WRK_SECONDS=15 measured; PG_PORT=55432)
#
# Uses the package built for PostgreSQL (target/quarkus-app-postgresql, made by ./mvnw verify, or
# built here), a throwaway server in target/bench-postgresql (src/test/scripts/postgresql.sh), and
# wrk (installed from the distribution's packages when missing). Everything stops by itself.
set -euo pipefail
cd "$(dirname "$0")/.."

WRK_SECONDS=${WRK_SECONDS:-15}
WARMUP_SECONDS=${WARMUP_SECONDS:-15}
PG_PORT=${PG_PORT:-55432}
PG_DIR=target/bench-postgresql
JAR=${JAR:-target/quarkus-app-postgresql/quarkus-run.jar}
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
if [ ! -f "$JAR" ]; then
  ./mvnw -B -q package -DskipTests -Dsidecar.store=postgresql \
    -Dquarkus.package.output-directory=quarkus-app-postgresql
fi
bash src/test/scripts/postgresql.sh start "$PG_DIR" "$PG_PORT"
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  bash src/test/scripts/postgresql.sh stop "$PG_DIR"
}
trap cleanup EXIT

psql_at() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U sidecar -qAt "$@"; }

# Starts $1 sidecars on database $2; their API ports are 18100, 18101, ...
start_fleet() {
  local count=$1 database=$2
  for i in $(seq 0 $((count - 1))); do
    SIDECAR_STORE=postgresql \
    SIDECAR_POSTGRESQL_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$database" \
    SIDECAR_POD_NAME="bench-$i" \
      java -Dquarkus.http.port=$((18100 + i)) -Dquarkus.management.port=$((19100 + i)) \
           -Dsidecar.data-dir="$PG_DIR/sidecar-$i" -jar "$JAR" >> "$PG_DIR/sidecar-$i.log" 2>&1 &
    PIDS+=($!)
  done
  for i in $(seq 0 $((count - 1))); do
    for _ in $(seq 1 300); do
      curl -sf "http://127.0.0.1:$((19100 + i))/q/health/ready" >/dev/null && break
      sleep 0.2
    done
  done
}

stop_fleet() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  PIDS=()
}

# wrk against every sidecar of the fleet at once (16 connections in all) for $2 seconds; prints the
# summed rate.
drive_fleet() {
  local count=$1 seconds=$2 connections=$((16 / $1))
  for i in $(seq 0 $((count - 1))); do
    wrk -t1 -c"$connections" -d"${seconds}s" -s bench/single-record.lua \
      "http://127.0.0.1:$((18100 + i))/v1/usage" > "$PG_DIR/wrk-$i.txt" &
  done
  wait_for_wrk
  awk '/Requests\/sec/ {sum += $2} END {printf "%.0f", sum}' "$PG_DIR"/wrk-*.txt
  rm -f "$PG_DIR"/wrk-*.txt
}

wait_for_wrk() { while pgrep -x wrk >/dev/null; do sleep 0.5; done; }

declare -A RATE
for count in 1 2 4; do
  psql_at -d sidecar -c "CREATE DATABASE fleet_$count"
  start_fleet "$count" "fleet_$count"
  drive_fleet "$count" "$WARMUP_SECONDS" >/dev/null # JIT warm-up, not counted
  before=$(psql_at -d "fleet_$count" -c "SELECT count(*) FROM usage_record")
  RATE[$count]=$(drive_fleet "$count" "$WRK_SECONDS")
  stored=$(($(psql_at -d "fleet_$count" -c "SELECT count(*) FROM usage_record") - before))
  stop_fleet
  echo "sidecars=$count records/s=${RATE[$count]} stored=$stored"
done

# pgbench: the same kind of single-row insert, one transaction each, 16 clients, same table.
cat > "$PG_DIR/insert.sql" <<'SQL'
INSERT INTO usage_record (id, request_id, provider, model, call_role, input_tokens,
  output_tokens, cache_read_tokens, cache_write_tokens, reasoning_tokens, cost_usd, cost_source,
  latency_ms, ok, created_at, recorded_at, instance_id)
VALUES (nextval('bench_seq'), NULL, 'anthropic', 'claude-sonnet-4-5', 'agent', 12000, 800, 9000,
  0, 0, 0.0558, 'ESTIMATED', 2300, true, now(), now(), 'pgbench');
SQL
psql_at -d fleet_1 -c "CREATE SEQUENCE bench_seq START WITH 1000000000000"
pgbench_tps=$("$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U sidecar -n -c 16 -j 2 \
  -T "$WRK_SECONDS" -f "$PG_DIR/insert.sql" fleet_1 | awk '/^tps/ {printf "%.0f", $3}')
echo "pgbench single-row inserts/s=$pgbench_tps"
for count in 1 2 4; do
  awk -v r="${RATE[$count]}" -v p="$pgbench_tps" -v c="$count" \
    'BEGIN {printf "sidecars=%d ratio to pgbench=%.2f\n", c, r / p}'
done
