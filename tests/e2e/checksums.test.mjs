// S3's additional checksums on single uploads, end to end in Chromium against the local bucket,
// signed in the page (client-side signing with the local bucket's demo credentials):
// digests(file) computes the checksum in the worker, presignPutRequest / signPostForm take it
// from there (checksumAlgorithm + digests), putObject / postObject send it, the bucket verifies
// it. The value is checked here against hash-wasm / node:crypto, the stored bytes are read back
// from the bucket's data dir; a wrong value is refused with 400 BadDigest and the object that
// was there stays (the local bucket verifies while the body streams; part_checksum.rs).

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { crc32, crc64 } from 'hash-wasm';
import { launch } from './browser.mjs';
import { skip, startServer } from './server.mjs';

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
  });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Deterministic bytes, the same in the page and here. */
function bytesOf(size, seed) {
  const out = new Uint8Array(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    out[i] = x & 255;
  }
  return out;
}
const PAGE_BYTES = `(${bytesOf.toString()})`;

const b64hex = (hex) => Buffer.from(hex, 'hex').toString('base64');
async function reference(algorithm, bytes) {
  switch (algorithm) {
    case 'CRC32': return b64hex(await crc32(bytes));
    case 'CRC32C': return b64hex(await crc32(bytes, 0x82f63b78));
    case 'CRC64NVME': return b64hex(await crc64(bytes, '9a6c9329ac4bc9b5'));
    default: return createHash('sha256').update(bytes).digest('base64');
  }
}

const stored = (key) => readFileSync(join(server.dataDir, server.bucket, key));
const tempFiles = () => readdirSync(server.dataDir, { recursive: true }).filter((f) => String(f).includes('.tmp.'));

/**
 * In the page: digests(file) for `algorithm`, then a PUT presigned in the page (or, with
 * `post`, a signed POST form) carrying it; `override` replaces the checksum value sent.
 */
function upload({ key, size, seed, algorithm, post = false, override }) {
  return page.evaluate(async ({ key, size, seed, algorithm, post, override, gen, s }) => {
    const file = new Blob([(0, eval)(gen)(size, seed)]);
    const name = algorithm.toLowerCase();
    const d = await window.bu.digests(file, { algorithms: [name] });
    const digest = name === 'sha256' ? d.sha256.base64 : d[name];
    const target = {
      endpoint: s.endpoint, bucket: s.bucket, region: 'us-east-1', pathStyle: true, key,
      credentials: { accessKeyId: s.accessKey, secretAccessKey: s.secretKey }, expiresIn: 300,
    };
    const option = { CRC32: 'checksumCrc32', CRC32C: 'checksumCrc32c', CRC64NVME: 'checksumCrc64nvme', SHA256: 'checksumSha256' }[algorithm];
    const checksum = override === undefined ? { checksumAlgorithm: algorithm, digests: d } : { [option]: override };
    try {
      if (post) {
        const form = window.bu.signPostForm({ ...target, ...checksum });
        const r = await window.bu.postObject(file, form);
        return { digest, status: r.status, sent: Object.fromEntries(form.fields) };
      }
      const req = window.bu.presignPutRequest({ ...target, ...checksum });
      const r = await window.bu.putObject(file, req);
      return { digest, status: r.status, sent: req.headers };
    } catch (e) {
      return { digest, error: { code: e.code, status: e.status, field: e.field, message: e.message } };
    }
  }, {
    key, size, seed, algorithm, post, override, gen: PAGE_BYTES,
    s: { endpoint: server.endpoint, bucket: server.bucket, accessKey: server.accessKey, secretKey: server.secretKey },
  });
}

for (const algorithm of ['CRC32', 'CRC32C', 'CRC64NVME', 'SHA256']) {
  test(`presigned PUT with ${algorithm} from digests(): sent, verified by the bucket, stored`, { skip }, async () => {
    const key = `uploads/checksums/${algorithm}.bin`;
    const size = 300_001;
    const r = await upload({ key, size, seed: 7, algorithm });
    assert.equal(r.error, undefined, JSON.stringify(r.error));
    assert.equal(r.status, 200);
    const want = await reference(algorithm, bytesOf(size, 7));
    assert.equal(r.digest, want, 'digests() in the page vs hash-wasm / node:crypto');
    assert.equal(r.sent[`x-amz-checksum-${algorithm.toLowerCase()}`], want, 'the header the PUT sent');
    assert.ok(stored(key).equals(Buffer.from(bytesOf(size, 7))), 'bytes read back');
  });
}

test('a presigned PUT with a wrong x-amz-checksum-crc32c is refused with BadDigest and replaces nothing', { skip }, async () => {
  const key = 'uploads/checksums/kept.bin';
  const first = await upload({ key, size: 200_000, seed: 1, algorithm: 'CRC32C' });
  assert.equal(first.status, 200, JSON.stringify(first.error));
  // New bytes, signed with the first file's CRC-32C: well-formed, but not theirs.
  const second = await upload({ key, size: 150_000, seed: 2, algorithm: 'CRC32C', override: first.digest });
  assert.deepEqual([second.error?.code, second.error?.status], ['BadDigest', 400], JSON.stringify(second));
  assert.ok(stored(key).equals(Buffer.from(bytesOf(200_000, 1))), 'the first upload is still there');
  assert.deepEqual(tempFiles(), [], 'no temp file left behind');
});

test('a POST form with SHA-256 from digests() is stored; a wrong one is refused and replaces nothing', { skip }, async () => {
  const key = 'uploads/checksums/form.bin';
  const good = await upload({ key, size: 100_000, seed: 3, algorithm: 'SHA256', post: true });
  assert.equal(good.error, undefined, JSON.stringify(good.error));
  assert.equal(good.status, 204);
  assert.equal(good.sent['x-amz-checksum-sha256'], await reference('SHA256', bytesOf(100_000, 3)));
  assert.equal(good.sent['x-amz-checksum-algorithm'], 'SHA256');
  assert.ok(stored(key).equals(Buffer.from(bytesOf(100_000, 3))));

  const bad = await upload({ key, size: 90_000, seed: 4, algorithm: 'SHA256', post: true, override: good.digest });
  assert.deepEqual([bad.error?.code, bad.error?.status], ['BadDigest', 400], JSON.stringify(bad));
  assert.ok(stored(key).equals(Buffer.from(bytesOf(100_000, 3))), 'the first upload is still there');
});

test('a bad checksum is refused in the page before anything is sent', { skip }, async () => {
  const r = await upload({ key: 'uploads/checksums/never.bin', size: 10, seed: 5, algorithm: 'CRC32C', override: 'AAAA' });
  assert.deepEqual([r.error?.code, r.error?.field], ['InvalidChecksum', 'checksumCrc32c'], JSON.stringify(r));
  assert.throws(() => stored('uploads/checksums/never.bin'), /ENOENT/);
});
