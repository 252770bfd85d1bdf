// The page every bundler builds: the package as an app imports it, by its name. It records every
// Worker the page starts (the package hashes in a module Worker by default) and exposes `run`
// for the test: contentMd5 in the worker, signPostForm with dummy credentials, and putObject to
// a presigned URL the test's backend signed.
import init, { contentMd5, putObject, signPostForm } from 'bucket-upload';

const workers = [];
const NativeWorker = globalThis.Worker;
globalThis.Worker = class RecordedWorker extends NativeWorker {
  constructor(url, options) {
    super(url, options);
    const record = { url: String(url), type: options?.type ?? 'classic', messages: 0, results: 0, errors: [] };
    workers.push(record);
    this.addEventListener('message', ({ data }) => {
      record.messages += 1;
      if (data && data.result) record.results += 1;
    });
    this.addEventListener('error', (e) => record.errors.push(e.message || 'error event'));
  }
};

async function run({ base64, name, request }) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const file = new File([bytes], name, { type: 'application/octet-stream' });
  const md5 = await contentMd5(file);
  const form = signPostForm({
    endpoint: 'http://127.0.0.1:9', bucket: 'bucket', region: 'us-east-1', pathStyle: true,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'dummy-secret-for-a-bundler-test' },
    key: 'uploads/${filename}', expiresIn: 600, now: new Date('2026-01-01T00:00:00Z'),
    conditions: [['content-length-range', 0, 1 << 20]],
  });
  const result = await putObject(file, request, { contentMd5: md5 });
  return {
    md5,
    form: { url: form.url, fields: Object.fromEntries(form.fields) },
    result: { status: result.status, etag: result.etag, md5Verified: result.md5Verified },
    workers: workers.map((w) => ({ ...w })),
  };
}

/** Initializes the package (`initInput` as `init` takes it; none: the bundler's wasm URL). */
export async function start(initInput) {
  try {
    await init(initInput);
    window.bundlerApp = { run };
    document.body.dataset.ready = 'true';
  } catch (e) {
    document.body.dataset.ready = 'false';
    document.body.dataset.error = String(e?.stack || e);
  }
}
