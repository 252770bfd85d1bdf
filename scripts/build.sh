#!/usr/bin/env bash
# Builds the npm package into pkg/: release wasm, JS glue and .d.ts by wasm-pack (using the
# pinned wasm-bindgen on PATH, never a download), then wasm-opt from the npm binaryen package
# (Debian's binaryen 108 breaks the externref table; see ../shared/TOOLCHAIN.md).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
wasm-pack --quiet build --target web --mode no-install --release --out-dir pkg --out-name bucket_upload >/dev/null
# Rust 1.95 emits these features; wasm-opt must be told it may keep them.
node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers \
  --enable-bulk-memory --enable-reference-types --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-multivalue --enable-mutable-globals \
  pkg/bucket_upload_bg.wasm -o pkg/bucket_upload_bg.wasm.tmp
# Renamed into place, so a server reading pkg/ mid-build never sees a half-written module.
mv pkg/bucket_upload_bg.wasm.tmp pkg/bucket_upload_bg.wasm
# The hashing worker imports ./bucket_upload.js; it ships beside it.
cp js/bucket_upload_worker.js pkg/
node -e '
  const fs = require("fs"); const p = JSON.parse(fs.readFileSync("pkg/package.json"));
  p.files = [...new Set([...(p.files || []), "bucket_upload_worker.js", "snippets"])];
  fs.writeFileSync("pkg/package.json", JSON.stringify(p, null, 2) + "\n");'
# The trailing options objects are optional; wasm-bindgen cannot say so for a typed JsValue.
sed -i -E 's/options: (ReadOptions|UploadOptions|PutUploadOptions|DigestOptions)\)/options?: \1)/' pkg/bucket_upload.d.ts
wasm_gz=$(gzip -9c pkg/bucket_upload_bg.wasm | wc -c)
js_gz=$(gzip -9c pkg/bucket_upload.js | wc -c)
echo "build: pkg/ ready — wasm $(wc -c < pkg/bucket_upload_bg.wasm) B ($wasm_gz B gzipped), js glue $js_gz B gzipped"
