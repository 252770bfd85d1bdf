// Resume after a reload, in Chromium against the local bucket, the backend signing: an upload
// interrupted by a page reload after some parts is started again with the same file; it
// continues from its IndexedDB checkpoint (reconciled with ListParts), sends only the parts
// that were missing, and the object read back equals the file. An upload id the server no
// longer knows starts afresh and says so; listUploads shows the checkpoint until completion.

import assert from 'node:assert/strict';
import { randomFillSync } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launch } from './browser.mjs';
import { skip, startServer } from './server.mjs';

const MIB = 1024 * 1024;
let server;
let browser;
let tmp;

before(async () => {
  if (skip) return;
  server = await startServer();
  browser = await launch();
  tmp = mkdtempSync(join(tmpdir(), 'bucket-upload-resume-'));
});
after(async () => {
  await browser?.close();
  await server?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function load(page) {
  await page.goto(server.page);
  await page.evaluate(async () => {
    window.bu = await import('/pkg/bucket_upload.js');
    await window.bu.default();
    window.sign = async (request) => (await fetch('/sign', { method: 'POST', body: JSON.stringify({ method: 'multipart', ...request }) })).json();
    const input = Object.assign(document.createElement('input'), { type: 'file', id: 'resume-file' });
    document.body.append(input);
  });
}

/** Starts uploadFile on the chosen file; resolves with the result (or error) when it settles. */
function startUpload(page, key, extra = {}) {
  return page.evaluate(({ endpoint, bucket, key, extra }) => {
    window.partsDone = 0;
    const file = document.getElementById('resume-file').files[0];
    const u = window.bu.uploadFile(file, { endpoint, bucket, pathStyle: true, key, sign: window.sign,
      partSize: 5 * 1024 * 1024, concurrency: 2, onProgress: (p) => { window.partsDone = p.partsDone; }, ...extra });
    window.upload = u;
    return u.done.then((r) => ({ result: r }), (e) => ({ error: { code: e.code, message: e.message } }));
  }, { endpoint: server.endpoint, bucket: server.bucket, key, extra });
}

function partsSent(page) {
  const sent = [];
  page.on('request', (r) => {
    const m = /[?&]partNumber=(\d+)/.exec(r.url());
    if (m && r.method() === 'PUT') sent.push(Number(m[1]));
  });
  return sent;
}

function makeFile(name, size) {
  const path = join(tmp, name);
  writeFileSync(path, randomFillSync(Buffer.alloc(size)));
  return path;
}

test('a reload after some parts: the same file resumes, only missing parts are sent, the object is identical', { skip }, async () => {
  const path = makeFile('big.bin', 40 * MIB + 11); // 9 parts of 5 MiB
  const key = 'uploads/resume/big.bin';
  const context = await browser.newContext();
  const page = await context.newPage();
  await load(page);
  await page.setInputFiles('#resume-file', path);
  startUpload(page, key).catch(() => {}); // interrupted by the reload
  await page.waitForFunction(() => window.partsDone >= 3, null, { timeout: 30_000 });
  const before = await page.evaluate(() => window.bu.listUploads());
  await page.reload();
  await load(page);
  const listed = await page.evaluate(() => window.bu.listUploads());
  assert.equal(listed.length, 1, JSON.stringify({ before, listed }));
  assert.equal(listed[0].key, key);
  assert.ok(listed[0].partsDone >= 3, `checkpoint holds ${listed[0].partsDone} parts`);
  const sent = partsSent(page);
  await page.setInputFiles('#resume-file', path);
  const { result, error } = await startUpload(page, key);
  assert.equal(error, undefined, JSON.stringify(error));
  assert.equal(result.resumed, true);
  assert.ok(result.partsReused >= 3, `reused ${result.partsReused}`);
  // Only what the checkpoint and ListParts did not both confirm went out again.
  assert.equal(sent.length, 9 - result.partsReused, `parts sent after the reload: ${sent}`);
  assert.deepEqual(result.verified, ['parts', 'etag']);
  assert.ok(readFileSync(path).equals(readFileSync(join(server.dataDir, server.bucket, key))), 'stored bytes differ');
  assert.deepEqual(await page.evaluate(() => window.bu.listUploads()), [], 'the checkpoint outlived the upload');
  await context.close();
  console.log(`resume: ${result.partsReused} of 9 parts reused, ${sent.length} sent again (${sent.join(', ')})`);
});

test('an upload id the server no longer knows starts afresh and says so', { skip }, async () => {
  const path = makeFile('gone.bin', 20 * MIB + 1);
  const key = 'uploads/resume/gone.bin';
  const context = await browser.newContext();
  const page = await context.newPage();
  await load(page);
  await page.setInputFiles('#resume-file', path);
  startUpload(page, key).catch(() => {});
  await page.waitForFunction(() => window.partsDone >= 1, null, { timeout: 30_000 });
  await page.reload();
  await load(page);
  // The upload is aborted behind the checkpoint's back (another tab, a lifecycle rule).
  const [cp] = await page.evaluate(() => window.bu.listUploads());
  const status = await page.evaluate(async ({ key, uploadId }) => {
    const s = await window.sign({ operation: 'abort', key, uploadId });
    return (await fetch(s.url, { method: 'DELETE', headers: s.headers })).status;
  }, { key, uploadId: cp.uploadId });
  // 404 when the interrupted upload had already completed before the reload landed (its
  // checkpoint not yet dropped): the server does not know the id either way.
  assert.ok([204, 404].includes(status), `abort answered ${status}`);
  await page.setInputFiles('#resume-file', path);
  const { result, error } = await startUpload(page, key);
  assert.equal(error, undefined, JSON.stringify(error));
  assert.deepEqual([result.resumed, result.restarted], [false, true]);
  assert.ok(readFileSync(path).equals(readFileSync(join(server.dataDir, server.bucket, key))));
  await context.close();
});

test('resume: false starts afresh; forgetUpload aborts and drops a checkpoint', { skip }, async () => {
  const path = makeFile('fresh.bin', 15 * MIB + 5);
  const key = 'uploads/resume/fresh.bin';
  const context = await browser.newContext();
  const page = await context.newPage();
  await load(page);
  await page.setInputFiles('#resume-file', path);
  startUpload(page, key).catch(() => {});
  await page.waitForFunction(() => window.partsDone >= 1, null, { timeout: 30_000 });
  await page.reload();
  await load(page);
  const [cp] = await page.evaluate(() => window.bu.listUploads());
  await page.evaluate((id) => window.bu.forgetUpload(id, { sign: window.sign }), cp.id);
  assert.deepEqual(await page.evaluate(() => window.bu.listUploads()), []);
  // Its parts are gone from the server too (s3s-fs keeps them as .upload_id-<id>.part-N files).
  const left = readdirSync(server.dataDir).filter((f) => f.includes(cp.uploadId));
  assert.deepEqual(left, [], 'forgetUpload left parts of its upload');
  await page.setInputFiles('#resume-file', path);
  const { result, error } = await startUpload(page, key, { resume: false });
  assert.equal(error, undefined, JSON.stringify(error));
  assert.deepEqual([result.resumed, result.partsReused], [false, 0]);
  await context.close();
});

test('checkpoints of the same bucket older than resumeMaxAgeMs are aborted and dropped', { skip }, async () => {
  const stalePath = makeFile('stale.bin', 15 * MIB + 9);
  const context = await browser.newContext();
  const page = await context.newPage();
  await load(page);
  await page.setInputFiles('#resume-file', stalePath);
  startUpload(page, 'uploads/resume/stale.bin').catch(() => {});
  await page.waitForFunction(() => window.partsDone >= 1, null, { timeout: 30_000 });
  await page.reload();
  await load(page);
  const [cp] = await page.evaluate(() => window.bu.listUploads());
  assert.ok(cp?.uploadId, 'the interrupted upload left a checkpoint');
  await new Promise((r) => setTimeout(r, 50));
  // Another upload to the same bucket, with a maximum age the stale checkpoint exceeds.
  await page.setInputFiles('#resume-file', makeFile('other.bin', 1000));
  const { error } = await startUpload(page, 'uploads/resume/other.bin', { resumeMaxAgeMs: 10 });
  assert.equal(error, undefined, JSON.stringify(error));
  assert.deepEqual(await page.evaluate(() => window.bu.listUploads()), []);
  assert.deepEqual(readdirSync(server.dataDir).filter((f) => f.includes(cp.uploadId)), [], 'the stale upload kept its parts');
  await context.close();
});
