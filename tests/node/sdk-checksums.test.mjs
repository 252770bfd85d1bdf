// Differential test: S3's additional checksums on single uploads, ours vs AWS SDK v3, for every
// case in inputs.mjs and each of CRC32, CRC32C, CRC64NVME and SHA256.
//
// What the SDK does with PutObjectCommand({ ChecksumCRC32C: v, ... }) (the value given, not
// computed): S3Client sends `x-amz-checksum-crc32c: v` — signed — and nothing else about it (no
// x-amz-sdk-checksum-algorithm, which only names an algorithm the SDK is asked to compute), with
// requestChecksumCalculation WHEN_SUPPORTED (the default) and WHEN_REQUIRED alike; getSignedUrl
// hoists it into the query unless it is listed in unhoistableHeaders. This module keeps every
// x-amz-* option a signed header, so the comparison unhoists it (as sdk-presign-put.test.mjs does
// for x-amz-meta-*), and then the URLs are byte for byte the same.
//
// The values themselves come from outside our code three ways: the SDK computing the checksum of
// the body (PutObjectCommand({ Body, ChecksumAlgorithm })), hash-wasm's CRCs and node:crypto's
// SHA-256 — and digests() must give each of them.
//
// POST: createPresignedPost with the fields x-amz-checksum-<alg> and x-amz-checksum-algorithm
// (S3's POST Object form fields) vs signPostForm({ checksumCrc32c }): same fields, same policy
// conditions (each field pinned).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { crc32, crc64 } from 'hash-wasm';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';

import {
  CASES, NOW, assertSame, assertSameDeep, atFixedInstant, credentialsFor, decodePolicy, fieldMap,
  guarded, metaName, normalizeConditions, ourPostOptions, ourPutOptions,
} from './inputs.mjs';
import { pkg, presignPut, signPostForm, signPutHeaders, skip } from './load.mjs';

/** [S3 name, SDK input member, our option, digests() name, x-amz-checksum header]. */
const ALGORITHMS = [
  ['CRC32', 'ChecksumCRC32', 'checksumCrc32', 'crc32'],
  ['CRC32C', 'ChecksumCRC32C', 'checksumCrc32c', 'crc32c'],
  ['CRC64NVME', 'ChecksumCRC64NVME', 'checksumCrc64nvme', 'crc64nvme'],
  ['SHA256', 'ChecksumSHA256', 'checksumSha256', 'sha256'],
].map(([name, member, option, digest]) => ({ name, member, option, digest, header: `x-amz-checksum-${digest}` }));

const b64hex = (hex) => Buffer.from(hex, 'hex').toString('base64');

/** Independent values: hash-wasm's CRCs (polynomials as the CRC catalogue gives them), node:crypto. */
async function reference(a, body) {
  const bytes = Buffer.from(body, 'utf8');
  switch (a.name) {
    case 'CRC32': return b64hex(await crc32(bytes));
    case 'CRC32C': return b64hex(await crc32(bytes, 0x82f63b78));
    case 'CRC64NVME': return b64hex(await crc64(bytes, '9a6c9329ac4bc9b5'));
    default: return createHash('sha256').update(bytes).digest('base64');
  }
}

function client(c, calculation = 'WHEN_REQUIRED') {
  const s3 = new S3Client({
    region: c.region, endpoint: c.endpoint, forcePathStyle: c.pathStyle,
    credentials: credentialsFor(c), requestChecksumCalculation: calculation,
  });
  s3.middlewareStack.add((next) => async (args) => {
    if (args.request && args.request.query) delete args.request.query['x-id'];
    return next(args);
  }, { step: 'build', name: 'bucketUploadDropXId' });
  return s3;
}

/** The headers S3Client sends for `input` (signed, then captured instead of sent). */
async function sdkSentHeaders(c, input, calculation) {
  const s3 = client(c, calculation);
  let sent;
  s3.middlewareStack.add((next) => async (args) => {
    sent = { ...args.request.headers };
    return { response: { statusCode: 200, headers: {}, body: new Uint8Array() }, output: {} };
  }, { step: 'finalizeRequest', name: 'bucketUploadCapture', priority: 'low' });
  await s3.send(new PutObjectCommand({ Bucket: c.bucket, Key: c.key, ...input })).catch(() => {});
  assert.ok(sent, 'the SDK sent nothing');
  return sent;
}

/** The checksum the SDK computes itself for the case's body. */
async function sdkComputed(c, a) {
  const sent = await sdkSentHeaders(c, { Body: c.body, ChecksumAlgorithm: a.name }, 'WHEN_REQUIRED');
  return sent[a.header];
}

function sdkInput(c, a, value) {
  return { ContentType: c.contentType, ContentMD5: c.contentMd5, Metadata: c.metadata, [a.member]: value };
}

async function sdkPresign(c, a, value, calculation) {
  const meta = Object.keys(c.metadata).map((k) => metaName(k).toLowerCase());
  return getSignedUrl(client(c, calculation), new PutObjectCommand({ Bucket: c.bucket, Key: c.key, ...sdkInput(c, a, value) }), {
    expiresIn: c.expiresIn, signingDate: NOW,
    signableHeaders: new Set(['content-type']),
    unsignableHeaders: new Set(['x-amz-content-sha256']),
    unhoistableHeaders: new Set(['x-amz-content-sha256', a.header, ...meta]),
  });
}

// Headers that are the SDK's transport, identity and signature, not the object's.
const SDK_OWN = /^(host|content-length|user-agent|x-amz-user-agent|amz-sdk-.*|x-amz-date|x-amz-content-sha256|x-amz-security-token|authorization)$/;
const objectHeaders = (h) => Object.fromEntries(
  Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]).filter(([k]) => !SDK_OWN.test(k)).sort(([x], [y]) => (x < y ? -1 : 1)),
);
const signedNames = (authorization) => /SignedHeaders=([^,]+)/.exec(authorization)[1].split(';');

// ---------------------------------------------------------------------------------------------
// The oracles alone (no pkg/ needed).

test('SDK oracle: the checksum the SDK computes for each body equals hash-wasm / node:crypto', async () => {
  for (const c of CASES) {
    for (const a of ALGORITHMS) assertSame(await sdkComputed(c, a), await reference(a, c.body), `${c.name}: ${a.name}`, ['SDK', 'reference']);
  }
});

test('SDK oracle: a given checksum is one signed header, no x-amz-sdk-checksum-algorithm, in both calculation modes', async () => {
  const c = CASES[0];
  for (const a of ALGORITHMS) {
    const value = await reference(a, c.body);
    for (const mode of ['WHEN_SUPPORTED', 'WHEN_REQUIRED']) {
      const sent = await sdkSentHeaders(c, { Body: c.body, [a.member]: value }, mode);
      const checksumHeaders = Object.keys(sent).filter((k) => /checksum/i.test(k));
      assertSameDeep(checksumHeaders, [a.header], `${a.name} ${mode}: checksum headers sent`, ['SDK', 'wanted']);
      assert.ok(signedNames(sent.authorization).includes(a.header), `${a.name} ${mode}: ${a.header} is signed`);
    }
    assertSame(await sdkPresign(c, a, value, 'WHEN_SUPPORTED'), await sdkPresign(c, a, value, 'WHEN_REQUIRED'),
      `${a.name}: presigned URL in both modes`, ['WHEN_SUPPORTED', 'WHEN_REQUIRED']);
  }
});

// ---------------------------------------------------------------------------------------------
// Ours vs the SDK.

test('digests() gives every checksum exactly as the SDK computes it', { skip }, async () => {
  for (const c of CASES) {
    const d = await pkg.digests(new Blob([c.body]), { algorithms: ALGORITHMS.map((a) => a.digest), worker: false });
    for (const a of ALGORITHMS) {
      const ours = a.name === 'SHA256' ? d.sha256.base64 : d[a.digest];
      assertSame(ours, await sdkComputed(c, a), `${c.name}: digests().${a.digest}`);
    }
  }
});

for (const a of ALGORITHMS) {
  for (const c of CASES) {
    test(`presignPut(${a.option}) URL equals getSignedUrl(PutObjectCommand({ ${a.member} })): ${c.name}`, { skip }, async () => {
      const value = await reference(a, c.body);
      const ours = await guarded('presignPut', () => presignPut({ ...ourPutOptions(c), [a.option]: value }));
      assertSame(ours, await sdkPresign(c, a, value, 'WHEN_REQUIRED'), 'presigned PUT URL');
      assert.match(ours, new RegExp(`X-Amz-SignedHeaders=[^&]*${a.header}`), 'the checksum header is signed');
      // The same through checksumAlgorithm + digests (what digests(file) resolves to).
      const digests = a.name === 'SHA256' ? { sha256: { base64: value, hex: '' } } : { [a.digest]: value };
      const viaDigests = await guarded('presignPut', () => presignPut({ ...ourPutOptions(c), checksumAlgorithm: a.name, digests }));
      assertSame(viaDigests, ours, 'checksumAlgorithm + digests', ['via digests', 'via option']);
    });

    test(`signPutHeaders(${a.option}) sends the object headers S3Client sends for PutObject({ ${a.member} }): ${c.name}`, { skip }, async () => {
      const value = await reference(a, c.body);
      const sent = await sdkSentHeaders(c, { Body: c.body, ...sdkInput(c, a, value) }, 'WHEN_SUPPORTED');
      const ours = await guarded('signPutHeaders', () => signPutHeaders({ ...ourPutOptions(c), [a.option]: value }));
      assertSameDeep(objectHeaders(ours.headers), objectHeaders(sent), 'headers besides the signature and transport');
      assertSame(objectHeaders(ours.headers)[a.header], value, `${a.header} sent`);
      const signed = (h) => signedNames(h.authorization ?? h.Authorization).filter((n) => !SDK_OWN.test(n));
      assertSameDeep(signed(ours.headers), signed(sent), 'signed object headers');
    });
  }
}

for (const a of ALGORITHMS) {
  test(`signPostForm(${a.option}) has the fields and conditions of createPresignedPost with the checksum fields`, { skip }, async () => {
    for (const c of CASES) {
      const value = await reference(a, c.body);
      const fields = { ...c.post.fields, [a.header]: value, 'x-amz-checksum-algorithm': a.name };
      const sdk = await atFixedInstant(() => createPresignedPost(new S3Client({
        region: c.region, endpoint: c.endpoint, forcePathStyle: c.pathStyle, credentials: credentialsFor(c),
      }), { Bucket: c.bucket, Key: c.key, Conditions: c.post.conditions, Fields: fields, Expires: c.expiresIn }));
      const ours = await guarded('signPostForm', () => signPostForm({ ...ourPostOptions(c), [a.option]: value }));
      const ourFields = fieldMap(ours.fields);
      const sdkFields = fieldMap(sdk.fields);
      for (const n of [a.header, 'x-amz-checksum-algorithm']) assertSame(ourFields.get(n), sdkFields.get(n), `${c.name}: field ${n}`);
      assertSameDeep(normalizeConditions(decodePolicy(ourFields.get('policy')).conditions),
        normalizeConditions(decodePolicy(sdkFields.get('policy')).conditions), `${c.name}: policy conditions`);
    }
  });
}

test('bad checksum options are BucketUploadErrors naming the option', { skip }, () => {
  const c = CASES[0];
  const cases = [
    [{ checksumCrc32c: 'AAAAAAAAAAA=' }, 'InvalidChecksum', 'checksumCrc32c'],
    [{ checksumCrc32: 'AAAAAA==', checksumSha256: 'x' }, 'ConflictingOption', 'checksumSha256'],
    [{ checksumAlgorithm: 'CRC32C' }, 'MissingChecksum', 'checksumCrc32c'],
    [{ checksumAlgorithm: 'CRC32C', digests: { md5: {} } }, 'MissingChecksum', 'digests.crc32c'],
    [{ digests: { crc32c: 'AAAAAA==' } }, 'InvalidOptions', 'digests'],
    [{ checksumAlgorithm: 'CRC32C', checksumCrc32c: 'AAAAAA==', digests: { crc32c: 'AAAAAQ==' } }, 'ConflictingOption', 'checksumCrc32c'],
    [{ dialect: 'oss', checksumCrc32c: 'AAAAAA==' }, 'UnsupportedOption', 'checksumCrc32c'],
  ];
  for (const [extra, code, field] of cases) {
    for (const sign of [presignPut, signPutHeaders, signPostForm]) {
      const base = sign === signPostForm ? ourPostOptions(c) : ourPutOptions(c);
      assert.throws(() => sign({ ...base, ...extra }), (e) => {
        assert.equal(e.name, 'BucketUploadError', e.message);
        assert.deepEqual([e.code, e.field], [code, field], `${JSON.stringify(extra)}: ${e.message}`);
        return true;
      });
    }
  }
});
