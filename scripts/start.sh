#!/usr/bin/env bash
# `npm start`: install what is missing, build the package and the local bucket, start both.
# The page and the bucket listen on 127.0.0.1 only, on different ports (cross-origin, as in
# production). Ctrl-C stops them.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
WANT_BROWSERS="" bash scripts/setup.sh
bash scripts/build.sh
cargo build --quiet --release -p bucket-server
exec target/release/bucket-server \
  --bucket-port "${BUCKET_PORT:-9000}" --www-port "${WWW_PORT:-8080}" \
  --data "${BUCKET_DATA:-.bucket-data}" --www www --pkg pkg "$@"
