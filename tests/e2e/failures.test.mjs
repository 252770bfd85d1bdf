// Failure demos: each must end with the bucket's own error code on the page (not a network
// error) and nothing stored.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { launch, objectPath, openPage, storedFiles, uploadThroughPage } from './browser.mjs';
import { skip, startServer } from './server.mjs';

// Large enough that a server refusing the upload before reading the body would have to close the
// connection mid-send; the page must still show the 403.
const BUFFER = randomBytes(2 * 1024 * 1024);

const CASES = [
  { method: 'post-v4', scenario: 'tampered', code: 'SignatureDoesNotMatch' },
  { method: 'post-v4', scenario: 'wrong-secret', code: 'SignatureDoesNotMatch' },
  { method: 'post-v4', scenario: 'expired', code: 'AccessDenied' },
  { method: 'post-v2', scenario: 'tampered', code: 'SignatureDoesNotMatch' },
  { method: 'put-v4', scenario: 'wrong-secret', code: 'SignatureDoesNotMatch' },
  { method: 'put-v4', scenario: 'tampered', code: 'SignatureDoesNotMatch' },
  { method: 'put-v4', scenario: 'expired', code: 'AccessDenied' },
];

let server;
let browser;
let tab;

before(async () => {
  if (skip) return;
  server = await startServer();
  browser = await launch();
  tab = await openPage(browser, server);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

for (const { method, scenario, code } of CASES) {
  test(`${method}: ${scenario} is refused with ${code}`, { skip }, async () => {
    const key = `uploads/refused/${method}-${scenario}.bin`;
    const shown = await uploadThroughPage(tab.page, { name: 'refused.bin', buffer: BUFFER, key, method, scenario });
    assert.equal(shown.status, 'error', 'the page reported success');
    assert.notEqual(shown.errorCode, 'NetworkError', `the browser saw no S3 answer: ${shown.errorMessage}`);
    assert.equal(shown.errorCode, code, `error shown: ${shown.errorCode}: ${shown.errorMessage}`);
    assert.equal(shown.errorStatus, '403', 'HTTP status shown');
    assert.ok(!existsSync(objectPath(server, key)), 'the refused object was stored');
    assert.deepEqual(storedFiles(server), [], 'files in the bucket after refused uploads');
  });
}

test('the page never saw the secret key', { skip }, async () => {
  await tab.assertNeverSaw(server.secretKey);
});
