#!/usr/bin/env bash
# Prints every shipped file of a built dist/ folder (bytes, gzip -9 bytes) and, for each
# module of the build table with a budget (crates/core/src/builds.rs), the gzip total a reader
# downloads to see a view of it: index.html (with the pre-rendered home view), the loader,
# the style sheet, the icon, and the module's glue and Wasm. Exits 1 when a total is over
# its budget, so none can creep back.
#   .ci/sizes.sh DIR [TABLE]   (TABLE: the build table as JSON; printed again when not given)
set -euo pipefail
dir=${1:?usage: sizes.sh DIR [TABLE]}
table=${2:-}
if [ -z "$table" ]; then
  table=target/build-table.json
  cargo run --locked --quiet -p messages-explorer-core --example build-table > "$table"
fi
# Release builds carry content hashes in these names (.ci/finalize.mjs).
page=(index.html 'loader-*.js' 'style-*.css' favicon.svg)

gz() { gzip -9c "$1" | wc -c; }
echo "Shipped files (bytes, gzip -9 bytes):"
for f in "$dir"/*; do
  [ -f "$f" ] || continue
  printf '  %-32s %9d %9d\n' "$(basename "$f")" "$(wc -c < "$f")" "$(gz "$f")"
done
over=0
while read -r name budget; do
  total=0
  for pattern in "${page[@]}" "$name-*.js" "$name-*_bg.wasm"; do
    # shellcheck disable=SC2206 # the pattern is meant to expand
    matches=($dir/$pattern)
    [ "${#matches[@]}" -eq 1 ] && [ -f "${matches[0]}" ] ||
      { echo "sizes: expected one file $dir/$pattern, found: ${matches[*]}" >&2; exit 1; }
    total=$((total + $(gz "${matches[0]}")))
  done
  echo "  $name, gzip total with the page: $total bytes (budget $budget)"
  if [ "$total" -gt "$budget" ]; then
    echo "sizes: $name ships $total gzip bytes, over its budget of $budget" >&2
    over=1
  fi
done < <(node -e 'for (const b of JSON.parse(require("fs").readFileSync(process.argv[1])).builds)
  if (b.budget !== null) console.log(b.name, process.env[`BUDGET_${b.role.toUpperCase()}`] || b.budget);' "$table")
# Every static page (README, "Static pages"): at most 15,000 gzip bytes each.
pages=0 largest=0 largest_page=
while IFS= read -r f; do
  size=$(gz "$f"); pages=$((pages + 1))
  if [ "$size" -gt "$largest" ]; then largest=$size largest_page=${f#"$dir"/}; fi
done < <(find "$dir" -mindepth 2 -name index.html)
if [ "$pages" -gt 0 ]; then
  echo "  static pages: $pages, the largest $largest_page at $largest gzip bytes (budget 15000 each)"
  if [ "$largest" -gt 15000 ]; then
    echo "sizes: the static page $largest_page ships $largest gzip bytes, over 15000" >&2
    over=1
  fi
fi
exit "$over"
