#!/usr/bin/env bash
# Load benchmark (issue 9, "Load"): concurrent partner admins browse lists,
# review files and submit transfers while one 10,000-PC transfer is timed;
# the generator (crates/wxp-server/examples/load.rs) prints requests per
# second, p50 / p99 / max latency and errors per route, and a verdict
# against the targets (reads p99 <= 50 ms with 200 users, no error
# responses, the 10,000-PC transfer <= 1 s). It prints figures and asserts
# nothing: it is not part of ./scripts/test.sh.
#
# Three configurations, each over fresh data (the large demo: 100,000 PCs in
# Alpine's Unassigned Devices), servers on 127.0.0.1 only:
#   sqlite   one server process, a new SQLite file in a temporary folder
#   pg1      one server process, a throwaway PostgreSQL cluster
#   pg2      two server processes sharing one throwaway PostgreSQL cluster;
#            users are spread over both
#
# Settings (environment):
#   LOAD_USERS=200           concurrent users
#   LOAD_SECONDS=30          seconds of load per configuration
#   LOAD_THINK=500-1500      think time between a user's actions, ms
#   LOAD_CONFIGS=sqlite,pg1,pg2   which configurations, in order
#   LOAD_TRANSFER_DELAY_MS=0 the servers' WXP_TRANSFER_DELAY_MS (the
#                            cosmetic pause before a job runs; 300 by
#                            default in the server, 0 here so that the
#                            timed transfer measures the work)
#   LOAD_PG_ANALYZE=1        a diagnosis, not the server as it is: run ANALYZE
#                            (psql) after the demo reset on PostgreSQL, so the
#                            planner knows the 100,000 new rows
#   LOAD_ARGS=...            more generator options (see: load --help)
#   LOAD_KEEP=1              keep the temporary folder (servers' logs, the
#                            SQLite file) and say where it is
#   RUST_LOG                 the servers' log level (their default: one
#                            line per request, written in the temporary folder)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"
cd "$ROOT"

USERS="${LOAD_USERS:-200}"
SECONDS_OF_LOAD="${LOAD_SECONDS:-30}"
THINK="${LOAD_THINK:-500-1500}"
CONFIGS="${LOAD_CONFIGS:-sqlite,pg1,pg2}"
TRANSFER_DELAY_MS="${LOAD_TRANSFER_DELAY_MS:-0}"
read -r -a EXTRA <<<"${LOAD_ARGS:-}"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

say "Building the server and the load generator (release)"
cargo build --release -p wxp-server --bins --examples
SERVER="$ROOT/target/release/wxp-server"
GENERATOR="$ROOT/target/release/examples/load"

WORK="$(mktemp -d /tmp/wxp-load.XXXXXX)"
SERVER_PIDS=()
VERDICTS=()
AFTER_RESET=()

stop_servers() {
  local pid
  for pid in "${SERVER_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${SERVER_PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  SERVER_PIDS=()
}

cleanup() {
  stop_servers
  if declare -F pg_stop >/dev/null; then pg_stop; fi
  if [ "${LOAD_KEEP:-}" = 1 ]; then
    echo "Kept: $WORK (servers' logs)"
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT

# Starts a demo-mode server on a free port of 127.0.0.1 over database $2;
# its log is $WORK/$1.log. Sets SERVER_URL.
start_server() {
  local name="$1" database="$2" log="$WORK/$1.log" pid i
  WXP_DATABASE_URL="$database" PORT=0 WXP_TRANSFER_DELAY_MS="$TRANSFER_DELAY_MS" \
    "$SERVER" serve --demo >"$log" 2>&1 &
  pid=$!
  SERVER_PIDS+=("$pid")
  SERVER_URL=""
  for i in $(seq 1 600); do
    SERVER_URL="$(sed -n 's/^WXP partner portal: \(http:\/\/127\.0\.0\.1:[0-9]*\).*/\1/p' "$log" | head -n 1)"
    if [ -n "$SERVER_URL" ]; then
      echo "    $name: $SERVER_URL (process $pid, log $log)"
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "The server $name stopped before it was ready:" >&2
      cat "$log" >&2
      exit 1
    fi
    sleep 0.1
  done
  echo "The server $name was not ready after 60 s:" >&2
  cat "$log" >&2
  exit 1
}

# Runs the generator against the URLs given; $1 is the configuration's name.
generate() {
  local label="$1" out="$WORK/report.txt"
  shift
  "$GENERATOR" --users "$USERS" --seconds "$SECONDS_OF_LOAD" --think "$THINK" \
    --label "$label" "${EXTRA[@]}" "${AFTER_RESET[@]}" "$@" | tee "$out"
  VERDICTS+=("$(grep '^VERDICT' "$out" || echo "VERDICT — $label: the generator printed no verdict")")
}

postgres() {
  # shellcheck source=postgres.sh
  source "$ROOT/scripts/postgres.sh"
  pg_start
  # pg_start traps EXIT with pg_stop; this script's cleanup calls it too.
  trap cleanup EXIT
  AFTER_RESET=()
  if [ "${LOAD_PG_ANALYZE:-}" = 1 ]; then
    AFTER_RESET=(--after-reset "$PG_BIN/psql -q $WXP_TEST_POSTGRES_URL -c ANALYZE")
  fi
}

echo "Servers: demo mode, WXP_TRANSFER_DELAY_MS=$TRANSFER_DELAY_MS; $USERS users, $SECONDS_OF_LOAD s of load, think time $THINK ms"
IFS=',' read -r -a CHOSEN <<<"$CONFIGS"
for config in "${CHOSEN[@]}"; do
  case "$config" in
    sqlite)
      say "SQLite, one server process"
      AFTER_RESET=()
      mkdir -p "$WORK/sqlite"
      start_server sqlite "sqlite://$WORK/sqlite/portal.db"
      generate "SQLite, one server process" "$SERVER_URL"
      stop_servers
      ;;
    pg1)
      say "PostgreSQL, one server process"
      postgres
      start_server pg1 "$WXP_TEST_POSTGRES_URL"
      generate "PostgreSQL, one server process" "$SERVER_URL"
      stop_servers
      pg_stop
      ;;
    pg2)
      say "PostgreSQL, two server processes sharing one database"
      postgres
      start_server pg2-a "$WXP_TEST_POSTGRES_URL"
      first="$SERVER_URL"
      start_server pg2-b "$WXP_TEST_POSTGRES_URL"
      generate "PostgreSQL, two server processes" "$first" "$SERVER_URL"
      stop_servers
      pg_stop
      ;;
    *)
      echo "Unknown configuration $config (sqlite, pg1, pg2)" >&2
      exit 2
      ;;
  esac
done

say "Verdicts"
printf '%s\n' "${VERDICTS[@]}"
