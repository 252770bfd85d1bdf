// presignPutRequest: the same URL as presignPut, plus every header the upload must send — the
// caller's and those typed options add (an SSE-C key's MD5, URL-encoded tagging). The key's MD5
// is checked with node:crypto, the tagging encoding with URLSearchParams.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { pkg, skip } from './load.mjs';

const key = Buffer.alloc(32, 7).toString('base64');
const options = {
  endpoint: 'http://127.0.0.1:9000', bucket: 'demo', pathStyle: true, key: 'uploads/a b.txt',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-real-secret' },
  now: new Date('2026-01-02T03:04:05Z'), expiresIn: 600,
  headers: { 'Content-Type': 'text/plain' },
  sseCustomerAlgorithm: 'AES256', sseCustomerKey: key, tagging: { 'a b': 'c&d', e: '' },
};

test('presignPutRequest returns the URL and every header to send', { skip }, () => {
  const { url, headers } = pkg.presignPutRequest(options);
  assert.equal(url, pkg.presignPut(options));
  assert.equal(headers['Content-Type'], 'text/plain');
  const md5 = createHash('md5').update(Buffer.from(key, 'base64')).digest('base64');
  assert.equal(headers['x-amz-server-side-encryption-customer-key-MD5'], md5);
  const tags = new URLSearchParams(headers['x-amz-tagging']);
  assert.deepEqual([...tags], [['a b', 'c&d'], ['e', '']]);
  const signed = new URL(url).searchParams.get('X-Amz-SignedHeaders').split(';');
  for (const name of Object.keys(headers)) assert.ok(signed.includes(name.toLowerCase()), `${name} is signed`);
});
