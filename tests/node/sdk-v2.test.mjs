// Differential test against aws-sdk v2 (the only vendor SDK here with Signature V2):
//   1. SigV2 presigned PUT URLs: ours presignPut({ version: 'v2', ... }) vs
//      new AWS.S3({ signatureVersion: 'v2' }).getSignedUrl('putObject', {...});
//   2. SigV2 POST signature: ours signPolicy(policy, { version: 'v2' }) vs
//      AWS.util.crypto.hmac(secret, policyBase64, 'base64', 'sha1');
//   3. SigV4 POST, second oracle: s3.createPresignedPost (always SigV4 in SDK v2) vs our
//      signPolicy(v4) on its policy and our signPostForm(v4) policy conditions.
//
// SDK configuration:
// - new AWS.S3({ signatureVersion: 'v2', region, endpoint, s3ForcePathStyle: pathStyle,
//   credentials: new AWS.Credentials(accessKeyId, secret, sessionToken) }). 'v2' is mapped to the
//   's3' signer by AWS.S3.getSignatureVersion (the determinism test checks both give one URL).
// - getSignedUrl and createPresignedPost read the clock (getSkewCorrectedDate = Date.now() +
//   systemClockOffset); it is frozen with node:test mock timers around the call (atFixedInstant).
//   Expires in the V2 URL = unix seconds of NOW + expiresIn.
//
// Quirks of SDK v2 (and the one normalisation applied):
// - The V2 presigned URL repeats every signed header in the query string: Content-MD5=...,
//   Content-Type=..., x-amz-meta-<name lower-cased>=... (signedUrlSigner copies all request headers
//   into the query). They are copies: the signature covers them as HEADERS, which the uploader
//   must send anyway (our module's contract: "the upload must send exactly options.headers").
//   NORMALISATION: those copied parameters are removed from the SDK's URL; everything else,
//   order included, is compared byte for byte. What remains, sorted by name:
//   AWSAccessKeyId, Expires, Signature (base64, RFC 3986-escaped: / -> %2F, + -> %2B, = -> %3D),
//   x-amz-security-token (only with a session token; also signed as the amz header
//   x-amz-security-token in the string to sign).
// - String to sign: "PUT\n<Content-MD5>\n<Content-Type>\n<Expires>\n" + amz headers as
//   "<lower-cased name>:<value as given>\n", sorted by name (values NOT trimmed or collapsed:
//   "Ada  Lovelace" stays with two spaces) + canonical resource "/<bucket>/<escaped key>" (the
//   key escaped exactly as in the URL path, for virtual-hosted and path-style alike).
// - Key escaping in the path: same as SDK v3 (RFC 3986 per segment, '/' kept, !'()* escaped).
// - createPresignedPost: URL is always path-style "https://host/bucket" (no trailing slash), so
//   its url is not compared (sdk-presigned-post.test.mjs compares the url with SDK v3). The key
//   goes in Fields; the policy's conditions: Conditions, then {"name": value} for each field
//   (key, the Fields, bucket, X-Amz-Algorithm, X-Amz-Credential, X-Amz-Date,
//   X-Amz-Security-Token), expiration without milliseconds.
//
// Set SDK_ORACLE_PRINT=1 to print the SDK's outputs as test diagnostics.

import {
  ACCESS_KEY_ID,
  CASES,
  NOW_SECONDS,
  assertSame,
  assertSameDeep,
  atFixedInstant,
  credentialsFor,
  decodePolicy,
  expirationFor,
  fieldMap,
  guarded,
  metaName,
  normalizeConditions,
  normalizeExpiration,
  ourPostOptions,
  ourPutOptions,
  ourSignPolicyOptions,
  redact,
  v4PolicySignature,
} from './inputs.mjs';
import { presignPut, signPolicy, signPostForm, skip } from './load.mjs';

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import AWS from 'aws-sdk';

const PRINT = process.env.SDK_ORACLE_PRINT === '1';

// Recorded with the SDK version pinned in package.json, for CASES[0] ("plain").
const CASE1_SDK_V2_URL_RAW =
  'https://example-bucket.s3.eu-west-1.amazonaws.com/uploads/photo.jpg?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Content-MD5=mV6TZkdm4iBdGepR7slTVQ%3D%3D&Content-Type=image%2Fjpeg&Expires=1767326645&Signature=VKx52Gh1UPxDg7U1FVNUh%2Bl%2B03I%3D';
const CASE1_SDK_V2_URL =
  'https://example-bucket.s3.eu-west-1.amazonaws.com/uploads/photo.jpg?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1767326645&Signature=VKx52Gh1UPxDg7U1FVNUh%2Bl%2B03I%3D';
// V2 POST signature (HMAC-SHA1, base64) of SDK v2's createPresignedPost policy for case 1.
const CASE1_SDK_V2_POST_SIGNATURE = 'OhSqDuMsH9HJGiVLBT2jm5nHVc8=';

function v2Client(c, signatureVersion = 'v2') {
  const cred = credentialsFor(c);
  return new AWS.S3({
    signatureVersion,
    region: c.region,
    endpoint: c.endpoint,
    s3ForcePathStyle: c.pathStyle,
    credentials: new AWS.Credentials(cred.accessKeyId, cred.secretAccessKey, cred.sessionToken),
  });
}

/** The SDK's V2 presigned PUT URL, as it gives it. */
export async function sdkV2PresignPutRaw(c, signatureVersion = 'v2') {
  const s3 = v2Client(c, signatureVersion);
  return atFixedInstant(() =>
    s3.getSignedUrl('putObject', {
      Bucket: c.bucket,
      Key: c.key,
      Expires: c.expiresIn,
      ContentType: c.contentType,
      ContentMD5: c.contentMd5,
      Metadata: c.metadata,
    }),
  );
}

/** The SDK's URL without the header copies (the one normalisation, see above). */
export function dropHeaderCopies(url) {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const kept = url
    .slice(q + 1)
    .split('&')
    .filter((p) => {
      const name = decodeURIComponent(p.split('=')[0]).toLowerCase();
      return name !== 'content-md5' && name !== 'content-type' && !name.startsWith('x-amz-meta-');
    });
  return `${url.slice(0, q)}?${kept.join('&')}`;
}

export const sdkV2PresignPut = async (c) => dropHeaderCopies(await sdkV2PresignPutRaw(c));

/** The oracle for V2 POST signatures. */
export const sdkV2PolicySignature = (c, policyBase64) =>
  AWS.util.crypto.hmac(credentialsFor(c).secretAccessKey, policyBase64, 'base64', 'sha1');

/** SDK v2's (SigV4) presigned POST for case c; key passed as a field, as v2 takes it. */
export async function sdkV2PresignedPost(c) {
  const s3 = v2Client(c, 'v4');
  return atFixedInstant(() =>
    s3.createPresignedPost({
      Bucket: c.bucket,
      Fields: { key: c.key, ...c.post.fields },
      Conditions: c.post.conditions,
      Expires: c.expiresIn,
    }),
  );
}

// An independent SigV2 query presigner (node:crypto only), to check the SDK's configuration.
const rfc3986 = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);

export function referenceV2PresignPut(c) {
  const endpoint = new URL(c.endpoint);
  const host = c.pathStyle ? endpoint.host : `${c.bucket}.${endpoint.host}`;
  const escapedKey = c.key.split('/').map(rfc3986).join('/');
  const path = `/${c.pathStyle ? `${c.bucket}/` : ''}${escapedKey}`;
  const expires = String(NOW_SECONDS + c.expiresIn);
  const amz = [
    ...Object.entries(c.metadata).map(([k, v]) => [metaName(k).toLowerCase(), v]),
    ...(c.sessionToken ? [['x-amz-security-token', c.sessionToken]] : []),
  ].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const stringToSign = ['PUT', c.contentMd5, c.contentType, expires, ...amz.map(([k, v]) => `${k}:${v}`), `/${c.bucket}/${escapedKey}`].join('\n');
  const signature = createHmac('sha1', credentialsFor(c).secretAccessKey).update(stringToSign, 'utf8').digest('base64');
  const query = [
    `AWSAccessKeyId=${rfc3986(ACCESS_KEY_ID)}`,
    `Expires=${expires}`,
    `Signature=${rfc3986(signature)}`,
    ...(c.sessionToken ? [`x-amz-security-token=${rfc3986(c.sessionToken)}`] : []),
  ];
  return `${endpoint.protocol}//${host}${path}?${query.join('&')}`;
}

// S3's POST rule: every form field needs a condition, except these (and x-ignore-*).
const V2_FIELDS_WITHOUT_CONDITION = new Set(['awsaccesskeyid', 'policy', 'signature', 'file']);

// ---------------------------------------------------------------------------------------------
// The SDK side alone: runs even before pkg/ exists.

test('SDK v2 oracles are deterministic at the fixed instant', async (t) => {
  const first = [];
  for (const c of CASES) first.push([await sdkV2PresignPutRaw(c), await sdkV2PresignedPost(c)]);
  await sleep(1100); // the real clock moves on; the outputs must not
  for (const [i, c] of CASES.entries()) {
    const [rawUrl, post] = first[i];
    assertSame(await sdkV2PresignPutRaw(c), rawUrl, `case "${c.name}": two V2 presign runs`, ['run 2', 'run 1']);
    assertSame(await sdkV2PresignPutRaw(c, 's3'), rawUrl, `case "${c.name}": signatureVersion 's3' vs 'v2'`, ["'s3'", "'v2'"]);
    assertSameDeep(await sdkV2PresignedPost(c), post, `case "${c.name}": two createPresignedPost runs`, ['run 2', 'run 1']);
    assertSame(dropHeaderCopies(rawUrl), referenceV2PresignPut(c), `case "${c.name}": SDK V2 URL vs independent SigV2`, ['SDK', 'independent']);
    const f = fieldMap(post.fields);
    assertSame(decodePolicy(f.get('policy')).expiration, expirationFor(c), `case "${c.name}": v2 createPresignedPost expiration`, ['SDK', 'wanted']);
    assertSame(f.get('x-amz-signature'), v4PolicySignature(credentialsFor(c).secretAccessKey, '20260102', c.region, f.get('policy')),
      `case "${c.name}": v2 createPresignedPost signature vs independent HMAC`, ['SDK', 'independent']);
    if (PRINT) {
      t.diagnostic(`case "${c.name}": V2 PUT as the SDK gives it: ${rawUrl}`);
      t.diagnostic(`case "${c.name}": V2 PUT compared:             ${dropHeaderCopies(rawUrl)}`);
      t.diagnostic(`case "${c.name}": V2 POST signature of the v2 createPresignedPost policy: ${sdkV2PolicySignature(c, f.get('policy'))}`);
      t.diagnostic(`case "${c.name}": v2 createPresignedPost (V4): ${redact(JSON.stringify(post))}`);
      t.diagnostic(`case "${c.name}": its policy: ${JSON.stringify(decodePolicy(f.get('policy')))}`);
    }
  }
});

test('SDK v2 oracles: case 1 known answers', async () => {
  const c = CASES[0];
  const raw = await sdkV2PresignPutRaw(c);
  assertSame(raw, CASE1_SDK_V2_URL_RAW, 'V2 URL as the SDK gives it', ['SDK now', 'recorded']);
  assertSame(dropHeaderCopies(raw), CASE1_SDK_V2_URL, 'V2 URL without header copies', ['SDK now', 'recorded']);
  const post = await sdkV2PresignedPost(c);
  assertSame(sdkV2PolicySignature(c, post.fields.Policy), CASE1_SDK_V2_POST_SIGNATURE, 'V2 POST signature', ['SDK now', 'recorded']);
});

// ---------------------------------------------------------------------------------------------
// Ours vs the SDK.

for (const c of CASES) {
  test(`presignPut(v2) URL equals SDK v2's (header copies dropped): ${c.name}`, { skip }, async () => {
    const sdk = await sdkV2PresignPut(c);
    const ours = await guarded('presignPut', () => presignPut(ourPutOptions(c, 'v2')));
    assertSame(ours, sdk, 'V2 presigned PUT URL');
  });

  test(`signPolicy(v2) gives SDK v2's POST signature: ${c.name}`, { skip }, async () => {
    const policy = (await sdkV2PresignedPost(c)).fields.Policy;
    const ours = await guarded('signPolicy', () => signPolicy(policy, ourSignPolicyOptions(c, 'v2')));
    assert.ok(ours && ours.fields, 'signPolicy must return { fields: [[name, value], ...] }');
    const f = fieldMap(ours.fields);
    const expected = new Map([
      ['awsaccesskeyid', ACCESS_KEY_ID],
      ['signature', sdkV2PolicySignature(c, policy)],
      ...(c.sessionToken ? [['x-amz-security-token', c.sessionToken]] : []),
    ]);
    assertSameDeep([...f.keys()].filter((n) => n !== 'policy').sort(), [...expected.keys()].sort(), 'V2 signature field names (lower-cased; "policy" aside)');
    for (const [n, v] of expected) assertSame(f.get(n), v, `field ${n}`);
    if (f.has('policy')) assertSame(f.get('policy'), policy, 'policy field echoed by signPolicy');
  });

  test(`signPostForm(v2): signature is SDK v2's HMAC of our policy, every field has a condition: ${c.name}`, { skip }, async () => {
    const ours = await guarded('signPostForm', () => signPostForm(ourPostOptions(c, 'v2')));
    assert.ok(ours && Array.isArray(ours.fields), 'signPostForm must return { url, fields: [[name, value], ...] }');
    const f = fieldMap(ours.fields);
    assert.ok(f.has('policy'), 'our V2 form has no policy field');
    assertSame(f.get('signature'), sdkV2PolicySignature(c, f.get('policy')), 'V2 signature over our policy');
    assertSame(f.get('awsaccesskeyid'), ACCESS_KEY_ID, 'AWSAccessKeyId');
    assertSame(f.get('x-amz-security-token'), c.sessionToken, 'x-amz-security-token');
    assertSame(f.get('key'), c.key, 'key');
    for (const [name, value] of Object.entries(c.post.fields)) assertSame(f.get(name.toLowerCase()), value, `form field ${name}`);
    for (const n of f.keys()) assert.ok(!n.startsWith('x-amz-') || n === 'x-amz-security-token' || n.startsWith('x-amz-meta-'), `V2 form has a SigV4 field ${n}`);

    const policy = decodePolicy(f.get('policy'));
    assertSame(normalizeExpiration(policy.expiration), expirationFor(c), 'V2 policy expiration', ['ours', 'wanted']);
    const conds = normalizeConditions(policy.conditions).map((s) => JSON.parse(s));
    for (const [name, value] of f) {
      if (V2_FIELDS_WITHOUT_CONDITION.has(name) || name.startsWith('x-ignore-')) continue;
      const covered = conds.some(([op, n, v]) => n === `$${name}` && ((op === 'eq' && v === value) || (op === 'starts-with' && value.startsWith(v))));
      assert.ok(covered, redact(`form field ${name}=${JSON.stringify(value)} has no matching condition in our V2 policy ${JSON.stringify(policy)}`));
    }
  });

  test(`signPolicy(v4) and signPostForm(v4) agree with SDK v2 createPresignedPost: ${c.name}`, { skip }, async () => {
    const sdk = await sdkV2PresignedPost(c);
    const sdkFields = fieldMap(sdk.fields);
    const ours = fieldMap((await guarded('signPolicy', () => signPolicy(sdk.fields.Policy, ourSignPolicyOptions(c, 'v4')))).fields);
    for (const n of ['x-amz-algorithm', 'x-amz-credential', 'x-amz-date', 'x-amz-security-token', 'x-amz-signature']) {
      assertSame(ours.get(n), sdkFields.get(n), `signPolicy field ${n}`);
    }
    const form = await guarded('signPostForm', () => signPostForm(ourPostOptions(c, 'v4')));
    const ourPolicy = decodePolicy(fieldMap(form.fields).get('policy'));
    const sdkPolicy = decodePolicy(sdk.fields.Policy);
    assertSame(normalizeExpiration(ourPolicy.expiration), sdkPolicy.expiration, 'policy expiration (".000" fraction dropped)');
    assertSameDeep(normalizeConditions(ourPolicy.conditions), normalizeConditions(sdkPolicy.conditions), 'policy conditions (normalised set)');
  });
}
