#!/usr/bin/env bash
# Runs every test, at every level, and ends with one summary line per level:
#   checks  cargo fmt, clippy -D warnings (the core's boundary is its crate: tests/architecture.rs)
#   native  the core's unit and integration tests (cargo test)
#   ssr     server-side-rendered HTML snapshots of the UI (insta)
#   wasm    wasm-bindgen-test in headless Chromium through chromedriver
#   e2e     Playwright + Debian's Chromium against the release dist/, with axe-core
# Exits non-zero when any level fails. Run through `make test` (which installs the tools).
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
log_dir=$(mktemp -d)
declare -a summary
failed_levels=0
total_pass=0
total_fail=0

record() { # level pass fail status
  summary+=("$1: $2 passed, $3 failed$( [ "$4" -ne 0 ] && echo " (exit $4)")")
  total_pass=$((total_pass + $2)); total_fail=$((total_fail + $3))
  if [ "$4" -ne 0 ] || [ "$3" -ne 0 ]; then failed_levels=$((failed_levels + 1)); fi
}

# Sums "test result: ok. N passed; M failed" lines of cargo's output.
cargo_counts() {
  awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
       END { printf "%d %d", p, f }' "$1"
}

run() { # name command...
  local name=$1; shift
  printf '\n=== %s: %s\n' "$name" "$*"
  "$@" 2>&1 | tee "$log_dir/$name.log"
  return "${PIPESTATUS[0]}"
}

# --- checks: formatting and lints, in every crate and in both Wasm builds.
checks_pass=0; checks_fail=0
if run fmt cargo fmt --all -- --check; then checks_pass=$((checks_pass + 1)); else checks_fail=$((checks_fail + 1)); fi
if run clippy cargo clippy --workspace --all-targets --locked -- -D warnings; then checks_pass=$((checks_pass + 1)); else checks_fail=$((checks_fail + 1)); fi
# The browser-only code paths (cfg(target_arch = "wasm32")) are linted too, in every
# build: the full app, and each smaller build of the app with its features (the build
# table, crates/core/src/builds.rs: the first view, the set view, the charts view).
if run clippy-wasm cargo clippy --workspace --lib --bins --locked --target wasm32-unknown-unknown -- -D warnings; then checks_pass=$((checks_pass + 1)); else checks_fail=$((checks_fail + 1)); fi
cargo run --locked --quiet -p messages-explorer-core --example build-table > "$log_dir/build-table.json"
while read -r name features; do
  if run "clippy-$name" cargo clippy -p messages-explorer --lib --bins --locked --no-default-features --features "$features" --target wasm32-unknown-unknown -- -D warnings < /dev/null; then checks_pass=$((checks_pass + 1)); else checks_fail=$((checks_fail + 1)); fi
done < <(node -e 'for (const b of JSON.parse(require("fs").readFileSync(process.argv[1])).builds)
  if (b.package === "messages-explorer" && !b.defaultFeatures) console.log(b.name, b.features);' "$log_dir/build-table.json")
record checks "$checks_pass" "$checks_fail" 0

# --- native: every crate's unit tests and every test target except the SSR snapshots and
# the wasm tests (tests/reader/ holds the corpus reader crate's tests).
native_targets=(--workspace --lib --bins)
for t in tests/*.rs tests/reader/*.rs; do
  case "$(basename "$t" .rs)" in ssr|wasm) ;; *) native_targets+=(--test "$(basename "$t" .rs)") ;; esac
done
run native cargo test --locked "${native_targets[@]}"; status=$?
read -r p f < <(cargo_counts "$log_dir/native.log"); record native "$p" "$f" "$status"

# --- ssr: HTML snapshots (a changed snapshot fails; review with `cargo insta review`).
run ssr cargo test --locked --test ssr; status=$?
read -r p f < <(cargo_counts "$log_dir/ssr.log"); record ssr "$p" "$f" "$status"

# --- wasm: in headless Chromium.
CHROMEDRIVER=/usr/bin/chromedriver run wasm cargo test --locked --target wasm32-unknown-unknown --test wasm; status=$?
read -r p f < <(cargo_counts "$log_dir/wasm.log"); record wasm "$p" "$f" "$status"

# --- e2e: build the release dist/ and drive it in Chromium (with synthetic corpora loaded
# through the user's corpus-file path: 10k messages for the keystroke timings, 34k (20 MB,
# the file limit) for reading off the page's thread). The
# build's own size check (.ci/sizes.sh, run again here as its own level) fails when what
# the first view loads is over 250 KB gzip.
mkdir -p target/e2e
if cargo run --quiet --locked --example synthetic-corpus -- 10000 target/e2e/synthetic-10k.json &&
  cargo run --quiet --locked --example synthetic-corpus -- 34000 target/e2e/synthetic-20mb.json &&
  run build trunk build --release --offline; then
  if run size bash .ci/sizes.sh dist target/build-table.json; then record size 1 0 0; else record size 0 1 0; fi
  run e2e npm run --silent e2e; status=$?
  p=$(awk '/^# pass/ { print $3 }' "$log_dir/e2e.log"); f=$(awk '/^# fail/ { print $3 }' "$log_dir/e2e.log")
  record e2e "${p:-0}" "${f:-0}" "$status"
else
  record size 0 1 0
  record e2e 0 0 1
fi

printf '\n=== summary\n'
for line in "${summary[@]}"; do echo "$line"; done
echo "total: $total_pass passed, $total_fail failed"
rm -rf "$log_dir"
[ "$failed_levels" -eq 0 ]
