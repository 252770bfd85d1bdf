// Fixed inputs shared by every differential test in tests/node/, plus the small helpers they
// share (the adapters that turn a case into OUR options, clock freezing for the SDKs, and
// assertions that never print the secret key).
//
// Everything here is deterministic: a fixed instant, fixed credentials, fixed bodies.
// The secret below is AWS's documented example key, not a real credential; even so the tests
// never print it (see redact / assertSame).

import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { mock } from 'node:test';

// The SDKs print version/maintenance notices on load; they say nothing about our module.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE ??= '1';

/** The fixed instant every signature is computed at. */
export const NOW = new Date('2026-01-02T03:04:05Z');
export const NOW_MS = NOW.getTime(); // 1767323045000
export const NOW_SECONDS = NOW_MS / 1000;

export const ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
/** A made-up session token with the characters that need escaping in a query (+ / =). */
export const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLE//session+token/with=padding==';

/** Credentials in our module's (camelCase) shape; the SDK v3 shape is the same. */
export function credentialsFor(c) {
  return {
    accessKeyId: ACCESS_KEY_ID,
    secretAccessKey: SECRET_ACCESS_KEY,
    ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}),
  };
}

const md5b64 = (s) => createHash('md5').update(s, 'utf8').digest('base64');

// Metadata is written as the SDKs take it (Metadata: { 'Owner-Name': ... }); as a header or a
// form field it is `x-amz-meta-<name>` with the name's case kept (x-amz-meta-Owner-Name).
export const CASES = [
  {
    name: 'plain',
    endpoint: 'https://s3.eu-west-1.amazonaws.com',
    bucket: 'example-bucket',
    region: 'eu-west-1',
    pathStyle: false,
    key: 'uploads/photo.jpg',
    expiresIn: 3600,
    contentType: 'image/jpeg',
    body: 'not really a jpeg\n',
    metadata: {},
    post: {
      conditions: [['content-length-range', 1, 10485760], ['starts-with', '$Content-Type', 'image/']],
      fields: { 'Content-Type': 'image/jpeg', success_action_status: '201' },
    },
  },
  {
    name: 'key with spaces, path-style, local endpoint with port',
    endpoint: 'http://127.0.0.1:9000',
    bucket: 'local-bucket',
    region: 'us-east-1',
    pathStyle: true,
    key: 'uploads/my holiday photo 2026.jpg',
    expiresIn: 900,
    contentType: 'image/jpeg',
    body: 'beach\n',
    metadata: {},
    post: {
      conditions: [['content-length-range', 0, 1048576]],
      fields: { 'Content-Type': 'image/jpeg' },
    },
  },
  {
    name: 'unicode key',
    endpoint: 'https://s3.eu-west-1.amazonaws.com',
    bucket: 'example-bucket',
    region: 'eu-west-1',
    pathStyle: false,
    key: 'uploads/naïve 文件 ☃.txt',
    expiresIn: 600,
    contentType: 'text/plain; charset=utf-8',
    body: 'naïve 文件 ☃\n',
    metadata: {},
    post: {
      conditions: [['content-length-range', 0, 65536], ['starts-with', '$key', 'uploads/']],
      fields: { 'Content-Type': 'text/plain; charset=utf-8' },
    },
  },
  {
    name: 'reserved characters in key, path-style',
    endpoint: 'https://s3.eu-west-1.amazonaws.com',
    bucket: 'example-bucket',
    region: 'eu-west-1',
    pathStyle: true,
    key: "a+b=c&d?e#f%g;h,i:j@k$l!m'n(o)p*q~r",
    expiresIn: 3600,
    contentType: 'application/octet-stream',
    body: '\u0000\u0001\u0002',
    metadata: {},
    post: {
      conditions: [],
      fields: { 'Content-Type': 'application/octet-stream' },
    },
  },
  {
    name: 'mixed-case metadata',
    endpoint: 'https://s3.ap-southeast-2.amazonaws.com',
    bucket: 'reports-bucket',
    region: 'ap-southeast-2',
    pathStyle: false,
    key: 'docs/Q3 report.pdf',
    expiresIn: 7200,
    contentType: 'application/pdf',
    body: '%PDF-1.4\n',
    // Two spaces inside the value on purpose: SigV4 canonical headers collapse runs of spaces
    // ("Ada Lovelace"), SigV2 canonicalized amz headers keep the value as it is.
    metadata: { 'Owner-Name': 'Ada  Lovelace', Project: 'Q3' },
    post: {
      conditions: [['content-length-range', 1, 5242880]],
      fields: {
        'Content-Type': 'application/pdf',
        'x-amz-meta-Owner-Name': 'Ada  Lovelace',
        'x-amz-meta-Project': 'Q3',
        success_action_status: '201',
      },
    },
  },
  {
    name: 'session token',
    endpoint: 'https://s3.eu-west-1.amazonaws.com',
    bucket: 'example-bucket',
    region: 'eu-west-1',
    pathStyle: false,
    sessionToken: SESSION_TOKEN,
    key: 'uploads/temp/data.bin',
    expiresIn: 300,
    contentType: 'application/octet-stream',
    body: 'temporary credentials\n',
    metadata: { 'Owner-Name': 'Grace' },
    post: {
      conditions: [['content-length-range', 1, 1048576]],
      fields: { 'Content-Type': 'application/octet-stream', 'x-amz-meta-Owner-Name': 'Grace' },
    },
  },
  {
    name: 'virtual-hosted custom endpoint',
    endpoint: 'https://storage.example.com',
    bucket: 'media',
    region: 'us-east-1',
    pathStyle: false,
    key: 'a/b/c.txt',
    expiresIn: 60,
    contentType: 'text/plain',
    body: 'abc\n',
    metadata: {},
    post: {
      conditions: [['eq', '$success_action_status', '204']],
      fields: { 'Content-Type': 'text/plain', success_action_status: '204' },
    },
  },
].map((c) => ({ ...c, contentMd5: md5b64(c.body) }));

/** `x-amz-meta-<Name>` header/field name for a metadata entry, case kept. */
export const metaName = (name) => `x-amz-meta-${name}`;

// ---------------------------------------------------------------------------------------------
// Adapters: a case -> OUR module's options, in the shape pkg/bucket_upload.d.ts declares (flat
// target: endpoint, bucket, region, pathStyle, credentials, key, expiresIn, now). If that shape
// changes, change it HERE only.
// Conditions are given in the S3 policy JSON forms, exactly as the SDKs take them:
//   ['eq', '$name', value] | ['starts-with', '$name', prefix] | ['content-length-range', min, max]
//   | { name: value }
// Fields and headers are { name: value } records (insertion order kept).

export function ourTarget(c, version) {
  return {
    dialect: 's3',
    version,
    endpoint: c.endpoint,
    bucket: c.bucket,
    region: c.region,
    pathStyle: c.pathStyle,
    credentials: credentialsFor(c),
    key: c.key,
    expiresIn: c.expiresIn,
    now: NOW,
  };
}

export function ourPostOptions(c, version = 'v4') {
  return { ...ourTarget(c, version), conditions: c.post.conditions, fields: { ...c.post.fields } };
}

/** The headers our presigned PUT signs (host is always signed on top of these). */
export function putHeaders(c) {
  return {
    'Content-Type': c.contentType,
    'Content-MD5': c.contentMd5,
    ...Object.fromEntries(Object.entries(c.metadata).map(([k, v]) => [metaName(k), v])),
  };
}

export function ourPutOptions(c, version = 'v4') {
  return { ...ourTarget(c, version), headers: putHeaders(c) };
}

export function ourSignPolicyOptions(c, version = 'v4') {
  return { dialect: 's3', version, credentials: credentialsFor(c), region: c.region, now: NOW };
}

// ---------------------------------------------------------------------------------------------
// Clock freezing for SDK calls that read the clock themselves (createPresignedPost in v3 and v2,
// getSignedUrl in v2): node:test's mock timers replace Date (Date.now() and new Date()) with the
// fixed instant for the duration of fn, and are reset afterwards.

export async function atFixedInstant(fn) {
  mock.timers.enable({ apis: ['Date'], now: NOW_MS });
  try {
    return await fn();
  } finally {
    mock.timers.reset();
  }
}

// ---------------------------------------------------------------------------------------------
// Secret-safe assertions: failure messages may show URLs, fields and signatures, never the secret.

const SECRET_FORMS = [SECRET_ACCESS_KEY, encodeURIComponent(SECRET_ACCESS_KEY)];

export function redact(value) {
  let s = typeof value === 'string' ? value : safeString(value);
  for (const f of SECRET_FORMS) s = s.split(f).join('<redacted secret>');
  return s;
}

function safeString(v) {
  try {
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  } catch {
    return String(v);
  }
}

/** strictEqual with a labelled, redacted message (labels: what `actual` and `expected` are). */
export function assertSame(actual, expected, what, [la, le] = ['ours', 'SDK']) {
  if (actual === expected) return;
  throw new assert.AssertionError({
    message: redact(`${what} differs\n    ${la}: ${safeString(actual)}\n    ${le}: ${safeString(expected)}`),
    actual: redact(actual),
    expected: redact(expected),
    operator: 'strictEqual',
  });
}

/** deepStrictEqual with a labelled, redacted message. */
export function assertSameDeep(actual, expected, what, [la, le] = ['ours', 'SDK']) {
  try {
    assert.deepStrictEqual(actual, expected);
  } catch {
    throw new assert.AssertionError({
      message: redact(`${what} differs\n    ${la}: ${safeString(actual)}\n    ${le}: ${safeString(expected)}`),
      actual: redact(actual),
      expected: redact(expected),
      operator: 'deepStrictEqual',
    });
  }
}

/**
 * Runs fn (a call into our module or an SDK) and rethrows any error with the secret removed from
 * its message and properties, so that a throwing call cannot print it either.
 */
export async function guarded(what, fn) {
  try {
    return await fn();
  } catch (e) {
    const props = {};
    for (const k of ['code', 'field', 'status', 'requestId', 'name']) {
      if (e && e[k] !== undefined) props[k] = redact(e[k]);
    }
    const err = new Error(redact(`${what} threw: ${e && e.message !== undefined ? e.message : e}`));
    Object.assign(err, props);
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------
// Small shared utilities.

/** [[name, value], ...] or {name: value} -> Map keyed by the lower-cased name. */
export function fieldMap(fields) {
  const entries = Array.isArray(fields) ? fields : Object.entries(fields);
  const m = new Map();
  for (const [k, v] of entries) {
    const lk = String(k).toLowerCase();
    assert.ok(!m.has(lk), `field ${k} appears twice (names compared case-insensitively)`);
    m.set(lk, v);
  }
  return m;
}

export const decodePolicy = (b64) => JSON.parse(Buffer.from(b64, 'base64').toString('utf8'));

// ---------------------------------------------------------------------------------------------
// POST policy helpers shared by the SigV4 POST oracles (v3 and v2 SDKs).
//
// Normalisation when comparing OUR policy conditions with an SDK's (and only this):
// - {"name": "v"} and ["eq", "$name", "v"] are the same condition (S3 documents both forms);
// - condition field names are compared lower-cased ("$X-Amz-Date" == "$x-amz-date"): S3 matches
//   them against form field names case-insensitively, and the SDKs write "X-Amz-*"; values and
//   content-length-range bounds are compared exactly (numbers stay numbers);
// - the conditions are compared as sets (order is free; a condition present twice once
//   normalised, e.g. ["eq","$success_action_status","204"] and {"success_action_status":"204"},
//   counts once).

/** One policy condition -> a canonical string. */
export function normalizeCondition(cond) {
  if (Array.isArray(cond)) {
    const [op, a, b] = cond;
    if (op === 'content-length-range') return JSON.stringify([op, a, b]);
    assert.equal(typeof a, 'string', `condition ${JSON.stringify(cond)}: the field name is not a string`);
    return JSON.stringify([op, a.toLowerCase(), b]);
  }
  assert.ok(cond && typeof cond === 'object', `condition ${JSON.stringify(cond)} is neither an array nor an object`);
  const entries = Object.entries(cond);
  assert.equal(entries.length, 1, `condition ${JSON.stringify(cond)} must have exactly one name`);
  const [[name, value]] = entries;
  return JSON.stringify(['eq', `$${name.toLowerCase()}`, value]);
}

export const normalizeConditions = (conditions) => [...new Set(conditions.map(normalizeCondition))].sort();

/**
 * Policy expiration normalised: the SDKs write ISO-8601 UTC without milliseconds
 * ("2026-01-02T04:04:05Z"); AWS's own policy examples write ".000Z". Both name the same instant
 * and S3 accepts both, so a ".000" fraction is the one format difference dropped here. Anything
 * else (another fraction, an offset, a different instant) stays a mismatch.
 */
export function normalizeExpiration(s) {
  assert.equal(typeof s, 'string', 'policy expiration must be a string');
  const n = s.replace(/\.000Z$/, 'Z');
  assert.match(n, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/, `policy expiration ${JSON.stringify(s)} is not ISO-8601 UTC`);
  return n;
}

/** The SDKs' policy expiration format: ISO-8601 UTC without milliseconds. */
export const expirationFor = (c) => new Date(NOW_MS + c.expiresIn * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Independent SigV4 POST signature (node:crypto): hex HMAC-SHA256(signing key, policy base64 text). */
export function v4PolicySignature(secret, shortDate, region, policyBase64) {
  const h = (key, data) => createHmac('sha256', key).update(data, 'utf8').digest();
  const kSigning = h(h(h(h(`AWS4${secret}`, shortDate), region), 's3'), 'aws4_request');
  return createHmac('sha256', kSigning).update(policyBase64, 'utf8').digest('hex');
}
