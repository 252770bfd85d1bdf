// The OSS `in` / `not-in` policy conditions: fixed inputs and an independent construction of the
// policy our module must write for them, signed by ali-oss 6.23.0. Shared by oss-in.test.mjs (live
// comparison with our package) and oss-in-record.mjs (writes tests/vectors/oss-in/*.json, the
// fixtures tests/oss_in_conditions.rs compares our core with).
//
// The independent construction: the policy is a plain object serialized by JSON.stringify (what
// ali-oss's policy2Str does), its conditions written the way OSS documents them —
// `["in", "$field", ["v1", "v2"]]`, `["not-in", "$field", [...]]` (help.aliyun.com/en/oss/user-guide/
// 0006-00000216) — in the order this module pins a form (src/core/form_conditions.rs):
// `{bucket}`, `key` (`starts-with` up to a `${filename}`, else `{key}`), one `{name: value}` per
// field, the caller's conditions, then the signature fields the policy pins (V4:
// x-oss-signature-version, x-oss-credential, x-oss-date; then x-oss-security-token).
// ali-oss then signs it: V1 `calculatePostSignature(policy)` → { policy, Signature }, V4
// `signPostObjectPolicyV4(policy, NOW)` → the hex x-oss-signature.

import { ACCESS_KEY_ID, NOW, SESSION_TOKEN } from './inputs.mjs';
import { ossClient } from './oss-oracle.mjs';

/** Every family of input (at least five): unicode and reserved characters in the listed values. */
export const OSS_IN_CASES = [
  {
    name: 'documented example: image types in, no-cache not-in',
    endpoint: 'https://oss-cn-hangzhou.aliyuncs.com',
    bucket: 'example-bucket',
    region: 'cn-hangzhou',
    pathStyle: false,
    key: 'user/eric/photo.png',
    expiresIn: 3600,
    fields: [['Content-Type', 'image/png'], ['Cache-Control', 'max-age=3600']],
    conditions: [
      ['content-length-range', 1, 1024],
      ['in', '$content-type', ['image/jpeg', 'image/png']],
      ['not-in', '$cache-control', ['no-cache']],
    ],
  },
  {
    name: 'unicode values, region given with the oss- prefix',
    endpoint: 'https://oss-cn-shanghai.aliyuncs.com',
    bucket: 'example-bucket',
    region: 'oss-cn-shanghai',
    pathStyle: false,
    key: 'uploads/naïve 文件 ☃.txt',
    expiresIn: 600,
    fields: [['x-oss-meta-note', 'naïve 文件 ☃ 😀'], ['Content-Type', 'text/plain; charset=utf-8']],
    conditions: [
      ['in', '$x-oss-meta-note', ['naïve 文件 ☃ 😀', 'другой', 'Ünïcödé', '\u{1F600}']],
      ['not-in', '$content-type', ['text/html; charset=utf-8', '文本/纯']],
    ],
  },
  {
    name: 'reserved and escaped characters, path-style',
    endpoint: 'https://oss-cn-hangzhou.aliyuncs.com',
    bucket: 'example-bucket',
    region: 'cn-hangzhou',
    pathStyle: true,
    key: "a+b=c&d?e#f%g;h,i:j@k$l!m'n(o)p*q~r",
    expiresIn: 3600,
    fields: [['Content-Disposition', 'attachment; filename="a+b=c&d?e#f%g.txt"']],
    conditions: [
      ['in', '$content-disposition', ['attachment; filename="a+b=c&d?e#f%g.txt"', 'inline', 'back\\slash "quoted"']],
      ['not-in', '$content-disposition', ['</script><script>', "a+b=c&d?e#f%g;h,i:j@k$l!m'n(o)p*q~r", '${filename}', 'tab\there', 'ctl\u0001\u001f', 'sep\u2028\u2029']],
    ],
  },
  {
    name: 'session token, key with ${filename}, success_action_status in a list',
    endpoint: 'https://oss-cn-beijing.aliyuncs.com',
    bucket: 'example-bucket',
    region: 'cn-beijing',
    pathStyle: false,
    sessionToken: SESSION_TOKEN,
    key: 'uploads/${filename}',
    expiresIn: 300,
    fields: [['success_action_status', '201']],
    conditions: [
      ['in', '$success_action_status', ['200', '201', '204']],
      ['not-in', '$key', ['uploads/evil.exe', 'uploads/.htaccess']],
    ],
  },
  {
    name: 'storage class and ACL, mixed-case field names',
    endpoint: 'https://oss-ap-southeast-1.aliyuncs.com',
    bucket: 'reports-bucket',
    region: 'ap-southeast-1',
    pathStyle: false,
    key: 'docs/Q3 report.pdf',
    expiresIn: 7200,
    fields: [['X-Oss-Storage-Class', 'IA'], ['x-oss-object-acl', 'private'], ['x-oss-meta-Owner-Name', 'Ada  Lovelace']],
    conditions: [
      ['in', '$x-oss-storage-class', ['Standard', 'IA']],
      ['not-in', '$x-oss-object-acl', ['public-read', 'public-read-write']],
      ['in', '$x-oss-meta-Owner-Name', ['Ada  Lovelace', 'Grace Hopper']],
      ['content-length-range', 0, 5242880],
    ],
  },
  {
    name: 'OSS-compatible server on a port, an empty string and a repeated value listed',
    endpoint: 'http://localhost:9000',
    bucket: 'local-bucket',
    region: 'cn-hangzhou',
    pathStyle: true,
    sessionToken: SESSION_TOKEN,
    key: 'uploads/plain.txt',
    expiresIn: 60,
    fields: [['Content-Type', 'text/plain']],
    conditions: [
      ['in', '$content-type', ['', 'text/plain']],
      ['not-in', '$content-type', ['text/html', 'text/html']],
    ],
  },
];

/** The file name of a case's fixture under tests/vectors/oss-in/: its name, slugged. */
export const fixtureName = (c) => c.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

const FILENAME = '${filename}';

/** The policy object for case c and version ('v2' = OSS V1, 'v4'), built independently. */
export function policyObject(c, version) {
  const date = NOW.toISOString().replace(/[-:]|\.\d{3}/g, '');
  const region = c.region.replace(/^oss-/, '');
  const at = c.key.indexOf(FILENAME);
  const conditions = [
    { bucket: c.bucket },
    at >= 0 ? ['starts-with', '$key', c.key.slice(0, at)] : { key: c.key },
    ...c.fields.map(([n, v]) => ({ [n]: v })),
    ...c.conditions,
  ];
  if (version === 'v4') {
    conditions.push({ 'x-oss-signature-version': 'OSS4-HMAC-SHA256' });
    conditions.push({ 'x-oss-credential': `${ACCESS_KEY_ID}/${date.slice(0, 8)}/${region}/oss/aliyun_v4_request` });
    conditions.push({ 'x-oss-date': date });
  }
  if (c.sessionToken) conditions.push({ 'x-oss-security-token': c.sessionToken });
  return { expiration: new Date(NOW.getTime() + c.expiresIn * 1000).toISOString(), conditions };
}

/** What ali-oss signs for case c: the policy JSON, its base64 and the signature, V1 and V4. */
export function sdkOutputs(c) {
  const v1Policy = policyObject(c, 'v2');
  const v1 = ossClient(c).calculatePostSignature(v1Policy);
  const v4Policy = policyObject(c, 'v4');
  return {
    v1: { policyJson: JSON.stringify(v1Policy), policy: v1.policy, Signature: v1.Signature },
    v4: {
      policyJson: JSON.stringify(v4Policy),
      policy: Buffer.from(JSON.stringify(v4Policy), 'utf8').toString('base64'),
      signature: ossClient(c, true).signPostObjectPolicyV4(v4Policy, NOW),
    },
  };
}

/** Our package's signPostForm options for case c. */
export function ourOptions(c, version, credentials) {
  return {
    dialect: 'oss',
    version,
    endpoint: c.endpoint,
    bucket: c.bucket,
    region: c.region,
    pathStyle: c.pathStyle,
    credentials,
    key: c.key,
    expiresIn: c.expiresIn,
    now: NOW,
    conditions: c.conditions,
    fields: Object.fromEntries(c.fields),
  };
}
