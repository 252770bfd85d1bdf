// The benchmark's browser half. bench/run.mjs drives it through `window.bench`: make one random
// Blob, then time each row on it, one call per measurement. Every row says whether it can run
// here (optional rows detect the module's exports) and a failed row reports its error instead of
// throwing, so one NotReadableError does not end the whole run.
import * as mod from '/pkg/bucket_upload.js';

const MiB = 1024 * 1024;
const state = { blob: null, gen: 0, bytes: null, wasm: null, chunk: 8 * MiB, aws: null, awsMode: null, cfg: {} };

// Main-thread tasks over 50 ms, for the time window of each measurement.
const longTasks = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push({ start: e.startTime, dur: e.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch { /* reported as "n/a" by measure() */ }

/** `{hex}` | `{base64, hex}` | hex string | bytes → lowercase hex. */
function toHex(d) {
  if (typeof d === 'string') return d.toLowerCase();
  if (d && typeof d.hex === 'string') return d.hex.toLowerCase();
  if (d instanceof Uint8Array || d instanceof ArrayBuffer) {
    return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
  }
  throw new Error(`cannot read a digest from ${Object.prototype.toString.call(d)}`);
}
const describe = (e) => `${e?.name ?? 'Error'}${e?.code ? ` (${e.code})` : ''}: ${e?.message ?? e}`;

/** The module's in-memory hasher, if it has one: `Md5` (update/finalize|digest) or `md5Bytes`. */
function moduleInMemory() {
  if (typeof mod.md5Bytes === 'function') return (bytes) => mod.md5Bytes(bytes);
  const Hasher = mod.Md5Hasher ?? mod.Md5;
  if (typeof Hasher === 'function' && typeof Hasher.prototype.update === 'function') {
    const end = ['finalize', 'digest', 'finish'].find((m) => typeof Hasher.prototype[m] === 'function');
    // Fed in 8 MiB pieces: each update copies its piece into wasm memory, as a streaming caller would.
    if (end) return (bytes) => { const h = new Hasher(); for (let i = 0; i < bytes.length; i += 8 << 20) h.update(bytes.subarray(i, i + (8 << 20))); const d = h[end](); h.free?.(); return d; };
  }
  return null;
}

/** Does `contentMd5(blob, { worker: true })` start a Worker? (An ignored option would not.) Run
 *  before any other call, in case the module keeps one worker for good. */
async function workerSupport() {
  if (typeof Worker !== 'function') return 'this page has no Worker';
  const types = await fetch('/pkg/bucket_upload.d.ts').then((r) => (r.ok ? r.text() : ''), () => '');
  const hint = /\bworker\?\s*:/.test(types) || Object.keys(mod).some((k) => /worker/i.test(k));
  const Original = window.Worker;
  let created = 0;
  window.Worker = new Proxy(Original, { construct: (t, a, n) => (created++, Reflect.construct(t, a, n)) });
  try {
    await mod.contentMd5(new Blob([new Uint8Array(1000)]), { worker: true });
  } catch (e) {
    return `contentMd5(blob, { worker: true }) failed: ${describe(e)}`;
  } finally {
    window.Worker = Original;
  }
  return created > 0 || hint ? true : 'the module has no worker mode yet (contentMd5 with { worker: true } started no Worker)';
}

/** hash-wasm's and spark-md5's incremental loops: one `slice().arrayBuffer()` at a time. */
async function sliceLoop(blob, update) {
  for (let a = 0; a < blob.size; a += state.chunk) {
    update(await blob.slice(a, Math.min(a + state.chunk, blob.size)).arrayBuffer());
  }
}

// AWS SDK v3 PutObject: tried in this order until one works; the one that worked is recorded.
const AWS_MODES = [
  { name: 'default checksum behaviour (requestChecksumCalculation WHEN_SUPPORTED: CRC32), Body: Blob',
    short: 'default CRC32, Blob body', client: {}, body: (b) => b },
  { name: 'default checksum behaviour (CRC32), Body: Uint8Array read from the Blob inside the timing (handed to fetch as a Blob copy, see below)',
    short: 'default CRC32, bytes body', client: {}, body: async (b) => new Uint8Array(await b.arrayBuffer()) },
  { name: 'requestChecksumCalculation WHEN_REQUIRED + ContentMD5 from a hash-wasm slice loop inside the timing, Body: Blob',
    short: 'Content-MD5 by hash-wasm, Blob body', client: { requestChecksumCalculation: 'WHEN_REQUIRED' }, body: (b) => b,
    input: async (b) => {
      const h = await hashwasm.createMD5(); h.init(); await sliceLoop(b, (buf) => h.update(new Uint8Array(buf)));
      return { ContentMD5: btoa(String.fromCharCode(...h.digest('binary'))) };
    } },
  { name: 'requestChecksumCalculation WHEN_REQUIRED (no checksum sent), Body: Blob',
    short: 'no checksum, Blob body', client: { requestChecksumCalculation: 'WHEN_REQUIRED' }, body: (b) => b },
];
async function awsPut(blob, mode) {
  const { S3Client, PutObjectCommand } = state.aws;
  const c = state.cfg;
  const client = new S3Client({ endpoint: c.endpoint, region: c.region, forcePathStyle: true, maxAttempts: 1,
    credentials: { accessKeyId: c.accessKey, secretAccessKey: c.secretKey }, ...mode.client });
  let sent = {};
  client.middlewareStack.add((next) => async (args) => {
    const req = args.request ?? {};
    sent = Object.fromEntries(Object.entries(req.headers ?? {}).filter(([k]) => /checksum|content-md5|content-sha256|content-encoding|decoded/i.test(k)));
    // After checksums and signing: hand fetch the same bytes as a Blob. A byte-array request body is
    // copied whole into DevTools' Network.requestWillBeSent event (Playwright enables the Network
    // domain without maxPostDataSize), which slows the request and, from ~128 MiB, crashes the page
    // or Playwright. A Blob body is not copied there. Costs one in-memory copy, inside the timing.
    if (ArrayBuffer.isView(req.body)) req.body = new Blob([req.body]);
    return next(args);
  }, { step: 'finalizeRequest', priority: 'low', name: 'benchBlobBodyAndRecordHeaders' });
  try {
    const t0 = performance.now();
    const more = mode.input ? await mode.input(blob) : {};
    const out = await client.send(new PutObjectCommand({ Bucket: c.bucket, Key: 'uploads/bench-aws.bin',
      Body: await mode.body(blob), ContentType: 'application/octet-stream', ...more }));
    const ms = performance.now() - t0;
    const etag = out.ETag?.replaceAll('"', '');
    return { ms, hex: /^[0-9a-f]{32}$/i.test(etag ?? '') ? etag : undefined,
      extra: { mode: mode.name, short: mode.short, etag, checksumCRC32: out.ChecksumCRC32, checksumHeaders: sent } };
  } finally {
    client.destroy();
  }
}

// One line per row. kind: 'blob' (hash the Blob), 'memory' (hash state.bytes), 'upload'.
// `when` (optional) returns true or why the row cannot run; `run` returns a digest or {ms?, hex, extra}.
const mi = moduleInMemory();
const ROWS = [
  { id: 'module', label: 'bucket-upload contentMd5 (main thread)', group: 'module', kind: 'blob', wasm: true,
    run: (b) => mod.contentMd5(b, { worker: false }) },
  { id: 'module-worker', label: 'bucket-upload contentMd5 (worker)', group: 'module', kind: 'blob',
    when: () => state.worker, run: (b) => mod.contentMd5(b, { worker: true }) },
  { id: 'module-memory', label: 'bucket-upload in-memory MD5', group: 'limit', kind: 'memory', wasm: true,
    when: () => mi ? true : 'the module exports no in-memory hasher (Md5 class or md5Bytes) yet', run: (u8) => mi(u8) },
  { id: 'hashwasm-memory', label: 'hash-wasm md5() in memory', group: 'limit', kind: 'memory',
    when: () => typeof globalThis.hashwasm?.md5 === 'function' || 'hash-wasm did not load', run: (u8) => hashwasm.md5(u8) },
  { id: 'hashwasm-loop', label: 'hash-wasm createMD5 slice loop', group: 'peer', kind: 'blob',
    when: () => typeof globalThis.hashwasm?.createMD5 === 'function' || 'hash-wasm did not load',
    run: async (b) => { const h = await hashwasm.createMD5(); h.init(); await sliceLoop(b, (buf) => h.update(new Uint8Array(buf))); return h.digest('hex'); } },
  { id: 'spark-loop', label: 'spark-md5 ArrayBuffer loop', group: 'peer', kind: 'blob',
    when: () => typeof globalThis.SparkMD5?.ArrayBuffer === 'function' || 'spark-md5 did not load',
    run: async (b) => { const s = new SparkMD5.ArrayBuffer(); await sliceLoop(b, (buf) => s.append(buf)); return s.end(); } },
  { id: 'module-upload', label: 'bucket-upload contentMd5 + presigned PUT', group: 'upload', kind: 'upload',
    run: async (b) => {
      const t0 = performance.now();
      const md5 = await mod.contentMd5(b);
      const t1 = performance.now();
      const r = await fetch('/sign', { method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ method: 'put', version: 'v4', key: 'uploads/bench.bin', contentType: 'application/octet-stream', contentMd5: md5.base64 }) });
      if (!r.ok) throw new Error(`/sign answered ${r.status}: ${await r.text()}`);
      const res = await mod.putObject(b, await r.json(), { contentMd5: md5 });
      const t2 = performance.now();
      return { hex: md5.hex, extra: { hashMs: t1 - t0, uploadMs: t2 - t1, status: res.status, md5Verified: res.md5Verified } };
    } },
  { id: 'aws-upload', label: 'AWS SDK v3 PutObject', group: 'upload', kind: 'upload',
    when: () => state.aws ? true : state.awsWhy,
    run: async (b) => {
      if (state.awsMode) return awsPut(b, state.awsMode);
      const failed = [];
      for (const mode of AWS_MODES) {
        try {
          const r = await awsPut(b, mode);
          state.awsMode = mode;
          r.extra.failedModes = failed;
          return r;
        } catch (e) { failed.push(`${mode.name}: ${describe(e)}`); }
      }
      throw new Error(`every AWS SDK setting failed — ${failed.join(' | ')}`);
    } },
];

window.bench = {
  longTasks, // for debugging the harness
  /** Loads the module and the peers; returns the rows with whether each can run. */
  async init(cfg) {
    state.cfg = cfg;
    state.chunk = cfg.chunk ?? state.chunk;
    state.wasm = await mod.default();
    try {
      state.aws = await import(cfg.awsBundle ? '/vendor/aws-s3.js' : '@aws-sdk/client-s3');
      state.awsSource = cfg.awsBundle ? 'esbuild bundle' : 'unbundled ES modules from node_modules (import map)';
    } catch (e) {
      state.awsWhy = `the AWS SDK could not be loaded in the page: ${describe(e)}`;
    }
    state.worker = await workerSupport();
    // Warm-up outside every timing: wasm compiled and instantiated, code paths run once.
    const tiny = new Uint8Array(4096);
    await mod.contentMd5(new Blob([tiny]), { worker: false }).catch(() => {});
    await globalThis.hashwasm?.md5(tiny).catch(() => {});
    await globalThis.hashwasm?.createMD5().catch(() => {});
    const rows = [];
    for (const r of ROWS) {
      let ok = true;
      try { ok = r.when ? await r.when() : true; } catch (e) { ok = describe(e); }
      rows.push({ id: r.id, label: r.label, group: r.group, kind: r.kind, available: ok === true, why: ok === true ? undefined : ok });
    }
    return { rows, awsSource: state.awsSource, userAgent: navigator.userAgent,
      longTaskObserver: PerformanceObserver.supportedEntryTypes?.includes('longtask') ?? false,
      wasmMemory: state.wasm?.memory instanceof WebAssembly.Memory };
  },

  /** A random Blob of `size` bytes from 64 KiB getRandomValues pieces, 16 MiB parts at a time. */
  async makeBlob(size) {
    state.blob = null;
    const parts = [];
    for (let at = 0; at < size; at += 16 * MiB) {
      const pieces = [];
      for (let p = at; p < Math.min(at + 16 * MiB, size); p += 65536) {
        pieces.push(crypto.getRandomValues(new Uint8Array(Math.min(65536, size - p))));
      }
      parts.push(new Blob(pieces));
      await new Promise((r) => setTimeout(r, 0));
    }
    state.blob = new Blob(parts, { type: 'application/octet-stream' });
    state.gen++;
    return { size: state.blob.size, gen: state.gen };
  },

  /** --source file: the disk-backed File that run.mjs put into the page's file input. */
  useFile() {
    state.blob = document.getElementById('file').files[0];
    state.gen++;
    return { size: state.blob.size, gen: state.gen };
  },

  /** Can the Blob still be read (start, middle, end)? After a NotReadableError it may not. */
  async blobReadable() {
    const b = state.blob;
    try {
      for (const a of [0, Math.floor(b.size / 2), Math.max(0, b.size - 1024)]) await b.slice(a, a + 1024).arrayBuffer();
      return true;
    } catch (e) { return describe(e); }
  },

  /** The whole Blob in memory for the in-memory rows (outside their timing), or dropped. */
  async loadBytes() {
    try { state.bytes = new Uint8Array(await state.blob.arrayBuffer()); return true; } catch (e) { return describe(e); }
  },
  dropBytes() { state.bytes = null; },

  /** Times row `id` once. */
  async measure(id) {
    const row = ROWS.find((r) => r.id === id);
    const input = row.kind === 'memory' ? state.bytes : state.blob;
    // Start in an ordinary timer task: work run straight from the DevTools evaluate is not seen
    // by the long-task observer, so a synchronous hash would report no long task at all.
    await new Promise((r) => setTimeout(r, 0));
    const wasmBefore = state.wasm.memory.buffer.byteLength;
    const t0 = performance.now();
    let out, error;
    try {
      if (!input) throw new Error('no input (the Blob could not be read into memory)');
      out = await row.run(input);
    } catch (e) { error = describe(e); }
    const t1 = performance.now();
    await new Promise((r) => setTimeout(r, 100)); // let the long-task observer deliver
    const lt = longTasks.filter((e) => e.start + e.dur > t0 && e.start < t1).map((e) => e.dur);
    const res = out && typeof out === 'object' && 'extra' in out ? out : { hex: out };
    return {
      ms: res.ms ?? t1 - t0, error, gen: state.gen,
      hex: res.hex === undefined ? undefined : toHex(res.hex),
      extra: res.extra,
      wasmBefore: row.wasm ? wasmBefore : undefined,
      wasmAfter: row.wasm ? state.wasm.memory.buffer.byteLength : undefined,
      longTasks: { count: lt.length, maxMs: lt.length ? Math.max(...lt) : 0, totalMs: lt.reduce((a, b) => a + b, 0) },
      jsHeapUsed: performance.memory?.usedJSHeapSize,
    };
  },
};
document.body.dataset.ready = 'true';
document.getElementById('status').textContent = 'Ready.';
