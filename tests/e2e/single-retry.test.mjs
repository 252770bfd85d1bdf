// Single uploads are retried where they can be: a presigned PUT answered 503 SlowDown twice, or
// reset half-way, is sent again and stored (read back byte for byte); progress never goes
// backwards across attempts; `retry: false` reports the 503; a 403 is not retried. Through the
// fault proxy (tests/fault-proxy.mjs) in front of the local bucket, signed by the demo backend.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startFaultProxy } from '../fault-proxy.mjs';
import { launch } from './browser.mjs';
import { skip, startServer } from './server.mjs';

let server;
let proxy;
let browser;
let page;

before(async () => {
  if (skip) return;
  server = await startServer();
  proxy = await startFaultProxy({ target: server.endpoint });
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
  await proxy?.close();
  await server?.stop();
});

/** PUTs `size` bytes through the proxy with a presigned URL from /sign. */
function put(key, size, options = {}) {
  return page.evaluate(async ({ key, size, options, bucket, proxyUrl }) => {
    const bytes = new Uint8Array(size).map((_, i) => (i * 13 + 1) & 255);
    const signed = await (await fetch('/sign', { method: 'POST', body: JSON.stringify({ method: 'put', key }) })).json();
    const u = new URL(signed.url);
    const url = proxyUrl.replace(/\/$/, '') + u.pathname + u.search;
    const progress = [];
    try {
      const r = await window.bu.putObject(new Blob([bytes]), { url, headers: signed.headers },
        { retry: { baseDelayMs: 20, maxDelayMs: 100 }, onProgress: (l) => progress.push(l), ...options });
      return { result: { status: r.status, etag: r.etag }, progress };
    } catch (e) {
      return { error: { code: e.code, status: e.status }, progress };
    }
  }, { key, size, options, bucket: server.bucket, proxyUrl: proxy.url });
}

const stored = (key) => readFileSync(join(server.dataDir, server.bucket, key));
const expected = (size) => Buffer.from(new Uint8Array(size).map((_, i) => (i * 13 + 1) & 255));

test('a PUT answered 503 SlowDown twice is retried and stored', { skip }, async () => {
  proxy.reset();
  proxy.rule({ method: 'PUT', action: 'status', status: 503, times: 2 });
  const { result, error, progress } = await put('uploads/single/slow.bin', 300_000);
  assert.equal(error, undefined, JSON.stringify(error));
  assert.equal(result.status, 200);
  assert.ok(expected(300_000).equals(stored('uploads/single/slow.bin')));
  for (let i = 1; i < progress.length; i++) assert.ok(progress[i] >= progress[i - 1], 'progress went backwards');
});

test('a PUT whose connection is reset half-way is sent again', { skip }, async () => {
  proxy.reset();
  proxy.rule({ method: 'PUT', action: 'reset', afterBytes: 0.5, times: 1 });
  const { result, error } = await put('uploads/single/reset.bin', 2_000_000);
  assert.equal(error, undefined, JSON.stringify(error));
  assert.equal(result.status, 200);
  assert.ok(expected(2_000_000).equals(stored('uploads/single/reset.bin')));
});

test('retry: false reports the 503; a 403 is never retried', { skip }, async () => {
  proxy.reset();
  proxy.rule({ method: 'PUT', action: 'status', status: 503, times: 1 });
  const a = await put('uploads/single/no-retry.bin', 1000, { retry: false });
  assert.deepEqual(a.error, { code: 'SlowDown', status: 503 });
  proxy.reset();
  proxy.rule({ method: 'PUT', action: 'status', status: 403, code: 'AccessDenied', times: 1 });
  const b = await put('uploads/single/denied.bin', 1000);
  assert.deepEqual(b.error, { code: 'AccessDenied', status: 403 });
});
