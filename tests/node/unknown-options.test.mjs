// A misspelled option is an UnknownOption error naming it and the nearest valid name — before,
// `storageclass` or `contentype` was silently ignored and the upload went out without them.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pkg, skip } from './load.mjs';

const base = { endpoint: 'http://127.0.0.1:9000', bucket: 'demo', pathStyle: true, key: 'uploads/a.txt',
  credentials: { accessKeyId: 'AK', secretAccessKey: 'SK' }, now: new Date('2026-01-02T03:04:05Z') };
const unknown = (field, meant) => (e) =>
  e.name === 'BucketUploadError' && e.code === 'UnknownOption' && e.field === field && (!meant || e.message.includes(`did you mean \`${meant}\``));

test('misspelled options of every signer are refused with a suggestion', { skip }, () => {
  for (const [typo, meant] of [['storageclass', 'storageClass'], ['contentype', 'contentType'], ['expiresin', 'expiresIn'], ['pathstyle', 'pathStyle']]) {
    for (const f of [pkg.presignPut, pkg.presignPutRequest, pkg.signPutHeaders, pkg.signPostForm]) {
      assert.throws(() => f({ ...base, [typo]: 'x' }), unknown(typo, meant), `${f.name} ${typo}`);
    }
    assert.throws(() => pkg.signMultipart({ ...base, operation: 'create', [typo]: 'x' }), unknown(typo, meant));
  }
  assert.throws(() => pkg.presignPut({ ...base, credentials: { ...base.credentials, sessiontoken: 't' } }), unknown('credentials.sessiontoken', 'credentials.sessionToken'));
  assert.throws(() => pkg.signPolicy('e30=', { credentials: base.credentials, expiresIn: 5 }), unknown('expiresIn'));
  assert.throws(() => pkg.uploadFile(new Blob(['x']), { ...base, concurency: 2 }), unknown('concurency', 'concurrency'));
});

test('misspelled read and upload options are refused too', { skip }, async () => {
  await assert.rejects(pkg.contentMd5(new Blob(['x']), { chunksize: 1 }), unknown('chunksize', 'chunkSize'));
  await assert.rejects(pkg.putObject(new Blob(['x']), { url: 'http://127.0.0.1:9/' }, { onprogress: () => {} }), unknown('onprogress', 'onProgress'));
  // The documented names still work.
  assert.ok(pkg.presignPut({ ...base, storageClass: 'STANDARD_IA', contentType: 'text/plain', expiresIn: 60 }).includes('X-Amz-Signature='));
});

test('type errors name the option and say what it must be, in plain words', { skip }, () => {
  const wrong = (field, words) => (e) => e.name === 'BucketUploadError' && e.code === 'InvalidOptionType' && e.field === field && e.message.includes(words) && !/serde|i64|u64|invalid type/.test(e.message);
  assert.throws(() => pkg.presignPut({ ...base, expiresIn: 1.5 }), wrong('expiresIn', 'must be a whole number of seconds'));
  assert.throws(() => pkg.presignPut({ ...base, contentLength: -1 }), wrong('contentLength', 'must be a non-negative integer'));
  assert.throws(() => pkg.presignPut({ ...base, metadata: { owner: { name: 'ann' } } }), wrong('metadata.owner', 'must be a string or a number'));
  assert.throws(() => pkg.signPostForm({ ...base, pathStyle: 'yes' }), wrong('pathStyle', 'must be true or false'));
  assert.throws(() => pkg.signPutHeaders({ ...base, bucket: 42 }), wrong('bucket', 'must be a string'));
  assert.throws(() => pkg.presignPut({ ...base, credentials: { accessKeyId: 7, secretAccessKey: 'SK' } }), wrong('credentials.accessKeyId', 'must be a string'));
  // A past expiry is still the rule's own error, not a type error.
  assert.throws(() => pkg.presignPut({ ...base, expiresIn: -5 }), (e) => e.code === 'ExpirationNotInFuture');
});
