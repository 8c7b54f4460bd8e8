# The two commands of README.md. Each installs what is missing first (.ci/setup.sh).
.PHONY: serve test build bench-browser lighthouse

# Build the app and serve it on http://127.0.0.1:8080 (release build, embedded corpus).
serve:
	bash .ci/setup.sh
	trunk serve --release --offline

# Run every test at every level; ends with one summary line per level.
test:
	bash .ci/setup.sh --test
	bash .ci/test.sh

# The static site for any web host, in dist/.
build:
	bash .ci/setup.sh
	trunk build --release --offline

# Our search engine (Wasm, as shipped) beside MiniSearch and FlexSearch in headless
# Chromium, 10k and 100k synthetic messages; not part of `make test` (minutes, noisy).
bench-browser:
	bash .ci/setup.sh --test
	node tests/bench/browser.mjs

# Lighthouse (npm, pinned) on the release build: home, a search link, a message, Compare
# and Charts, 3 runs each, mobile profile; medians into tests/lighthouse/output/ and a
# table for BENCHMARKS.md. Not part of `make test` (it records, it does not assert).
lighthouse:
	bash .ci/setup.sh --test
	trunk build --release --offline
	node tests/lighthouse/run.mjs
