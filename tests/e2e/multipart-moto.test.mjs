// The multipart uploads of multipart.test.mjs in Chromium against moto (a second S3 multipart
// implementation besides s3s-fs, with ListMultipartUploads and Complete answering MD5(part
// MD5s)-N). moto verifies no signatures, so the page signs with moto's dummy credentials; the page
// is served by the local bucket server (another origin than moto's), so every request is a real
// cross-origin request through moto's CORS rule. Each object is read back through moto byte for
// byte; its ETag is the MD5 of the part MD5s computed here; an aborted upload is no longer listed.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch } from './browser.mjs';
import { skipMoto, startMoto } from './moto.mjs';
import { CASES, GEN, MIB, multipartEtag, pageAbort, pageInit, pageUpload, prngBytes } from './multipart-shared.mjs';
import { skip as skipServer, startServer } from './server.mjs';

const skip = skipServer || skipMoto;
if (skipMoto) console.log(`# multipart-moto: skipped: ${skipMoto}`);

/** moto's dummy keys (it checks no signature); not secrets. */
const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

let server;
let moto;
let browser;
let page;
const pageProblems = [];

before(async () => {
  if (skip) return;
  [server, moto] = await Promise.all([startServer(), startMoto()]);
  browser = await launch();
  page = await browser.newPage();
  page.on('pageerror', (e) => pageProblems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') pageProblems.push(`console error: ${m.text()}`); });
  await page.goto(server.page);
  assert.notEqual(new URL(server.page).origin, new URL(moto.endpoint).origin);
  assert.equal(await page.evaluate(pageInit, { sign: false }), true);
});

after(async () => {
  await browser?.close();
  await Promise.all([server?.stop(), moto?.stop()]);
});

const problems = () => (pageProblems.length ? ` (page: ${pageProblems.join('; ')})` : '');
const target = (key, extra = {}) => ({
  endpoint: moto.endpoint, bucket: moto.bucket, pathStyle: true, key, credentials: CREDENTIALS, region: 'us-east-1', ...extra,
});
const objectUrl = (key) => `${moto.endpoint}/${moto.bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;

/** The upload ids ListMultipartUploads (unsigned, from Node) lists for `key`. */
async function listedUploads(key) {
  const res = await fetch(`${moto.endpoint}/${moto.bucket}?uploads&prefix=${encodeURIComponent(key)}`);
  const xml = await res.text();
  assert.equal(res.status, 200, xml);
  return [...xml.matchAll(/<Upload>([\s\S]*?)<\/Upload>/g)]
    .map(([, u]) => ({ key: u.match(/<Key>(.*?)<\/Key>/)?.[1], uploadId: u.match(/<UploadId>(.*?)<\/UploadId>/)?.[1] }))
    .filter((u) => u.key === key);
}

for (const [name, size, options] of CASES) {
  test(`moto: multipart upload of ${name} from another origin: read back byte for byte, ETag = MD5 of part MD5s`, { skip }, async () => {
    const key = `uploads/mp-moto/${size}-${Object.keys(options).join('-') || 'plain'}.bin`;
    const { result, error, progress } = await page.evaluate(pageUpload, {
      size, seed: size + 9, key, gen: GEN, useSign: false, options: target(key, options),
    });
    assert.equal(error, undefined, JSON.stringify(error) + problems());
    const bytes = prngBytes(size, size + 9);
    const partSize = options.partSize ?? 5 * MIB;
    const expected = multipartEtag(bytes, partSize);

    const res = await fetch(objectUrl(key));
    assert.equal(res.status, 200, `GET through moto: ${res.status}`);
    const stored = Buffer.from(await res.arrayBuffer());
    assert.equal(stored.length, size, 'stored size differs from the file');
    assert.ok(Buffer.from(bytes).equals(stored), 'stored bytes differ from the file');
    assert.equal(res.headers.get('etag'), `"${expected}"`, 'moto\'s ETag for the object');

    assert.equal(result.etag, expected);
    assert.deepEqual(result.verified, ['parts', 'etag']);
    assert.equal(result.key, key);
    assert.equal(result.bucket, moto.bucket);
    assert.equal(result.parts, Math.max(1, Math.ceil(size / partSize)));
    for (let i = 1; i < progress.length; i++) assert.ok(progress[i].loaded >= progress[i - 1].loaded, 'progress went backwards');
    const last = progress.at(-1);
    assert.equal(last?.loaded, size);
    assert.equal(last.partsDone, result.parts);
    assert.deepEqual(await listedUploads(key), [], 'a completed upload is still listed');
  });
}

test('moto: abort mid-upload leaves no upload in ListMultipartUploads and no object', { skip }, async () => {
  const key = 'uploads/mp-moto/aborted.bin';
  // Control: an upload started from Node (unsigned) is listed until it is aborted.
  const created = await (await fetch(`${objectUrl(key)}?uploads`, { method: 'POST' })).text();
  const controlId = created.match(/<UploadId>(.*?)<\/UploadId>/)?.[1];
  assert.ok(controlId, created);
  assert.deepEqual(await listedUploads(key), [{ key, uploadId: controlId }]);
  const del = await fetch(`${objectUrl(key)}?uploadId=${encodeURIComponent(controlId)}`, { method: 'DELETE' });
  assert.equal(del.status, 204);
  assert.deepEqual(await listedUploads(key), []);

  const outcome = await page.evaluate(pageAbort, { gen: GEN, useSign: false, options: target(key) });
  assert.deepEqual(outcome.error, { code: 'Aborted', kind: 'aborted', message: outcome.error?.message }, JSON.stringify(outcome) + problems());
  assert.equal(outcome.abortError, null, JSON.stringify(outcome.abortError));
  assert.ok(outcome.uploadId, 'the upload had started');
  assert.deepEqual(await listedUploads(key), [], 'the aborted upload is still listed');
  const res = await fetch(objectUrl(key));
  await res.arrayBuffer();
  assert.equal(res.status, 404, 'an aborted upload left an object');
});
