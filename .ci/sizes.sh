#!/usr/bin/env bash
# Prints every shipped file of a built dist/ folder (bytes, gzip -9 bytes) and the gzip
# total of what the first view loads: index.html (with the pre-rendered home view), the
# loader, the style sheet, the icon, and the first-view build's glue and Wasm. Exits 1
# when that total is over the budget of 250 KB (250,000 bytes), so it cannot creep back.
#   .ci/sizes.sh DIR
set -euo pipefail
dir=${1:?usage: sizes.sh DIR}
budget=${FIRST_VIEW_BUDGET:-250000}
# Release builds carry content hashes in these names (.ci/finalize.mjs).
first_view=(index.html 'loader*.js' 'style*.css' favicon.svg 'first-view*.js' 'first-view*_bg.wasm')

gz() { gzip -9c "$1" | wc -c; }
echo "Shipped files (bytes, gzip -9 bytes):"
for f in "$dir"/*; do
  [ -f "$f" ] || continue
  printf '  %-32s %9d %9d\n' "$(basename "$f")" "$(wc -c < "$f")" "$(gz "$f")"
done
total=0
for pattern in "${first_view[@]}"; do
  # shellcheck disable=SC2206 # the pattern is meant to expand
  matches=($dir/$pattern)
  [ "${#matches[@]}" -eq 1 ] && [ -f "${matches[0]}" ] ||
    { echo "sizes: expected one file $dir/$pattern, found: ${matches[*]}" >&2; exit 1; }
  total=$((total + $(gz "${matches[0]}")))
done
echo "  first view, gzip total: $total bytes (budget $budget)"
if [ "$total" -gt "$budget" ]; then
  echo "sizes: the first view ships $total gzip bytes, over the budget of $budget" >&2
  exit 1
fi
