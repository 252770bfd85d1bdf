// The CMS token PUT of seed 000 through the npm package: `PUT /object/{bucket}/{objectName}`
// with `Authentication: <token>` (from credentials.sessionToken) and the x-cms-* headers passed
// through; metadata over 8 KB is a typed error naming the field and the limit. There is no SDK for
// this API: expected values are the seed's URL template and header names, written out by hand.

import { guarded } from './inputs.mjs';
import { presignPut, signPostForm, signPutHeaders, skip } from './load.mjs';

import { test } from 'node:test';
import assert from 'node:assert/strict';

const TOKEN = 'cms-token-0123456789';
const options = (extra = {}) => ({
  dialect: 'cms',
  endpoint: 'https://cms.example.com',
  bucket: 'media',
  key: 'reports/2026 Q1 ☃.pdf',
  credentials: { sessionToken: TOKEN },
  ...extra,
});

test('signPutHeaders(cms): the seed 000 URL and headers', { skip }, async () => {
  const r = await guarded('signPutHeaders', () =>
    signPutHeaders(
      options({
        headers: {
          'Content-MD5': '1B2M2Y8AsgTpgAmY7PhCfg==',
          'x-cms-isEncrypt': 'false',
          'x-cms-callback': 'https://app.example.com/uploaded',
          'x-cms-meta-Owner': 'ann',
        },
      }),
    ),
  );
  assert.equal(r.method, 'PUT');
  assert.equal(r.url, 'https://cms.example.com/object/media/reports/2026%20Q1%20%E2%98%83.pdf');
  assert.deepEqual(r.headers, {
    'Content-MD5': '1B2M2Y8AsgTpgAmY7PhCfg==',
    'x-cms-isEncrypt': 'false',
    'x-cms-callback': 'https://app.example.com/uploaded',
    'x-cms-meta-Owner': 'ann',
    Authentication: TOKEN,
  });
});

test('signPutHeaders(cms): metadata over 8 KB is refused, naming the field and the limit', { skip }, () => {
  const value = 'x'.repeat(8 * 1024);
  assert.throws(
    () => signPutHeaders(options({ headers: { 'x-cms-meta-a': value } })),
    (e) => e.code === 'MetadataTooLarge' && e.field === 'x-cms-meta-*' && /8192/.test(e.message) && !e.message.includes(TOKEN),
  );
});

test('signPutHeaders(cms): no token, no request', { skip }, () => {
  assert.throws(() => signPutHeaders(options({ credentials: {} })), (e) => e.code === 'MissingCredentials' && e.field === 'credentials.sessionToken');
});

test('cms has no presigned URL and no POST form', { skip }, () => {
  assert.throws(() => presignPut(options()), (e) => e.code === 'UnsupportedDialect' && e.field === 'dialect');
  assert.throws(() => signPostForm(options({ key: 'a.txt' })), (e) => e.code === 'UnsupportedDialect');
});
