// The multipart uploads of multipart.test.mjs, in Firefox ESR (puppeteer-core over WebDriver
// BiDi) against the local bucket (s3s + s3s-fs), signed by the demo backend (`/sign`, method
// "multipart"): each object read back from the bucket's folder byte for byte equals the file, its
// ETag is the MD5 of the part MD5s computed here with node:crypto, `verified` says so, progress
// never goes backwards. Abort leaves no parts on disk. Parts are hashed the library's default way
// (a module Worker when the page has one): the page's Worker constructor and BYOB readers are
// watched, so a Worker or BYOB failure that the library would survive by hashing on the main
// thread (or by slice reads) still shows up as a failed test here.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchFirefox, skipFirefox } from './firefox.mjs';
import { CASES, GEN, MIB, multipartEtag, pageAbort, pageInit, pageUpload, prngBytes, walk } from './multipart-shared.mjs';
import { skip as skipServer, startServer } from './server.mjs';

const skip = skipServer || skipFirefox;

let server;
let browser;
let page;
const pageProblems = [];

before(async () => {
  if (skip) return;
  server = await startServer();
  browser = await launchFirefox();
  page = await browser.newPage();
  page.on('pageerror', (e) => pageProblems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') pageProblems.push(`console error: ${m.text()}`); });
  await page.goto(server.page);
  assert.equal(await page.evaluate(pageInit, { sign: true }), true);
  await page.evaluate(watchWorkersAndByob);
});

/** Page side: counts the library's Workers, their results and errors, and BYOB readers opened. */
function watchWorkersAndByob() {
  const w = (window.watch = { workers: 0, everWorkers: 0, results: 0, errors: [], byob: 0 });
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      w.workers++;
      w.everWorkers++;
      this.addEventListener('error', (e) => w.errors.push(`error event: ${e.message ?? e}`));
      this.addEventListener('messageerror', () => w.errors.push('messageerror'));
      this.addEventListener('message', ({ data }) => {
        if (data?.result) w.results++;
        if (data?.error) w.errors.push(`worker answered error: ${JSON.stringify(data.error)}`);
      });
    }
  };
  const getReader = ReadableStream.prototype.getReader;
  ReadableStream.prototype.getReader = function (options) {
    if (options?.mode === 'byob') w.byob++;
    return getReader.call(this, options);
  };
}
const resetWatch = () => page.evaluate(() => Object.assign(window.watch, { workers: 0, results: 0, errors: [], byob: 0 }));
const readWatch = () => page.evaluate(() => JSON.parse(JSON.stringify(window.watch)));

after(async () => {
  await browser?.close();
  await server?.stop();
});

const problems = () => (pageProblems.length ? ` (page: ${pageProblems.join('; ')})` : '');

for (const [name, size, options] of CASES) {
  test(`Firefox: multipart upload of ${name}: read back byte for byte, ETag = MD5 of part MD5s, verified`, { skip }, async () => {
    const key = `uploads/mp-firefox/${size}-${Object.keys(options).join('-') || 'plain'}.bin`;
    await resetWatch();
    const { result, error, progress } = await page.evaluate(pageUpload, {
      size, seed: size + 5, key, gen: GEN, useSign: true,
      options: { endpoint: server.endpoint, bucket: server.bucket, pathStyle: true, key, ...options },
    });
    assert.equal(error, undefined, JSON.stringify(error) + problems());
    const bytes = prngBytes(size, size + 5);
    const stored = readFileSync(join(server.dataDir, server.bucket, key));
    assert.equal(stored.length, size, 'stored size differs from the file');
    assert.ok(Buffer.from(bytes).equals(stored), 'stored bytes differ from the file');
    const partSize = options.partSize ?? 5 * MIB;
    assert.equal(result.etag, multipartEtag(bytes, partSize));
    assert.deepEqual(result.verified, ['parts', 'etag']);
    assert.equal(result.key, key);
    assert.equal(result.parts, Math.max(1, Math.ceil(size / partSize)));
    for (let i = 1; i < progress.length; i++) assert.ok(progress[i].loaded >= progress[i - 1].loaded, 'progress went backwards');
    const last = progress.at(-1);
    assert.equal(last?.loaded, size);
    assert.equal(last.partsDone, result.parts);
    // Every part was hashed by one of the library's module Workers (it may reuse them across
    // parts and uploads), which answered a result each time and never failed.
    const watch = await readWatch();
    assert.deepEqual(watch.errors, [], 'a hashing Worker failed');
    assert.equal(watch.results, result.parts, `Worker results: ${JSON.stringify(watch)}`);
    assert.ok(watch.everWorkers >= 1 && watch.workers <= result.parts, `Workers started: ${JSON.stringify(watch)}`);
  });
}

test('Firefox: Blob streams give BYOB readers on the main thread and in a module Worker', { skip }, async () => {
  const probe = await page.evaluate(async () => {
    const tryByob = async () => {
      try {
        const r = new Blob([new Uint8Array(100_000).fill(7)]).stream().getReader({ mode: 'byob' });
        const { value } = await r.read(new Uint8Array(4096));
        return { ok: true, name: r.constructor.name, read: value.byteLength };
      } catch (e) { return { ok: false, error: String(e) }; }
    };
    const main = await tryByob();
    const src = `self.onmessage = async () => { ${tryByob.toString().replace(/^async \(\) => /, 'const f = async () => ')}; self.postMessage(await f()); };`;
    const url = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
    const inWorker = await new Promise((resolve) => {
      const w = new Worker(url, { type: 'module' });
      w.onmessage = ({ data }) => { w.terminate(); resolve(data); };
      w.onerror = (e) => resolve({ ok: false, error: `worker error: ${e.message}` });
      w.postMessage(null);
    });
    return { main, inWorker };
  });
  assert.deepEqual(probe.main, { ok: true, name: 'ReadableStreamBYOBReader', read: 4096 }, JSON.stringify(probe));
  assert.deepEqual(probe.inWorker, { ok: true, name: 'ReadableStreamBYOBReader', read: 4096 }, JSON.stringify(probe));
});

test('Firefox: 8 MiB + 3 hashed on the main thread (worker: false) reads through a BYOB reader', { skip }, async () => {
  const size = 8 * MIB + 3;
  const key = 'uploads/mp-firefox/no-worker.bin';
  await resetWatch();
  const { result, error } = await page.evaluate(pageUpload, {
    size, seed: 11, key, gen: GEN, useSign: true,
    // resume: false — the checkpoint's fingerprint (MD5 of the first and last MiB) would open one
    // more BYOB reader; this test counts the parts' readers.
    options: { endpoint: server.endpoint, bucket: server.bucket, pathStyle: true, key, worker: false, resume: false },
  });
  assert.equal(error, undefined, JSON.stringify(error) + problems());
  const bytes = prngBytes(size, 11);
  assert.ok(Buffer.from(bytes).equals(readFileSync(join(server.dataDir, server.bucket, key))), 'stored bytes differ');
  assert.equal(result.etag, multipartEtag(bytes, 5 * MIB));
  assert.deepEqual(result.verified, ['parts', 'etag']);
  const watch = await readWatch();
  assert.equal(watch.workers, 0, 'worker: false started a Worker');
  assert.equal(watch.byob, result.parts, `BYOB readers opened on the main thread: ${JSON.stringify(watch)}`);
});

test('Firefox: abort mid-upload stops the parts in flight and leaves no parts in the bucket', { skip }, async () => {
  const key = 'uploads/mp-firefox/aborted.bin';
  const outcome = await page.evaluate(pageAbort, {
    gen: GEN, useSign: true, options: { endpoint: server.endpoint, bucket: server.bucket, pathStyle: true, key },
  });
  assert.deepEqual(outcome.error, { code: 'Aborted', kind: 'aborted', message: outcome.error?.message }, JSON.stringify(outcome) + problems());
  assert.equal(outcome.abortError, null, JSON.stringify(outcome.abortError));
  assert.ok(outcome.uploadId, 'the upload had started');
  assert.ok(!existsSync(join(server.dataDir, server.bucket, key)), 'an aborted upload left an object');
  const leftovers = walk(server.dataDir).filter((f) => f.includes(outcome.uploadId));
  assert.deepEqual(leftovers, [], 'parts of the aborted upload are still on disk');
});
