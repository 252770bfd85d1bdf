// Differential test: the `oss` dialect against ali-oss 6.23.0 (the SDK Alibaba publishes), V1
// (`version: 'v2'`) and V4 (`version: 'v4'`), on the fixed inputs of oss-oracle.mjs at inputs.mjs's
// NOW. What is compared, per case:
// - signPutHeaders: the Authorization, x-oss-date, x-oss-content-sha256 (V4) and
//   x-oss-security-token values and the URL, against ali-oss's createRequest (V1 and V4);
// - presignPut: the whole URL against signatureUrl (V1) and signatureUrlV4 (V4);
// - signPolicy: the signature fields over a policy ali-oss signed (calculatePostSignature,
//   signPostObjectPolicyV4);
// - signPostForm: ali-oss re-encodes OUR policy JSON (JSON.stringify(JSON.parse(text))) to the very
//   same base64 and signs it to the very same signature; and every form field has a condition.
// Outputs are byte-identical except for the one normalisation of oss-oracle.mjs
// (normalizePathEscapes: `!'()*` in the URL path, literal in ali-oss, %-escaped by us).
//
// The fixtures in tests/vectors/oss-sdk/ (the native Rust tests' expected values) are checked
// against the live SDK here too, so they cannot go stale; regenerate with
// `node tests/node/oss-record.mjs` after bumping ali-oss.
//
// ali-oss and OSS's documents (deviations found while writing these tests):
// - V1 header signing with x-oss-date: the x-oss-date value stands on the Date line and is also a
//   CanonicalizedOSSHeaders entry; the document describes only Date. Followed (see oss/mod.rs).
// - V4 `Authorization`: ali-oss joins the parts with "," where the document's format line shows
//   ", "; its own examples use ",". We write ali-oss's form.
// - URL paths: encodeURIComponent (`!'()*` unescaped), not RFC 3986.
// - signatureUrl (V1) refuses an IP-address endpoint ("can not get the object URL when endpoint is
//   IP"); OSS itself has no such rule. Our module signs such URLs (path-style).

import { ACCESS_KEY_ID, NOW, assertSame, assertSameDeep, decodePolicy, fieldMap, guarded, redact } from './inputs.mjs';
import {
  OSS_CASES,
  examplePolicy,
  normalizePathEscapes,
  ourOssPostOptions,
  ourOssPutOptions,
  ourOssSignPolicyOptions,
  sdkOutputs,
  sdkPostV1,
  sdkPostV4,
} from './oss-oracle.mjs';
import { fixtureName } from './oss-cases.mjs';
import { presignPut, signPolicy, signPostForm, signPutHeaders, skip } from './load.mjs';

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';

const fixture = (c) => JSON.parse(readFileSync(new URL(`../vectors/oss-sdk/${fixtureName(c)}.json`, import.meta.url), 'utf8'));

const header = (headers, name) => {
  const hit = Object.entries(headers).find(([n]) => n.toLowerCase() === name);
  return hit && hit[1];
};

const secret = () => JSON.parse(readFileSync(new URL('../vectors/oss-sdk/plain.json', import.meta.url), 'utf8')).secretAccessKey;

// ---------------------------------------------------------------------------------------------
// The SDK side alone (runs before pkg/ exists).

for (const c of OSS_CASES) {
  test(`ali-oss outputs equal the recorded fixture: ${c.name}`, async () => {
    const live = await sdkOutputs(c);
    assertSameDeep(live, fixture(c).sdk, 'ali-oss outputs', ['SDK now', 'fixture']);
  });
}

test('ali-oss follows the documented formulas (independent HMACs over the fixture inputs)', () => {
  const c = OSS_CASES[0];
  const f = fixture(c).sdk;
  // V1 POST: Signature = base64(hmac-sha1(secret, base64(policy))).
  assertSame(f.v1Post.Signature, createHmac('sha1', secret()).update(f.v1Post.policy).digest('base64'), 'V1 POST signature', ['SDK', 'formula']);
  // V4 POST: hex hmac-sha256(kSigning, base64(policy)), kSigning from "aliyun_v4" + secret.
  const h = (k, d) => createHmac('sha256', k).update(d).digest();
  const k = h(h(h(h(`aliyun_v4${secret()}`, '20260102'), 'cn-hangzhou'), 'oss'), 'aliyun_v4_request');
  assertSame(f.v4Post.signature, createHmac('sha256', k).update(f.v4Post.policy).digest('hex'), 'V4 POST signature', ['SDK', 'formula']);
});

// ---------------------------------------------------------------------------------------------
// Ours vs the SDK.

for (const c of OSS_CASES) {
  for (const [version, label] of [['v2', 'V1'], ['v4', 'V4']]) {
    test(`signPutHeaders(oss, ${version}) equals ali-oss ${label} createRequest: ${c.name}`, { skip }, async () => {
      const sdk = fixture(c).sdk[version === 'v2' ? 'v1Put' : 'v4Put'];
      const ours = await guarded('signPutHeaders', () => signPutHeaders(ourOssPutOptions(c, version)));
      assertSame(ours.method, 'PUT', 'method');
      assertSame(normalizePathEscapes(ours.url), normalizePathEscapes(sdk.url), 'URL');
      for (const name of ['authorization', 'x-oss-date', 'x-oss-content-sha256', 'x-oss-security-token']) {
        assertSame(header(ours.headers, name), sdk.headers[name], `header ${name}`);
      }
      // Every caller header is sent as given.
      for (const [n, v] of c.headers) assertSame(ours.headers[n], v, `caller header ${n}`);
      assert.ok(!String(ours.stringToSign).includes(c.sessionToken ?? '\u0000'), 'the string to sign shows the session token');
    });

    test(`presignPut(oss, ${version}) equals ali-oss ${label === 'V1' ? 'signatureUrl' : 'signatureUrlV4'}: ${c.name}`, { skip }, async () => {
      const sdk = fixture(c).sdk[version === 'v2' ? 'v1Url' : 'v4Url'];
      const ours = await guarded('presignPut', () => presignPut(ourOssPutOptions(c, version)));
      assertSame(normalizePathEscapes(ours), normalizePathEscapes(sdk), 'presigned URL');
    });
  }

  test(`signPolicy(oss) signs ali-oss's policies to ali-oss's signatures: ${c.name}`, { skip }, async () => {
    const f = fixture(c).sdk;
    const v1 = fieldMap((await guarded('signPolicy', () => signPolicy(f.v1Post.policy, ourOssSignPolicyOptions(c, 'v2')))).fields);
    assertSame(v1.get('signature'), f.v1Post.Signature, 'V1 Signature');
    assertSame(v1.get('ossaccesskeyid'), f.v1Post.OSSAccessKeyId, 'OSSAccessKeyId');
    assertSame(v1.get('policy'), f.v1Post.policy, 'policy echoed');
    assertSame(v1.get('x-oss-security-token'), c.sessionToken, 'V1 x-oss-security-token');
    const v4 = fieldMap((await guarded('signPolicy', () => signPolicy(f.v4Post.policy, ourOssSignPolicyOptions(c, 'v4')))).fields);
    assertSame(v4.get('x-oss-signature'), f.v4Post.signature, 'V4 x-oss-signature');
    // The V4 fields are the values the example policy pins.
    const pinned = Object.fromEntries(JSON.parse(f.v4Post.policyJson).conditions.filter((x) => !Array.isArray(x)).map((x) => Object.entries(x)[0]));
    for (const n of ['x-oss-signature-version', 'x-oss-credential', 'x-oss-date', 'x-oss-security-token']) {
      assertSame(v4.get(n), pinned[n], `V4 field ${n}`);
    }
  });

  for (const [version, label] of [['v2', 'V1'], ['v4', 'V4']]) {
    test(`signPostForm(oss, ${version}): ali-oss ${label} signs our policy to our signature; every field pinned: ${c.name}`, { skip }, async () => {
      const form = await guarded('signPostForm', () => signPostForm(ourOssPostOptions(c, version)));
      const f = fieldMap(form.fields);
      const policyText = Buffer.from(f.get('policy'), 'base64').toString('utf8');
      if (version === 'v2') {
        const sdk = sdkPostV1(c, policyText);
        assertSame(f.get('policy'), sdk.policy, 'policy (ali-oss re-encodes our JSON identically)');
        assertSame(f.get('signature'), sdk.Signature, 'Signature');
        assertSame(f.get('ossaccesskeyid'), ACCESS_KEY_ID, 'OSSAccessKeyId');
      } else {
        assertSame(f.get('policy'), Buffer.from(JSON.stringify(JSON.parse(policyText))).toString('base64'), 'policy is JSON.stringify output');
        assertSame(f.get('x-oss-signature'), sdkPostV4(c, JSON.parse(policyText)), 'x-oss-signature');
        assertSame(f.get('x-oss-signature-version'), 'OSS4-HMAC-SHA256', 'x-oss-signature-version');
      }
      assertSame(f.get('x-oss-security-token'), c.sessionToken, 'x-oss-security-token');
      assertSame(form.url, `${new URL(c.endpoint).protocol}//${c.pathStyle ? `${new URL(c.endpoint).host}/${c.bucket}` : `${c.bucket}.${new URL(c.endpoint).host}/`}`, 'form action');
      const policy = decodePolicy(f.get('policy'));
      assertSame(policy.expiration, new Date(NOW.getTime() + c.expiresIn * 1000).toISOString(), 'expiration');
      // OSS exempts only these from the policy; we pin everything else, signer fields included.
      const exempt = new Set(['ossaccesskeyid', 'policy', 'signature', 'x-oss-signature', 'file']);
      for (const [name, value] of f) {
        if (exempt.has(name)) continue;
        const covered = policy.conditions.some((cond) =>
          Array.isArray(cond)
            ? cond[1]?.toLowerCase?.() === `$${name}` && ((cond[0] === 'eq' && cond[2] === value) || (cond[0] === 'starts-with' && value.startsWith(cond[2])))
            : Object.keys(cond).length === 1 && Object.keys(cond)[0].toLowerCase() === name && Object.values(cond)[0] === value,
        );
        assert.ok(covered, redact(`form field ${name}=${JSON.stringify(value)} has no condition in ${JSON.stringify(policy)}`));
      }
    });
  }
}

test('examplePolicy is what the fixtures were recorded from', () => {
  for (const c of OSS_CASES) {
    assertSame(examplePolicy(c, false), fixture(c).sdk.v1Post.policyJson, `${c.name}: V1 example policy`);
    assertSame(examplePolicy(c, true), fixture(c).sdk.v4Post.policyJson, `${c.name}: V4 example policy`);
  }
});
