// Fault injection in Firefox ESR (puppeteer-core over WebDriver BiDi, tests/e2e/firefox.mjs): the
// subset of faults.test.mjs that depends most on the browser's network stack — a connection reset
// half-way through part 2 (scenario 1), 503 SlowDown on part 1's first attempts (3), a response
// stalled past stallTimeoutMs (9). Uploads go through tests/fault-proxy.mjs to the local bucket,
// signed by the demo backend; each ends with the object read back byte for byte and `verified`.
// The table goes to test-results/faults-firefox.md.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, test } from 'node:test';
import { startFaultProxy } from '../fault-proxy.mjs';
import { formatAttempts, formatBytes, writeTable } from './faults-table.mjs';
import { launchFirefox, skipFirefox } from './firefox.mjs';
import { GEN, MIB, multipartEtag, prngBytes } from './multipart-shared.mjs';
import { root, skip as skipServer, startServer } from './server.mjs';

const skip = skipServer || skipFirefox;
const PART = 5 * MIB;
const SIZE = 2 * PART + 2 * MIB + 3; // parts of 5, 5 and 2 MiB + 3 B
const RETRY = { baseDelayMs: 50, maxDelayMs: 500 };
const TEST_TIMEOUT = 60_000;
const PAGE_BOUND = 45_000;

let server;
let proxy;
let browser;
let page;
const rows = [];

before(async () => {
  if (skip) return;
  server = await startServer();
  proxy = await startFaultProxy({ target: server.endpoint });
  browser = await launchFirefox();
});

afterEach(async () => {
  await page?.close().catch(() => {});
  page = undefined;
  proxy?.reset();
});

after(async () => {
  if (rows.length) {
    const table = writeTable(root, rows, { file: 'faults-firefox.md', browser: 'Firefox ESR', source: 'tests/e2e/faults-firefox.test.mjs' });
    console.log(`\nFault-injection scenarios in Firefox (also in test-results/faults-firefox.md):\n${table}\n`);
  }
  await browser?.close();
  await proxy?.close();
  await server?.stop();
});

/** Page side: loads the package; `sign` asks the backend and sends the request to the proxy. */
async function pageSetup({ bucketOrigin, proxyOrigin }) {
  window.bu = await import('/pkg/bucket_upload.js');
  await window.bu.default();
  window.sign = async (request) => {
    const r = await fetch('/sign', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'multipart', ...request }),
    });
    const body = await r.json();
    if (!r.ok) throw Object.assign(new Error(body.message), body);
    const origin = new URL(body.url).origin;
    if (origin !== bucketOrigin) throw new Error(`signed for ${origin}, not the bucket ${bucketOrigin}`);
    return { ...body, url: proxyOrigin + body.url.slice(origin.length) };
  };
  return true;
}

/** Page side: uploads PRNG bytes; `{ result | error | hung, uploadId, ms }`, bounded. */
async function pageUpload({ size, seed, key, options, gen, endpoint, bucket, bound }) {
  const file = new File([(0, eval)(gen)(size, seed)], 'f.bin', { type: 'application/octet-stream' });
  const started = Date.now();
  const u = window.bu.uploadFile(file, { endpoint, bucket, pathStyle: true, key, sign: window.sign, ...options });
  let timer;
  const hung = new Promise((resolve) => (timer = setTimeout(() => resolve('hung'), bound)));
  const out = await Promise.race([
    u.done.then(
      (result) => ({ result: JSON.parse(JSON.stringify(result)) }),
      (e) => ({ error: { code: e.code, kind: e.kind, status: e.status, message: e.message } }),
    ),
    hung,
  ]);
  clearTimeout(timer);
  if (out === 'hung') {
    u.abort();
    return { hung: true, uploadId: u.uploadId, ms: Date.now() - started };
  }
  return { ...out, uploadId: u.uploadId, ms: Date.now() - started };
}

async function upload({ size, seed, key, options }) {
  page = await browser.newPage();
  // Firefox reports the request the proxy resets as a CORS failure ("CORS request did not
  // succeed"): expected in scenario 1, so only other page errors are printed.
  page.on('pageerror', (e) => {
    if (!/CORS request did not succeed/.test(e.message)) console.error(`page error: ${e.message}`);
  });
  await page.goto(server.page);
  assert.equal(await page.evaluate(pageSetup, { bucketOrigin: new URL(server.endpoint).origin, proxyOrigin: proxy.origin }), true);
  return page.evaluate(pageUpload, {
    size, seed, key, options, gen: GEN, endpoint: proxy.url, bucket: server.bucket, bound: PAGE_BOUND,
  });
}

function outcomeOf(r) {
  if (!r) return 'no result';
  if (r.hung) return `hung (page gave up after ${PAGE_BOUND / 1000} s)`;
  if (r.error) return `error ${r.error.code} (${r.error.kind}${r.error.status ? `, ${r.error.status}` : ''})`;
  return `ok, verified ${r.result.verified.join('+')}`;
}

function scenario(id, name, opts, fn) {
  test(`Firefox: ${id}. ${name}`, { skip, timeout: TEST_TIMEOUT, ...opts }, async (t) => {
    const row = { id, scenario: name, attempts: '', resent: '', outcome: '', time: '' };
    rows.push(row);
    const started = Date.now();
    let r;
    try {
      await fn(t, (result) => {
        r = result;
        row.attempts = formatAttempts(proxy.attemptsByKind());
        row.resent = formatBytes(proxy.resentBytes());
        row.outcome = outcomeOf(result);
        row.time = `${((result?.ms ?? Date.now() - started) / 1000).toFixed(2)} s`;
      });
      if (opts.todo) row.outcome += ' — passes (todo can go)';
    } catch (e) {
      row.outcome = `${row.outcome || outcomeOf(r)} — ${opts.todo ? 'TODO' : 'FAILED'}: ${e.message.split('\n')[0]}`;
      throw e;
    }
  });
}

function assertStored(r, { size, seed, key }) {
  assert.ok(!r.hung, 'the upload hung');
  assert.equal(r.error, undefined, JSON.stringify(r.error));
  const bytes = prngBytes(size, seed);
  const stored = readFileSync(join(server.dataDir, server.bucket, key));
  assert.ok(Buffer.from(bytes).equals(stored), 'stored bytes differ from the file');
  assert.equal(r.result.etag, multipartEtag(bytes, PART));
  assert.deepEqual(r.result.verified, ['parts', 'etag']);
  assert.equal(r.result.parts, Math.ceil(size / PART));
}

scenario(1, 'connection reset half-way through part 2 (first attempt)', {}, async (t, record) => {
  const file = { size: SIZE, seed: 31, key: 'uploads/faults-firefox/reset-part.bin' };
  proxy.rule({ kind: 'part', partNumber: 2, action: 'reset', afterBytes: 0.5, times: 1 });
  const r = await upload({ ...file, options: { retry: RETRY } });
  record(r);
  assertStored(r, file);
  const sent = proxy.log.filter((e) => e.kind === 'part' && e.partNumber === 2);
  assert.equal(sent.length, 2, `part 2 attempts: ${JSON.stringify(sent.map((e) => e.end))}`);
  assert.match(sent[0].end, /^reset after/);
  assert.equal(sent[1].bytesIn, PART, 'the retry sent the whole part');
  assert.equal(proxy.resentBytes(), PART);
  for (const n of [1, 3]) assert.equal(proxy.attempts('part', n), 1, `part ${n} was sent once`);
  assert.equal(proxy.attempts('complete'), 1);
});

scenario(3, '503 SlowDown on the first 2 attempts of part 1', {}, async (t, record) => {
  const file = { size: SIZE, seed: 33, key: 'uploads/faults-firefox/slowdown.bin' };
  proxy.rule({ kind: 'part', partNumber: 1, action: 'status', status: 503, shape: 's3', code: 'SlowDown', times: 2 });
  const r = await upload({ ...file, options: { retry: RETRY } });
  record(r);
  assertStored(r, file);
  assert.deepEqual(proxy.log.filter((e) => e.kind === 'part' && e.partNumber === 1).map((e) => e.status), [503, 503, 200]);
  assert.equal(proxy.resentBytes(), 2 * PART);
});

scenario(9, 'a response stalled 10 s on part 2 with stallTimeoutMs 2000', {}, async (t, record) => {
  const file = { size: SIZE, seed: 39, key: 'uploads/faults-firefox/stall.bin' };
  const STALL = 10_000;
  proxy.rule({ kind: 'part', partNumber: 2, action: 'stall', stallMs: STALL, times: 1 });
  const r = await upload({ ...file, options: { retry: RETRY, stallTimeoutMs: 2000 } });
  record(r);
  assertStored(r, file);
  assert.equal(proxy.attempts('part', 2), 2, 'the stalled part was not given up on and sent again');
  assert.ok(r.ms < STALL, `the upload took ${r.ms} ms: it waited out the ${STALL} ms stall`);
  const first = proxy.log.find((e) => e.kind === 'part' && e.partNumber === 2);
  assert.equal(first.end, 'client gave up during the stall');
});
