#!/usr/bin/env bash
# Runs the portal: installs what is missing, builds the app, and starts the
# portal's server, which serves the app and its API on one address and keeps
# its data in a SQLite file (data/wxp.db, created on first start).
#
#   ./scripts/run.sh              demo mode: the demo data and accounts
#   ./scripts/run.sh --no-demo    sign-in with e-mail and password only
#                                 (create an admin: see README.md)
#   ./scripts/run.sh --mock       the app alone, with the in-browser backend
#
# PORT picks the port (8080); WXP_DATABASE_URL the database.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
cd "$ROOT"

case "${1:-}" in
  --mock)
    shift
    exec trunk serve --port "${PORT:-8080}" "$@"
    ;;
  --no-demo)
    shift
    mode=()
    ;;
  *)
    mode=(--demo)
    ;;
esac

say "Building the app"
trunk build --release
say "Building the server"
cargo build --release -p wxp-server
exec target/release/wxp-server serve "${mode[@]}" --app dist "$@"
