#!/usr/bin/env bash
# Trunk post_build hook: optimise the Wasm of a release build with binaryen's wasm-opt
# (from npm, pinned in package.json) and print the size of every shipped file.
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by trunk}"
if [ "${TRUNK_PROFILE:-debug}" = release ]; then
  opt=node_modules/.bin/wasm-opt
  [ -x "$opt" ] || { echo "post-build: $opt missing; run 'npm ci' (make does)" >&2; exit 1; }
  for wasm in "$dir"/*.wasm; do
    # Chosen by gzip size shipped (BENCHMARKS.md, "Shipped size"): -Oz, by a hair over -O2 and -Os.
    "$opt" "${WASM_OPT_LEVEL:--Oz}" --enable-bulk-memory --enable-nontrapping-float-to-int \
      --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
      "$wasm" -o "$wasm.opt"
    mv "$wasm.opt" "$wasm"
  done
  total=0
  echo "Shipped files (bytes, gzip -9 bytes):"
  for f in "$dir"/*; do
    [ -f "$f" ] || continue
    raw=$(wc -c < "$f"); gz=$(gzip -9c "$f" | wc -c); total=$((total + gz))
    printf '  %-32s %9d %9d\n' "$(basename "$f")" "$raw" "$gz"
  done
  echo "  total gzip: $total bytes"
fi
