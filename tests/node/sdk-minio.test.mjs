// Differential test: SigV4 POST Object forms, ours vs the MinIO JavaScript SDK (`minio`,
// Client.presignedPostPolicy). A third SigV4 POST oracle beside @aws-sdk/s3-presigned-post
// (sdk-presigned-post.test.mjs) and aws-sdk v2 (sdk-v2.test.mjs), written by another vendor.
//
// SDK configuration (what makes the oracle deterministic and offline):
// - new Client({ endPoint: <host of the case endpoint>, port (only when the endpoint names one),
//   useSSL: <https?>, pathStyle: <the case's>, region: <the case's>, accessKey, secretKey,
//   sessionToken (token case only) }).
// - region MUST be given: presignedPostPolicy starts with getBucketRegionAsync(bucket), which
//   returns `this.region` when the client has one and otherwise sends GET /<bucket>?location.
//   Static keys (no credentialsProvider) make checkAndRefreshCreds a no-op. As a guard, the
//   client's makeRequestAsync is replaced by a function that throws, so a minio version that
//   went to the network here would fail the test instead of hanging or depending on a server.
// - pathStyle MUST be given: minio defaults to pathStyle: true (the AWS SDKs and we default to
//   virtual-hosted).
// - presignedPostPolicy takes no date: it calls `new Date()` itself (x-amz-date, credential scope,
//   signing key). The clock is frozen with node:test's mock timers around the call only
//   (inputs.mjs atFixedInstant).
// - The expiration is set explicitly with setExpires(new Date(NOW + expiresIn)); without it minio
//   uses 7 days from `new Date()`.
//
// How a case becomes a minio PostPolicy (minioSpec below). minio has one setter per condition
// kind and nothing generic, so a case maps onto: setBucket; setKeyStartsWith (a ["starts-with",
// "$key", p] condition) then setKey(key); setContentTypeStartsWith (["starts-with",
// "$Content-Type", p]) then setContentType (the Content-Type field); setContentLengthRange;
// setUserMetaData (the x-amz-meta-* fields, names without the prefix, case kept); setExpires.
// minio has no setter for success_action_status, so that field/condition is left out of the
// upload on BOTH sides (it is the only thing dropped; anything else unknown throws). Our side gets
// the same upload through the shared adapter (inputs.mjs ourPostOptions) with the case's
// conditions/fields narrowed to the same set.
//
// What minio produces (quirks the comparison must respect):
// - Form field names are lower-case: policy, x-amz-algorithm, x-amz-credential, x-amz-date,
//   x-amz-security-token, x-amz-signature (names compared case-insensitively, values exactly).
//   minio also returns a `bucket` form field (setBucket sets one); our form has none: S3 takes
//   the bucket from the URL and checks the policy's bucket condition against it. `bucket` is the
//   only field name allowed to differ.
// - Every condition is an array: ["eq", "$name", value] (never the {"name": value} form), with
//   the caller's names as given ("$Content-Type", "$x-amz-meta-Owner-Name") and minio's own
//   lower-case "$x-amz-date", "$x-amz-algorithm", "$x-amz-credential", "$x-amz-security-token".
//   Order: the setter calls in call order, then x-amz-date, x-amz-algorithm, x-amz-credential,
//   x-amz-security-token. No {"key"} / {"bucket"} objects; duplicates are kept.
// - The policy JSON is JSON.stringify(policy) with "conditions" BEFORE "expiration" (the
//   PostPolicy object is created with conditions and gets expiration later); no spaces;
//   non-ASCII as raw UTF-8; base64 of those UTF-8 bytes.
// - expiration is Date#toISOString(): always with milliseconds ("2026-01-02T04:04:05.000Z").
// - setKeyStartsWith / setContentTypeStartsWith also overwrite formData.key / formData
//   ['Content-Type'] with the PREFIX; the last setter called wins (hence prefix setters first).
// - setUserMetaData puts the value as given in the condition but value.toString() in the form
//   field (a number would be a JSON number in the policy); the cases only use strings.
// - The signature is lower-case hex HMAC-SHA256(signingKey(secret, yyyymmdd, region, "s3"),
//   <policy base64 text>), like every SigV4 POST.
// - postURL: `${protocol}//${host}${port}${path}`, path "/" virtual-hosted (bucket prepended to
//   the host) or "/<bucket>" path-style (no trailing slash); ":port" is appended unless the port
//   is 80 or 443 (whatever the scheme). minio rewrites the host only for the exact endpoints
//   s3.amazonaws.com / s3.cn-north-1.amazonaws.com.cn (none here), and forces path-style for a
//   bucket with dots over https (none here).
//
// Normalisation when comparing OUR policy with minio's (format only, nothing else):
// - {"name": "v"} is rewritten ["eq", "$name", "v"] (S3 documents both forms; we write the
//   object form, minio the array form). The "$" prefix comes with that rewrite: the object form
//   has none, the array form needs one. Names are NOT lower-cased here: ours and minio's use the
//   same case for every name, so case is compared exactly.
// - Conditions are compared as a sorted list: order is free in a policy, but a duplicate counts
//   (a multiset, not a set).
// - expiration: a ".000" millisecond fraction is dropped on both sides (inputs.mjs
//   normalizeExpiration): "...:05.000Z" and "...:05Z" name the same instant. Anything else
//   (another fraction, another instant) stays a mismatch.
// - The policy document's member order ("conditions" first in minio) is ignored: JSON objects
//   are unordered; the members must be exactly {conditions, expiration} on both sides.
//
// Set SDK_ORACLE_PRINT=1 to print minio's outputs as test diagnostics (no secrets in them).

import {
  CASES,
  NOW_MS,
  assertSame,
  assertSameDeep,
  atFixedInstant,
  credentialsFor,
  decodePolicy,
  fieldMap,
  guarded,
  normalizeExpiration,
  ourPostOptions,
  ourSignPolicyOptions,
  redact,
  v4PolicySignature,
} from './inputs.mjs';
import { skip, signPolicy, signPostForm } from './load.mjs';

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client as MinioClient } from 'minio';

const PRINT = process.env.SDK_ORACLE_PRINT === '1';

/** The signature-related fields a SigV4 POST carries (lower-cased names). */
const V4_SIGNATURE_FIELDS = ['x-amz-algorithm', 'x-amz-credential', 'x-amz-date', 'x-amz-security-token', 'x-amz-signature'];

// minio's output for CASES[0] ("plain"), recorded with the minio version pinned in package.json.
// The policy decodes to:
// {"conditions":[["eq","$bucket","example-bucket"],["starts-with","$Content-Type","image/"],
//  ["eq","$Content-Type","image/jpeg"],["content-length-range",1,10485760],
//  ["eq","$key","uploads/photo.jpg"],["eq","$x-amz-date","20260102T030405Z"],
//  ["eq","$x-amz-algorithm","AWS4-HMAC-SHA256"],
//  ["eq","$x-amz-credential","AKIAIOSFODNN7EXAMPLE/20260102/eu-west-1/s3/aws4_request"]],
//  "expiration":"2026-01-02T04:04:05.000Z"}
const CASE1_MINIO_OUTPUT = {
  postURL: 'https://example-bucket.s3.eu-west-1.amazonaws.com/',
  formData: {
    bucket: 'example-bucket',
    'Content-Type': 'image/jpeg',
    key: 'uploads/photo.jpg',
    'x-amz-date': '20260102T030405Z',
    'x-amz-algorithm': 'AWS4-HMAC-SHA256',
    'x-amz-credential': 'AKIAIOSFODNN7EXAMPLE/20260102/eu-west-1/s3/aws4_request',
    policy:
      'eyJjb25kaXRpb25zIjpbWyJlcSIsIiRidWNrZXQiLCJleGFtcGxlLWJ1Y2tldCJdLFsic3RhcnRzLXdpdGgiLCIkQ29udGVudC1UeXBlIiwiaW1hZ2UvIl0sWyJlcSIsIiRDb250ZW50LVR5cGUiLCJpbWFnZS9qcGVnIl0sWyJjb250ZW50LWxlbmd0aC1yYW5nZSIsMSwxMDQ4NTc2MF0sWyJlcSIsIiRrZXkiLCJ1cGxvYWRzL3Bob3RvLmpwZyJdLFsiZXEiLCIkeC1hbXotZGF0ZSIsIjIwMjYwMTAyVDAzMDQwNVoiXSxbImVxIiwiJHgtYW16LWFsZ29yaXRobSIsIkFXUzQtSE1BQy1TSEEyNTYiXSxbImVxIiwiJHgtYW16LWNyZWRlbnRpYWwiLCJBS0lBSU9TRk9ETk43RVhBTVBMRS8yMDI2MDEwMi9ldS13ZXN0LTEvczMvYXdzNF9yZXF1ZXN0Il1dLCJleHBpcmF0aW9uIjoiMjAyNi0wMS0wMlQwNDowNDowNS4wMDBaIn0=',
    'x-amz-signature': '2c03cf81466169534840bc4882433d4de07d45179e506394374349ea4d89d807',
  },
};

// ---------------------------------------------------------------------------------------------
// A case -> what minio's PostPolicy setters can express (the upload both sides build).

const META_PREFIX = 'x-amz-meta-';
/** What minio has no setter for: left out of the upload on both sides (lower-cased names). */
const NO_MINIO_SETTER = new Set(['success_action_status']);

function minioSpec(c) {
  const spec = {
    bucket: c.bucket,
    key: c.key,
    expiresIn: c.expiresIn,
    keyStartsWith: undefined,
    contentTypeStartsWith: undefined,
    contentType: undefined,
    contentLengthRange: undefined,
    metadata: {},
    dropped: [],
  };
  for (const cond of c.post.conditions) {
    const [op, name, value] = Array.isArray(cond) ? cond : ['eq', `$${Object.keys(cond)[0]}`, Object.values(cond)[0]];
    if (op === 'content-length-range') {
      assert.equal(spec.contentLengthRange, undefined, `case "${c.name}": two content-length-range conditions`);
      spec.contentLengthRange = [name, value];
    } else if (op === 'starts-with' && name === '$key') {
      spec.keyStartsWith = value;
    } else if (op === 'starts-with' && name === '$Content-Type') {
      spec.contentTypeStartsWith = value;
    } else if (NO_MINIO_SETTER.has(name.replace(/^\$/, '').toLowerCase())) {
      spec.dropped.push(JSON.stringify(cond));
    } else {
      throw new Error(`case "${c.name}": condition ${JSON.stringify(cond)} has no minio PostPolicy setter`);
    }
  }
  for (const [name, value] of Object.entries(c.post.fields)) {
    if (name === 'Content-Type') spec.contentType = String(value);
    else if (name.toLowerCase().startsWith(META_PREFIX)) spec.metadata[name.slice(META_PREFIX.length)] = String(value);
    else if (NO_MINIO_SETTER.has(name.toLowerCase())) spec.dropped.push(`field ${name}`);
    else throw new Error(`case "${c.name}": field ${name} has no minio PostPolicy setter`);
  }
  return spec;
}

/** The same upload for OUR signPostForm: the case with its conditions/fields narrowed to the spec. */
function ourOptionsFor(c, spec) {
  const conditions = [];
  if (spec.contentLengthRange) conditions.push(['content-length-range', ...spec.contentLengthRange]);
  if (spec.keyStartsWith !== undefined) conditions.push(['starts-with', '$key', spec.keyStartsWith]);
  if (spec.contentTypeStartsWith !== undefined) conditions.push(['starts-with', '$Content-Type', spec.contentTypeStartsWith]);
  const fields = {};
  if (spec.contentType !== undefined) fields['Content-Type'] = spec.contentType;
  for (const [name, value] of Object.entries(spec.metadata)) fields[`${META_PREFIX}${name}`] = value;
  return ourPostOptions({ ...c, post: { conditions, fields } }, 'v4');
}

function minioClient(c) {
  const u = new URL(c.endpoint);
  const cred = credentialsFor(c);
  const client = new MinioClient({
    endPoint: u.hostname,
    ...(u.port ? { port: Number(u.port) } : {}),
    useSSL: u.protocol === 'https:',
    pathStyle: c.pathStyle,
    region: c.region,
    accessKey: cred.accessKeyId,
    secretKey: cred.secretAccessKey,
    ...(cred.sessionToken ? { sessionToken: cred.sessionToken } : {}),
  });
  // Offline guard: presignedPostPolicy must not send anything (see the header).
  client.makeRequestAsync = async () => {
    throw new Error('minio tried to send a request (is region set on the client?)');
  };
  return client;
}

/** The oracle: minio's { postURL, formData } for case c at the fixed instant. */
export async function minioPresignedPost(c, spec = minioSpec(c)) {
  const client = minioClient(c);
  const policy = client.newPostPolicy();
  policy.setBucket(spec.bucket);
  // Prefix setters first: they overwrite formData.key / formData['Content-Type'] with the prefix.
  if (spec.keyStartsWith !== undefined) policy.setKeyStartsWith(spec.keyStartsWith);
  if (spec.contentTypeStartsWith !== undefined) policy.setContentTypeStartsWith(spec.contentTypeStartsWith);
  if (spec.contentType !== undefined) policy.setContentType(spec.contentType);
  if (spec.contentLengthRange) policy.setContentLengthRange(...spec.contentLengthRange);
  if (Object.keys(spec.metadata).length) policy.setUserMetaData(spec.metadata);
  policy.setKey(spec.key);
  policy.setExpires(new Date(NOW_MS + spec.expiresIn * 1000));
  return guarded('minio presignedPostPolicy', () => atFixedInstant(() => client.presignedPostPolicy(policy)));
}

/** A policy condition -> canonical string; only {"name": v} -> ["eq", "$name", v] (see the header). */
function canonicalCondition(cond) {
  if (Array.isArray(cond)) return JSON.stringify(cond);
  assert.ok(cond && typeof cond === 'object', `condition ${JSON.stringify(cond)} is neither an array nor an object`);
  const entries = Object.entries(cond);
  assert.equal(entries.length, 1, `condition ${JSON.stringify(cond)} must have exactly one name`);
  const [[name, value]] = entries;
  return JSON.stringify(['eq', `$${name}`, value]);
}

/** Conditions as a sorted multiset of canonical strings. */
const canonicalConditions = (conditions) => conditions.map(canonicalCondition).sort();

// ---------------------------------------------------------------------------------------------
// minio alone: runs even before pkg/ exists.

test('minio oracle (presignedPostPolicy) is deterministic at the fixed instant and offline', async (t) => {
  const first = [];
  for (const c of CASES) first.push(await minioPresignedPost(c));
  await sleep(1100); // the real clock moves on by more than a second; the outputs must not
  for (const [i, c] of CASES.entries()) {
    const second = await minioPresignedPost(c);
    assertSameDeep(second, first[i], `case "${c.name}": two minio runs`);
    const f = fieldMap(first[i].formData);
    assertSame(f.get('x-amz-date'), '20260102T030405Z', `case "${c.name}": minio x-amz-date`, ['minio', 'wanted']);
    assertSame(f.get('x-amz-credential'), `${credentialsFor(c).accessKeyId}/20260102/${c.region}/s3/aws4_request`,
      `case "${c.name}": minio x-amz-credential`, ['minio', 'wanted']);
    assertSame(f.get('x-amz-security-token'), c.sessionToken, `case "${c.name}": minio x-amz-security-token`, ['minio', 'wanted']);
    const policy = decodePolicy(f.get('policy'));
    assertSame(normalizeExpiration(policy.expiration), new Date(NOW_MS + c.expiresIn * 1000).toISOString().replace('.000Z', 'Z'),
      `case "${c.name}": minio expiration`, ['minio', 'wanted']);
    // The oracle agrees with an independent HMAC chain over its own policy text.
    const secret = credentialsFor(c).secretAccessKey;
    assertSame(f.get('x-amz-signature'), v4PolicySignature(secret, '20260102', c.region, f.get('policy')),
      `case "${c.name}": minio signature vs independent HMAC`, ['minio', 'independent']);
    const spec = minioSpec(c);
    if (spec.dropped.length) t.diagnostic(`case "${c.name}": no minio setter, left out on both sides: ${spec.dropped.join(', ')}`);
    if (PRINT) {
      t.diagnostic(`case "${c.name}": postURL ${first[i].postURL}`);
      t.diagnostic(`case "${c.name}": formData ${redact(JSON.stringify(first[i].formData))}`);
      t.diagnostic(`case "${c.name}": policy ${redact(JSON.stringify(policy))}`);
    }
  }
});

test('minio oracle: case 1 known answer', async () => {
  const r = await minioPresignedPost(CASES[0]);
  assertSameDeep(r, CASE1_MINIO_OUTPUT, 'minio output for case 1 (did minio or the inputs change?)', ['minio now', 'recorded']);
});

// ---------------------------------------------------------------------------------------------
// Ours vs minio.

for (const c of CASES) {
  test(`signPolicy(v4) on minio's policy gives minio's signature fields: ${c.name}`, { skip }, async () => {
    const minio = await minioPresignedPost(c);
    const theirs = fieldMap(minio.formData);
    const ours = await guarded('signPolicy', () => signPolicy(minio.formData.policy, ourSignPolicyOptions(c, 'v4')));
    assert.ok(ours && ours.fields, 'signPolicy must return { fields: [[name, value], ...] }');
    const ourFields = fieldMap(ours.fields);

    const expectedNames = V4_SIGNATURE_FIELDS.filter((n) => theirs.has(n));
    assert.ok(expectedNames.includes('x-amz-signature'), 'minio returned no x-amz-signature');
    const ourNames = [...ourFields.keys()].filter((n) => n !== 'policy').sort();
    assertSameDeep(ourNames, [...expectedNames].sort(), 'signature field names (lower-cased; "policy" aside)', ['ours', 'minio']);
    for (const n of expectedNames) assertSame(ourFields.get(n), theirs.get(n), `field ${n}`, ['ours', 'minio']);
    if (ourFields.has('policy')) assertSame(ourFields.get('policy'), minio.formData.policy, 'policy field echoed by signPolicy', ['ours', 'minio']);
  });

  test(`signPostForm(v4) builds minio's upload (url, fields, policy conditions): ${c.name}`, { skip }, async () => {
    const spec = minioSpec(c);
    const minio = await minioPresignedPost(c, spec);
    const theirs = fieldMap(minio.formData);
    const ours = await guarded('signPostForm', () => signPostForm(ourOptionsFor(c, spec)));
    assert.ok(ours && Array.isArray(ours.fields), 'signPostForm must return { url, fields: [[name, value], ...] }');
    const ourFields = fieldMap(ours.fields);

    assertSame(ours.url, minio.postURL, 'form action url vs minio postURL', ['ours', 'minio']);

    // Same form field names (case-insensitively), minio's extra `bucket` field aside.
    assertSameDeep([...ourFields.keys()].sort(), [...theirs.keys()].filter((n) => n !== 'bucket').sort(),
      'form field names (lower-cased; minio\'s "bucket" aside)', ['ours', 'minio']);
    // Every field that does not depend on the policy bytes has minio's value, byte for byte.
    for (const n of ourFields.keys()) {
      if (n === 'policy' || n === 'x-amz-signature') continue;
      assertSame(ourFields.get(n), theirs.get(n), `form field ${n}`, ['ours', 'minio']);
    }

    const ourPolicy = decodePolicy(ourFields.get('policy'));
    const minioPolicy = decodePolicy(theirs.get('policy'));
    assertSameDeep(Object.keys(ourPolicy).sort(), ['conditions', 'expiration'], 'our policy document members');
    assertSameDeep(Object.keys(minioPolicy).sort(), ['conditions', 'expiration'], 'minio policy document members', ['minio', 'wanted']);
    assertSame(normalizeExpiration(ourPolicy.expiration), normalizeExpiration(minioPolicy.expiration),
      'policy expiration (".000" fraction dropped)', ['ours', 'minio']);
    assertSameDeep(canonicalConditions(ourPolicy.conditions), canonicalConditions(minioPolicy.conditions),
      'policy conditions (object form -> ["eq","$name",v]; sorted multiset)', ['ours', 'minio']);

    // Our signature over OUR policy: independent HMAC chain.
    const secret = credentialsFor(c).secretAccessKey;
    assertSame(ourFields.get('x-amz-signature'), v4PolicySignature(secret, '20260102', c.region, ourFields.get('policy')),
      'x-amz-signature over our policy (independent HMAC)', ['ours', 'independent']);
  });
}
