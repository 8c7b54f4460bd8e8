#!/usr/bin/env bash
# Trunk post_build hook: the build pipeline after Trunk's own step (ARCHITECTURE.md,
# "Build pipeline"). Every module, and what the loader and the service worker need to know
# of it, comes from the build table (crates/core/src/builds.rs, printed as JSON).
set -euo pipefail
dir="${TRUNK_STAGING_DIR:?run by trunk}"
profile="${TRUNK_PROFILE:-debug}"
release_flag=()
[ "$profile" = release ] && release_flag=(--release)

table=target/build-table.json
cargo run --locked --quiet -p messages-explorer-core --example build-table > "$table"

# 1. The modules Trunk does not build itself (Trunk built the one index.html names), each
#    with wasm-bindgen into dist/ under its name.
node -e 'for (const b of JSON.parse(require("fs").readFileSync(process.argv[1])).builds)
  if (!b.byTrunk) console.log(b.name, b.package, b.bin ?? "-", b.defaultFeatures, b.features || "-");' "$table" |
while read -r name package bin default_features with; do
  target=(--lib) ; artifact="${package//-/_}.wasm"
  [ "$bin" != - ] && target=(--bin "$bin") && artifact="$bin.wasm"
  features=() ; [ "$default_features" = false ] && features=(--no-default-features)
  [ "$with" != - ] && features+=(--features "$with")
  cargo build "${release_flag[@]}" --locked --quiet --target wasm32-unknown-unknown \
    -p "$package" "${target[@]}" "${features[@]}"
  wasm-bindgen --target web --no-typescript --out-dir "$dir" --out-name "$name" \
    "target/wasm32-unknown-unknown/$profile/$artifact"
done
# 2. The table written into the loader and the corpus worker (.ci/finalize.mjs).
node .ci/finalize.mjs "$dir" "$table" --table

if [ "$profile" = release ]; then
  # 3. wasm-opt (binaryen from npm, pinned in package.json) on every module. Chosen by gzip
  #    size shipped (BENCHMARKS.md, "Shipped size"): -Oz, by a hair over -O2 and -Os, run
  #    to a fixed point (--converge). --low-memory-unused lets load and store offsets fold
  #    (a trap instead of a wrap below address 1024): Rust's wasm32 layout puts the 1 MiB
  #    stack first, growing down, and its data above it, so nothing lives there.
  opt=node_modules/.bin/wasm-opt
  [ -x "$opt" ] || { echo "post-build: $opt missing; run 'npm ci' (make does)" >&2; exit 1; }
  for wasm in "$dir"/*.wasm; do
    "$opt" --low-memory-unused "${WASM_OPT_LEVEL:--Oz}" --converge --strip-producers \
      --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      "$wasm" -o "$wasm.opt"
    mv "$wasm.opt" "$wasm"
  done
  # 4. Scripts and styles minified (terser and csso from npm, pinned): comments and long
  #    names cost a phone bytes. Single quotes kept: finalize.mjs finds names by them.
  for js in "$dir"/*.js; do
    [ "$(basename "$js")" = sw.js ] && continue
    node_modules/.bin/terser "$js" --module --compress --mangle --format quote_style=1 -o "$js.min"
    mv "$js.min" "$js"
  done
  node -e 'const fs = require("fs"); const f = process.argv[1];
    fs.writeFileSync(f, require("csso").minify(fs.readFileSync(f, "utf8")).css);' "$dir/style.css"
  # 5. The home view, rendered into index.html by the same components, so the first
  #    message is readable before any Wasm has arrived.
  cargo run --locked --quiet --example prerender -- "$dir/index.html"
  # 6. Content-hashed names, and the service worker's lists and version (.ci/finalize.mjs).
  node .ci/finalize.mjs "$dir" "$table" --hash
  # 7. The static pages: one per message, meeting and topic, and browse/ (README, "Static
  #    pages"), rendered by the same components and linking the hashed style sheet; with
  #    SITE_URL set, their addresses, sitemap.xml and robots.txt.
  cargo run --locked --quiet --example site -- "$dir"
  # 8. The size of every shipped file, and each module's budget (.ci/sizes.sh).
  bash .ci/sizes.sh "$dir" "$table"
fi
