// Typed object options through the demo page: uploaded by POST V4, presigned PUT and a
// header-signed PUT to the local bucket, then read back with a presigned GET (from /sign
// method "get", fetched here in Node) and compared with what was typed into the page. Also: a
// validation error of the core shown next to the input it names, with nothing stored; and the
// OSS, OBS and CMS requests the page shows but does not send (the local bucket speaks only S3).

import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { fieldErrors, launch, objectPath, openPage, signFromNode, storedFiles, uploadThroughPage } from './browser.mjs';
import { skip, startServer } from './server.mjs';

// Every option s3s-fs stores and returns on GET, with values a browser can send in a header
// (PUT) and in a form field (POST). Content-Encoding is `identity`, which fetch leaves alone.
const STORED = {
  contentType: 'text/x-demo; charset=utf-8',
  cacheControl: 'max-age=60, must-revalidate',
  contentDisposition: 'attachment; filename="report 1.txt"',
  contentEncoding: 'identity',
  expires: 'Wed, 21 Oct 2037 07:28:00 GMT',
  websiteRedirectLocation: '/landing.html',
  metadata: { Owner: 'Ann', 'project-id': 'demo-7', empty: '' },
};
// Sent and accepted, but s3s-fs keeps neither tags nor ACLs nor the storage class: only the
// bucket's acceptance of the signed request is checked for these.
const ACCEPTED = { acl: 'private', storageClass: 'STANDARD', tagging: 'team=blue&note=a b&flag' };

/** The headers a GET of an object stored with STORED answers. */
const EXPECTED_HEADERS = {
  'content-type': STORED.contentType,
  'cache-control': STORED.cacheControl,
  'content-disposition': STORED.contentDisposition,
  'content-encoding': STORED.contentEncoding,
  expires: STORED.expires,
  'x-amz-website-redirect-location': STORED.websiteRedirectLocation,
  'x-amz-meta-owner': 'Ann',
  'x-amz-meta-project-id': 'demo-7',
};

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

/** Reads `key` back through a presigned GET the backend signs; returns status, headers, body. */
async function readBack(key) {
  const signed = await signFromNode(server, { method: 'get', key });
  assert.equal(signed.status, 200, `/sign get: ${JSON.stringify(signed.body)}`);
  assert.equal(signed.body.method, 'GET');
  const res = await fetch(signed.body.url);
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

for (const method of ['post-v4', 'put-v4', 'put-v2', 'header-v4']) {
  test(`${method}: typed options are stored and read back`, { skip }, async () => {
    const key = `uploads/options/${method}.txt`;
    const buffer = Buffer.concat([Buffer.from(`typed options by ${method}\n`), randomBytes(3000)]);
    const shown = await uploadThroughPage(tab.page, {
      name: 'options.txt',
      mimeType: 'text/plain',
      buffer,
      key,
      method,
      options: { ...STORED, ...ACCEPTED },
    });
    assert.equal(shown.status, 'ok', `upload failed: ${shown.errorCode}: ${shown.errorMessage} (${shown.errorField})`);
    assert.equal(shown.md5Check, 'yes', 'ETag equals the MD5');
    assert.equal(shown.request.state, 'sent');

    // What the page showed it sent: the typed options as fields (POST) or headers (PUT).
    const sent = new Map(shown.request.pairs.map(([n, v]) => [n.toLowerCase(), v]));
    if (method === 'post-v4') {
      assert.equal(shown.request.method, 'POST');
      assert.equal(sent.get('cache-control'), STORED.cacheControl);
      assert.equal(sent.get('x-amz-storage-class'), 'STANDARD');
      assert.equal(sent.get('acl'), 'private');
      assert.match(sent.get('tagging'), /^<Tagging><TagSet><Tag><Key>team<\/Key><Value>blue<\/Value><\/Tag>/);
      assert.ok(sent.has('x-amz-signature'), 'the signature is shown');
    } else {
      assert.equal(shown.request.method, 'PUT');
      assert.equal(sent.get('x-amz-acl'), 'private');
      // URL-encoded by the module; a pair without '=' has an empty value.
      assert.equal(sent.get('x-amz-tagging'), 'team=blue&note=a%20b&flag=');
      assert.equal(sent.get('content-md5'), createHash('md5').update(buffer).digest('base64'));
    }
    assert.equal(sent.get('x-amz-meta-owner'), 'Ann');

    const got = await readBack(key);
    assert.equal(got.status, 200, 'GET status');
    assert.ok(got.body.equals(buffer), 'the bytes read back differ from the bytes uploaded');
    for (const [name, want] of Object.entries(EXPECTED_HEADERS)) {
      assert.equal(got.headers.get(name), want, `${name} read back`);
    }
    // An empty metadata value is stored as such (S3 keeps the name).
    assert.equal(got.headers.get('x-amz-meta-empty'), '', 'x-amz-meta-empty read back');
    assert.equal(got.headers.get('etag').replaceAll('"', ''), createHash('md5').update(buffer).digest('hex'));
  });
}

const INVALID = [
  {
    what: 'an unknown storage class',
    method: 'put-v4',
    options: { storageClass: 'FROZEN' },
    code: 'InvalidStorageClass',
    field: 'storageClass',
    invalid: 'storageClass',
  },
  {
    what: 'an unknown storage class in a POST form',
    method: 'post-v4',
    options: { storageClass: 'Standard' }, // OSS's spelling, not S3's
    code: 'InvalidStorageClass',
    field: 'storageClass',
    invalid: 'storageClass',
  },
  {
    what: 'a key over 1023 bytes',
    method: 'put-v4',
    key: `uploads/${'k'.repeat(1100)}`,
    options: {},
    code: 'KeyTooLong',
    field: 'key',
    invalid: 'key',
  },
  {
    what: 'a website redirect that is not a path or URL',
    method: 'post-v4',
    options: { websiteRedirectLocation: 'landing.html' },
    code: 'InvalidRedirectLocation',
    field: 'websiteRedirectLocation',
    invalid: 'websiteRedirectLocation',
  },
  {
    what: 'a metadata value a header cannot carry',
    method: 'put-v4',
    options: { metadata: { ok: 'yes', city: 'Zürich' } },
    code: 'NonAsciiHeaderValue',
    field: 'metadata.city',
    invalid: 'meta-name',
  },
  {
    what: 'object lock without a date',
    method: 'put-v4',
    options: { objectLockMode: 'COMPLIANCE' },
    code: 'IncompleteObjectLock',
    field: 'objectLockRetainUntilDate',
    invalid: 'objectLockRetainUntilDate',
  },
];

for (const c of INVALID) {
  test(`${c.method}: ${c.what} is refused next to its input`, { skip }, async () => {
    const key = c.key ?? `uploads/invalid/${c.code}.bin`;
    const shown = await uploadThroughPage(tab.page, {
      name: 'invalid.bin',
      buffer: Buffer.from('never stored'),
      key,
      method: c.method,
      options: c.options,
    });
    assert.equal(shown.status, 'error', 'the page reported success');
    assert.equal(shown.errorCode, c.code, `error shown: ${shown.errorCode}: ${shown.errorMessage}`);
    assert.equal(shown.errorField, c.field, 'field shown in the result');
    assert.equal(shown.errorStatus, '400', 'the backend refused before signing');
    const notes = await fieldErrors(tab.page);
    assert.equal(notes.length, 1, `one field error shown: ${JSON.stringify(notes)}`);
    assert.equal(notes[0].field, c.field);
    assert.ok(notes[0].text.startsWith(`${c.code}: `), notes[0].text);
    assert.equal(notes[0].invalid, c.invalid, 'the input marked invalid');
    assert.equal(notes[0].ariaInvalid, 'true');
    const focused = await tab.page.evaluate(() => document.activeElement?.id || document.activeElement?.className);
    assert.equal(focused, c.invalid, 'focus moves to the input at fault');
    assert.equal(shown.request.state, 'none', 'no request was signed');
    assert.deepEqual(
      storedFiles(server).filter((f) => f.startsWith('uploads/invalid') || f.length > 1000),
      [],
      'nothing stored',
    );
  });
}

test('the next upload clears the field error', { skip }, async () => {
  const shown = await uploadThroughPage(tab.page, {
    name: 'fixed.txt',
    buffer: Buffer.from('fixed'),
    key: 'uploads/options/fixed.txt',
    method: 'put-v4',
    options: { storageClass: 'REDUCED_REDUNDANCY' },
  });
  assert.equal(shown.status, 'ok', `${shown.errorCode}: ${shown.errorMessage}`);
  assert.deepEqual(await fieldErrors(tab.page), []);
  assert.equal(await tab.page.locator('[aria-invalid]').count(), 0);
});

// The local bucket speaks only S3: the page shows these signed requests and sends nothing.
const PREVIEWS = [
  {
    dialect: 'oss',
    method: 'post-v4',
    options: { storageClass: 'IA', acl: 'default', metadata: { Owner: 'Ann' }, forbidOverwrite: true,
      callback: { url: 'https://example.com/cb', body: 'object=${object}' } },
    url: /^https:\/\/demo\.oss-cn-hangzhou\.aliyuncs\.com\/$/,
    sent: { 'x-oss-storage-class': 'IA', 'x-oss-object-acl': 'default', 'x-oss-meta-owner': 'Ann',
      'x-oss-forbid-overwrite': 'true', 'x-oss-signature-version': 'OSS4-HMAC-SHA256' },
    signed: ['x-oss-signature', 'x-oss-credential', 'policy', 'callback'],
  },
  {
    dialect: 'oss',
    method: 'put-v2',
    options: { storageClass: 'Archive', tagging: 'a=1' },
    url: /^https:\/\/demo\.oss-cn-hangzhou\.aliyuncs\.com\/uploads\/preview\/oss-put-v2\.bin\?.*OSSAccessKeyId=.*Signature=/,
    sent: { 'x-oss-storage-class': 'Archive', 'x-oss-tagging': 'a=1' },
    signed: ['content-md5'],
  },
  {
    dialect: 'obs',
    method: 'post-v2',
    options: { storageClass: 'GLACIER', acl: 'public-read', websiteRedirectLocation: '/x.html' },
    url: /^https:\/\/demo\.obs\.cn-north-4\.myhuaweicloud\.com\/$/,
    sent: { 'x-obs-storage-class': 'COLD', 'x-obs-acl': 'public-read', 'x-obs-website-redirect-location': '/x.html' },
    signed: ['AccessKeyId', 'policy', 'signature'],
  },
  {
    dialect: 'obs',
    method: 'header-v2',
    options: { storageClass: 'STANDARD_IA', metadata: { Team: 'blue' } },
    url: /^https:\/\/demo\.obs\.cn-north-4\.myhuaweicloud\.com\/uploads\/preview\/obs-header-v2\.bin$/,
    sent: { 'x-obs-storage-class': 'WARM', 'x-obs-meta-team': 'blue' },
    signed: ['Authorization', 'x-obs-date'],
  },
  {
    dialect: 'cms',
    method: 'header-v4',
    options: { isEncrypt: true, callback: 'https://example.com/cms-cb', metadata: { owner: 'Ann' } },
    url: /^https:\/\/cms\.example\.com\/object\/demo\/uploads\/preview\/cms-header-v4\.bin$/,
    sent: { 'x-cms-isencrypt': 'true', 'x-cms-callback': 'https://example.com/cms-cb', 'x-cms-meta-owner': 'Ann' },
    signed: ['Authentication'],
  },
];

for (const p of PREVIEWS) {
  test(`${p.dialect} ${p.method}: the signed request is shown, not sent`, { skip }, async () => {
    const key = `uploads/preview/${p.dialect}-${p.method}.bin`;
    const before = storedFiles(server);
    const shown = await uploadThroughPage(tab.page, {
      name: 'preview.bin',
      buffer: Buffer.from('preview'),
      key,
      dialect: p.dialect,
      method: p.method,
      options: p.options,
    });
    assert.equal(shown.status, 'preview', `${shown.errorCode}: ${shown.errorMessage} (${shown.errorField})`);
    assert.equal(shown.request.state, 'preview');
    assert.match(shown.preview, /local bucket speaks only S3/);
    assert.match(shown.request.url, p.url);
    const sent = new Map(shown.request.pairs.map(([n, v]) => [n.toLowerCase(), v]));
    for (const [name, want] of Object.entries(p.sent)) assert.equal(sent.get(name), want, name);
    for (const name of p.signed) assert.ok(sent.get(name.toLowerCase()), `${name} shown`);
    if (p.dialect === 'cms') assert.match(sent.get('authentication'), /^\(hidden: \d+ characters\)$/);
    const help = await tab.page.textContent('#dialect-help');
    assert.match(help, /local bucket speaks only S3/);
    assert.deepEqual(storedFiles(server), before, 'nothing stored');
    assert.ok(!existsSync(objectPath(server, key)));
  });
}

test('an OSS rule is shown next to its input: metadata names are letters, digits and hyphens', { skip }, async () => {
  const shown = await uploadThroughPage(tab.page, {
    name: 'preview.bin',
    buffer: Buffer.from('preview'),
    key: 'uploads/preview/bad-meta.bin',
    dialect: 'oss',
    method: 'put-v4',
    options: { metadata: { good: '1', my_name: '2' } },
  });
  assert.equal(shown.status, 'error');
  assert.equal(shown.errorCode, 'InvalidMetadataName');
  assert.equal(shown.errorField, 'metadata.my_name');
  const notes = await fieldErrors(tab.page);
  assert.equal(notes.length, 1);
  assert.equal(notes[0].invalid, 'meta-name');
  const bad = await tab.page.evaluate(() => document.querySelector('[aria-invalid="true"]').value);
  assert.equal(bad, 'my_name', 'the offending metadata row is marked');
});

test('the storage class suggestions and options follow the dialect', { skip }, async () => {
  const values = async (dialect) => {
    await tab.page.selectOption('#dialect', dialect);
    return tab.page.evaluate(() => ({
      classes: [...document.querySelectorAll('#storageClass-values option')].map((o) => o.value),
      methods: [...document.querySelectorAll('#method option')].map((o) => o.value),
      tagging: !document.getElementById('tagging').closest('[hidden]'),
      storage: !document.getElementById('storageClass').closest('[hidden]'),
      isEncrypt: !document.getElementById('isEncrypt').closest('[hidden]'),
    }));
  };
  const oss = await values('oss');
  assert.deepEqual(oss.classes, ['Standard', 'IA', 'Archive', 'ColdArchive', 'DeepColdArchive']);
  assert.ok(oss.tagging && !oss.isEncrypt);
  const obs = await values('obs');
  assert.deepEqual(obs.classes, ['STANDARD', 'STANDARD_IA', 'GLACIER', 'DEEP_ARCHIVE']);
  assert.deepEqual(obs.methods, ['post-v2', 'put-v2', 'header-v2'], 'OBS native signs with version v2 only');
  assert.ok(!obs.tagging);
  const cms = await values('cms');
  assert.deepEqual(cms.methods, ['header-v4']);
  assert.ok(!cms.storage && cms.isEncrypt);
  const s3 = await values('s3');
  assert.ok(s3.classes.includes('GLACIER_IR') && s3.tagging && !s3.isEncrypt);
});

test('the page never saw the secret key', { skip }, async () => {
  await tab.assertNeverSaw(server.secretKey);
});
