#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL server bound to 127.0.0.1, for tests.
#   source .ci/postgres.sh start   -> exports HEARTH_TEST_POSTGRES
#   .ci/postgres.sh stop
# Works as root (runs the server as the postgres user) or as an ordinary user.
set -u
PG_PORT=${PG_PORT:-55432}
PG_DIR=${PG_DIR:-/tmp/hearth-pg}
pg_bin() {
  local b
  b=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$b" ] || { echo "PostgreSQL is not installed (apt-get install -y postgresql)" >&2; return 1; }
  echo "$b"
}
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-start}" in
  start)
    bin=$(pg_bin) || return 1 2>/dev/null || exit 1
    if [ -d "$PG_DIR/data" ]; then as_pg "$bin/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1; rm -rf "$PG_DIR"; fi
    mkdir -p "$PG_DIR"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$PG_DIR"
    as_pg "$bin/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log"; return 1 2>/dev/null || exit 1; }
    as_pg "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
      -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200" start >/dev/null \
      || { cat "$PG_DIR/server.log"; return 1 2>/dev/null || exit 1; }
    export HEARTH_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=20"
    echo "PostgreSQL running on 127.0.0.1:$PG_PORT (HEARTH_TEST_POSTGRES set)"
    ;;
  stop)
    bin=$(pg_bin) || exit 0
    [ -d "$PG_DIR/data" ] && as_pg "$bin/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1
    rm -rf "$PG_DIR"
    ;;
esac
