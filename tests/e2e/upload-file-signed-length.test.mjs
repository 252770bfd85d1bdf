// uploadFile({ signContentLength: true }) against the local bucket (s3s verifies SigV4): every
// part's Content-Length is signed, in the page and through a backend signer, the object reads
// back identical; a dialect that cannot sign it is refused before anything is sent.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launch } from './browser.mjs';
import { startBucketPage } from './multipart-shared.mjs';
import { skip, startServer } from './server.mjs';

const MIB = 1024 * 1024;
let server;
let page;
let stop;

before(async () => {
  if (skip) return;
  ({ server, page, stop } = await startBucketPage({ launch, startServer }));
});

after(async () => stop?.());

test('every part and Complete are signed with their Content-Length, and the bucket accepts them', { skip }, async () => {
  const size = 5 * MIB + 123;
  const r = await page.evaluate(async ({ size, endpoint, bucket }) => {
    const bytes = new Uint8Array(size).map((_, i) => (i * 31 + 7) & 255);
    const u = window.bu.uploadFile(new File([bytes], 'f.bin'), {
      endpoint, bucket, pathStyle: true, key: 'uploads/signed-length/big.bin', sign: window.sign, signContentLength: true,
    });
    try {
      const result = await u.done;
      const requests = window.signed.map((s) => s.request);
      const parts = requests.filter((q) => q.operation === 'uploadPart').map((q) => [q.partNumber, q.contentLength, q.signContentLength]);
      const complete = requests.find((q) => q.operation === 'complete');
      const signedParts = window.signed.filter((s) => s.request.operation === 'uploadPart')
        .map((s) => decodeURIComponent(new URL(s.answer.url).searchParams.get('X-Amz-SignedHeaders') ?? ''));
      return { ok: true, parts, signedParts, complete: complete.signContentLength, create: requests.find((q) => q.operation === 'create').signContentLength };
    } catch (e) {
      return { error: { code: e.code, message: e.message } };
    }
  }, { size, endpoint: server.endpoint, bucket: server.bucket });
  assert.equal(r.ok, true, JSON.stringify(r));
  assert.deepEqual(r.parts.sort((a, b) => a[0] - b[0]), [[1, 5 * MIB, true], [2, 123, true]]);
  // The backend's presigned part URLs sign content-length (s3s checks it against the body).
  assert.deepEqual(r.signedParts.map((h) => h.split(';').includes('content-length')), [true, true], JSON.stringify(r.signedParts));
  assert.equal(r.complete, true);
  assert.equal(r.create, undefined, 'Create has no body to sign the length of');
  const stored = readFileSync(join(server.dataDir, server.bucket, 'uploads/signed-length/big.bin'));
  assert.equal(stored.length, size);
  assert.ok(stored.every((b, i) => b === ((i * 31 + 7) & 255)));
});

test('a dialect that cannot sign Content-Length is refused before any request', { skip }, async () => {
  const r = await page.evaluate(async ({ endpoint, bucket }) => {
    window.signed = [];
    let asked = 0;
    const sign = (request) => { asked++; return window.sign(request); };
    try {
      await window.bu.uploadFile(new File(['abc'], 'f.txt'), {
        endpoint, bucket, pathStyle: true, key: 'uploads/signed-length/v2.txt', version: 'v2', sign, signContentLength: true,
      }).done;
      return { ok: true };
    } catch (e) {
      return { error: { code: e.code, field: e.field }, requests: asked };
    }
  }, { endpoint: server.endpoint, bucket: server.bucket });
  assert.equal(r.error?.code, 'UnsupportedOption', JSON.stringify(r));
  assert.equal(r.requests, 0);
});
