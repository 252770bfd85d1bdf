// The multipart benchmark's page: one File (set by the runner), uploaded in parts to the local
// bucket by this module (uploadFile, the backend signing each request through /sign) and by
// @aws-sdk/lib-storage's Upload (its defaults: 5 MiB parts, CRC32 per part, signed in the page).
const longTasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); })
  .observe({ type: 'longtask', buffered: true });

const state = {};

async function sign(request) {
  const r = await fetch('/sign', { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ method: 'multipart', ...request }) });
  const body = await r.json();
  if (!r.ok) throw Object.assign(new Error(body.message), body);
  return body;
}

window.mp = {
  async init(cfg) {
    state.cfg = cfg;
    state.bu = await import('/pkg/bucket_upload.js');
    state.wasm = await state.bu.default();
    try {
      state.aws = await import('/vendor/lib-storage.js');
    } catch (e) {
      state.awsError = String(e?.message ?? e);
    }
    return { userAgent: navigator.userAgent, lib: !!state.aws, libError: state.awsError };
  },
  useFile() {
    state.file = document.getElementById('file').files[0];
    return state.file?.size;
  },
  /** One upload; `{ ms, longTasks, wasmGrowth, result | error }`. */
  async measure({ id, key, concurrency }) {
    const { cfg, file } = state;
    longTasks.length = 0;
    const wasmBefore = state.wasm.memory.buffer.byteLength;
    const t0 = performance.now();
    let result;
    try {
      if (id.startsWith('module')) {
        const u = state.bu.uploadFile(file, { endpoint: cfg.endpoint, bucket: cfg.bucket, region: cfg.region,
          pathStyle: true, key, sign, concurrency });
        const r = await u.done;
        result = { etag: r.etag, verified: r.verified, parts: r.parts };
      } else {
        const { S3Client, Upload } = state.aws;
        const client = new S3Client({ region: cfg.region, endpoint: cfg.endpoint, forcePathStyle: true,
          credentials: { accessKeyId: cfg.accessKey, secretAccessKey: cfg.secretKey } });
        const r = await new Upload({ client, params: { Bucket: cfg.bucket, Key: key, Body: file }, queueSize: concurrency }).done();
        result = { etag: r.ETag };
      }
    } catch (e) {
      return { error: `${e?.name}: ${e?.code ?? ''} ${e?.message ?? e}`.slice(0, 400) };
    }
    const ms = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 100)); // let the last long-task entries arrive
    return { ms, result, longTasks: { count: longTasks.length, maxMs: Math.max(0, ...longTasks) },
      wasmGrowth: state.wasm.memory.buffer.byteLength - wasmBefore };
  },
};
document.body.dataset.ready = 'true';
