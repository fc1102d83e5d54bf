#!/usr/bin/env bash
# trunk's post-build hook (Trunk.toml): splits the portal's wasm in two.
#
# trunk built the `wxp-portal` binary with the `split` feature, which keeps
# the linker's relocations (build.rs) and marks the pages behind sign-in as
# one split point (src/lazy_pages.rs). trunk cannot split (trunk-rs/trunk
# #1022), so this replaces its main .js and .wasm in the staging directory:
#   1. wasm-split-cli cuts the wasm as cargo left it into the main module
#      (the sign-in page and what every page shares) and the pages' module
#      (with chunks of code shared by no one else), plus the JS that loads
#      them (__wasm_split.js);
#   2. wasm-bindgen makes the main module's JS glue, keeping the exports the
#      split modules link against;
#   3. wasm-opt optimises every module, and terser minifies the JS glue
#      (release builds; trunk minifies the page and its style sheet).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/tools/node_modules/.bin:$PATH"
: "${TRUNK_STAGING_DIR:?run by trunk as its post_build hook}"
profile=$([ "${TRUNK_PROFILE:-debug}" = release ] && echo release || echo debug)
target_dir=${CARGO_TARGET_DIR:-$ROOT/target}
input="$target_dir/wasm32-unknown-unknown/$profile/wxp-portal.wasm"
glue=$(cd "$TRUNK_STAGING_DIR" && ls wxp-portal-*_bg.wasm)
name=${glue%_bg.wasm}
pieces=$(mktemp -d)
trap 'rm -rf "$pieces"' EXIT

wasm-split-cli "$input" "$pieces" --out-name "$name"
rm -f "$TRUNK_STAGING_DIR/$name.js" "$TRUNK_STAGING_DIR/${name}_bg.wasm"
wasm-bindgen "$pieces/$name.wasm" --out-dir "$TRUNK_STAGING_DIR" --target web \
  --keep-lld-exports --no-typescript
rm "$pieces/$name.wasm"
split_modules=$(cd "$pieces" && ls ./*.wasm)
cp "$pieces"/*.wasm "$pieces/__wasm_split.js" "$TRUNK_STAGING_DIR/"
if [ "$profile" = release ]; then
  for module in "${name}_bg.wasm" $split_modules; do
    module="$TRUNK_STAGING_DIR/$module"
    wasm-opt -O3 --strip-debug --strip-producers --enable-bulk-memory \
      --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
      --enable-reference-types --enable-multivalue "$module" -o "$module"
  done
  # The JS glue is read before the sign-in page can show: a third lighter.
  for script in "$name.js" __wasm_split.js; do
    terser "$TRUNK_STAGING_DIR/$script" --module --compress --mangle --output "$TRUNK_STAGING_DIR/$script"
  done
fi
