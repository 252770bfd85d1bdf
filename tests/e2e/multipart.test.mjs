// Multipart uploads from the page to the local bucket (s3s + s3s-fs), signed by the demo backend
// (`/sign`, method "multipart"): the object read back from the bucket's folder byte for byte
// equals the file, its ETag is the MD5 of the part MD5s computed here with node:crypto, and
// `verified` says so. Abort leaves no parts; a bucket that hides ETag fails at once.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launch } from './browser.mjs';
import { skip, startServer } from './server.mjs';

const MIB = 1024 * 1024;

/** xorshift32 bytes; the same function runs in the page. */
function prngBytes(size, seed) {
  const out = new Uint8Array(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i += 4) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    for (let k = 0; k < 4 && i + k < size; k++) out[i + k] = (x >>> (8 * k)) & 255;
  }
  return out;
}
const GEN = `(${prngBytes.toString()})`;

/** MD5(part MD5s)-N over `bytes` cut in `partSize` parts, by node:crypto. */
function multipartEtag(bytes, partSize) {
  const n = Math.max(1, Math.ceil(bytes.length / partSize));
  const h = createHash('md5');
  for (let i = 0; i < n; i++) h.update(createHash('md5').update(bytes.subarray(i * partSize, (i + 1) * partSize)).digest());
  return `${h.digest('hex')}-${n}`;
}

/** Every file under `dir`, relative. */
function walk(dir, base = dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p, base) : [p.slice(base.length + 1)];
  });
}

let server;
let browser;
let page;

before(async () => {
  if (skip) return;
  server = await startServer();
  browser = await launch();
  page = await browser.newPage();
  await page.goto(server.page);
  await page.evaluate(async () => {
    window.bu = await import('/pkg/bucket_upload.js');
    await window.bu.default();
    /** The backend signs each request: the page never holds a key. */
    window.sign = async (request) => {
      const r = await fetch('/sign', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ method: 'multipart', ...request }) });
      const body = await r.json();
      if (!r.ok) throw Object.assign(new Error(body.message), body);
      return body;
    };
  });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Uploads PRNG bytes from the page; resolves to the result, or the error's fields. */
function upload(size, seed, key, options = {}) {
  return page.evaluate(
    async ({ size, seed, key, options, gen, endpoint, bucket }) => {
      const file = new File([(0, eval)(gen)(size, seed)], 'f.bin', { type: 'application/octet-stream' });
      const progress = [];
      try {
        const u = window.bu.uploadFile(file, {
          endpoint, bucket, pathStyle: true, key, sign: window.sign, contentType: 'application/x-test',
          onProgress: (p) => progress.push(p), ...options,
        });
        const result = await u.done;
        return { result, progress };
      } catch (e) {
        return { error: { name: e.name, code: e.code, kind: e.kind, field: e.field, message: e.message }, progress };
      }
    },
    { size, seed, key, options, gen: GEN, endpoint: server.endpoint, bucket: server.bucket },
  );
}

function readBack(key) {
  return readFileSync(join(server.dataDir, server.bucket, key));
}

for (const [name, size, options] of [
  ['0 B', 0, {}],
  ['1 B', 1, {}],
  ['exactly one part (5 MiB)', 5 * MIB, {}],
  ['one part + 1 byte', 5 * MIB + 1, {}],
  ['64 MiB + 1 in 5 MiB parts, 4 in flight', 64 * MIB + 1, { partSize: 5 * MIB, concurrency: 4 }],
  ['8 MiB + 3 with CRC-32C part checksums', 8 * MIB + 3, { checksum: 'crc32c' }],
  ['11 MiB + 5 with CRC-64/NVME part checksums (full-object type)', 11 * MIB + 5, { checksum: 'crc64nvme' }],
]) {
  test(`multipart upload of ${name}: read back byte for byte, ETag = MD5 of part MD5s, verified`, { skip }, async () => {
    const key = `uploads/mp/${size}-${Object.keys(options).join('-') || 'plain'}.bin`;
    const { result, error, progress } = await upload(size, size + 5, key, options);
    assert.equal(error, undefined, JSON.stringify(error));
    const bytes = prngBytes(size, size + 5);
    assert.ok(Buffer.from(bytes).equals(readBack(key)), 'stored bytes differ from the file');
    assert.equal(result.etag, multipartEtag(bytes, options.partSize ?? 5 * MIB));
    assert.deepEqual(result.verified, ['parts', 'etag']);
    assert.equal(result.key, key);
    assert.equal(result.parts, Math.max(1, Math.ceil(size / (options.partSize ?? 5 * MIB))));
    // Progress never goes backwards and ends at the file's size.
    for (let i = 1; i < progress.length; i++) assert.ok(progress[i].loaded >= progress[i - 1].loaded, 'progress went backwards');
    const last = progress.at(-1);
    assert.equal(last.loaded, size);
    assert.equal(last.partsDone, result.parts);
  });
}

test('abort mid-upload stops the parts in flight and leaves no parts in the bucket', { skip }, async () => {
  const key = 'uploads/mp/aborted.bin';
  const outcome = await page.evaluate(
    async ({ gen, key, endpoint, bucket }) => {
      const file = new File([(0, eval)(gen)(40 * 1024 * 1024, 3)], 'a.bin');
      let u;
      const aborted = new Promise((resolve) => {
        u = window.bu.uploadFile(file, {
          endpoint, bucket, pathStyle: true, key, sign: window.sign, concurrency: 2,
          onProgress: (p) => { if (p.partsDone >= 1 && !window.abortStarted) { window.abortStarted = true; resolve(u.abort()); } },
        });
      });
      const error = await u.done.then(() => null, (e) => ({ code: e.code, kind: e.kind }));
      await aborted;
      return { error, uploadId: u.uploadId };
    },
    { gen: GEN, key, endpoint: server.endpoint, bucket: server.bucket },
  );
  assert.deepEqual(outcome.error, { code: 'Aborted', kind: 'aborted' });
  assert.ok(outcome.uploadId, 'the upload had started');
  assert.ok(!existsSync(join(server.dataDir, server.bucket, key)), 'an aborted upload left an object');
  const leftovers = walk(server.dataDir).filter((f) => f.includes(outcome.uploadId));
  assert.deepEqual(leftovers, [], 'parts of the aborted upload are still on disk');
});

test('a bucket whose CORS rule does not expose ETag fails at once with MissingETag', { skip }, async () => {
  const context = await browser.newContext();
  const p = await context.newPage();
  // The real bucket's answers, with ETag dropped from Access-Control-Expose-Headers.
  await p.route(`${server.endpoint}/**`, async (route) => {
    if (route.request().method() === 'OPTIONS') return route.continue();
    const response = await route.fetch();
    const headers = { ...response.headers() };
    const exposed = (headers['access-control-expose-headers'] ?? '').split(',').map((h) => h.trim());
    headers['access-control-expose-headers'] = exposed.filter((h) => h.toLowerCase() !== 'etag').join(', ');
    await route.fulfill({ response, headers });
  });
  await p.goto(server.page);
  const error = await p.evaluate(async ({ endpoint, bucket }) => {
    const bu = await import('/pkg/bucket_upload.js');
    await bu.default();
    const sign = async (request) => (await fetch('/sign', { method: 'POST', body: JSON.stringify({ method: 'multipart', ...request }) })).json();
    const u = bu.uploadFile(new Blob([new Uint8Array(1000)]), { endpoint, bucket, pathStyle: true, key: 'uploads/mp/no-etag.bin', sign });
    const started = Date.now();
    return u.done.then(() => null, (e) => ({ code: e.code, message: e.message, ms: Date.now() - started }));
  }, { endpoint: server.endpoint, bucket: server.bucket });
  await context.close();
  assert.equal(error?.code, 'MissingETag', JSON.stringify(error));
  assert.match(error.message, /ExposeHeaders: ETag/);
});

test('bad options are typed errors before any request', { skip }, async () => {
  const errors = await page.evaluate(async ({ endpoint, bucket }) => {
    const sent = [];
    const sign = (r) => { sent.push(r.operation); return { url: 'http://127.0.0.1:9/' }; };
    const tryIt = (o) => {
      try { window.bu.uploadFile(new Blob([new Uint8Array(10)]), { endpoint, bucket, pathStyle: true, key: 'uploads/x', sign, ...o }); return null; }
      catch (e) { return { code: e.code, field: e.field }; }
    };
    return {
      partSize: tryIt({ partSize: 1024 }),
      concurrency: tryIt({ concurrency: 0 }),
      key: tryIt({ key: '' }),
      checksum: tryIt({ checksum: 'crc64' }),
      storageClass: tryIt({ storageClass: 'NOPE' }),
      noSigner: tryIt({ sign: undefined }),
      sent,
    };
  }, { endpoint: server.endpoint, bucket: server.bucket });
  assert.deepEqual(errors.partSize, { code: 'InvalidPartSize', field: 'partSize' });
  assert.equal(errors.concurrency.field, 'concurrency');
  assert.deepEqual(errors.key, { code: 'EmptyKey', field: 'key' });
  assert.equal(errors.checksum.field, 'checksum');
  assert.equal(errors.storageClass.field, 'storageClass');
  assert.deepEqual(errors.noSigner, { code: 'MissingCredentials', field: 'sign' });
  assert.deepEqual(errors.sent, [], 'a request was signed for bad options');
});
