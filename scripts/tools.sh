#!/usr/bin/env bash
# Installs what building the app needs, if it is missing, and puts it on
# PATH. Sourced by run.sh and test.sh; safe to run again and again.
#
#   - the wasm32-unknown-unknown target (rustup)
#   - trunk 0.21.14 (crates.io; 0.22 needs a newer rustc than this machine's)
#   - wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock
#   - wasm-opt from binaryen 132 (npm; Debian's binaryen 108 breaks the wasm)
#     and terser (npm), which minifies the JS glue scripts/split-app.sh writes
#   - wasm-split-cli (crates.io: wasm_split_cli_support), which splits the
#     portal's wasm after trunk's build (scripts/split-app.sh)
#
# Nothing is downloaded from anywhere but crates.io and npm: Trunk.toml sets
# `offline = true`, so trunk uses these binaries instead of fetching its own.

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/tools/node_modules/.bin:$PATH"

TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132"
WASM_SPLIT_VERSION="0.2.4"
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' "$ROOT/Cargo.lock")"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

if ! grep -q "wasm_bindgen = \"$WASM_BINDGEN_VERSION\"" "$ROOT/Trunk.toml"; then
  echo "Trunk.toml's [tools] wasm_bindgen must be $WASM_BINDGEN_VERSION, the version in Cargo.lock." >&2
  exit 1
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "Installing trunk $TRUNK_VERSION (about 10 minutes on 2 cores, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  # Not --locked: its lock file pins a webpki-roots the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if ! wasm-opt --version 2>/dev/null | grep -q "version_$BINARYEN_VERSION" \
  || [ ! -x "$ROOT/tools/node_modules/.bin/terser" ]; then
  say "Installing wasm-opt (binaryen $BINARYEN_VERSION) and terser from npm"
  npm ci --prefix "$ROOT/tools" --no-audit --no-fund
fi

if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "Installing wasm-split-cli $WASM_SPLIT_VERSION (a minute or two, once)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
fi
