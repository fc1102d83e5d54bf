#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster from Debian's packages, for tests and
# benchmarks. Source this file, then:
#   pg_start        starts a fresh cluster on 127.0.0.1 and exports
#                   WXP_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:PORT/postgres
#   pg_stop         stops it and removes its folder (also on EXIT once started)
# It installs the `postgresql` package when it is missing. initdb refuses to
# run as root, so as root the cluster belongs to the `postgres` user.

PG_BIN=/usr/lib/postgresql/15/bin

pg_install() {
  if [ ! -x "$PG_BIN/initdb" ]; then
    echo "==> Installing PostgreSQL 15 (Debian package postgresql)"
    local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q postgresql
  fi
}

# Runs a command as the cluster's owner.
pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
  pg_install
  PG_DIR=$(mktemp -d /tmp/wxp-pg.XXXXXX)
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PG_DIR"; fi
  chmod 700 "$PG_DIR"
  pg_as_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8 >/dev/null
  # A free port, below the kernel's ephemeral range (32768-60999 on Debian),
  # where the tests' own client connections take theirs. A port can still be
  # taken between the check and the bind: then another one is tried.
  local started=""
  for _ in $(seq 1 10); do
    PG_PORT=$((20000 + RANDOM % 12000))
    if (exec 3<>"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; then continue; fi
    if pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
      -o "-k $PG_DIR -c listen_addresses=127.0.0.1 -p $PG_PORT -F -c max_connections=300" start >/dev/null; then
      started=yes
      break
    fi
  done
  if [ -z "$started" ]; then
    echo "PostgreSQL could not start on a free port; its log: $PG_DIR/log" >&2
    return 1
  fi
  export WXP_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
  trap pg_stop EXIT
  echo "==> PostgreSQL 15 running at $WXP_TEST_POSTGRES_URL (cluster in $PG_DIR)"
}

pg_stop() {
  if [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR" ]; then
    pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
    echo "==> PostgreSQL cluster removed"
  fi
  PG_DIR=""
}
