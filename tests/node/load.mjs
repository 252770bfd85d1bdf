// Loads the wasm package (pkg/, built by wasm-pack --target web) in Node.
//
// The package is imported dynamically, not with a static `import init, { initSync, ... } from
// '../../pkg/bucket_upload.js'`: a static import of a missing file fails the whole test file,
// whereas the tests must SKIP (with `skip` below as the message) while pkg/ is not built yet.
// Once both files exist, any load or init error fails the tests.
//
//   import { skip, presignPut } from './load.mjs';
//   test('...', { skip }, async () => { ... presignPut(options) ... });

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const jsUrl = new URL('../../pkg/bucket_upload.js', import.meta.url);
const wasmUrl = new URL('../../pkg/bucket_upload_bg.wasm', import.meta.url);

const missing = [jsUrl, wasmUrl].filter((u) => !existsSync(u)).map((u) => `pkg/${fileURLToPath(u).split(/[\\/]/).pop()}`);

/** false when pkg/ is built; otherwise the reason to skip (for node:test's `skip` option). */
export const skip = missing.length ? `pkg/ is not built yet (${missing.join(', ')} missing)` : false;

let mod = {};
if (!skip) {
  mod = await import(jsUrl.href);
  mod.initSync({ module: readFileSync(wasmUrl) });
}

/** The whole module namespace (null while pkg/ is missing). */
export const pkg = skip ? null : mod;
export const init = mod.default;
export const {
  initSync,
  contentMd5,
  signPostForm,
  postObject,
  presignPut,
  putObject,
  signPutHeaders,
  signPolicy,
  signMultipart,
  BucketUploadError,
} = mod;
