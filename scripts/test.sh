#!/usr/bin/env bash
# `npm test`: every test, on a fresh machine too (setup installs what is missing).
# Stages: native Rust tests, browser tests (Chromium, Firefox), Node tests against the vendors'
# SDKs, end-to-end tests of the demo page against the local bucket.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
t0=$SECONDS
# The wasm-bindgen tests run in a headless browser through the pinned wasm-bindgen-test-runner
# (the driver named by CHROMEDRIVER or GECKODRIVER picks the browser). No --quiet: cargo would
# pass it to the runner, which rejects it.
wasm_test() {
  WASM_BINDGEN_TEST_TIMEOUT=180 CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    cargo test --release --target wasm32-unknown-unknown --test web_md5
}
stage() { printf '\n\033[1m== %s\033[0m (at %ss)\n' "$*" "$((SECONDS - t0))"; }

stage "setup"
bash scripts/setup.sh
stage "build the npm package (pkg/)"
bash scripts/build.sh
stage "build the local bucket server"
cargo build --quiet --profile server -p bucket-server
stage "TypeScript declarations type-check the documented usage"
node_modules/.bin/tsc --noEmit --strict --target es2022 --module es2022 --moduleResolution bundler --lib esnext,dom tests/types/usage.ts
stage "native Rust tests (core and bucket server)"
cargo test --quiet --workspace
stage "browser tests: contentMd5 in headless Chromium"
CHROMEDRIVER=/usr/bin/chromedriver wasm_test
stage "browser tests: contentMd5 in headless Firefox"
GECKODRIVER="$(command -v geckodriver)" wasm_test
stage "Node tests against the vendors' SDKs"
node --test tests/node/
stage "end-to-end: demo page, headless Chromium, local bucket"
node --test --test-concurrency=1 tests/e2e/
stage "bundlers: the packed tarball in Vite, webpack and esbuild apps (Chromium), TypeScript consumers"
node --test --test-concurrency=1 tests/bundlers/
stage "all tests passed in $((SECONDS - t0)) s"
