// The esdk-obs-browserjs oracle for the five multipart operations of OBS's native API
// (`signature: 'obs'`, our `version: 'v2'`), header-signed and presigned. Shared by
// multipart-obs.test.mjs (live SDK == fixture, plus the documented formula) and
// multipart-obs-record.mjs (writes tests/vectors/multipart-obs/*.json, which
// tests/multipart_obs.rs signs with our core and compares). The instant is inputs.mjs's NOW:
// the SDK's own `RequestDate` for header-signed calls, node:test mock timers for URLs.
//
// Which esdk-obs-browserjs 3.25.6 calls are the oracle (loaded as in obs-oracle.mjs):
// - header-signed: the public initiateMultipartUpload / uploadPart / completeMultipartUpload /
//   listParts / abortMultipartUpload with the SDK's own parameter names; a
//   `setRequestHeaderHook` records the signed headers and throws, so nothing is sent. The SDK's
//   debug log line `stringToSign:…` (doAuth) is recorded as its intermediate string.
// - presigned: `createSignedUrlSync({ Method, Bucket, Key, Expires, SpecialParam, QueryParams,
//   Headers })`; the string to sign is recorded from the SDK's `getStringToSign`.
//
// What the SDK adds by itself: every request without a Content-Type of its own sends
// `Content-Type: binary/octet-stream` (makeParam), GET and DELETE included; our options pass it
// as a caller header where the operation has none, so both sign the same headers.
// Not covered by the SDK: path-style addressing (with `path_style` the SDK silently signs with
// the AWS V2 signature instead; see obs-sdk.test.mjs), so every case here is virtual-hosted and
// tests/multipart_obs.rs checks path-style against the document's rule (same canonical resource).

import { createHash } from 'node:crypto';
import { NOW, SESSION_TOKEN, atFixedInstant } from './inputs.mjs';
import { obsClient } from './obs-oracle.mjs';

const md5b64 = (s) => createHash('md5').update(s, 'utf8').digest('base64');

export const OPERATIONS = ['create', 'uploadPart', 'complete', 'listParts', 'abort'];

/** The file name of a case's fixture under tests/vectors/multipart-obs/. */
export const fixtureName = (c) => c.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * Five input families. `create.ours` are our typed options for InitiateMultipartUpload and
 * `create.sdk` the same request in the SDK's parameter names.
 */
export const MP_OBS_CASES = [
  {
    name: 'unicode and reserved characters in key',
    endpoint: 'https://obs.cn-north-4.myhuaweicloud.com',
    bucket: 'example-bucket',
    region: 'cn-north-4',
    key: 'uploads/ü ñ/a+b=c&d.txt',
    expiresIn: 3600,
    uploadId: '00000188B2E5AAF1801F5C9A6A3B4E2D',
    partNumber: 1,
    create: { ours: { contentType: 'text/plain; charset=utf-8' }, sdk: { ContentType: 'text/plain; charset=utf-8' } },
    parts: [
      { partNumber: 1, etag: '"a54357aff0632cce46d942af68356b38"' },
      { partNumber: 2, etag: '"0cc175b9c0f1b6a831c399e269772661"' },
    ],
    list: {},
  },
  {
    name: 'CJK key with a space, last part number, ListParts paging',
    endpoint: 'https://obs.ap-southeast-1.myhuaweicloud.com',
    bucket: 'example-bucket',
    region: 'ap-southeast-1',
    key: 'uploads/空 格.bin',
    expiresIn: 600,
    uploadId: '00000188B2E5AAF1801F5C9A6A3B4E2E',
    partNumber: 10000,
    create: { ours: { contentType: 'application/octet-stream' }, sdk: { ContentType: 'application/octet-stream' } },
    parts: [{ partNumber: 10000, etag: '"92eb5ffee6ae2fec3ad71c777531578f"' }],
    list: { maxParts: 100, partNumberMarker: 5 },
  },
  {
    name: 'session token, part with Content-MD5',
    endpoint: 'https://obs.cn-north-4.myhuaweicloud.com',
    bucket: 'example-bucket',
    region: 'cn-north-4',
    sessionToken: SESSION_TOKEN,
    key: 'uploads/temp/data.bin',
    expiresIn: 300,
    uploadId: '00000188B2E5AAF1801F5C9A6A3B4E2F',
    partNumber: 2,
    partMd5: md5b64('the second part\n'),
    create: { ours: { contentType: 'application/octet-stream', metadata: { owner: 'grace' } }, sdk: { ContentType: 'application/octet-stream', Metadata: { owner: 'grace' } } },
    parts: [
      { partNumber: 1, etag: '"4a8a08f09d37b73795649038408b5f33"' },
      { partNumber: 2, etag: '"8277e0910d750195b448797616e091ad"' },
    ],
    list: { partNumberMarker: 1 },
  },
  {
    name: 'content type and mixed-case metadata on create',
    endpoint: 'https://obs.cn-south-1.myhuaweicloud.com',
    bucket: 'reports-bucket',
    region: 'cn-south-1',
    key: 'docs/Q3 report.pdf',
    expiresIn: 7200,
    uploadId: '00000188B2E5AAF1801F5C9A6A3B4E30',
    partNumber: 3,
    // The SDK lower-cases metadata names; OBS signs names lower-cased either way.
    create: {
      ours: { contentType: 'application/pdf', metadata: { 'Owner-Name': 'Ada  Lovelace', Project: 'Q3' } },
      sdk: { ContentType: 'application/pdf', Metadata: { 'Owner-Name': 'Ada  Lovelace', Project: 'Q3' } },
    },
    parts: [1, 2, 3].map((n) => ({ partNumber: n, etag: `"${createHash('md5').update(String(n)).digest('hex')}"` })),
    list: { maxParts: 1000 },
  },
  {
    name: 'custom endpoint on a port, ACL and storage class on create',
    endpoint: 'https://obs.example.com:8443',
    bucket: 'archive-bucket',
    region: 'cn-north-4',
    key: 'backup/2026/db.tar.gz',
    expiresIn: 900,
    uploadId: '00000188B2E5AAF1801F5C9A6A3B4E31',
    partNumber: 7,
    create: {
      ours: { contentType: 'application/gzip', acl: 'public-read', storageClass: 'WARM', metadata: { location: 'beijing' } },
      sdk: { ContentType: 'application/gzip', ACL: 'public-read', StorageClass: 'WARM', Metadata: { location: 'beijing' } },
    },
    parts: [{ partNumber: 7, etag: '"d41d8cd98f00b204e9800998ecf8427e"' }],
    list: { maxParts: 2, partNumberMarker: 6 },
  },
];

const listParams = (c) => ({
  ...(c.list.maxParts !== undefined ? { MaxParts: c.list.maxParts } : {}),
  ...(c.list.partNumberMarker !== undefined ? { PartNumberMarker: c.list.partNumberMarker } : {}),
});

/** A client whose debug log lines are kept (the SDK logs its string to sign there). */
function loggingClient(c, hook) {
  const client = obsClient(c, 'obs', hook);
  const lines = [];
  const keep = (line) => lines.push(String(line).split('|').slice(3).join('|'));
  client.log.consoleLog = { debug: keep, info: () => {}, warn: () => {}, error: () => {} };
  client.log.setLevel('debug');
  return { client, lines };
}

/** What the SDK sends for operation `op` with an Authorization header, at NOW. */
export async function sdkHeaderRequest(c, op) {
  let seen;
  const stop = new Error('recorded, not sent');
  const { client, lines } = loggingClient(c, (headers) => {
    seen = { ...headers };
    throw stop;
  });
  const base = { Bucket: c.bucket, Key: c.key, RequestDate: NOW };
  const call = {
    create: () => client.initiateMultipartUpload({ ...base, ...c.create.sdk }),
    uploadPart: () => client.uploadPart({ ...base, PartNumber: c.partNumber, UploadId: c.uploadId, Body: 'part bytes\n', ...(c.partMd5 ? { ContentMD5: c.partMd5 } : {}) }),
    complete: () => client.completeMultipartUpload({ ...base, UploadId: c.uploadId, Parts: c.parts.map((p) => ({ PartNumber: p.partNumber, ETag: p.etag })) }),
    listParts: () => client.listParts({ ...base, UploadId: c.uploadId, ...listParams(c) }),
    abort: () => client.abortMultipartUpload({ ...base, UploadId: c.uploadId }),
  }[op];
  const result = await call().catch((e) => {
    if (e !== stop) throw e;
  });
  if (!seen) throw new Error(`${op} did not reach the header hook: ${JSON.stringify(result?.CommonMsg ?? result)}`);
  const sts = lines.filter((l) => l.startsWith('stringToSign:')).map((l) => l.slice('stringToSign:'.length));
  if (sts.length !== 1) throw new Error(`${op}: expected one logged string to sign, got ${sts.length}`);
  return { headers: seen, stringToSign: sts[0] };
}

/** The caller headers an operation signs besides the signer's own, in the SDK's spelling. */
function presignHeaders(c, op, create) {
  if (op === 'create') return create;
  if (op === 'uploadPart' && c.partMd5) return { 'Content-MD5': c.partMd5 };
  if (op === 'complete') return { 'Content-Type': 'application/xml' };
  return {};
}

/** The SDK's presigned URL for operation `op`, with its string to sign. */
export async function sdkPresignedUrl(c, op, headers) {
  const method = { create: 'POST', uploadPart: 'PUT', complete: 'POST', listParts: 'GET', abort: 'DELETE' }[op];
  const query = {
    create: {},
    uploadPart: { partNumber: String(c.partNumber), uploadId: c.uploadId },
    listParts: {
      uploadId: c.uploadId,
      ...(c.list.maxParts !== undefined ? { 'max-parts': String(c.list.maxParts) } : {}),
      ...(c.list.partNumberMarker !== undefined ? { 'part-number-marker': String(c.list.partNumberMarker) } : {}),
    },
  }[op] ?? { uploadId: c.uploadId };
  const client = obsClient(c, 'obs');
  let stringToSign;
  const original = client.util.getStringToSign;
  client.util.getStringToSign = function (...args) {
    const out = original.apply(this, args);
    stringToSign = out.stringToSign;
    return out;
  };
  const r = await atFixedInstant(() =>
    client.createSignedUrlSync({ Method: method, Bucket: c.bucket, Key: c.key, Expires: c.expiresIn, ...(op === 'create' ? { SpecialParam: 'uploads' } : {}), QueryParams: query, Headers: headers }),
  );
  return { url: r.SignedUrl, stringToSign };
}

/** Our module's options for case c, operation op (`sent`: the headers the SDK sent). */
export function ourOptions(c, op, presign, sent) {
  const o = { operation: op, dialect: 'obs', version: 'v2', endpoint: c.endpoint, bucket: c.bucket, region: c.region, key: c.key, expiresIn: c.expiresIn, presign };
  if (op === 'create') Object.assign(o, c.create.ours);
  if (op !== 'create') o.uploadId = c.uploadId;
  if (op === 'uploadPart') Object.assign(o, { partNumber: c.partNumber, ...(c.partMd5 ? { contentMd5: c.partMd5 } : {}) });
  if (op === 'complete') o.parts = c.parts;
  if (op === 'listParts') Object.assign(o, c.list);
  // The SDK's own Content-Type (binary/octet-stream) where the operation has none (see the top).
  o.headers = ['uploadPart', 'listParts', 'abort'].includes(op) && sent['Content-Type'] ? { 'Content-Type': sent['Content-Type'] } : {};
  return o;
}

/** Our typed create options as the headers they become (for the presigned create, signed by the SDK). */
export function createHeaders(c) {
  const o = c.create.ours;
  const h = { 'Content-Type': o.contentType };
  if (o.acl) h['x-obs-acl'] = o.acl;
  if (o.storageClass) h['x-obs-storage-class'] = o.storageClass;
  for (const [k, v] of Object.entries(o.metadata ?? {})) h[`x-obs-meta-${k}`] = v;
  return h;
}

/** Everything recorded for case c, per operation. */
export async function sdkOutputs(c) {
  const out = {};
  for (const op of OPERATIONS) {
    const request = await sdkHeaderRequest(c, op);
    out[op] = {
      header: { options: ourOptions(c, op, false, request.headers), request },
      presigned: { options: ourOptions(c, op, true, {}), ...(await sdkPresignedUrl(c, op, presignHeaders(c, op, createHeaders(c)))) },
    };
  }
  return JSON.parse(JSON.stringify(out));
}
