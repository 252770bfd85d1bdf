// The hashing worker: the same wasm module, hashing a File off the main thread so the page stays
// responsive. Started by `contentMd5` / `digests` with `{ worker: true }` (the default in pages);
// the Blob is passed by reference (structured clone of a Blob copies no bytes).
import init, { digests } from './bucket_upload.js';

const ready = init();

self.onmessage = async ({ data: { blob, options } }) => {
  try {
    await ready;
    const onProgress = (loaded, total) => self.postMessage({ progress: [loaded, total] });
    const result = await digests(blob, { ...options, worker: false, onProgress });
    self.postMessage({ result });
  } catch (e) {
    const { message = String(e), code = 'WorkerError', kind = 'read', field, status, requestId } = e ?? {};
    self.postMessage({ error: { message, code, kind, field, status, requestId } });
  }
};
