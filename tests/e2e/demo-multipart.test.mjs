// The demo page's multipart method, driven through its UI: choose "multipart", set the part
// size, concurrency and checksum, pick a file, click Upload. The object read back from the
// bucket's folder equals the file byte for byte; the page's ETag equals the MD5 of the part MD5s
// computed here by node:crypto, and it shows the `verified` checks; bars per part in flight
// appear; Abort leaves nothing of the upload on disk; Pause then Resume completes; and nothing
// the page received ever held the secret key.

import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launch, objectPath, openPage } from './browser.mjs';
import { skip, startServer } from './server.mjs';

const MIB = 1024 * 1024;

let server;
let browser;
let tab;
let dir;

before(async () => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'bucket-upload-demo-mp-'));
  server = await startServer();
  browser = await launch();
  tab = await openPage(browser, server);
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A temp file of `size` random bytes: { path, buffer }. */
function tempFile(name, size) {
  const buffer = randomBytes(size);
  const path = join(dir, name);
  writeFileSync(path, buffer);
  return { path, buffer };
}

/** `${MD5(part MD5s)}-N` over `bytes` cut in `partSize` parts, by node:crypto. */
function multipartEtag(bytes, partSize) {
  const n = Math.max(1, Math.ceil(bytes.length / partSize));
  const h = createHash('md5');
  for (let i = 0; i < n; i++) h.update(createHash('md5').update(bytes.subarray(i * partSize, (i + 1) * partSize)).digest());
  return `${h.digest('hex')}-${n}`;
}

/** Every file under `d`, relative to it. */
function walk(d, base = d) {
  return readdirSync(d).flatMap((name) => {
    const p = join(d, name);
    return statSync(p).isDirectory() ? walk(p, base) : [p.slice(base.length + 1)];
  });
}

const buttons = (page) => page.evaluate(() => Object.fromEntries(
  ['mp-pause', 'mp-resume', 'mp-abort'].map((id) => [id, !document.getElementById(id).disabled]),
));

/** Chooses the multipart method, fills its inputs and the key, sets the file; does not click. */
async function fillMultipart(page, { path, key, partSize = '', concurrency = '4', checksum = 'md5' }) {
  await page.selectOption('#dialect', 's3');
  await page.selectOption('#method', 'multipart');
  assert.ok(await page.isVisible('#partSize'), 'the part size input is not shown for multipart');
  assert.ok(await page.isVisible('#multipart'), 'the multipart progress panel is not shown');
  assert.ok(!(await page.isVisible('#scenario')), 'the failure demo is shown for multipart');
  await page.fill('#partSize', String(partSize));
  await page.fill('#concurrency', String(concurrency));
  await page.selectOption('#checksum', checksum);
  await page.fill('#key', key);
  await page.setInputFiles('#file', path);
  // Records every per-part bar that ever appears, and the most in flight at once.
  await page.evaluate(() => {
    const list = document.getElementById('mp-inflight');
    window.seenParts = new Set();
    window.maxInFlight = 0;
    window.partObserver?.disconnect();
    window.partObserver = new MutationObserver(() => {
      const bars = list.querySelectorAll('li > progress.part');
      for (const bar of bars) window.seenParts.add(bar.closest('li').dataset.part);
      window.maxInFlight = Math.max(window.maxInFlight, bars.length);
    });
    window.partObserver.observe(list, { childList: true });
  });
}

const finished = (page, timeout = 120_000) =>
  page.waitForSelector('#result[data-status="ok"], #result[data-status="error"]', { timeout });

/** What #result and the multipart panel show. */
function shown(page) {
  return page.evaluate(() => {
    const text = (id) => document.getElementById(id)?.textContent ?? null;
    return {
      status: document.getElementById('result').dataset.status,
      etag: text('result-etag'),
      verified: text('result-verified'),
      parts: text('result-parts'),
      size: text('result-size'),
      time: text('result-time'),
      speed: text('result-speed'),
      key: text('result-key'),
      uploadId: text('result-upload-id'),
      errorCode: text('error-code'),
      errorKind: text('error-kind'),
      errorMessage: text('error-message'),
      errorUploadId: text('error-upload-id'),
      signed: text('mp-signed'),
      seenParts: [...window.seenParts].map(Number).sort((a, b) => a - b),
      maxInFlight: window.maxInFlight,
    };
  });
}

const partsDoneAtLeast = (page, n) =>
  page.waitForFunction((n) => Number(document.getElementById('multipart').dataset.partsDone) >= n, n, {
    polling: 'raf',
    timeout: 60_000,
  });

function checkStored(key, buffer) {
  const path = objectPath(server, key);
  assert.ok(existsSync(path), `object ${key} is not in the data dir`);
  const stored = readFileSync(path);
  assert.equal(stored.length, buffer.length, 'stored size');
  assert.ok(stored.equals(buffer), 'stored bytes differ from the file');
}

for (const { name, size, partSize, concurrency, checksum, expectParts } of [
  { name: '12 MiB + 7 in 5 MiB parts, 4 in flight', size: 12 * MIB + 7, partSize: 5, concurrency: 4, checksum: 'md5', expectParts: 3 },
  { name: '6 MiB + 1, automatic part size, SHA-256 part checksums', size: 6 * MIB + 1, partSize: '', concurrency: 4, checksum: 'sha256', expectParts: 2 },
]) {
  test(`multipart through the page: ${name}`, { skip }, async () => {
    const { page } = tab;
    const key = `uploads/demo-mp/${size}-${checksum}.bin`;
    const file = tempFile(`${size}.bin`, size);
    await fillMultipart(page, { path: file.path, key, partSize, concurrency, checksum });
    assert.deepEqual(await buttons(page), { 'mp-pause': false, 'mp-resume': false, 'mp-abort': false },
      'Pause/Resume/Abort enabled before an upload');
    const t0 = Date.now();
    await page.click('#upload');
    await finished(page);
    const s = await shown(page);
    assert.equal(s.status, 'ok', `upload failed: ${s.errorCode}: ${s.errorMessage}`);
    checkStored(key, file.buffer);
    assert.equal(s.etag, multipartEtag(file.buffer, 5 * MIB), 'page ETag vs MD5 of part MD5s by node:crypto');
    assert.equal(s.verified, 'parts, etag', 'verified checks shown');
    assert.equal(s.parts, String(expectParts));
    assert.equal(s.key, key);
    assert.match(s.size, new RegExp(`\\(${size.toLocaleString('en')} B\\)`));
    assert.match(s.time, /^\d+ ms$/);
    assert.match(s.speed, /^\d+\.\d\d MB\/s$/);
    assert.ok(s.uploadId, 'no upload id shown');
    assert.ok(s.seenParts.length >= 1, 'no per-part progress bar appeared');
    assert.ok(s.maxInFlight <= concurrency, `${s.maxInFlight} bars at once for concurrency ${concurrency}`);
    assert.equal(s.signed, `create ×1, uploadPart ×${expectParts}, complete ×1`, 'requests signed by the backend');
    assert.deepEqual(await buttons(page), { 'mp-pause': false, 'mp-resume': false, 'mp-abort': false },
      'Pause/Resume/Abort enabled after the upload');
    console.log(`# ${name}: ${Date.now() - t0} ms, parts seen in flight: ${s.seenParts.join(',')}`);
  });
}

test('multipart through the page: Abort mid-upload shows Aborted and leaves nothing on disk', { skip }, async () => {
  const { page } = tab;
  const key = 'uploads/demo-mp/aborted.bin';
  const file = tempFile('aborted.bin', 40 * MIB);
  await fillMultipart(page, { path: file.path, key, partSize: 5, concurrency: 2 });
  await page.click('#upload');
  await partsDoneAtLeast(page, 1);
  await page.click('#mp-abort');
  await finished(page);
  const s = await shown(page);
  assert.equal(s.status, 'error', 'the upload finished before Abort');
  assert.equal(s.errorCode, 'Aborted', s.errorMessage);
  assert.equal(s.errorKind, 'aborted');
  const uploadId = s.errorUploadId;
  assert.ok(uploadId && uploadId !== '(not created)', 'no upload id shown');
  assert.ok(!existsSync(objectPath(server, key)), 'an aborted upload left an object');
  assert.deepEqual(walk(server.dataDir).filter((f) => f.includes(uploadId)), [], 'parts of the aborted upload are on disk');
  assert.match(s.signed, /abort ×1/, 'Abort was not signed by the backend');
  assert.deepEqual(await buttons(page), { 'mp-pause': false, 'mp-resume': false, 'mp-abort': false });
});

test('multipart through the page: the form\'s Cancel button aborts it too', { skip }, async () => {
  const { page } = tab;
  const key = 'uploads/demo-mp/cancelled.bin';
  const file = tempFile('cancelled.bin', 40 * MIB);
  await fillMultipart(page, { path: file.path, key, partSize: 5, concurrency: 2 });
  await page.click('#upload');
  await partsDoneAtLeast(page, 1);
  await page.click('#cancel');
  await finished(page);
  const s = await shown(page);
  assert.equal(s.errorCode, 'Aborted', `${s.status}: ${s.errorMessage}`);
  assert.ok(!existsSync(objectPath(server, key)), 'a cancelled upload left an object');
  assert.deepEqual(walk(server.dataDir).filter((f) => f.includes(s.errorUploadId)), [], 'parts of the cancelled upload are on disk');
});

test('multipart through the page: Pause stops new parts, Resume completes', { skip }, async () => {
  const { page } = tab;
  const key = 'uploads/demo-mp/paused.bin';
  const file = tempFile('paused.bin', 40 * MIB);
  await fillMultipart(page, { path: file.path, key, partSize: 5, concurrency: 2 });
  await page.click('#upload');
  await partsDoneAtLeast(page, 1);
  assert.deepEqual(await buttons(page), { 'mp-pause': true, 'mp-resume': false, 'mp-abort': true }, 'while running');
  await page.click('#mp-pause');
  assert.deepEqual(await buttons(page), { 'mp-pause': false, 'mp-resume': true, 'mp-abort': true }, 'while paused');
  // The parts in flight finish; then nothing moves.
  await page.waitForFunction(() => document.getElementById('multipart').dataset.inFlight === '0', null, { timeout: 30_000 });
  const doneAtPause = await page.getAttribute('#multipart', 'data-parts-done');
  await page.waitForTimeout(750);
  assert.equal(await page.getAttribute('#multipart', 'data-parts-done'), doneAtPause, 'a part was sent while paused');
  assert.equal(await page.getAttribute('#result', 'data-status'), 'pending', 'the upload ended while paused');
  assert.ok(Number(doneAtPause) < 8, `all parts were done at pause (${doneAtPause})`);
  assert.equal(await page.getAttribute('#multipart', 'data-state'), 'paused');
  await page.click('#mp-resume');
  await finished(page);
  const s = await shown(page);
  assert.equal(s.status, 'ok', `upload failed: ${s.errorCode}: ${s.errorMessage}`);
  checkStored(key, file.buffer);
  assert.equal(s.etag, multipartEtag(file.buffer, 5 * MIB));
  assert.equal(s.verified, 'parts, etag');
  assert.equal(s.parts, '8');
});

test('the page never saw the secret key', { skip }, async () => {
  const checked = await tab.assertNeverSaw(server.secretKey);
  assert.ok(checked > 20, `only ${checked} requests and responses recorded`);
});
