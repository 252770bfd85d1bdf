// OSS's `in` / `not-in` POST policy conditions on the built package: signPostForm with them
// writes, byte for byte, the policy built independently in oss-in-oracle.mjs (JSON.stringify of
// the conditions as OSS documents them), and its V1 Signature / V4 x-oss-signature are what
// ali-oss 6.23.0 signs for that policy (calculatePostSignature, signPostObjectPolicyV4). The
// fixtures in tests/vectors/oss-in/ (tests/oss_in_conditions.rs's expected values) are checked
// against the live SDK too; regenerate with `node tests/node/oss-in-record.mjs`.
// Then the refusals, as a browser or a Node backend sees them.

import { assertSame, assertSameDeep, credentialsFor, fieldMap, guarded } from './inputs.mjs';
import { OSS_IN_CASES, fixtureName, ourOptions, sdkOutputs } from './oss-in-oracle.mjs';
import { signPostForm, skip } from './load.mjs';

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const fixture = (c) => JSON.parse(readFileSync(new URL(`../vectors/oss-in/${fixtureName(c)}.json`, import.meta.url), 'utf8'));

for (const c of OSS_IN_CASES) {
  test(`ali-oss outputs equal the recorded fixture: ${c.name}`, () => {
    assertSameDeep(sdkOutputs(c), fixture(c).sdk, 'ali-oss outputs', ['SDK now', 'fixture']);
  });

  for (const [version, label] of [['v2', 'V1'], ['v4', 'V4']]) {
    test(`signPostForm(oss, ${version}) with in/not-in: the independent policy, ali-oss ${label}'s signature: ${c.name}`, { skip }, async () => {
      const sdk = sdkOutputs(c)[version === 'v2' ? 'v1' : 'v4'];
      const form = await guarded('signPostForm', () => signPostForm(ourOptions(c, version, credentialsFor(c))));
      const f = fieldMap(form.fields);
      assertSame(Buffer.from(f.get('policy'), 'base64').toString('utf8'), sdk.policyJson, 'policy JSON');
      assertSame(f.get('policy'), sdk.policy, 'policy');
      if (version === 'v2') assertSame(f.get('signature'), sdk.Signature, 'Signature');
      else assertSame(f.get('x-oss-signature'), sdk.signature, 'x-oss-signature');
    });
  }
}

const base = {
  endpoint: 'https://oss-cn-hangzhou.aliyuncs.com', bucket: 'demo', region: 'cn-hangzhou', key: 'uploads/a.png',
  credentials: { accessKeyId: 'AK', secretAccessKey: 'not-a-real-secret' }, now: new Date('2026-01-02T03:04:05Z'),
  contentType: 'image/png',
};

function refused(options, code, field) {
  let error;
  try {
    signPostForm(options);
  } catch (e) {
    error = e;
  }
  assert.equal(error?.name, 'BucketUploadError', `not refused with a BucketUploadError: ${error}`);
  assert.equal(error.code, code, error.message);
  assert.equal(error.field, field, error.message);
  assert.ok(!error.message.includes('not-a-real-secret'));
  return error.message;
}

test('in / not-in: s3 and obs refuse them, naming conditions and the dialect', { skip }, () => {
  for (const [dialect, version] of [['s3', 'v4'], ['obs', 'v2']]) {
    const m = refused({ ...base, dialect, version, conditions: [['in', '$content-type', ['image/png']]] }, 'UnsupportedOption', 'conditions');
    assert.match(m, new RegExp(`"${dialect}"`));
  }
});

test('in / not-in: malformed conditions are refused (a string, no values, a number, no field name)', { skip }, () => {
  for (const conditions of [
    [['not-in', 'cache-control', 'no-cache']],
    [['in', '$content-type', []]],
    [['in', '$content-type', ['image/png', 1]]],
    [['in', '$', ['image/png']]],
  ]) {
    refused({ ...base, dialect: 'oss', conditions }, 'InvalidCondition', 'conditions');
  }
});

test('in / not-in: a form whose own field breaks one is refused, naming the field', { skip }, () => {
  refused({ ...base, dialect: 'oss', conditions: [['in', '$content-type', ['image/jpeg']]] }, 'ConditionNotMet', 'Content-Type');
  refused({ ...base, dialect: 'oss', conditions: [['not-in', '$key', ['uploads/a.png']]] }, 'ConditionNotMet', 'key');
  const form = signPostForm({ ...base, dialect: 'oss', conditions: [['IN', 'content-type', ['image/jpeg', 'image/png']]] });
  const policy = JSON.parse(Buffer.from(fieldMap(form.fields).get('policy'), 'base64').toString('utf8'));
  assert.deepEqual(policy.conditions.find((c) => c[0] === 'in'), ['in', '$content-type', ['image/jpeg', 'image/png']]);
});
