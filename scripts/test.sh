#!/usr/bin/env bash
# Runs every test: installs what is missing (build tools, Debian's Chromium
# and ChromeDriver, the end-to-end test driver from npm), then
#   1. formatting and clippy (-D warnings), native and wasm
#   2. native tests of the domain crate (cargo test)
#   3. the server's tests: unit tests, API tests against a real server on
#      127.0.0.1 with a fresh SQLite database, kill -9 crashes and restarts,
#      concurrency, the isolation matrix, hostile input, and the conformance
#      suite (the same scenarios against the in-memory engine and the
#      server); then all of them again on PostgreSQL, in a throwaway cluster
#      this script starts (installing Debian's postgresql if missing) and
#      removes
#   4. component tests in headless Chromium (wasm-bindgen-test)
#   5. end-to-end tests: builds the app with trunk and drives it in headless
#      Chromium as a user would (node --test + playwright-core), three times:
#      with the in-browser backend, then served by the server on SQLite, then
#      on PostgreSQL
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
cd "$ROOT"

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "Installing Chromium and ChromeDriver (Debian packages)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium chromium-driver
fi

if [ ! -d tests/e2e/node_modules/playwright-core ] \
  || ! cmp -s tests/e2e/package-lock.json tests/e2e/node_modules/.package-lock.json 2>/dev/null; then
  say "Installing the end-to-end test driver (playwright-core, using Debian's Chromium)"
  npm ci --prefix tests/e2e --no-audit --no-fund
fi

say "Formatting and lints"
cargo fmt --all -- --check
cargo clippy -p wxp-core -p wxp-server --all-targets --all-features -- -D warnings
cargo clippy -p wxp-portal -p transfer-worker -p engine-worker -p worker-message --target wasm32-unknown-unknown --all-targets -- -D warnings
cargo clippy -p wxp-portal --target wasm32-unknown-unknown --features split -- -D warnings

say "Domain tests (native)"
cargo test -p wxp-core --all-features

say "Server tests (real server on 127.0.0.1, fresh SQLite each; conformance suite)"
WXP_TEST_POSTGRES_URL= cargo test -p wxp-server
cargo build -p wxp-server

say "Server tests on PostgreSQL (a throwaway PostgreSQL 15 cluster, fresh database each)"
source "$ROOT/scripts/postgres.sh"
pg_start
cargo test -p wxp-server

say "Component tests (wasm-bindgen-test in headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test -p wxp-portal -p worker-message -p engine-worker --target wasm32-unknown-unknown

say "End-to-end tests (headless Chromium)"
trunk build --release
say "End-to-end tests against the in-browser backend"
node --test --test-concurrency=1 tests/e2e/
say "End-to-end tests against the server"
WXP_E2E_BACKEND=server WXP_SERVER_BIN="$ROOT/target/debug/wxp-server" \
  node --test --test-concurrency=1 tests/e2e/
say "End-to-end tests against the server on PostgreSQL"
WXP_E2E_BACKEND=server WXP_SERVER_BIN="$ROOT/target/debug/wxp-server" \
  WXP_E2E_POSTGRES_URL="$WXP_TEST_POSTGRES_URL" node --test --test-concurrency=1 tests/e2e/
pg_stop
