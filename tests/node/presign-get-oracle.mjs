// The presigned-GET oracle: for each case of presign-get-cases.mjs, the URL each vendor's SDK
// presigns, shared by presign-get-record.mjs (writes tests/vectors/presign-get/*.json, which
// tests/presign_get.rs signs with our core and compares) and presign-get.test.mjs (live SDK ==
// fixture == our built package). The instant is inputs.mjs's NOW.
//
// Which SDK calls are the oracle:
// - s3 v4: @aws-sdk/s3-request-presigner getSignedUrl(client, new GetObjectCommand({ Bucket,
//   Key, VersionId, ResponseContentType, ResponseContentLanguage, ResponseExpires (a Date),
//   ResponseCacheControl, ResponseContentDisposition, ResponseContentEncoding }),
//   { expiresIn, signingDate: NOW }); as for PUT (sdk-presign-put.test.mjs) a build-step
//   middleware drops GetObject's `x-id=GetObject` binding parameter, and
//   `responseChecksumValidation: 'WHEN_REQUIRED'` keeps the SDK from adding
//   `x-amz-checksum-mode` to a GET. The presigner would also hoist its
//   `x-amz-content-sha256: UNSIGNED-PAYLOAD` header into the query as a signed
//   `X-Amz-Content-Sha256` parameter; un-hoisting and un-signing it (as for PUT) keeps
//   UNSIGNED-PAYLOAD as the payload hash and the URL of AWS's own presigned GET example.
//   Compared byte for byte.
// - s3 v2: aws-sdk v2 `new AWS.S3({ signatureVersion: 'v2' }).getSignedUrl('getObject', {…})`
//   (clock frozen). The SDK sorts every parameter by name; ours come in our order: compared as
//   the path plus the sorted parameter list.
// - oss v1: ali-oss `signatureUrl(key, { method: 'GET', expires, response: { 'content-type': … },
//   trafficLimit, subResource: { versionId } })`; oss v4: `signatureUrlV4('GET', expires,
//   { headers: { host }, queries }, key, ['host'])` (host signed as our module signs it).
// - obs: esdk-obs-browserjs `createSignedUrlSync({ Method: 'GET', Bucket, Key, Expires,
//   QueryParams })`; compared byte for byte but for the default port the SDK writes.
//
// The normalisations (applied to both sides, in comparable()): for oss, Node's querystring
// (ali-oss) leaves `!'()*` unescaped in query values and encodeURIComponent leaves them in paths;
// RFC 3986 (ours, the AWS SDKs, esdk-obs) escapes them — the same characters either way.

import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import AWS from 'aws-sdk';
import { NOW, atFixedInstant, credentialsFor } from './inputs.mjs';
import { hostOf, ossClient } from './oss-oracle.mjs';
import { dropDefaultPort, obsClient } from './obs-oracle.mjs';
import { OBS_CASES, OSS_CASES, S3_CASES, fixtureName } from './presign-get-cases.mjs';

export { OBS_CASES, OSS_CASES, S3_CASES, fixtureName };

/** Every dialect with its cases and the versions it signs. */
export const DIALECTS = [
  { dialect: 's3', cases: S3_CASES, versions: ['v4', 'v2'] },
  { dialect: 'oss', cases: OSS_CASES, versions: ['v2', 'v4'] },
  { dialect: 'obs', cases: OBS_CASES, versions: ['v2'] },
];

/** The overrides as query parameters (name → value), in our module's order. */
const OVERRIDES = [
  ['responseContentType', 'response-content-type'],
  ['responseContentLanguage', 'response-content-language'],
  ['responseExpires', 'response-expires'],
  ['responseCacheControl', 'response-cache-control'],
  ['responseContentDisposition', 'response-content-disposition'],
  ['responseContentEncoding', 'response-content-encoding'],
];
export function queryOf(c) {
  const q = {};
  for (const [option, param] of OVERRIDES) if (c.get[option] !== undefined) q[param] = c.get[option];
  if (c.get.versionId !== undefined) q.versionId = c.get.versionId;
  if (c.get.trafficLimit !== undefined) q['x-oss-traffic-limit'] = c.get.trafficLimit;
  return q;
}

/** Our module's presignGet options for case c (the fixture stores them without credentials and now). */
export function ourGetOptions(dialect, version, c, { withSecrets = true } = {}) {
  return {
    dialect, version, endpoint: c.endpoint, bucket: c.bucket, region: c.region, pathStyle: c.pathStyle ?? false,
    key: c.key, expiresIn: c.expiresIn, ...c.get,
    ...(withSecrets ? { credentials: credentialsFor(c), now: NOW } : {}),
  };
}

const dropXId = (next) => async (args) => {
  if (args.request && args.request.query) delete args.request.query['x-id'];
  return next(args);
};

async function s3v4(c) {
  const client = new S3Client({
    region: c.region, endpoint: c.endpoint, forcePathStyle: c.pathStyle, credentials: credentialsFor(c),
    requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED',
  });
  client.middlewareStack.add(dropXId, { step: 'build', name: 'bucketUploadDropXId' });
  return getSignedUrl(client, new GetObjectCommand(sdkGetParams(c)), {
    expiresIn: c.expiresIn,
    signingDate: NOW,
    unsignableHeaders: new Set(['x-amz-content-sha256']),
    unhoistableHeaders: new Set(['x-amz-content-sha256']),
  });
}

/** GetObject's parameters in the AWS SDKs' names. */
function sdkGetParams(c) {
  const g = c.get;
  const p = { Bucket: c.bucket, Key: c.key };
  if (g.versionId !== undefined) p.VersionId = g.versionId;
  if (g.responseContentType !== undefined) p.ResponseContentType = g.responseContentType;
  if (g.responseContentLanguage !== undefined) p.ResponseContentLanguage = g.responseContentLanguage;
  if (g.responseExpires !== undefined) p.ResponseExpires = new Date(g.responseExpires);
  if (g.responseCacheControl !== undefined) p.ResponseCacheControl = g.responseCacheControl;
  if (g.responseContentDisposition !== undefined) p.ResponseContentDisposition = g.responseContentDisposition;
  if (g.responseContentEncoding !== undefined) p.ResponseContentEncoding = g.responseContentEncoding;
  return p;
}

async function s3v2(c) {
  const cred = credentialsFor(c);
  const s3 = new AWS.S3({
    signatureVersion: 'v2', region: c.region, endpoint: c.endpoint, s3ForcePathStyle: c.pathStyle,
    credentials: new AWS.Credentials(cred.accessKeyId, cred.secretAccessKey, cred.sessionToken),
  });
  return atFixedInstant(() => s3.getSignedUrl('getObject', { ...sdkGetParams(c), Expires: c.expiresIn }));
}

async function ossV1(c) {
  const g = c.get;
  const response = {};
  for (const [option, param] of OVERRIDES) if (g[option] !== undefined) response[param.slice('response-'.length)] = g[option];
  const options = { method: 'GET', expires: c.expiresIn };
  if (Object.keys(response).length) options.response = response;
  if (g.trafficLimit !== undefined) options.trafficLimit = g.trafficLimit;
  if (g.versionId !== undefined) options.subResource = { versionId: g.versionId };
  return atFixedInstant(() => ossClient(c).signatureUrl(c.key, options));
}

async function ossV4(c) {
  const request = { headers: { host: hostOf(c) }, queries: queryOf(c) };
  return atFixedInstant(() => ossClient(c, true).signatureUrlV4('GET', c.expiresIn, request, c.key, ['host']));
}

async function obs(c) {
  const r = await atFixedInstant(() =>
    obsClient(c, 'obs').createSignedUrlSync({ Method: 'GET', Bucket: c.bucket, Key: c.key, Expires: c.expiresIn, QueryParams: queryOf(c) }),
  );
  return r.SignedUrl;
}

/** The SDK's presigned GET URL for case c in `dialect` and `version`. */
export function sdkUrl(dialect, version, c) {
  const call = { s3: { v4: s3v4, v2: s3v2 }, oss: { v2: ossV1, v4: ossV4 }, obs: { v2: obs } }[dialect][version];
  return call(c);
}

/**
 * A URL as compared: obs without the default port it writes; s3 v2 with its parameters sorted
 * (the SDK sorts them, ours come in our order); oss with `!'()*` unescaped (see the top) and its
 * parameters sorted; s3 v4 as it is.
 */
export function comparable(dialect, version, url) {
  if (dialect === 'obs') return dropDefaultPort(url);
  if (dialect === 's3' && version === 'v4') return url;
  const unescape = (s) => (dialect === 'oss' ? s.replace(/%2[1789A]/gi, (m) => decodeURIComponent(m)) : s);
  const q = url.indexOf('?');
  const params = url.slice(q + 1).split('&').map(unescape).sort();
  return `${unescape(url.slice(0, q))}?${params.join('&')}`;
}
