#!/usr/bin/env bash
# A throwaway PostgreSQL 15 + PostGIS 3 server for the PostGIS tests and benchmarks: a fresh cluster in a
# temporary folder, listening on 127.0.0.1 only (a free port), trust authentication (loopback, test data only),
# removed again when stopped. Used by `make test-postgis`, `make bench-postgis` and .ci/run.
#
#   tools/pg_test_server.sh run -- CMD...   start, run CMD with HC_TEST_PG set (libpq conninfo of the
#                                           superuser), stop on exit (also on failure or Ctrl-C)
#   tools/pg_test_server.sh start           start and print `export HC_TEST_PG=...` (for eval); stop later with
#   tools/pg_test_server.sh stop            stop the server `start` started and delete its folder
#
# Installs postgresql-15, postgresql-15-postgis-3 and python3-psycopg2 from Debian when missing. PostgreSQL
# refuses to run as root: as root (CI) the cluster belongs to the `postgres` user the Debian package creates.
set -euo pipefail
cd "$(dirname "$0")/.."
PG_BIN=/usr/lib/postgresql/15/bin
STATE=build/pg-test-server   # the folder of the server `start` started, for `stop` (`run` needs none)
PACKAGES="postgresql-15 postgresql-15-postgis-3 python3-psycopg2"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

install_packages() {
  local missing="" p
  for p in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  if [ -n "$missing" ]; then
    echo "pg_test_server: installing Debian packages:$missing" >&2
    as_root apt-get update -qq
    # A policy-rc.d that says "no" keeps the install from starting Debian's own cluster (port 5432): only
    # the throwaway server below runs. Made only when the machine has none, and removed again.
    local policy=/usr/sbin/policy-rc.d made_policy=""
    if [ ! -e "$policy" ]; then
      printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy" >/dev/null && as_root chmod 755 "$policy" && made_policy=1
    fi
    local status=0
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null || status=$?
    if [ -n "$made_policy" ]; then as_root rm -f "$policy"; fi
    if [ "$status" != 0 ]; then exit "$status"; fi
  fi
}

# Run a command as the cluster's owner: `postgres` when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Start a server in a new temporary folder; sets DIR (the folder) and CONNINFO.
start() {
  install_packages
  local port
  DIR=$(mktemp -d /tmp/hc-pg.XXXXXX)
  chmod 755 "$DIR"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$DIR"; fi
  port=$(free_port)
  as_owner "$PG_BIN/initdb" -D "$DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$DIR/initdb.log"
  # loopback only, the socket in our folder (nothing in /var/run), durability off: this data is thrown away
  as_owner "$PG_BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 start -o \
    "-c listen_addresses=127.0.0.1 -p $port -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60" \
    >/dev/null
  CONNINFO="host=127.0.0.1 port=$port user=postgres dbname=postgres"
  echo "pg_test_server: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($DIR)" >&2
}

# Stop the server in folder $1 and delete the folder.
stop() {
  local dir=$1
  [ -n "$dir" ] && [ -d "$dir" ] || return 0
  if [ -d "$dir/data" ]; then
    as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  echo "pg_test_server: stopped" >&2
}

DIR=""
case "${1:-}" in
  start)
    if [ -f "$STATE" ] && [ -d "$(cat "$STATE")" ]; then
      echo "pg_test_server: already running in $(cat "$STATE") (stop it first)" >&2
      exit 1
    fi
    start
    mkdir -p "$(dirname "$STATE")"
    echo "$DIR" > "$STATE"
    echo "export HC_TEST_PG='$CONNINFO'"
    ;;
  stop)
    if [ -f "$STATE" ]; then stop "$(cat "$STATE")"; rm -f "$STATE"; fi
    ;;
  run)
    shift
    [ "${1:-}" = "--" ] && shift
    [ $# -gt 0 ] || { echo "usage: $0 run -- CMD..." >&2; exit 2; }
    trap 'stop "$DIR"' EXIT
    trap 'exit 130' INT TERM
    start
    HC_TEST_PG=$CONNINFO "$@"
    ;;
  *)
    echo "usage: $0 run -- CMD... | start | stop" >&2
    exit 2
    ;;
esac
