// Differential test: SigV4 presigned PUT URLs, ours vs @aws-sdk/s3-request-presigner (AWS SDK v3)
// getSignedUrl(client, new PutObjectCommand({ Bucket, Key, ContentType, ContentMD5, Metadata })).
//
// THE RULE (what both sides sign): the request's headers Content-Type, Content-MD5 and every
// x-amz-meta-* header are SIGNED HEADERS, sent as headers by the uploader and NOT hoisted into the
// query; `host` is always signed; the payload hash is UNSIGNED-PAYLOAD and does not appear in the
// URL; the query carries only X-Amz-Algorithm, X-Amz-Credential, X-Amz-Date, X-Amz-Expires,
// X-Amz-Security-Token (with a session token), X-Amz-SignedHeaders and X-Amz-Signature.
//
// SDK configuration needed to make getSignedUrl sign exactly that request:
// - fixed time: getSignedUrl's `signingDate: NOW` option (no clock mocking needed);
// - S3Client({ requestChecksumCalculation: 'WHEN_REQUIRED' }): with the default
//   ('WHEN_SUPPORTED') the presigned URL also gets x-amz-checksum-crc32=AAAAAA%3D%3D and
//   x-amz-sdk-checksum-algorithm=CRC32 (CRC32 of an empty body!);
// - a 'build'-step middleware on the client that deletes query['x-id']: PutObject's HTTP binding
//   is "PUT /{Key+}?x-id=PutObject", so the SDK's URL otherwise carries (and signs) x-id=PutObject;
// - signableHeaders: {'content-type'}: the presigner always adds content-type to
//   unsignableHeaders (S3RequestPresigner.prepareRequest), so by default Content-Type is NOT
//   signed; signableHeaders overrides that. Content-MD5 is signed by default;
// - unhoistableHeaders: {'x-amz-content-sha256', 'x-amz-meta-<name>'...} and
//   unsignableHeaders: {'x-amz-content-sha256'}: the presigner sets the header
//   x-amz-content-sha256: UNSIGNED-PAYLOAD (used as the payload hash) and by default hoists it
//   into the query as X-Amz-Content-Sha256=UNSIGNED-PAYLOAD, and hoists every x-amz-meta-* header
//   into the query too (x-amz-meta-owner-name=...). Unhoisting + unsigning x-amz-content-sha256
//   keeps UNSIGNED-PAYLOAD as the payload hash but drops it from the URL; unhoisting the meta
//   headers keeps them as signed headers. The Set objects are fresh per call (the presigner
//   mutates them).
//
// What the SDK produces (quirks the comparison must respect):
// - query parameters sorted by name (buildQueryString sorts keys), so X-Amz-Signature sits
//   between X-Amz-Security-Token/X-Amz-Expires and X-Amz-SignedHeaders, not last;
// - values escaped RFC 3986 style (encodeURIComponent plus !'()* escaped): '/' -> %2F, ';' -> %3B,
//   '+' -> %2B, '=' -> %3D;
// - the key in the path: each '/'-separated segment escaped the same way ('~' kept, space %20,
//   '!' %21, "'" %27, '(' %28, ')' %29, '*' %2A, UTF-8 bytes as upper-case %XX); the canonical URI
//   is that path as is (S3: no double encoding);
// - host: virtual-hosted "bucket.endpoint-host" unless path-style; ":port" kept for non-default
//   ports (127.0.0.1:9000); IP endpoints are always path-style;
// - canonical header values: runs of spaces/tabs collapsed to one, ends trimmed ("Ada  Lovelace"
//   is signed as "Ada Lovelace"); header names lower-cased; meta names lower-cased.
//
// The comparison is byte for byte on the whole URL string. An independent node:crypto SigV4
// presigner (below) checks that the SDK, configured so, signs the standard request.
//
// Set SDK_ORACLE_PRINT=1 to print the SDK's URLs as test diagnostics.

import {
  CASES,
  NOW,
  assertSame,
  credentialsFor,
  guarded,
  metaName,
  ourPutOptions,
} from './inputs.mjs';
import { presignPut, skip } from './load.mjs';

import { test } from 'node:test';
import { createHash, createHmac } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

const PRINT = process.env.SDK_ORACLE_PRINT === '1';

// The SDK's URL for CASES[0] ("plain"), recorded with the SDK versions pinned in package.json.
const CASE1_SDK_URL =
  'https://example-bucket.s3.eu-west-1.amazonaws.com/uploads/photo.jpg?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20260102%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20260102T030405Z&X-Amz-Expires=3600&X-Amz-Signature=9d0923adc03271ee94a9acfb37fcb9d1633024be2bc1e87cce359d8f78a4a7b9&X-Amz-SignedHeaders=content-md5%3Bcontent-type%3Bhost';

const dropXId = (next) => async (args) => {
  if (args.request && args.request.query) delete args.request.query['x-id'];
  return next(args);
};

function v3Client(c) {
  const client = new S3Client({
    region: c.region,
    endpoint: c.endpoint,
    forcePathStyle: c.pathStyle,
    credentials: credentialsFor(c),
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  client.middlewareStack.add(dropXId, { step: 'build', name: 'bucketUploadDropXId' });
  return client;
}

/** The oracle: the SDK's presigned PUT URL for case c at the fixed instant. */
export async function sdkPresignPut(c) {
  const metaHeaders = Object.keys(c.metadata).map((k) => metaName(k).toLowerCase());
  const command = new PutObjectCommand({
    Bucket: c.bucket,
    Key: c.key,
    ContentType: c.contentType,
    ContentMD5: c.contentMd5,
    Metadata: c.metadata,
  });
  return getSignedUrl(v3Client(c), command, {
    expiresIn: c.expiresIn,
    signingDate: NOW,
    signableHeaders: new Set(['content-type']),
    unsignableHeaders: new Set(['x-amz-content-sha256']),
    unhoistableHeaders: new Set(['x-amz-content-sha256', ...metaHeaders]),
  });
}

// ---------------------------------------------------------------------------------------------
// An independent SigV4 query presigner (node:crypto only), used to check the configured SDK.

const rfc3986 = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
const sha256hex = (s) => createHash('sha256').update(s, 'utf8').digest('hex');
const hmac = (key, s) => createHmac('sha256', key).update(s, 'utf8').digest();

export function referencePresignPut(c) {
  const endpoint = new URL(c.endpoint);
  const host = c.pathStyle ? endpoint.host : `${c.bucket}.${endpoint.host}`; // URL.host drops default ports
  const path = `/${c.pathStyle ? `${c.bucket}/` : ''}${c.key.split('/').map(rfc3986).join('/')}`;
  const shortDate = '20260102';
  const longDate = '20260102T030405Z';
  const scope = `${shortDate}/${c.region}/s3/aws4_request`;
  const headers = [
    ['host', host],
    ['content-type', c.contentType],
    ['content-md5', c.contentMd5],
    ...Object.entries(c.metadata).map(([k, v]) => [metaName(k).toLowerCase(), v]),
  ]
    .map(([k, v]) => [k, v.replace(/[ \t]+/g, ' ').trim()])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const signedHeaders = headers.map(([k]) => k).join(';');
  const query = {
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': `${credentialsFor(c).accessKeyId}/${scope}`,
    'X-Amz-Date': longDate,
    'X-Amz-Expires': String(c.expiresIn),
    ...(c.sessionToken ? { 'X-Amz-Security-Token': c.sessionToken } : {}),
    'X-Amz-SignedHeaders': signedHeaders,
  };
  const qs = (q) => Object.keys(q).sort().map((k) => `${rfc3986(k)}=${rfc3986(q[k])}`).join('&');
  const canonicalRequest = [
    'PUT',
    path,
    qs(query),
    headers.map(([k, v]) => `${k}:${v}\n`).join(''),
    signedHeaders,
    'UNSIGNED-PAYLOAD',
  ].join('\n');
  const stringToSign = ['AWS4-HMAC-SHA256', longDate, scope, sha256hex(canonicalRequest)].join('\n');
  const secret = credentialsFor(c).secretAccessKey;
  const kSigning = hmac(hmac(hmac(hmac(`AWS4${secret}`, shortDate), c.region), 's3'), 'aws4_request');
  const signature = createHmac('sha256', kSigning).update(stringToSign, 'utf8').digest('hex');
  return `${endpoint.protocol}//${host}${path}?${qs({ ...query, 'X-Amz-Signature': signature })}`;
}

// ---------------------------------------------------------------------------------------------
// The SDK side alone: runs even before pkg/ exists.

test('SDK oracle (v3 getSignedUrl PutObject) is deterministic and signs the standard request', async (t) => {
  const first = [];
  for (const c of CASES) first.push(await sdkPresignPut(c));
  await sleep(1100); // the real clock moves on; the URLs must not
  for (const [i, c] of CASES.entries()) {
    assertSame(await sdkPresignPut(c), first[i], `case "${c.name}": two SDK runs`, ['SDK run 2', 'SDK run 1']);
    assertSame(first[i], referencePresignPut(c), `case "${c.name}": SDK vs independent SigV4 presigner`, ['SDK', 'independent']);
    if (PRINT) t.diagnostic(`case "${c.name}": ${first[i]}`);
  }
});

test('SDK oracle: case 1 known answer', async () => {
  assertSame(await sdkPresignPut(CASES[0]), CASE1_SDK_URL, 'SDK URL for case 1 (did the SDK or the inputs change?)', ['SDK now', 'recorded']);
});

// ---------------------------------------------------------------------------------------------
// Ours vs the SDK, byte for byte.

for (const c of CASES) {
  test(`presignPut(v4) URL equals the SDK's: ${c.name}`, { skip }, async () => {
    const sdk = await sdkPresignPut(c);
    const ours = await guarded('presignPut', () => presignPut(ourPutOptions(c, 'v4')));
    assertSame(ours, sdk, 'presigned PUT URL');
  });
}
