#!/usr/bin/env bash
# PgBouncer in transaction-pooling mode in front of the tests' throwaway PostgreSQL, as a fleet
# past a few hundred pods runs it (README, Fleet mode; docs/capacity.md).
#
#   pgbouncer.sh start DIR PORT SERVER_PORT [POOL]   listens on 127.0.0.1:PORT and passes every
#                                                    database to the server on SERVER_PORT, at
#                                                    most POOL (default 10) server connections
#                                                    per database
#   pgbouncer.sh stop DIR                            stops it
#
# PgBouncer comes from Debian's package (1.18), installed here when missing; nothing is downloaded
# from elsewhere. As root it runs as the postgres user (it refuses root), from a directory that
# user can reach. Each server connection asks for synchronous commits when PgBouncer opens it
# (connect_query): in transaction pooling the sidecar's own SET on connect reaches whichever
# server connection it happens to get, not the ones its later transactions run on.
set -euo pipefail

command=${1:?start or stop}
dir=$(realpath -m "${2:?directory}")
home=$(cat "$dir/home" 2>/dev/null || echo "$dir")

as_runner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

bouncer() {
  command -v pgbouncer 2>/dev/null || ls /usr/sbin/pgbouncer 2>/dev/null || true
}

install_bouncer() {
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq pgbouncer >/dev/null
  # The package may start its own instance on 6432; the tests use their own.
  $sudo systemctl stop pgbouncer >/dev/null 2>&1 || $sudo service pgbouncer stop >/dev/null 2>&1 || true
}

stop_bouncer() {
  if [ -f "$home/pgbouncer.pid" ]; then
    kill "$(cat "$home/pgbouncer.pid")" 2>/dev/null || true
    for _ in $(seq 50); do
      [ -f "$home/pgbouncer.pid" ] || break
      sleep 0.1
    done
  fi
}

case "$command" in
  start)
    port=${3:?port}
    server_port=${4:?server port}
    pool=${5:-10}
    [ -n "$(bouncer)" ] || install_bouncer
    stop_bouncer
    rm -rf "$dir"
    mkdir -p "$dir"
    home=$dir
    if [ "$(id -u)" = 0 ]; then
      chown postgres "$dir"
      if ! runuser -u postgres -- test -w "$dir"; then
        home=$(mktemp -d -t sidecar-pgbouncer.XXXXXX)
        chown postgres "$home"
        echo "$home" > "$dir/home"
      fi
    fi
    # The tests' role, and the ordinary role bench/fleet-sim.sh's sidecars log in as.
    printf '"sidecar" ""\n"fleet" ""\n' > "$home/userlist.txt"
    cat > "$home/pgbouncer.ini" <<INI
[databases]
* = host=127.0.0.1 port=$server_port connect_query='SET synchronous_commit TO on'

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $port
unix_socket_dir =
auth_type = trust
auth_file = $home/userlist.txt
pool_mode = transaction
default_pool_size = $pool
max_client_conn = 500
query_wait_timeout = 10
ignore_startup_parameters = extra_float_digits
logfile = $home/pgbouncer.log
pidfile = $home/pgbouncer.pid
INI
    [ "$(id -u)" = 0 ] && chown postgres "$home"/*
    as_runner "$(bouncer)" -d "$home/pgbouncer.ini"
    for _ in $(seq 100); do
      (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && exit 0
      sleep 0.1
    done
    echo "PgBouncer did not listen on $port; its log: $home/pgbouncer.log" >&2
    exit 1
    ;;
  stop)
    stop_bouncer
    [ "$home" = "$dir" ] || rm -rf "$home"
    ;;
  *)
    echo "usage: pgbouncer.sh start DIR PORT SERVER_PORT [POOL] | stop DIR" >&2
    exit 2
    ;;
esac
