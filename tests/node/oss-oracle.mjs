// The Alibaba OSS oracle: fixed inputs and the calls into ali-oss (6.23.0, pinned in
// package.json) that sign them, shared by oss-sdk.test.mjs (live comparison with our module)
// and oss-record.mjs (writes tests/vectors/oss-sdk/*.json, the fixtures the native Rust tests
// compare with). Everything here is deterministic: the instant is inputs.mjs's NOW, frozen with
// node:test mock timers around every SDK call that reads the clock.
//
// Which ali-oss functions are the oracle:
// - V1 PUT header: `createRequest` (lib/common/utils/createRequest.js), the function every
//   ali-oss request goes through: it adds `x-oss-date` (HTTP date), `x-oss-security-token`, and
//   `authorization` from `client.authorization` → signUtils.buildCanonicalString /
//   computeSignature. Nothing is sent.
// - V4 PUT header: the same `createRequest` on a client with `authorizationV4: true`
//   (→ signUtils.authorizationV4), with `additionalHeaders` = every header V4 does not sign by
//   default plus `host`. ali-oss signs `host` only if the request's headers hold it, so the
//   host our module signs is passed as a header, as an ali-oss user who signs it must.
// - V1 presigned URL: `client.signatureUrl(key, { method, expires, headers… })`.
// - V4 presigned URL: `client.signatureUrlV4(method, expires, { headers }, key, additional)`.
// - V1 POST: `client.calculatePostSignature(policy)` → { OSSAccessKeyId, Signature, policy }.
// - V4 POST: `client.signPostObjectPolicyV4(policy, date)` → the hex x-oss-signature.
//
// ali-oss deviations from OSS's documents, found here (see the report in oss-sdk.test.mjs):
// - V1 PUT: the `x-oss-date` value is put on the string to sign's Date line *and* signed again
//   among the CanonicalizedOSSHeaders; the V1 document only speaks of `Date`. This module signs
//   the same way (OSS accepts it; it is what every ali-oss browser upload sends).
// - URL paths are escaped with encodeURIComponent (`!'()*` literal); RFC 3986 (and our module)
//   escape them. Same key either way; V4 signs the RFC 3986 form in both.
// - V4 canonical query sorting uses `localeCompare`, not byte order (no difference for the
//   all-lower-case `x-oss-*` names used here).

import OSS from 'ali-oss';
import { createRequest } from 'ali-oss/lib/common/utils/createRequest.js';
import { ACCESS_KEY_ID, NOW, atFixedInstant, credentialsFor } from './inputs.mjs';
import { OSS_CASES } from './oss-cases.mjs';

export { OSS_CASES };


/** Headers V4 signs without being listed as additional (OSS V4 document, Canonical Headers). */
export const isDefaultSigned = (lower) => lower === 'content-type' || lower === 'content-md5' || lower.startsWith('x-oss-');

/** The Host header value a browser sends for case c (default port dropped). */
export function hostOf(c) {
  const u = new URL(c.endpoint);
  return c.pathStyle ? u.host : `${c.bucket}.${u.host}`;
}

/** The additional headers our module lists: host plus every non-default caller header. */
export function additionalOf(c) {
  const names = c.headers.map(([n]) => n.toLowerCase()).filter((n) => !isDefaultSigned(n));
  return [...new Set([...names, 'host'])].sort();
}

export function ossClient(c, authorizationV4 = false) {
  const cred = credentialsFor(c);
  return new OSS({
    region: c.region,
    endpoint: c.endpoint,
    bucket: c.bucket,
    sldEnable: c.pathStyle,
    accessKeyId: cred.accessKeyId,
    accessKeySecret: cred.secretAccessKey,
    ...(c.sessionToken ? { stsToken: c.sessionToken, refreshSTSTokenInterval: 300000 } : {}),
    authorizationV4,
  });
}

/** ali-oss's request headers for a PUT (V1 or V4), computed at NOW; nothing is sent. */
export async function sdkPutHeaders(c, v4) {
  const client = ossClient(c, v4);
  const headers = Object.fromEntries(c.headers);
  if (v4) headers.host = hostOf(c);
  const r = await atFixedInstant(() =>
    createRequest.call(client, {
      method: 'PUT',
      bucket: c.bucket,
      object: c.key,
      headers,
      ...(v4 ? { additionalHeaders: additionalOf(c) } : {}),
    }),
  );
  return { url: r.url, headers: r.params.headers };
}

/** ali-oss's V1 presigned PUT URL. */
export async function sdkUrlV1(c) {
  const options = { method: 'PUT', expires: c.expiresIn };
  for (const [n, v] of c.headers) {
    const lower = n.toLowerCase();
    if (lower === 'content-type' || lower === 'content-md5' || lower.startsWith('x-oss-')) options[n] = v;
  }
  return atFixedInstant(() => ossClient(c).signatureUrl(c.key, options));
}

/** ali-oss's V4 presigned PUT URL, signing host and the non-default headers. */
export async function sdkUrlV4(c) {
  const headers = { ...Object.fromEntries(c.headers), host: hostOf(c) };
  return atFixedInstant(() => ossClient(c, true).signatureUrlV4('PUT', c.expiresIn, { headers }, c.key, additionalOf(c)));
}

/** A policy built the way ali-oss's docs build one (conditions from the case), as JSON text. */
export function examplePolicy(c, v4) {
  const date = NOW.toISOString().replace(/[-:]|\.\d{3}/g, '');
  const region = c.region.replace(/^oss-/, '');
  const conditions = [{ bucket: c.bucket }, ...c.post.conditions, ['eq', '$key', c.post.key ?? c.key]];
  if (v4) {
    conditions.push({ 'x-oss-signature-version': 'OSS4-HMAC-SHA256' });
    conditions.push({ 'x-oss-credential': `${ACCESS_KEY_ID}/${date.slice(0, 8)}/${region}/oss/aliyun_v4_request` });
    conditions.push({ 'x-oss-date': date });
  }
  if (c.sessionToken) conditions.push({ 'x-oss-security-token': c.sessionToken });
  return JSON.stringify({ expiration: new Date(NOW.getTime() + c.expiresIn * 1000).toISOString(), conditions });
}

/** ali-oss's V1 POST fields for a policy (JSON text or object). */
export const sdkPostV1 = (c, policy) => ossClient(c).calculatePostSignature(policy);

/** ali-oss's V4 POST signature for a policy object, dated NOW. */
export const sdkPostV4 = (c, policy) => ossClient(c, true).signPostObjectPolicyV4(policy, NOW);

/** Everything the SDK signs for case c: what oss-record.mjs writes as a fixture. */
export async function sdkOutputs(c) {
  const v1Put = await sdkPutHeaders(c, false);
  const v4Put = await sdkPutHeaders(c, true);
  const v1Policy = examplePolicy(c, false);
  const v4Policy = examplePolicy(c, true);
  const v1Post = sdkPostV1(c, v1Policy);
  const pick = (h, names) => Object.fromEntries(names.filter((n) => h[n] !== undefined).map((n) => [n, h[n]]));
  return {
    v1Put: { url: v1Put.url, headers: pick(v1Put.headers, ['x-oss-date', 'x-oss-security-token', 'authorization']) },
    v4Put: {
      url: v4Put.url,
      headers: pick(v4Put.headers, ['x-oss-date', 'x-oss-content-sha256', 'x-oss-security-token', 'authorization']),
    },
    v1Url: await sdkUrlV1(c),
    v4Url: await sdkUrlV4(c),
    v1Post: { policyJson: v1Policy, policy: v1Post.policy, Signature: v1Post.Signature, OSSAccessKeyId: v1Post.OSSAccessKeyId },
    v4Post: {
      policyJson: v4Policy,
      policy: Buffer.from(v4Policy, 'utf8').toString('base64'),
      signature: sdkPostV4(c, JSON.parse(v4Policy)),
    },
  };
}

/**
 * The one normalisation of a URL compared with ali-oss's: in the path, `%21 %27 %28 %29 %2A`
 * (RFC 3986, ours) and `! ' ( ) *` (encodeURIComponent, ali-oss) are the same characters of the
 * same key. Nothing else is touched.
 */
export function normalizePathEscapes(url) {
  const q = url.indexOf('?');
  const [path, query] = q < 0 ? [url, ''] : [url.slice(0, q), url.slice(q)];
  return path.replace(/%2[1789A]/gi, (m) => decodeURIComponent(m)) + query;
}

/** Our module's PUT options for case c. */
export function ourOssPutOptions(c, version) {
  return {
    dialect: 'oss',
    version,
    endpoint: c.endpoint,
    bucket: c.bucket,
    region: c.region,
    pathStyle: c.pathStyle,
    credentials: credentialsFor(c),
    key: c.key,
    expiresIn: c.expiresIn,
    now: NOW,
    headers: Object.fromEntries(c.headers),
  };
}

/** Our module's POST options for case c. */
export function ourOssPostOptions(c, version) {
  const { headers, ...rest } = ourOssPutOptions(c, version);
  return { ...rest, key: c.post.key ?? c.key, conditions: c.post.conditions, fields: { ...c.post.fields } };
}

/** Our module's signPolicy options for case c. */
export function ourOssSignPolicyOptions(c, version) {
  return { dialect: 'oss', version, credentials: credentialsFor(c), region: c.region, now: NOW };
}
