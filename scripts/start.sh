#!/usr/bin/env bash
# `npm start`: install what is missing, build the package and the local bucket, start both.
# The page and the bucket listen on 127.0.0.1 only, on different ports (cross-origin, as in
# production). Ctrl-C stops them.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
step="setting up"
trap 'echo "npm start: failed while $step. Fix the cause above, then run npm start again (finished steps are skipped)." >&2' ERR
say() { step=$1; printf '\033[1mstart:\033[0m %s\n' "$*"; }
# Fresh-machine durations measured on 2 cores (warm: each step is skipped or takes under a second).
say "installing what the demo needs (fresh: about 3 min, mostly building wasm-bindgen-cli)"
WANT_BROWSERS="" bash scripts/setup.sh
say "building the wasm package (fresh: about 30 s)"
bash scripts/build.sh
say "building the local bucket (fresh: about 70 s)"
cargo build --quiet --profile server -p bucket-server
exec target/server/bucket-server \
  --bucket-port "${BUCKET_PORT:-9000}" --www-port "${WWW_PORT:-8080}" \
  --data "${BUCKET_DATA:-.bucket-data}" --www www --pkg pkg "$@"
