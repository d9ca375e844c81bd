#!/usr/bin/env bash
# Starts (or finds already running) a throwaway PostgreSQL 15 cluster for the
# central service's tests and prints its URL on stdout, e.g.
#
#   export KULNA_TEST_POSTGRES_URL=$(scripts/postgres-test-server.sh)
#   cargo test -p kulna-central
#
# Idempotent: a second call prints the URL of the running cluster.
# `scripts/postgres-test-server.sh stop` stops it and removes its files.
# Needs Debian's `postgresql` package (binaries in /usr/lib/postgresql/15/bin).
# initdb and postgres refuse to run as root, so as root they run as the
# `postgres` user. Trust authentication on 127.0.0.1 only: for tests, never
# for data that matters.
set -euo pipefail

PGBIN="${KULNA_PG_BIN:-/usr/lib/postgresql/15/bin}"
DIR="${KULNA_PG_DIR:-/tmp/kulna-pg-test}"
DATA="$DIR/data"

if [ ! -x "$PGBIN/initdb" ]; then
  echo "PostgreSQL 15 is not installed ($PGBIN/initdb missing): apt-get install -y postgresql" >&2
  exit 1
fi

as_pg() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

url() { echo "postgres://postgres@127.0.0.1:$(cat "$DIR/port")/postgres"; }

if [ "${1:-}" = stop ]; then
  if [ -f "$DATA/postmaster.pid" ]; then
    as_pg "$PGBIN/pg_ctl" -D "$DATA" -m fast stop >/dev/null 2>&1 || true
  fi
  rm -rf "$DIR"
  exit 0
fi

if [ -f "$DIR/port" ] && [ -f "$DATA/postmaster.pid" ] && as_pg "$PGBIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  url
  exit 0
fi

mkdir -p "$DIR"
if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$DIR"; fi
if [ ! -f "$DATA/PG_VERSION" ]; then
  rm -rf "$DATA"
  as_pg "$PGBIN/initdb" -D "$DATA" --auth=trust --username=postgres --encoding=UTF8 --no-locale >"$DIR/initdb.log" 2>&1 || {
    cat "$DIR/initdb.log" >&2
    exit 1
  }
fi

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PORT=""
for p in $(seq 55432 55632); do
  if port_free "$p"; then PORT=$p; break; fi
done
if [ -z "$PORT" ]; then
  echo "no free port between 55432 and 55632" >&2
  exit 1
fi
echo "$PORT" >"$DIR/port"

as_pg "$PGBIN/pg_ctl" -D "$DATA" -l "$DIR/server.log" -w -t 30 \
  -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=128MB" start >/dev/null || {
  cat "$DIR/server.log" >&2
  exit 1
}
url
