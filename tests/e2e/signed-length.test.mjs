// signContentLength end to end in Chromium against the local bucket (s3s verifies SigV4), signed
// in the page: the module never sets Content-Length (XMLHttpRequest refuses it), the browser
// writes the File's size, and the bucket accepts the upload when that is the signed value and
// refuses it with 403 SignatureDoesNotMatch when the signature was made for another size —
// presigned (presignPutRequest) and header-signed (signPutHeaders), both sent by putObject.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
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

const bytesOf = (size) => Uint8Array.from({ length: size }, (_, i) => (i * 31 + 7) & 255);
const stored = (key) => readFileSync(join(server.dataDir, server.bucket, key));

/** In the page: signs a PUT of a `size`-byte File for `signedSize` bytes, sends it by putObject. */
function upload({ key, size, signedSize = size, how }) {
  return page.evaluate(async ({ key, size, signedSize, how, s }) => {
    const file = new File([Uint8Array.from({ length: size }, (_, i) => (i * 31 + 7) & 255)], 'f.bin');
    const options = {
      endpoint: s.endpoint, bucket: s.bucket, region: 'us-east-1', pathStyle: true, key, expiresIn: 300,
      credentials: { accessKeyId: s.accessKey, secretAccessKey: s.secretKey },
      headers: { 'Content-Type': 'application/octet-stream' },
      contentLength: signedSize, signContentLength: true,
    };
    const req = how === 'presigned' ? window.bu.presignPutRequest(options) : window.bu.signPutHeaders(options);
    const listed = Object.keys(req.headers).filter((n) => n.toLowerCase() === 'content-length');
    try {
      const r = await window.bu.putObject(file, req, { retry: false });
      return { status: r.status, listed, url: req.url, authorization: req.headers.Authorization };
    } catch (e) {
      return { listed, error: { code: e.code, status: e.status, message: e.message } };
    }
  }, { key, size, signedSize, how, s: { endpoint: server.endpoint, bucket: server.bucket, accessKey: server.accessKey, secretKey: server.secretKey } });
}

for (const how of ['presigned', 'header-signed']) {
  test(`${how} PUT with a signed Content-Length: the File's size is accepted, another refused`, { skip }, async () => {
    const key = `uploads/signed-length/${how}/naïve 文件 ☃ (1)+a=b.bin`;
    for (const size of [0, 1, 300_001]) {
      const ok = await upload({ key, size, how });
      assert.equal(ok.error, undefined, JSON.stringify(ok.error));
      assert.equal(ok.status, 200);
      assert.deepEqual(ok.listed, [], 'Content-Length is never a header to set');
      assert.match(ok.url ?? '', how === 'presigned' ? /X-Amz-SignedHeaders=content-length%3B/ : /./);
      if (how === 'header-signed') assert.match(ok.authorization, /SignedHeaders=content-length;/);
      assert.ok(stored(key).equals(Buffer.from(bytesOf(size))), `${size} bytes stored`);

      const bad = await upload({ key, size, signedSize: size + 1, how });
      assert.deepEqual([bad.error?.status, bad.error?.code], [403, 'SignatureDoesNotMatch'], JSON.stringify(bad));
      assert.ok(stored(key).equals(Buffer.from(bytesOf(size))), 'the refused upload replaced nothing');
    }
  });
}
