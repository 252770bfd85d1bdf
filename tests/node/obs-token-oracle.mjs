// Issue 10: a session token in a V2 query-string presigned URL. The inputs and the SDK calls
// whose outputs tests/vectors/obs-token/*.json record (obs-token-record.mjs writes them,
// obs-token.test.mjs checks they still equal the live SDKs, tests/obs_v2_token.rs compares our
// core with them). Every case has a session token; every value is what an SDK produced.
//
// Per case, three oracles, all at inputs.mjs's NOW (node:test mock timers):
// - `obs`: esdk-obs-browserjs 3.25.6 `createSignedUrlSync` in its native mode (`signature:
//   'obs'`), with the string to sign it built (its `util.getStringToSign`, wrapped). OBS's native
//   document signs the token as the `x-obs-security-token` sub-resource of the
//   CanonicalizedResource; this SDK does the same. Our `obs` dialect must give this URL.
// - `obsV2`: the same SDK in its S3-compatible mode (`signature: 'v2'`). It signs
//   `x-amz-security-token` as a sub-resource too; OBS's S3-compatible document does not (its
//   sub-resource list has no token; see tests/obs_v2_token.rs). Recorded to show the difference.
// - `awsV2`: aws-sdk v2 `getSignedUrl` with `signatureVersion: 'v2'` (AWS's own SigV2 signer:
//   the token is the amz header `x-amz-security-token:…` of the string to sign). Our `s3` dialect
//   must give this URL, after sdk-v2.test.mjs's one normalisation (the SDK copies the signed
//   headers Content-Type, Content-MD5, x-amz-meta-* into the query; those copies are dropped).

import { createHash } from 'node:crypto';
import AWS from 'aws-sdk';
import { SESSION_TOKEN, atFixedInstant, credentialsFor } from './inputs.mjs';
import { obsClient } from './obs-oracle.mjs';

const md5b64 = (s) => createHash('md5').update(s, 'utf8').digest('base64');

/** The file name of a case's fixture under tests/vectors/obs-token/. */
export const fixtureName = (c) => c.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * `headers`: our raw headers for the native dialect (and the SDK's `Headers`); `s3Headers`: the
 * same request for the S3-compatible / AWS signers (`x-amz-meta-*` lower-case, as aws-sdk v2
 * sends Metadata).
 */
export const TOKEN_CASES = [
  {
    name: 'unicode key',
    endpoint: 'https://obs.ap-southeast-1.myhuaweicloud.com',
    bucket: 'example-bucket',
    region: 'ap-southeast-1',
    method: 'PUT',
    key: 'uploads/naïve 文件 ☃.txt',
    expiresIn: 600,
    sessionToken: SESSION_TOKEN,
    headers: [['Content-Type', 'text/plain; charset=utf-8']],
    s3Headers: [['Content-Type', 'text/plain; charset=utf-8']],
  },
  {
    name: 'reserved characters in key',
    endpoint: 'https://obs.cn-north-4.myhuaweicloud.com',
    bucket: 'example-bucket',
    region: 'cn-north-4',
    method: 'PUT',
    key: "a+b=c&d?e#f%g;h,i:j@k$l!m'n(o)p*q~r",
    expiresIn: 3600,
    sessionToken: SESSION_TOKEN,
    headers: [['Content-Type', 'application/octet-stream']],
    s3Headers: [['Content-Type', 'application/octet-stream']],
  },
  {
    name: 'token full of plus slash and equals',
    endpoint: 'https://obs.cn-north-4.myhuaweicloud.com',
    bucket: 'example-bucket',
    region: 'cn-north-4',
    method: 'PUT',
    key: 'uploads/temp/data.bin',
    expiresIn: 900,
    sessionToken: 'gQpjbi1ub3J0aC00+/+/iam_token-Part2+AbC/dEf==//++==',
    headers: [['Content-Type', 'application/octet-stream']],
    s3Headers: [['Content-Type', 'application/octet-stream']],
  },
  {
    name: 'download as in the document table',
    endpoint: 'https://obs.cn-north-4.myhuaweicloud.com',
    bucket: 'examplebucket',
    region: 'cn-north-4',
    method: 'GET',
    key: 'objectkey',
    expiresIn: 3600,
    sessionToken: 'YwkaRTbdY8g7q+token/from=IAM==',
    headers: [],
    s3Headers: [],
  },
  {
    name: 'metadata and Content-MD5 on a custom port, key with spaces',
    endpoint: 'https://obs.example.com:8443',
    bucket: 'archive-bucket',
    region: 'cn-north-4',
    method: 'PUT',
    key: 'backup/2026 Q1/db dump.tar.gz',
    expiresIn: 300,
    sessionToken: SESSION_TOKEN,
    headers: [
      ['Content-Type', 'application/gzip'],
      ['Content-MD5', md5b64('backup\n')],
      ['x-obs-meta-owner', 'grace'],
      ['x-obs-acl', 'private'],
    ],
    s3Headers: [
      ['Content-Type', 'application/gzip'],
      ['Content-MD5', md5b64('backup\n')],
      ['x-amz-meta-owner', 'grace'],
    ],
  },
];

/** esdk-obs-browserjs's presigned URL and string to sign (`signature`: 'obs' or 'v2'). */
export async function sdkObsSignedUrl(c, signature) {
  const client = obsClient(c, signature);
  let stringToSign;
  const original = client.util.getStringToSign;
  client.util.getStringToSign = function (...args) {
    const out = original.apply(this, args);
    stringToSign = out.stringToSign;
    return out;
  };
  const headers = Object.fromEntries(signature === 'obs' ? c.headers : c.s3Headers);
  const r = await atFixedInstant(() =>
    client.createSignedUrlSync({ Method: c.method, Bucket: c.bucket, Key: c.key, Expires: c.expiresIn, Headers: headers }),
  );
  return { url: r.SignedUrl, stringToSign };
}

/** The URL without the header copies aws-sdk v2 adds (sdk-v2.test.mjs's normalisation). */
export function dropHeaderCopies(url) {
  const [base, query] = url.split('?');
  const kept = query.split('&').filter((p) => {
    const name = decodeURIComponent(p.split('=')[0]).toLowerCase();
    return name !== 'content-md5' && name !== 'content-type' && !name.startsWith('x-amz-meta-');
  });
  return `${base}?${kept.join('&')}`;
}

/** aws-sdk v2's SigV2 presigned URL for the case's S3-compatible request. */
export async function sdkAwsV2SignedUrl(c) {
  const cred = credentialsFor(c);
  const s3 = new AWS.S3({
    signatureVersion: 'v2',
    region: c.region,
    endpoint: c.endpoint,
    s3ForcePathStyle: false,
    credentials: new AWS.Credentials(cred.accessKeyId, cred.secretAccessKey, cred.sessionToken),
  });
  const get = (n) => c.s3Headers.find(([k]) => k.toLowerCase() === n)?.[1];
  const meta = Object.fromEntries(c.s3Headers.filter(([k]) => k.startsWith('x-amz-meta-')).map(([k, v]) => [k.slice(11), v]));
  const params = { Bucket: c.bucket, Key: c.key, Expires: c.expiresIn };
  if (c.method === 'PUT') Object.assign(params, { ContentType: get('content-type'), ContentMD5: get('content-md5'), Metadata: meta });
  const raw = await atFixedInstant(() => s3.getSignedUrl(c.method === 'PUT' ? 'putObject' : 'getObject', params));
  return { urlRaw: raw, url: dropHeaderCopies(raw) };
}

/** Everything a fixture records for case c. */
export async function sdkTokenOutputs(c) {
  return { obs: await sdkObsSignedUrl(c, 'obs'), obsV2: await sdkObsSignedUrl(c, 'v2'), awsV2: await sdkAwsV2SignedUrl(c) };
}
