#!/usr/bin/env bash
# A throwaway PostgreSQL server for the PostgreSQL run of the test suite.
#
#   postgresql.sh start DIR PORT   a fresh cluster in DIR, on 127.0.0.1:PORT, with a database
#                                  "sidecar" owned by the trusted user "sidecar"
#   postgresql.sh stop DIR         stops it (fast shutdown)
#   postgresql.sh resume DIR PORT  starts the stopped cluster again, its data kept (fleet tests
#                                  stop the server under load and bring it back)
#
# The server comes from Debian's postgresql package, installed here when missing; nothing is
# downloaded from elsewhere. As root the server runs as the postgres user (it refuses root).
# MAX_CONNECTIONS (default 300) sets the server's max_connections (bench/fleet-sim.sh lowers it).
# fsync is off: the cluster lives for one build and a crash of the machine is not under test;
# the sidecar's own durability (synchronous commit) is unchanged.
set -euo pipefail

command=${1:?start or stop}
dir=$(realpath -m "${2:?directory}")
# Where the cluster lives: DIR itself, or (as root, when the postgres user cannot reach DIR, as in
# a checkout under a private home) a temporary directory (mktemp, TMPDIR) whose path DIR/cluster
# records.
cluster=$(cat "$dir/cluster" 2>/dev/null || echo "$dir")

server_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

as_server() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

install_server() {
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
  # The package may start its own cluster on 5432; the tests use their own.
  $sudo pg_ctlcluster --help >/dev/null 2>&1 && $sudo pg_lsclusters -h 2>/dev/null |
    while read -r version name _; do $sudo pg_ctlcluster "$version" "$name" stop || true; done
}

stop_server() {
  local bin
  bin=$(server_bin)
  if [ -n "$bin" ] && [ -f "$cluster/data/postmaster.pid" ]; then
    as_server "$bin/pg_ctl" -D "$cluster/data" -m fast -w stop >/dev/null || true
  fi
}

start_server() {
  as_server "$(server_bin)/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 60 \
    -o "-p $1 -k $cluster -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=${MAX_CONNECTIONS:-300}" \
    start >/dev/null
}

make_cluster_dir() {
  rm -rf "$dir"
  mkdir -p "$dir"
  cluster=$dir
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$dir"
    if ! runuser -u postgres -- test -w "$dir"; then
      cluster=$(mktemp -d -t sidecar-postgresql.XXXXXX)
      chown postgres "$cluster"
      echo "$cluster" > "$dir/cluster"
    fi
  fi
}

case "$command" in
  start)
    port=${3:?port}
    [ -n "$(server_bin)" ] || install_server
    bin=$(server_bin)
    stop_server
    [ "$cluster" = "$dir" ] || rm -rf "$cluster"
    make_cluster_dir
    as_server "$bin/initdb" -D "$cluster/data" -A trust -U sidecar -E UTF8 --no-sync >/dev/null
    start_server "$port"
    as_server "$bin/createdb" -h 127.0.0.1 -p "$port" -U sidecar sidecar
    echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($cluster)"
    ;;
  stop)
    stop_server
    ;;
  resume)
    port=${3:?port}
    start_server "$port"
    ;;
  *)
    echo "usage: $0 start DIR PORT | stop DIR | resume DIR PORT" >&2
    exit 2
    ;;
esac
