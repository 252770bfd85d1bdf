// Differential test of presignGet (response overrides, versionId, OSS trafficLimit) on the built
// package against the vendors' SDKs, live: @aws-sdk/s3-request-presigner (s3 v4, byte for byte),
// aws-sdk v2 (s3 v2), ali-oss signatureUrl / signatureUrlV4 (oss V1 / V4), esdk-obs-browserjs
// createSignedUrlSync (obs) — see presign-get-oracle.mjs for the calls and the normalisations.
// Also: the recorded fixtures tests/presign_get.rs reads still equal the live SDKs; the SDK's
// SigV4 GET equals an independent node:crypto presigner; and errors reach JavaScript typed.
// Re-record with: node tests/node/presign-get-record.mjs

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createHash, createHmac } from 'node:crypto';
import { test } from 'node:test';
import { assertSame, credentialsFor, guarded } from './inputs.mjs';
import { pkg, skip } from './load.mjs';
import { DIALECTS, S3_CASES, comparable, fixtureName, ourGetOptions, queryOf, sdkUrl } from './presign-get-oracle.mjs';

const fixture = (dialect, c) =>
  JSON.parse(readFileSync(new URL(`../vectors/presign-get/${fixtureName(dialect, c)}.json`, import.meta.url), 'utf8'));

for (const { dialect, cases, versions } of DIALECTS) {
  for (const version of versions) {
    test(`${dialect} ${version}: the recorded fixtures are what the SDK signs today`, async () => {
      for (const c of cases) {
        assertSame(fixture(dialect, c).sdk[version], await sdkUrl(dialect, version, c), `${c.name}`, ['fixture', 'SDK']);
      }
    });
    test(`${dialect} ${version}: presignGet equals the SDK's presigned GET`, { skip }, async () => {
      for (const c of cases) {
        const ours = await guarded('presignGet', () => pkg.presignGet(ourGetOptions(dialect, version, c)));
        const sdk = await sdkUrl(dialect, version, c);
        assertSame(comparable(dialect, version, ours), comparable(dialect, version, sdk), `${c.name}`);
      }
    });
  }
}

// An independent SigV4 query presigner for GET (node:crypto only): host is the one signed header,
// every query parameter is in the canonical query, sorted, RFC 3986-escaped.
const rfc3986 = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
const hmac = (key, s) => createHmac('sha256', key).update(s, 'utf8').digest();
function referencePresignGet(c) {
  const endpoint = new URL(c.endpoint);
  const host = c.pathStyle ? endpoint.host : `${c.bucket}.${endpoint.host}`;
  const path = `/${c.pathStyle ? `${c.bucket}/` : ''}${c.key.split('/').map(rfc3986).join('/')}`;
  const cred = credentialsFor(c);
  const scope = `20260102/${c.region}/s3/aws4_request`;
  const query = {
    ...queryOf(c),
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': `${cred.accessKeyId}/${scope}`,
    'X-Amz-Date': '20260102T030405Z',
    'X-Amz-Expires': String(c.expiresIn),
    ...(c.sessionToken ? { 'X-Amz-Security-Token': c.sessionToken } : {}),
    'X-Amz-SignedHeaders': 'host',
  };
  const qs = (q) => Object.keys(q).sort().map((k) => `${rfc3986(k)}=${rfc3986(q[k])}`).join('&');
  const creq = ['GET', path, qs(query), `host:${host}`, '', 'host', 'UNSIGNED-PAYLOAD'].join('\n');
  const sts = ['AWS4-HMAC-SHA256', '20260102T030405Z', scope, createHash('sha256').update(creq, 'utf8').digest('hex')].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${cred.secretAccessKey}`, '20260102'), c.region), 's3'), 'aws4_request');
  const signature = createHmac('sha256', key).update(sts, 'utf8').digest('hex');
  return `${endpoint.protocol}//${host}${path}?${qs({ ...query, 'X-Amz-Signature': signature })}`;
}

test('s3 v4: the configured SDK signs the standard SigV4 presigned GET', async () => {
  for (const c of S3_CASES) assertSame(await sdkUrl('s3', 'v4', c), referencePresignGet(c), c.name, ['SDK', 'node:crypto']);
});

test('bad values reach JavaScript as typed errors naming the option', { skip }, () => {
  const base = ourGetOptions('oss', 'v4', S3_CASES[0]);
  const typed = (code, field) => (e) => e.name === 'BucketUploadError' && e.code === code && e.field === field;
  assert.throws(() => pkg.presignGet({ ...base, responseContentDisposition: 'a\r\nb' }), typed('InvalidHeaderValue', 'responseContentDisposition'));
  assert.throws(() => pkg.presignGet({ ...base, responseExpires: '2026-01-02' }), typed('InvalidResponseExpires', 'responseExpires'));
  assert.throws(() => pkg.presignGet({ ...base, trafficLimit: 1 }), typed('InvalidTrafficLimit', 'trafficLimit'));
  assert.throws(() => pkg.presignGet({ ...base, trafficLimit: 'fast' }), typed('InvalidOptionType', 'trafficLimit'));
  assert.throws(() => pkg.presignGet({ ...base, dialect: 's3', trafficLimit: 819200 }), typed('UnsupportedOption', 'trafficLimit'));
  assert.throws(() => pkg.presignGet({ ...base, responsecontenttype: 'x' }), typed('UnknownOption', 'responsecontenttype'));
  assert.throws(() => pkg.presignGet({ ...base, contentType: 'x' }), typed('UnknownOption', 'contentType'));
});
