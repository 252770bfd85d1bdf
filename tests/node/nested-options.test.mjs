// Options read by the module's own reader (no serde): nested type errors name the option's
// path, flattened object options don't swallow an operation's own names, and blank strings
// mean "not given" on every operation.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pkg, skip } from './load.mjs';

const base = { endpoint: 'http://127.0.0.1:9000', bucket: 'demo', pathStyle: true, key: 'uploads/a.txt',
  credentials: { accessKeyId: 'AK', secretAccessKey: 'SK' }, now: new Date('2026-01-02T03:04:05Z') };
const wrong = (field, words) => (e) => e.name === 'BucketUploadError' && e.code === 'InvalidOptionType'
  && e.field === field && e.message.includes(words) && !/serde|invalid type|i64|u32/.test(e.message);

test('nested type errors name the path and say what it must be', { skip }, () => {
  const part = { ...base, operation: 'complete', uploadId: 'u1' };
  assert.throws(() => pkg.signMultipart({ ...part, parts: [{ partNumber: 1.5, etag: '"e"' }] }), wrong('parts[0].partNumber', 'a whole number'));
  assert.throws(() => pkg.signMultipart({ ...part, parts: [{ partNumber: 1, etag: 7 }] }), wrong('parts[0].etag', 'a string'));
  assert.throws(() => pkg.signMultipart({ ...part, parts: { 1: 'e' } }), wrong('parts', 'a list'));
  assert.throws(() => pkg.signMultipart({ ...part, parts: [{ partNumber: 1 }] }), (e) => e.code === 'MissingOption' && e.field === 'parts[0].etag');
  assert.throws(() => pkg.signPostForm({ ...base, dialect: 'oss', callback: { url: 'https://cb.example.com', body: 'b', callbackSNI: 'yes' } }), wrong('callback.callbackSNI', 'true or false'));
  assert.throws(() => pkg.signPostForm({ ...base, dialect: 'oss', callback: { url: 'https://cb.example.com', body: 'b', bodyy: 'x' } }), (e) => e.code === 'UnknownOption' && e.field === 'callback.bodyy');
  assert.throws(() => pkg.presignPut({ ...base, dialect: 'gcs' }), wrong('dialect', '"s3", "oss", "obs" or "cms"'));
  assert.throws(() => pkg.presignPut({ ...base, checksumAlgorithm: 'MD5' }), wrong('checksumAlgorithm', '"CRC32C"'));
  assert.throws(() => pkg.signMultipart({ ...base, operation: 'upload' }), wrong('operation', '"uploadPart"'));
  assert.throws(() => pkg.presignPut({ ...base, tagging: 5 }), wrong('tagging', 'TagA=A'));
  assert.throws(() => pkg.presignPut({ ...base, endpoint: undefined }), (e) => e.code === 'MissingOption' && e.field === 'endpoint');
  // BigInt, Symbol and functions where a string belongs are type errors too, and the module still works.
  for (const v of [10n, Symbol('k'), () => 'k', new Date()]) {
    assert.throws(() => pkg.presignPut({ ...base, key: v }), (e) => e.name === 'BucketUploadError' && e.field === 'key');
  }
  assert.ok(pkg.presignPut(base).includes('X-Amz-Signature='));
});

// Regression: with serde's flatten, the upload's `checksumAlgorithm` also went into the object
// options of uploadPart/complete/listParts/abort, where it was refused (a Node signer and
// uploadFile({ credentials, checksum }) could not sign a part).
test('checksumAlgorithm names the upload\'s algorithm on every multipart operation', { skip }, () => {
  const op = { ...base, uploadId: 'u1', checksumAlgorithm: 'CRC32C' };
  const part = pkg.signMultipart({ ...op, operation: 'uploadPart', partNumber: 1, checksum: 'AAAAAA==' });
  assert.equal(new Headers(part.headers).get('x-amz-checksum-crc32c') ?? new URL(part.url).searchParams.get('x-amz-checksum-crc32c'), 'AAAAAA==');
  const done = pkg.signMultipart({ ...op, operation: 'complete', parts: [{ partNumber: 1, etag: '"e"', checksum: 'AAAAAA==' }] });
  assert.match(done.body, /<ChecksumCRC32C>AAAAAA==<\/ChecksumCRC32C>/);
  for (const operation of ['listParts', 'abort']) {
    assert.doesNotThrow(() => pkg.signMultipart({ ...op, operation }), operation);
  }
});

test('a blank string is "not given" on every operation', { skip }, () => {
  const part = { ...base, operation: 'uploadPart', uploadId: 'u1', partNumber: 1 };
  assert.deepEqual(pkg.signMultipart({ ...part, contentType: '', cacheControl: '' }), pkg.signMultipart(part));
  assert.equal(pkg.presignPut({ ...base, storageClass: '', acl: '' }), pkg.presignPut(base));
});
