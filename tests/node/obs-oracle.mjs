// The Huawei OBS oracle: fixed inputs and the calls into esdk-obs-browserjs (3.25.6, pinned in
// package.json) that sign them, shared by obs-sdk.test.mjs (native `obs` dialect),
// obs-s3-compat.test.mjs (the SDK's S3-compatible mode against our `s3` dialect) and
// obs-record.mjs (writes tests/vectors/obs-sdk/*.json for the native Rust tests).
//
// Loading: the package's `main` (index.js) is ESM without file extensions and index.mjs calls
// `require`, so neither loads in Node; the shipped browser bundle
// dist/@cloud/esdk-obs-browserjs-without-polyfill.3.25.6.min.js (UMD) does, once `self` and
// `window` exist (it reads `self` at load and `window.btoa` to base64 POST policies; Node's
// global btoa is the same Latin-1-only function browsers have).
//
// Which SDK functions are the oracle (the clock is frozen with node:test mock timers, or given
// as the SDK's own RequestDate):
// - PUT header (OBS and AWS V2 signatures): `obsClient.putObject(params)` with `RequestDate` =
//   NOW and a `setRequestHeaderHook` that records the headers — Authorization included, the hook
//   runs after signing — and throws, so nothing is sent. The params use the SDK's own names
//   (ContentType, Metadata, ACL, …); the test checks the headers it makes equal ours.
// - Presigned URL: `obsClient.createSignedUrlSync({ Method, Bucket, Key, Expires, Headers })`.
// - POST: `obsClient.createPostSignatureSync({ Bucket, Key, Expires, FormParams })`.
// - V4 (S3-compatible only): the client option `signature: 'v4'` is silently mapped to the V2
//   signature context (initFactory: `signature === 'obs' ? obsSignatureContext :
//   v2SignatureContext`), so V4 is reached only by passing a per-call `signatureContext`
//   ({ signature: 'v4', headerPrefix: 'x-amz-', … }) to createSignedUrlSync /
//   createPostSignatureSync, or by calling the internal `util.v4Auth`.

import { createRequire } from 'node:module';
import { NOW, atFixedInstant, credentialsFor } from './inputs.mjs';
import { OBS_CASES } from './obs-cases.mjs';

export { OBS_CASES };

globalThis.self ??= globalThis;
globalThis.window ??= globalThis;
const require = createRequire(import.meta.url);
export const ObsClient = require('esdk-obs-browserjs/dist/@cloud/esdk-obs-browserjs-without-polyfill.3.25.6.min.js');

/** The per-call signature context that reaches the SDK's V4 code. */
export const V4_CONTEXT = { signature: 'v4', headerPrefix: 'x-amz-', headerMetaPrefix: 'x-amz-meta-', authPrefix: 'AWS' };


export function obsClient(c, signature, hook) {
  const cred = credentialsFor(c);
  return new ObsClient({
    access_key_id: cred.accessKeyId,
    secret_access_key: cred.secretAccessKey,
    ...(c.sessionToken ? { security_token: c.sessionToken } : {}),
    server: c.endpoint,
    signature,
    region: c.region,
    is_signature_negotiation: false,
    ...(hook ? { setRequestHeaderHook: hook } : {}),
  });
}

/** The headers the SDK's putObject would send (Authorization included), signed at NOW. */
export async function sdkPutHeaders(c, signature, params = c.params) {
  let seen;
  const stop = new Error('stop: recorded');
  const client = obsClient(c, signature, (headers) => {
    seen = { ...headers };
    throw stop;
  });
  const result = await client.putObject({ Bucket: c.bucket, Key: c.key, Body: 'x', ...params, RequestDate: NOW }).catch((e) => {
    if (e !== stop) throw e;
  });
  if (!seen) throw new Error(`putObject did not reach the header hook: ${JSON.stringify(result?.CommonMsg ?? result)}`);
  return seen;
}

/** The SDK's presigned PUT URL (OBS or V2 signature; V4 with V4_CONTEXT). */
export async function sdkSignedUrl(c, signature, headers = Object.fromEntries(c.headers), context) {
  const r = await atFixedInstant(() =>
    obsClient(c, signature).createSignedUrlSync({
      Method: 'PUT',
      Bucket: c.bucket,
      Key: c.key,
      Expires: c.expiresIn,
      Headers: headers,
      ...(context ? { signatureContext: context } : {}),
    }),
  );
  return r.SignedUrl;
}

/** The SDK's POST signature for the case's form fields (throws for non-Latin-1 text). */
export async function sdkPostSignature(c, signature, fields = c.post.fields, context) {
  return atFixedInstant(() =>
    obsClient(c, signature).createPostSignatureSync({
      Bucket: c.bucket,
      Key: c.key,
      Expires: c.expiresIn,
      FormParams: fields,
      ...(context ? { signatureContext: context } : {}),
    }),
  );
}

/** The native outputs recorded as fixtures (obs-record.mjs). */
export async function sdkNativeOutputs(c) {
  const put = await sdkPutHeaders(c, 'obs');
  let post;
  try {
    const p = await sdkPostSignature(c, 'obs');
    post = { originPolicy: p.OriginPolicy, policy: p.Policy, signature: p.Signature };
  } catch (e) {
    post = { throws: String(e && e.name) };
  }
  // Through JSON, as the fixture is (absent headers are absent, not undefined).
  return JSON.parse(JSON.stringify({
    put: { 'x-obs-date': put['x-obs-date'], 'x-obs-security-token': put['x-obs-security-token'], Authorization: put.Authorization, Host: put.Host },
    url: await sdkSignedUrl(c, 'obs'),
    post,
  }));
}

/**
 * The one normalisation of an esdk-obs-browserjs URL: it always writes the port
 * (`https://host:443/…`); browsers and our module drop a scheme's default port.
 */
export const dropDefaultPort = (url) => url.replace(/^(https:\/\/[^/]+):443\//, '$1/').replace(/^(http:\/\/[^/]+):80\//, '$1/');

/** Our module's PUT options for case c in `dialect` (`obs`, or `s3` with its own headers). */
export function ourObsPutOptions(c, dialect = 'obs', version = 'v2', headers = c.headers) {
  return {
    dialect,
    version,
    endpoint: c.endpoint,
    bucket: c.bucket,
    region: c.region,
    pathStyle: false,
    credentials: credentialsFor(c),
    key: c.key,
    expiresIn: c.expiresIn,
    now: NOW,
    headers: Object.fromEntries(headers),
  };
}

export function ourObsPostOptions(c, dialect = 'obs', version = 'v2', fields = c.post.fields) {
  const { headers, ...rest } = ourObsPutOptions(c, dialect, version);
  return { ...rest, conditions: c.post.conditions, fields: { ...fields } };
}

export function ourObsSignPolicyOptions(c, dialect = 'obs', version = 'v2') {
  return { dialect, version, credentials: credentialsFor(c), region: c.region, now: NOW };
}
