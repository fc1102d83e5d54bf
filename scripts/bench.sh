#!/usr/bin/env bash
# Benchmarks that print figures (they assert nothing):
#   1. native: seed generation, sort and filter of 100,000 devices
#   2. browser: the 100,000-PC list in the release build, and download size
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
cd "$ROOT"
[ -d tests/e2e/node_modules/playwright-core ] || npm ci --prefix tests/e2e --no-audit --no-fund
cargo run --release -p wxp-core --example bench_device_list
trunk build --release
node tests/e2e/bench/device-list.mjs
