#!/usr/bin/env bash
# Benchmarks that print figures (they assert nothing):
#   1. native: seed generation, sort and filter of 100,000 devices;
#      transfer files of 1,000 to 1,000,000 rows (CSV, XLSX); a 10,000-PC job
#   2. the server over SQLite: the 100,000-PC list over HTTP beside SQLite
#      reading the same rows, and a 10,000-PC transfer from submit to done
#   3. headless Chromium: the same transfer files in wasm; the 100,000-PC
#      list in the release build; the download size; the verdict on a
#      100,000-row transfer file beside Papa Parse's bare read of the same
#      file in the same page; the 100,000-PC list and a 100,000-row file
#      review over the server beside the in-browser backend; the start of
#      the portal on both (download before the sign-in page, its first
#      render, the first row of the 100,000-PC list, the longest tasks)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
cd "$ROOT"
[ -d tests/e2e/node_modules/playwright-core ] || npm ci --prefix tests/e2e --no-audit --no-fund
# Papa Parse: the verdict benchmark's yardstick, never part of the app.
[ -d tests/e2e/bench/papaparse/node_modules/papaparse ] || npm ci --prefix tests/e2e/bench/papaparse --no-audit --no-fund
cargo run --release -p wxp-core --example bench_device_list
cargo run --release -p wxp-core --features bench-files --example bench_transfer
cargo run --release -p wxp-server --example bench_server
(cd crates/transfer-worker && CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=600 \
  cargo test --release --target wasm32-unknown-unknown --test browser_bench -- --include-ignored --nocapture)
trunk build --release
node tests/e2e/bench/device-list.mjs
node tests/e2e/bench/verdict.mjs
cargo build --release -p wxp-server
node tests/e2e/bench/server.mjs
node tests/e2e/bench/startup.mjs
