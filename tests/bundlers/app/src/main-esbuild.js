// esbuild emits neither the wasm nor the worker: the build copies the wasm beside the worker
// bundle and `init` is told where it is.
import { start } from './app.js';
start({ module_or_path: new URL('/bucket_upload_bg.wasm', location.href) });
