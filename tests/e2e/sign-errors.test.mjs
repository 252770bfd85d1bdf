// What uploadFile does with an error its `sign` callback throws (Chromium, local bucket): the
// backend's answer with an HTTP status is retried only when transient, a failed fetch is a
// network error and retried, a bug in the callback fails at once. Regression: every throw
// without `kind` counted as a NetworkError, so a signer's 403 was asked five times.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launch } from './browser.mjs';
import { startBucketPage } from './multipart-shared.mjs';
import { skip, startServer } from './server.mjs';

let server;
let page;
let stop;

before(async () => {
  if (skip) return;
  ({ server, page, stop } = await startBucketPage({ launch, startServer }));
});

after(async () => stop?.());

/** Uploads 3 bytes with a `sign` that throws `failure` (page-side source) on its first `times` calls. */
function upload(key, failure, times) {
  return page.evaluate(
    async ({ key, failure, times, endpoint, bucket }) => {
      let calls = 0;
      const fail = (0, eval)(`(${failure})`);
      const sign = async (request) => {
        calls++;
        if (calls <= times) fail();
        return window.sign(request);
      };
      try {
        const u = window.bu.uploadFile(new File(['abc'], 'f.txt'), {
          endpoint, bucket, pathStyle: true, key, sign, retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 10 },
        });
        const result = await u.done;
        return { ok: true, etag: result.etag, calls };
      } catch (e) {
        return { error: { code: e.code, kind: e.kind, status: e.status }, calls };
      }
    },
    { key, failure, times, endpoint: server.endpoint, bucket: server.bucket },
  );
}

test('a 403 from the signer fails the upload at once with its code', { skip }, async () => {
  const r = await upload('uploads/sign-403.txt', "() => { throw Object.assign(new Error('no'), { code: 'AccessDenied', status: 403 }); }", 99);
  assert.deepEqual(r.error, { code: 'AccessDenied', kind: 'server', status: 403 });
  assert.equal(r.calls, 1, 'asked once');
});

test('a 503 from the signer is retried, and the upload completes', { skip }, async () => {
  const r = await upload('uploads/sign-503.txt', "() => { throw Object.assign(new Error('busy'), { code: 'ServiceUnavailable', status: 503 }); }", 1);
  assert.equal(r.ok, true, JSON.stringify(r));
  assert.equal(readFileSync(join(server.dataDir, server.bucket, 'uploads/sign-503.txt'), 'utf8'), 'abc');
});

test('a failed fetch in the signer is a network error and retried', { skip }, async () => {
  const r = await upload('uploads/sign-fetch.txt', "() => { throw new TypeError('Failed to fetch'); }", 2);
  assert.equal(r.ok, true, JSON.stringify(r));
  assert.equal(readFileSync(join(server.dataDir, server.bucket, 'uploads/sign-fetch.txt'), 'utf8'), 'abc');
});

test('a bug in the signer fails at once as CallbackFailed', { skip }, async () => {
  const r = await upload('uploads/sign-bug.txt', "() => { undefinedFunction(); }", 99);
  assert.equal(r.error?.code, 'CallbackFailed', JSON.stringify(r));
  assert.equal(r.calls, 1);
});
