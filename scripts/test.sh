#!/usr/bin/env bash
# `npm test`: every test, on a fresh machine too (setup installs what is missing).
# Stages: native Rust tests, browser tests (Chromium, Firefox), Node tests against the vendors'
# SDKs, end-to-end tests of the demo page against the local bucket.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
t0=$SECONDS
stage() { printf '\n\033[1m== %s\033[0m (at %ss)\n' "$*" "$((SECONDS - t0))"; }

stage "setup"
bash scripts/setup.sh
stage "build the npm package (pkg/)"
bash scripts/build.sh
stage "build the local bucket server"
cargo build --quiet --release -p bucket-server
stage "TypeScript declarations type-check the documented usage"
node_modules/.bin/tsc --noEmit --strict --target es2022 --module es2022 --moduleResolution bundler --lib esnext,dom tests/types/usage.ts
stage "native Rust tests (core and bucket server)"
cargo test --quiet --workspace
stage "browser tests: contentMd5 in headless Chromium"
WASM_BINDGEN_TEST_TIMEOUT=180 wasm-pack test --release --headless --chrome --chromedriver /usr/bin/chromedriver --mode no-install -- --test web_md5
stage "browser tests: contentMd5 in headless Firefox"
WASM_BINDGEN_TEST_TIMEOUT=180 wasm-pack test --release --headless --firefox --geckodriver "$(command -v geckodriver)" --mode no-install -- --test web_md5
stage "Node tests against the vendors' SDKs"
node --test tests/node/
stage "end-to-end: demo page, headless Chromium, local bucket"
node --test --test-concurrency=1 tests/e2e/
stage "bundlers: the packed tarball in Vite, webpack and esbuild apps (Chromium), TypeScript consumers"
node --test --test-concurrency=1 tests/bundlers/
stage "all tests passed in $((SECONDS - t0)) s"
