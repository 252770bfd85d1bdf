// Clock skew, against the local bucket (s3s refuses header-signed requests more than 15 minutes
// off with RequestTimeTooSkewed): a page whose clock is 20 minutes fast, signing in the page with
// (the local bucket's demo) credentials, learns the server's time from the exposed Date header,
// re-signs and completes — the object read back byte for byte. Without Date exposed the failure
// is a typed error that says how to fix it.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launch } from './browser.mjs';
import { skip, startServer } from './server.mjs';

const FAST_MS = 20 * 60 * 1000;
let server;
let browser;

before(async () => {
  if (skip) return;
  server = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** A page whose Date runs `FAST_MS` ahead, optionally with `Date` hidden from CORS. */
async function fastPage({ hideDate = false } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript((off) => {
    const Real = Date;
    class Fast extends Real {
      constructor(...a) { if (a.length === 0) super(Real.now() + off); else super(...a); }
      static now() { return Real.now() + off; }
    }
    window.Date = Fast;
  }, FAST_MS);
  const sent = [];
  page.on('request', (r) => { if (r.url().startsWith(server.endpoint) && r.method() !== 'OPTIONS') sent.push(`${r.method()} ${new URL(r.url()).search.split('&')[0]}`); });
  if (hideDate) {
    await page.route(`${server.endpoint}/**`, async (route) => {
      if (route.request().method() === 'OPTIONS') return route.continue();
      const response = await route.fetch();
      const headers = { ...response.headers() };
      headers['access-control-expose-headers'] = (headers['access-control-expose-headers'] ?? '')
        .split(',').map((h) => h.trim()).filter((h) => h.toLowerCase() !== 'date').join(', ');
      await route.fulfill({ response, headers });
    });
  }
  await page.goto(server.page);
  await page.evaluate(async () => {
    window.bu = await import('/pkg/bucket_upload.js');
    await window.bu.default();
  });
  return { page, context, sent };
}

function upload(page, key, size) {
  return page.evaluate(async ({ endpoint, bucket, key, size, accessKeyId, secretAccessKey }) => {
    const bytes = new Uint8Array(size).map((_, i) => (i * 31 + 7) & 255);
    const u = window.bu.uploadFile(new Blob([bytes]), { endpoint, bucket, pathStyle: true, key,
      credentials: { accessKeyId, secretAccessKey }, retry: { baseDelayMs: 20, maxDelayMs: 100 } });
    return u.done.then((r) => ({ result: r }), (e) => ({ error: { code: e.code, message: e.message } }));
  }, { endpoint: server.endpoint, bucket: server.bucket, key, size, accessKeyId: server.accessKey, secretAccessKey: server.secretKey });
}

test('a page clock 20 minutes fast is corrected from the Date header and the upload completes', { skip }, async () => {
  const { page, context, sent } = await fastPage();
  const size = 6 * 1024 * 1024 + 3;
  const { result, error } = await upload(page, 'uploads/skew/fast.bin', size);
  await context.close();
  assert.equal(error, undefined, JSON.stringify(error));
  const bytes = new Uint8Array(size).map((_, i) => (i * 31 + 7) & 255);
  const stored = readFileSync(join(server.dataDir, server.bucket, 'uploads/skew/fast.bin'));
  assert.ok(Buffer.from(bytes).equals(stored), 'stored bytes differ');
  assert.deepEqual(result.verified, ['parts', 'etag']);
  // Create was refused once (skewed), re-signed with the corrected clock, then everything passed.
  assert.deepEqual(sent.filter((s) => s.startsWith('POST ?uploads')).length, 2, sent.join('\n'));
});

test('without Date exposed, the skew is a typed error that says to expose it', { skip }, async () => {
  const { page, context } = await fastPage({ hideDate: true });
  const { error } = await upload(page, 'uploads/skew/hidden.bin', 1000);
  await context.close();
  assert.equal(error?.code, 'RequestTimeTooSkewed', JSON.stringify(error));
  assert.match(error.message, /expose the Date header/);
});
