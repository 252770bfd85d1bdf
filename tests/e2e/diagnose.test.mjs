// diagnose(): the pre-flight report, in Chromium against the local bucket. A good target passes
// every check and leaves no upload behind; a bucket hiding ETag, a wrong secret and an
// unreachable endpoint each produce a failed finding with its fix.

import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { launch } from './browser.mjs';
import { skip, startServer } from './server.mjs';

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

async function run(options, { hideEtag = false } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (hideEtag) {
    await page.route(`${server.endpoint}/**`, async (route) => {
      if (route.request().method() === 'OPTIONS') return route.continue();
      const response = await route.fetch();
      const headers = { ...response.headers() };
      headers['access-control-expose-headers'] = (headers['access-control-expose-headers'] ?? '')
        .split(',').map((h) => h.trim()).filter((h) => h.toLowerCase() !== 'etag').join(', ');
      await route.fulfill({ response, headers });
    });
  }
  await page.goto(server.page);
  const report = await page.evaluate(async (o) => {
    const bu = await import('/pkg/bucket_upload.js');
    await bu.default();
    const sign = async (request) => (await fetch('/sign', { method: 'POST', body: JSON.stringify({ method: 'multipart', ...request }) })).json();
    return bu.diagnose({ ...o, ...(o.credentials ? {} : { sign }) });
  }, { pathStyle: true, bucket: server.bucket, endpoint: server.endpoint, ...options });
  await context.close();
  return report;
}

const finding = (r, check) => r.findings.find((f) => f.check === check);

test('a good target passes every check and leaves nothing behind', { skip }, async () => {
  const r = await run({});
  assert.equal(r.ok, true, JSON.stringify(r, null, 1));
  assert.deepEqual(r.findings.map((f) => f.check), ['create', 'clock', 'uploadPart', 'listParts', 'abort']);
  assert.deepEqual(readdirSync(server.dataDir).filter((f) => f.startsWith('.upload')), [], 'the test upload left files');
});

test('a bucket that hides ETag is reported with the CORS rule to add', { skip }, async () => {
  const r = await run({}, { hideEtag: true });
  assert.equal(r.ok, false);
  const f = finding(r, 'expose ETag');
  assert.ok(f && !f.ok, JSON.stringify(r, null, 1));
  assert.match(f.fix, /"ExposeHeaders":\["ETag"/);
});

test('a wrong secret is a SignatureDoesNotMatch finding', { skip }, async () => {
  const r = await run({ credentials: { accessKeyId: server.accessKey, secretAccessKey: 'not-the-secret' } });
  const f = finding(r, 'create');
  assert.equal(f?.ok, false, JSON.stringify(r, null, 1));
  assert.match(f.detail, /refused the signature/);
});

test('an unreachable endpoint is a finding that names the origin and the CORS rule', { skip }, async () => {
  const r = await run({ endpoint: 'http://127.0.0.1:9', credentials: { accessKeyId: 'A', secretAccessKey: 'S' } });
  const f = finding(r, 'create');
  assert.equal(f?.ok, false, JSON.stringify(r, null, 1));
  assert.match(f.detail, /unreachable|CORS/);
  assert.match(f.fix, /AllowedOrigins/);
});
