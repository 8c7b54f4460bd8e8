#!/usr/bin/env bash
# Trunk post_build hook: builds the first-view app beside the full one that Trunk built
# (ARCHITECTURE.md, "Two builds"); on release builds, optimises every Wasm with binaryen's
# wasm-opt (from npm, pinned in package.json), minifies the scripts and styles (terser,
# csso), renders the home view into index.html
# (`examples/prerender`), gives the files content-hashed names and writes the service
# worker's file list (`.ci/finalize.mjs`), and prints the size of every shipped file and
# the total that the first view loads.
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by trunk}"
profile="${TRUNK_PROFILE:-debug}"
release_flag=()
[ "$profile" = release ] && release_flag=(--release)

# The first-view build: the same crate without the `full` feature, as its own binary so
# that it never replaces the artifact Trunk takes.
cargo build "${release_flag[@]}" --locked --quiet --target wasm32-unknown-unknown \
  --no-default-features --bin first-view
wasm-bindgen --target web --no-typescript --out-dir "$dir" --out-name first-view \
  "target/wasm32-unknown-unknown/$profile/first-view.wasm"

# The corpus reader: a module of its own, run in a Web Worker (assets/corpus-worker.js)
# only when a reader loads a file, pastes messages or reopens a kept file, so the app's
# builds carry no file reader, Markdown parser or validator.
cargo build "${release_flag[@]}" --locked --quiet --target wasm32-unknown-unknown \
  --example corpus-reader
wasm-bindgen --target web --no-typescript --out-dir "$dir" --out-name corpus-reader \
  "target/wasm32-unknown-unknown/$profile/examples/corpus_reader.wasm"

if [ "$profile" = release ]; then
  opt=node_modules/.bin/wasm-opt
  [ -x "$opt" ] || { echo "post-build: $opt missing; run 'npm ci' (make does)" >&2; exit 1; }
  for wasm in "$dir"/*.wasm; do
    # Chosen by gzip size shipped (BENCHMARKS.md, "Shipped size"): -Oz, by a hair over -O2 and -Os.
    "$opt" "${WASM_OPT_LEVEL:--Oz}" --enable-bulk-memory --enable-nontrapping-float-to-int \
      --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
      "$wasm" -o "$wasm.opt"
    mv "$wasm.opt" "$wasm"
  done
  # Scripts and styles minified (terser and csso from npm, pinned in package.json):
  # comments and long names cost a phone bytes. Single quotes kept: finalize.mjs finds
  # the builds' file names in the loader by them.
  for js in "$dir"/first-view.js "$dir"/messages-explorer.js "$dir"/corpus-reader.js "$dir"/corpus-worker.js "$dir"/loader.js; do
    node_modules/.bin/terser "$js" --module --compress --mangle --format quote_style=1 -o "$js.min"
    mv "$js.min" "$js"
  done
  node -e 'const fs = require("fs"); const f = process.argv[1];
    fs.writeFileSync(f, require("csso").minify(fs.readFileSync(f, "utf8")).css);' "$dir/style.css"
  # The home view, rendered by the same components, so the first message is readable
  # before any Wasm has arrived.
  cargo run --locked --quiet --example prerender -- "$dir/index.html"
  # Content-hashed names, and the service worker's precache list.
  node .ci/finalize.mjs "$dir"
  bash .ci/sizes.sh "$dir"
fi
