// The typed object options from JavaScript: flat in the options object (serde-wasm-bindgen
// through the core's #[serde(flatten)]), refused with a BucketUploadError naming the option, and
// turned into exactly the headers the vendors' own SDKs send:
// - S3: @aws-sdk/client-s3 PutObjectCommand + getSignedUrl (which also computes the SSE-C key's
//   MD5 itself), byte for byte on the whole URL;
// - OSS: ali-oss's encodeCallback for x-oss-callback / x-oss-callback-var.
//
// SDK configuration for the S3 comparison (on top of sdk-presign-put.test.mjs's): every x-amz-*
// header is listed in unhoistableHeaders (the presigner otherwise moves x-amz-acl, -storage-class,
// -tagging, -meta-*, ... into the query) and Content-Type and Cache-Control in signableHeaders
// (the presigner never signs content-type by default; signature-v4 never signs cache-control).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

import { NOW, assertSame, credentialsFor, guarded } from './inputs.mjs';
import { presignPut, signPostForm, signPutHeaders, skip } from './load.mjs';

const require = createRequire(import.meta.url);
const { encodeCallback } = require('ali-oss/lib/common/callback.js');

const credentials = credentialsFor({});
const target = { endpoint: 'https://s3.eu-west-1.amazonaws.com', bucket: 'example-bucket', region: 'eu-west-1', credentials, now: NOW };
// Bytes 0..31 as an SSE-C key.
const SSE_C_KEY = Buffer.from(Array.from({ length: 32 }, (_, i) => i)).toString('base64');

test('flat typed options become POST form fields, after the raw ones', { skip }, () => {
  const form = signPostForm({
    ...target, key: 'a.txt',
    fields: { 'Content-Type': 'text/plain' },
    acl: 'public-read', storageClass: 'GLACIER', metadata: { owner: 'ann', n: 2 },
    tagging: { a: 'b' }, successActionStatus: 201,
    contentMd5: { base64: 'XUFAKrxLKna5cZ2REBfFkg==', hex: '5d41402abc4b2a76b9719d911017c592' },
  });
  const names = form.fields.map(([n]) => n);
  assert.deepEqual(names.slice(0, 10), [
    'key', 'Content-Type', 'Content-MD5', 'acl', 'x-amz-storage-class', 'tagging',
    'x-amz-meta-owner', 'x-amz-meta-n', 'success_action_status', 'x-amz-algorithm',
  ]);
  const get = (n) => form.fields.find(([k]) => k === n)[1];
  assert.equal(get('x-amz-meta-n'), '2');
  assert.equal(get('success_action_status'), '201');
  const policy = JSON.parse(Buffer.from(get('policy'), 'base64').toString('utf8'));
  assert.ok(policy.conditions.some((c) => c.acl === 'public-read'), JSON.stringify(policy));
});

test('a bad typed option is a BucketUploadError naming the option and the allowed values', { skip }, () => {
  const cases = [
    [{ acl: 'everyone' }, 'InvalidAcl', 'acl'],
    [{ storageClass: 'IA' }, 'InvalidStorageClass', 'storageClass'],
    [{ successActionStatus: 201 }, 'UnsupportedOption', 'successActionStatus'],
    [{ tagging: 'a=%zz' }, 'InvalidTagging', 'tagging'],
    [{ metadata: { city: 'Zürich' } }, 'NonAsciiHeaderValue', 'metadata.city'],
    [{ sseCustomerAlgorithm: 'AES256', sseCustomerKey: 'c2hvcnQ=' }, 'InvalidSseCustomerKey', 'sseCustomerKey'],
  ];
  for (const [extra, code, field] of cases) {
    assert.throws(() => presignPut({ ...target, key: 'a.txt', ...extra }), (e) => {
      assert.equal(e.name, 'BucketUploadError');
      assert.equal(e.code, code, e.message);
      assert.equal(e.field, field, e.message);
      assert.ok(!e.message.includes('c2hvcnQ='), 'the SSE-C key leaked into the message');
      return true;
    });
  }
  assert.throws(() => presignPut({ ...target, key: 'a.txt', acl: 'default' }), /private, public-read, public-read-write, authenticated-read, aws-exec-read/);
});

const S3_CASE = {
  ours: {
    contentType: 'text/plain', cacheControl: 'no-cache', contentDisposition: 'attachment; filename="a.txt"',
    contentEncoding: 'gzip', expires: 'Thu, 01 Jan 2032 00:00:00 GMT', acl: 'bucket-owner-full-control',
    storageClass: 'STANDARD_IA', tagging: { 'a b': 'c&d', e: '' }, metadata: { 'Owner-Name': 'ann' },
    websiteRedirectLocation: '/other.html', objectLockMode: 'COMPLIANCE', objectLockRetainUntilDate: '2030-09-24T16:10:25Z',
    sseCustomerAlgorithm: 'AES256', sseCustomerKey: SSE_C_KEY,
  },
  sdk: {
    ContentType: 'text/plain', CacheControl: 'no-cache', ContentDisposition: 'attachment; filename="a.txt"',
    ContentEncoding: 'gzip', Expires: new Date('2032-01-01T00:00:00Z'), ACL: 'bucket-owner-full-control',
    StorageClass: 'STANDARD_IA', Tagging: 'a%20b=c%26d&e=', Metadata: { 'Owner-Name': 'ann' },
    WebsiteRedirectLocation: '/other.html', ObjectLockMode: 'COMPLIANCE', ObjectLockRetainUntilDate: new Date('2030-09-24T16:10:25Z'),
    SSECustomerAlgorithm: 'AES256', SSECustomerKey: SSE_C_KEY,
  },
};

async function sdkUrl(c, key) {
  const client = new S3Client({ region: target.region, credentials, requestChecksumCalculation: 'WHEN_REQUIRED' });
  client.middlewareStack.add((next) => async (args) => {
    if (args.request && args.request.query) delete args.request.query['x-id'];
    return next(args);
  }, { step: 'build', name: 'bucketUploadDropXId' });
  const amz = [
    'x-amz-content-sha256', 'x-amz-acl', 'x-amz-storage-class', 'x-amz-tagging', 'x-amz-meta-owner-name',
    'x-amz-website-redirect-location', 'x-amz-object-lock-mode', 'x-amz-object-lock-retain-until-date',
  ];
  return getSignedUrl(client, new PutObjectCommand({ Bucket: target.bucket, Key: key, ...c.sdk }), {
    expiresIn: 900, signingDate: NOW,
    signableHeaders: new Set(['content-type', 'cache-control']),
    unsignableHeaders: new Set(['x-amz-content-sha256']),
    unhoistableHeaders: new Set(amz),
  });
}

test('S3: every typed option is signed exactly as @aws-sdk/client-s3 signs PutObject', { skip }, async () => {
  const sdk = await sdkUrl(S3_CASE, 'uploads/a.txt');
  const ours = await guarded('presignPut', () => presignPut({ ...target, key: 'uploads/a.txt', ...S3_CASE.ours }));
  assertSame(ours, sdk, 'presigned PUT URL with typed options');
});

test('OSS: x-oss-callback and x-oss-callback-var equal ali-oss encodeCallback', { skip }, async () => {
  const callback = {
    url: 'https://example.com/cb?a=1&b=é x', body: 'bucket=${bucket}&object=${object}&v=${x:v}',
    host: 'example.com', contentType: 'application/json', callbackSNI: true, customValue: { v: '1', w: '文' },
  };
  const expected = {};
  encodeCallback(expected, { callback });
  const r = await guarded('signPutHeaders', () => signPutHeaders({
    dialect: 'oss', version: 'v4', endpoint: 'https://oss-cn-hangzhou.aliyuncs.com', bucket: 'examplebucket', region: 'cn-hangzhou',
    credentials, now: NOW, key: 'k', callback,
  }));
  assertSame(r.headers['x-oss-callback'], expected.headers['x-oss-callback'], 'x-oss-callback', ['ours', 'ali-oss']);
  assertSame(r.headers['x-oss-callback-var'], expected.headers['x-oss-callback-var'], 'x-oss-callback-var', ['ours', 'ali-oss']);
});
