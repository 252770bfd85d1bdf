// Uploads through the demo page by every S3 method (POST V4/V2, presigned PUT V4/V2, PUT with an
// Authorization header), then reads the object back from the server's data dir and checks the
// page's ETag against an MD5 computed here, independently, by node:crypto.

import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { launch, objectPath, openPage, uploadThroughPage } from './browser.mjs';
import { skip, startServer } from './server.mjs';

const METHODS = ['post-v4', 'post-v2', 'put-v4', 'put-v2', 'header-v4'];
const FILES = [
  { label: '0 B', name: 'empty.bin', buffer: Buffer.alloc(0) },
  { label: '1 B', name: 'one.bin', buffer: Buffer.from([0x5a]) },
  { label: '5 MiB + 1 random', name: 'random.bin', buffer: randomBytes(5 * 1024 * 1024 + 1) },
  { label: 'unicode key with spaces', name: 'naïve 文件 ☃ (1).txt', mimeType: 'text/plain', buffer: Buffer.from('naïve ☃ 文件\n') },
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

function checkStored(key, buffer, shown) {
  const path = objectPath(server, key);
  assert.ok(existsSync(path), `object ${key} is not in the data dir`);
  const stored = readFileSync(path);
  assert.equal(stored.length, buffer.length, 'stored size');
  assert.ok(stored.equals(buffer), 'stored bytes differ from the uploaded bytes');
  const md5 = createHash('md5').update(buffer).digest('hex');
  assert.equal(shown.etag.replaceAll('"', ''), md5, 'page ETag vs MD5 by node:crypto');
  assert.equal(shown.md5Hex, md5, 'page MD5 (hex) vs node:crypto');
  assert.equal(shown.md5Base64, createHash('md5').update(buffer).digest('base64'), 'page MD5 (base64)');
  assert.equal(shown.md5Check, 'yes', 'page MD5 check');
}

for (const method of METHODS) {
  for (const file of FILES) {
    test(`${method}: ${file.label}`, { skip }, async () => {
      const key = `uploads/${method}/${file.name}`;
      assert.ok(!existsSync(objectPath(server, key)), 'object exists before the upload');
      const shown = await uploadThroughPage(tab.page, { ...file, key, method });
      assert.equal(shown.status, 'ok', `upload failed: ${shown.errorCode}: ${shown.errorMessage}`);
      assert.equal(shown.key, key, 'key shown on the page');
      checkStored(key, file.buffer, shown);
    });
  }

  test(`${method}: default key uploads/\${filename}`, { skip }, async () => {
    const file = { name: `default-${method}.txt`, mimeType: 'text/plain', buffer: Buffer.from(`hello ${method}\n`) };
    await tab.page.reload();
    await tab.page.waitForSelector('body[data-ready="true"]');
    const shown = await uploadThroughPage(tab.page, { ...file, method });
    assert.equal(shown.status, 'ok', `upload failed: ${shown.errorCode}: ${shown.errorMessage}`);
    assert.equal(shown.key, `uploads/${file.name}`, 'key shown on the page');
    checkStored(`uploads/${file.name}`, file.buffer, shown);
  });
}

test('the page never saw the secret key', { skip }, async () => {
  const checked = await tab.assertNeverSaw(server.secretKey);
  assert.ok(checked > 2 * METHODS.length * FILES.length, `only ${checked} requests and responses recorded`);
});
