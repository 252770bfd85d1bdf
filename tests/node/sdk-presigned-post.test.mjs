// Differential test: SigV4 POST Object forms, ours vs @aws-sdk/s3-presigned-post (AWS SDK v3).
//
// SDK configuration (what makes the oracle deterministic):
// - createPresignedPost takes no date option: it reads `Date.now() + client.config.systemClockOffset`.
//   The clock is frozen with node:test's mock timers (apis: ['Date'], now: NOW) around the call
//   only (inputs.mjs atFixedInstant); systemClockOffset stays 0.
// - The client gets an explicit endpoint, forcePathStyle and region per case, and static
//   credentials (with sessionToken in the token case). Nothing else is needed: the POST signer
//   does not add checksums or x-amz-content-sha256.
//
// What the SDK produces (quirks the comparison must respect):
// - Field names: `X-Amz-Algorithm`, `X-Amz-Credential`, `X-Amz-Date`, `X-Amz-Security-Token`,
//   `X-Amz-Signature`, `Policy` (capitalised), plus `bucket` and `key` and the given Fields.
//   Names are compared case-insensitively (S3 treats form field names so), values exactly.
// - Policy JSON: JSON.stringify({expiration, conditions}) with no spaces, non-ASCII kept as UTF-8,
//   expiration like "2026-01-02T04:04:05Z" (ISO-8601, NO milliseconds). Conditions in this order:
//   the caller's Conditions as given, then one {"name": value} object per field (the Fields, then
//   bucket, X-Amz-Algorithm, X-Amz-Credential, X-Amz-Date, X-Amz-Security-Token), then
//   {"key": Key} (or ["starts-with","$key",prefix] when Key ends in ${filename}); exact JSON
//   duplicates are dropped.
// - The signature is hex HMAC-SHA256(signingKey(secret, date, region, "s3"), <Policy base64 text>).
// - url: virtual-hosted "https://bucket.host/" (trailing slash) or path-style
//   "https://host/bucket" (the SDK forces path-style for IP endpoints).
//
// Normalisation when comparing OUR policy with the SDK's (and only this; inputs.mjs
// normalizeCondition): {"name": "v"} == ["eq", "$name", "v"] (S3 documents both forms); condition
// field names lower-cased (S3 matches them against form field names case-insensitively; the SDK
// writes "X-Amz-*"); conditions compared as a set (order free, a duplicate once normalised counts
// once); an expiration written with a ".000" fraction ("...:05.000Z", AWS docs' style) equals the
// SDK's "...:05Z" (normalizeExpiration). Values and content-length-range bounds compared exactly.
//
// Set SDK_ORACLE_PRINT=1 to print the SDK's outputs as test diagnostics (no secrets in them).

import {
  CASES,
  assertSame,
  assertSameDeep,
  atFixedInstant,
  credentialsFor,
  decodePolicy,
  expirationFor,
  fieldMap,
  guarded,
  normalizeConditions,
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
import { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';

const PRINT = process.env.SDK_ORACLE_PRINT === '1';

// The SDK's output for CASES[0] ("plain"), recorded with the SDK versions pinned in package.json.
// Policy decodes to:
// {"expiration":"2026-01-02T04:04:05Z","conditions":[["content-length-range",1,10485760],
//  ["starts-with","$Content-Type","image/"],{"Content-Type":"image/jpeg"},{"success_action_status":"201"},
//  {"bucket":"example-bucket"},{"X-Amz-Algorithm":"AWS4-HMAC-SHA256"},
//  {"X-Amz-Credential":"AKIAIOSFODNN7EXAMPLE/20260102/eu-west-1/s3/aws4_request"},
//  {"X-Amz-Date":"20260102T030405Z"},{"key":"uploads/photo.jpg"}]}
const CASE1_SDK_OUTPUT = {
  url: 'https://example-bucket.s3.eu-west-1.amazonaws.com/',
  fields: {
    'Content-Type': 'image/jpeg',
    success_action_status: '201',
    bucket: 'example-bucket',
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': 'AKIAIOSFODNN7EXAMPLE/20260102/eu-west-1/s3/aws4_request',
    'X-Amz-Date': '20260102T030405Z',
    key: 'uploads/photo.jpg',
    Policy:
      'eyJleHBpcmF0aW9uIjoiMjAyNi0wMS0wMlQwNDowNDowNVoiLCJjb25kaXRpb25zIjpbWyJjb250ZW50LWxlbmd0aC1yYW5nZSIsMSwxMDQ4NTc2MF0sWyJzdGFydHMtd2l0aCIsIiRDb250ZW50LVR5cGUiLCJpbWFnZS8iXSx7IkNvbnRlbnQtVHlwZSI6ImltYWdlL2pwZWcifSx7InN1Y2Nlc3NfYWN0aW9uX3N0YXR1cyI6IjIwMSJ9LHsiYnVja2V0IjoiZXhhbXBsZS1idWNrZXQifSx7IlgtQW16LUFsZ29yaXRobSI6IkFXUzQtSE1BQy1TSEEyNTYifSx7IlgtQW16LUNyZWRlbnRpYWwiOiJBS0lBSU9TRk9ETk43RVhBTVBMRS8yMDI2MDEwMi9ldS13ZXN0LTEvczMvYXdzNF9yZXF1ZXN0In0seyJYLUFtei1EYXRlIjoiMjAyNjAxMDJUMDMwNDA1WiJ9LHsia2V5IjoidXBsb2Fkcy9waG90by5qcGcifV19',
    'X-Amz-Signature': '6278b2ce8f9058a1171a242473d9f22dd38d472991d4bdc48616c6c3015573d8',
  },
};

/** The signature-related fields a SigV4 POST carries (lower-cased names). */
const V4_SIGNATURE_FIELDS = ['x-amz-algorithm', 'x-amz-credential', 'x-amz-date', 'x-amz-security-token', 'x-amz-signature'];

function v3Client(c) {
  return new S3Client({
    region: c.region,
    endpoint: c.endpoint,
    forcePathStyle: c.pathStyle,
    credentials: credentialsFor(c),
  });
}

/** The oracle: the SDK's { url, fields } for case c at the fixed instant. */
export async function sdkPresignedPost(c) {
  const client = v3Client(c);
  return atFixedInstant(() =>
    createPresignedPost(client, {
      Bucket: c.bucket,
      Key: c.key,
      Conditions: c.post.conditions,
      Fields: c.post.fields,
      Expires: c.expiresIn,
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// The SDK side alone: runs even before pkg/ exists.

test('SDK oracle (v3 createPresignedPost) is deterministic at the fixed instant', async (t) => {
  const first = [];
  for (const c of CASES) first.push(await sdkPresignedPost(c));
  await sleep(1100); // the real clock moves on by more than a second; the outputs must not
  for (const [i, c] of CASES.entries()) {
    const second = await sdkPresignedPost(c);
    assertSameDeep(second, first[i], `case "${c.name}": two SDK runs`);
    const f = fieldMap(first[i].fields);
    assertSame(f.get('x-amz-date'), '20260102T030405Z', `case "${c.name}": SDK X-Amz-Date`, ['SDK', 'wanted']);
    assertSame(decodePolicy(f.get('policy')).expiration, expirationFor(c), `case "${c.name}": SDK expiration`, ['SDK', 'wanted']);
    // The oracle itself agrees with an independent HMAC chain over its own Policy text.
    const secret = credentialsFor(c).secretAccessKey;
    assertSame(f.get('x-amz-signature'), v4PolicySignature(secret, '20260102', c.region, f.get('policy')),
      `case "${c.name}": SDK signature vs independent HMAC`, ['SDK', 'independent']);
    if (PRINT) {
      t.diagnostic(`case "${c.name}": url ${first[i].url}`);
      t.diagnostic(`case "${c.name}": fields ${redact(JSON.stringify(first[i].fields))}`);
      t.diagnostic(`case "${c.name}": policy ${JSON.stringify(decodePolicy(first[i].fields.Policy))}`);
    }
  }
});

test('SDK oracle: case 1 known answer', async () => {
  const r = await sdkPresignedPost(CASES[0]);
  assertSameDeep(r, CASE1_SDK_OUTPUT, 'SDK output for case 1 (did the SDK or the inputs change?)', ['SDK now', 'recorded']);
});

// ---------------------------------------------------------------------------------------------
// Ours vs the SDK.

for (const c of CASES) {
  test(`signPolicy(v4) on the SDK's policy gives the SDK's signature fields: ${c.name}`, { skip }, async () => {
    const sdk = await sdkPresignedPost(c);
    const sdkFields = fieldMap(sdk.fields);
    const ours = await guarded('signPolicy', () => signPolicy(sdk.fields.Policy, ourSignPolicyOptions(c, 'v4')));
    assert.ok(ours && ours.fields, 'signPolicy must return { fields: [[name, value], ...] }');
    const ourFields = fieldMap(ours.fields);

    const expectedNames = V4_SIGNATURE_FIELDS.filter((n) => sdkFields.has(n));
    const ourNames = [...ourFields.keys()].filter((n) => n !== 'policy').sort();
    assertSameDeep(ourNames, [...expectedNames].sort(), 'signature field names (lower-cased; "policy" aside)');
    for (const n of expectedNames) assertSame(ourFields.get(n), sdkFields.get(n), `field ${n}`);
    if (ourFields.has('policy')) assertSame(ourFields.get('policy'), sdk.fields.Policy, 'policy field echoed by signPolicy');
  });

  test(`signPostForm(v4) policy has the SDK's conditions and expiration: ${c.name}`, { skip }, async () => {
    const sdk = await sdkPresignedPost(c);
    const sdkFields = fieldMap(sdk.fields);
    const ours = await guarded('signPostForm', () => signPostForm(ourPostOptions(c, 'v4')));
    assert.ok(ours && Array.isArray(ours.fields), 'signPostForm must return { url, fields: [[name, value], ...] }');
    const ourFields = fieldMap(ours.fields);

    assertSame(ours.url, sdk.url, 'form action url');

    assert.ok(ourFields.has('policy'), 'our form has no policy field');
    const ourPolicy = decodePolicy(ourFields.get('policy'));
    const sdkPolicy = decodePolicy(sdk.fields.Policy);
    assertSameDeep(Object.keys(ourPolicy).sort(), ['conditions', 'expiration'], 'policy document members');
    assertSame(normalizeExpiration(ourPolicy.expiration), sdkPolicy.expiration, 'policy expiration (".000" fraction dropped)');
    assertSameDeep(normalizeConditions(ourPolicy.conditions), normalizeConditions(sdkPolicy.conditions), 'policy conditions (normalised set)');

    // Fields that do not depend on the policy bytes must equal the SDK's.
    for (const n of ['x-amz-algorithm', 'x-amz-credential', 'x-amz-date', 'x-amz-security-token', 'key']) {
      assertSame(ourFields.get(n), sdkFields.get(n), `form field ${n}`);
    }
    for (const [name, value] of Object.entries(c.post.fields)) {
      assertSame(ourFields.get(name.toLowerCase()), value, `form field ${name}`);
    }

    // Our signature over OUR policy: independent HMAC chain, and signPolicy, must agree with it.
    const ourSig = ourFields.get('x-amz-signature');
    const secret = credentialsFor(c).secretAccessKey;
    assertSame(ourSig, v4PolicySignature(secret, '20260102', c.region, ourFields.get('policy')), 'x-amz-signature over our policy (independent HMAC)');
    const again = fieldMap((await guarded('signPolicy', () => signPolicy(ourFields.get('policy'), ourSignPolicyOptions(c, 'v4')))).fields);
    assertSame(again.get('x-amz-signature'), ourSig, 'signPolicy(our policy) vs signPostForm signature');
  });
}
