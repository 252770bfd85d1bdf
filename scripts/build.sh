#!/usr/bin/env bash
# Builds the npm package into pkg/: the release wasm by cargo, JS glue and .d.ts by the pinned
# wasm-bindgen on PATH (no wasm-pack: it adds nothing the build needs and costs a 3-minute
# install), then wasm-opt from the npm binaryen package (Debian's binaryen 108 breaks the
# externref table; see ../shared/TOOLCHAIN.md). When the module did not change since the last
# build, the bindgen and wasm-opt steps are skipped (a warm `npm start` takes seconds).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
cargo build --quiet --release --target wasm32-unknown-unknown --lib
module=target/wasm32-unknown-unknown/release/bucket_upload.wasm
stamp=pkg/.built-from
if [ -f pkg/bucket_upload_bg.wasm ] && [ -f "$stamp" ] && [ "$stamp" -nt "$module" ] && [ "$stamp" -nt scripts/build.sh ]; then
  echo "build: the module is unchanged; pkg/ kept"
else
  rm -rf pkg/snippets
  wasm-bindgen --target web --out-dir pkg --out-name bucket_upload "$module"
  # Rust 1.95 emits these features; wasm-opt must be told it may keep them.
  node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers \
    --enable-bulk-memory --enable-reference-types --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-multivalue --enable-mutable-globals \
    pkg/bucket_upload_bg.wasm -o pkg/bucket_upload_bg.wasm.tmp
  # Renamed into place, so a server reading pkg/ mid-build never sees a half-written module.
  mv pkg/bucket_upload_bg.wasm.tmp pkg/bucket_upload_bg.wasm
  touch "$stamp"
fi
cp README.md pkg/README.md
# The hashing worker imports ./bucket_upload.js; it ships beside it.
cp js/bucket_upload_worker.js pkg/
# pkg/package.json as bundlers, TypeScript and npm see it, written whole (not patched from
# wasm-pack's): version, description, license and repository from Cargo.toml's [package]; an
# exports map; `files` naming exactly what ships — the snippets the glue imports, file by file, so
# a stale snippets/ folder of an older build never ships (scripts/pack-check.mjs checks the tarball).
# sideEffects: the glue's top level only defines things (its classes' Symbol.dispose, finalization
# registries, a TextDecoder warm-up), so an unused import may be dropped; the worker file installs
# self.onmessage. The snippets are kept as wasm-bindgen keeps them, but with `**`: its own
# "./snippets/*" matches no file in webpack or Vite, whose `*` stops at the <crate>/ folder.
node --input-type=module - <<'EOF'
import { readFileSync, writeFileSync } from 'node:fs';
const section = readFileSync('Cargo.toml', 'utf8').split(/^\[/m).find((s) => s.startsWith('package]'));
const cargo = Object.fromEntries([...section.matchAll(/^([a-z-]+)\s*=\s*"([^"]*)"\s*$/gm)].map((m) => [m[1], m[2]]));
const glue = readFileSync('pkg/bucket_upload.js', 'utf8');
const snippets = [...new Set([...glue.matchAll(/from\s+["']\.\/(snippets\/[^"']+)["']/g)].map((m) => m[1]))].sort();
const repo = cargo.repository;
const pkg = {
  name: 'bucket-upload',
  version: cargo.version,
  description: cargo.description,
  license: cargo.license,
  repository: { type: 'git', url: repo },
  homepage: `${repo}#readme`,
  bugs: { url: `${repo}/issues` },
  keywords: ['upload', 's3', 'presigned-url', 'post-policy', 'sigv4', 'multipart-upload', 'content-md5',
    'object-storage', 'aliyun-oss', 'huawei-obs', 'wasm', 'browser'],
  type: 'module',
  main: './bucket_upload.js',
  module: './bucket_upload.js',
  types: './bucket_upload.d.ts',
  exports: {
    '.': { types: './bucket_upload.d.ts', default: './bucket_upload.js' },
    './worker': './bucket_upload_worker.js',
    './wasm': './bucket_upload_bg.wasm',
    './package.json': './package.json',
  },
  sideEffects: ['./bucket_upload_worker.js', './snippets/**'],
  files: ['bucket_upload.js', 'bucket_upload.d.ts', 'bucket_upload_bg.wasm', 'bucket_upload_worker.js', ...snippets],
};
writeFileSync('pkg/package.json', JSON.stringify(pkg, null, 2) + '\n');
EOF
# The trailing options objects are optional; wasm-bindgen cannot say so for a typed JsValue.
sed -i -E 's/options: (ReadOptions|UploadOptions|PutUploadOptions|DigestOptions)\)/options?: \1)/' pkg/bucket_upload.d.ts
# wasm-bindgen's classes declare [Symbol.dispose]: name the lib it is in, so a consumer whose
# tsconfig lib is es2022 + dom still compiles without skipLibCheck.
grep -q 'esnext.disposable' pkg/bucket_upload.d.ts || sed -i '1i /// <reference lib="esnext.disposable" />' pkg/bucket_upload.d.ts
wasm_gz=$(gzip -9c pkg/bucket_upload_bg.wasm | wc -c)
js_gz=$(gzip -9c pkg/bucket_upload.js | wc -c)
echo "build: pkg/ ready — wasm $(wc -c < pkg/bucket_upload_bg.wasm) B ($wasm_gz B gzipped), js glue $js_gz B gzipped"
