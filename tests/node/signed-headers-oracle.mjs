// The oracles of the signed-headers options (signContentLength, additionalHeaders): the SDK calls
// that sign the same requests, shared by signed-headers.test.mjs (live comparison) and
// signed-headers-record.mjs (writes tests/vectors/signed-headers/*.json for the Rust tests).
// Every expected value comes from an SDK; our options are only the inputs, recorded beside them.
//
// S3 (AWS SDK v3 @aws-sdk/client-s3 + @aws-sdk/s3-request-presigner, @smithy/signature-v4 inside):
// - header-signed PutObject / UploadPart / CompleteMultipartUpload: what S3Client sends (captured
//   by a request handler that never sends). The SDK's content-length middleware sets
//   Content-Length from the Body and its signer signs it (it is not in ALWAYS_UNSIGNABLE_HEADERS).
//   Right before signing, its telemetry headers (x-amz-user-agent, amz-sdk-invocation-id,
//   amz-sdk-request) are dropped, the PUTs' x-amz-content-sha256 is set to UNSIGNED-PAYLOAD (a
//   browser streams the File; the signer then takes the header's value as the payload hash), and
//   UploadPart's content-type (the SDK's application/octet-stream; a File slice sends none) goes.
// - presigned PutObject / UploadPart with `ContentLength`: getSignedUrl signs content-length as it
//   stands (the presigner unsigns only content-type and hoists only x-amz-*), configured as in
//   sdk-presign-put.test.mjs (x-id dropped, x-amz-content-sha256 and x-amz-meta-* unhoisted).
// OSS (ali-oss 6.23.0): createRequest with `content` (ali-oss sets Content-Length from it;
// disabledMD5 so it adds no Content-MD5 of its own) and signatureUrlV4 with a content-length
// header, both with `additionalHeaders` — the default list of our module (host and every header
// V4 does not sign anyway) plus content-length, or the case's own list.

import OSS from 'ali-oss';
import { createRequest } from 'ali-oss/lib/common/utils/createRequest.js';
import {
  CompleteMultipartUploadCommand, PutObjectCommand, S3Client, UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { CASES, NOW, atFixedInstant, credentialsFor, metaName, putHeaders } from './inputs.mjs';
import { OSS_CASES } from './oss-cases.mjs';
import { additionalOf, hostOf, normalizePathEscapes } from './oss-oracle.mjs';

const UPLOAD_ID = 'id+with/slash=and~tilde.x_y-z';
const PARTS = [{ partNumber: 1, etag: '"a54357aff0632cce46d942af68356b38"' }, { partNumber: 2, etag: '"0c78aef83f66abc1fa1e8477f296d394"' }];
const FIVE_GIB = 5 * 1024 ** 3;

/** The bodies of the OSS cases (the ones their Content-MD5 was computed from; one empty). */
const OSS_BODIES = ['not really a jpeg\n', 'naïve 文件 ☃\n', '\u0000\u0001\u0002', '%PDF-1.4\n', 'temporary credentials\n', 'backup\n', ''];
/** Each OSS case's own additionalHeaders (mixed case, default-signed names, content-length or not). */
const OSS_LISTS = [
  ['content-length'],
  ['Host', 'Content-Length', 'Content-Type'],
  ['host'],
  ['x-oss-meta-Owner-Name', 'CONTENT-LENGTH'],
  [],
  ['cache-control', 'Content-Disposition', 'content-encoding', 'expires', 'host', 'content-length'],
  ['content-length', 'host'],
];

export const bytes = (s) => Buffer.byteLength(s, 'utf8');
const pairs = (h) => Object.entries(h);

function target(c, dialect) {
  return {
    dialect, version: 'v4', endpoint: c.endpoint, bucket: c.bucket, region: c.region, pathStyle: c.pathStyle,
    key: c.key, expiresIn: c.expiresIn,
  };
}

// ---------------------------------------------------------------------------------------------
// S3

function s3Client(c, { handler, beforeSigning } = {}) {
  const client = new S3Client({
    region: c.region, endpoint: c.endpoint, forcePathStyle: c.pathStyle, credentials: credentialsFor(c),
    requestChecksumCalculation: 'WHEN_REQUIRED',
    ...(handler ? { requestHandler: handler, maxAttempts: 1 } : {}),
  });
  client.middlewareStack.add((next) => async (args) => {
    if (args.request?.query) delete args.request.query['x-id'];
    return next(args);
  }, { step: 'build', name: 'bucketUploadDropXId' });
  if (beforeSigning) {
    client.middlewareStack.addRelativeTo((next) => async (args) => {
      beforeSigning(args.request.headers);
      return next(args);
    }, { relation: 'before', toMiddleware: 'httpSigningMiddleware', name: 'bucketUploadBeforeSigning' });
  }
  return client;
}

/** The request S3Client sends for `command` (method, URL, headers lower-cased), never sent. */
async function s3Sent(c, command, { unsigned = true, drop = [] } = {}) {
  let captured;
  const handler = { handle: async (request) => { captured = request; throw new Error('captured'); } };
  const beforeSigning = (h) => {
    for (const n of ['x-amz-user-agent', 'amz-sdk-invocation-id', 'amz-sdk-request', ...drop]) delete h[n];
    if (unsigned) h['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
  };
  await atFixedInstant(() => s3Client(c, { handler, beforeSigning }).send(command)).catch((e) => {
    if (e.message !== 'captured') throw e;
  });
  const headers = Object.fromEntries(Object.entries(captured.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
  const keep = ['authorization', 'x-amz-date', 'x-amz-content-sha256', 'x-amz-security-token', 'content-length'];
  return { method: captured.method, headers: Object.fromEntries(keep.filter((k) => k in headers).map((k) => [k, headers[k]])) };
}

function s3Presigned(c, command, unsignable = []) {
  const meta = Object.keys(c.metadata).map((k) => metaName(k).toLowerCase());
  return getSignedUrl(s3Client(c), command, {
    expiresIn: c.expiresIn, signingDate: NOW,
    signableHeaders: new Set(unsignable.includes('content-type') ? [] : ['content-type']),
    unsignableHeaders: new Set(['x-amz-content-sha256', ...unsignable]),
    unhoistableHeaders: new Set(['x-amz-content-sha256', ...meta]),
  });
}

/** The S3 requests of case c: [{ name, call, options, headers, sdk }] (sdk: a thunk). */
export function s3Requests(c, i) {
  const n = bytes(c.body);
  const base = { Bucket: c.bucket, Key: c.key };
  const object = { ContentType: c.contentType, ContentMD5: c.contentMd5, Metadata: c.metadata };
  const part = { ...base, UploadId: UPLOAD_ID, PartNumber: 7, ContentMD5: c.contentMd5 };
  const t = target(c, 's3');
  const signed = { contentLength: n, signContentLength: true };
  const ourPart = { ...t, operation: 'uploadPart', uploadId: UPLOAD_ID, partNumber: 7, contentMd5: c.contentMd5, ...signed };
  const out = [
    {
      name: 'put header-signed', call: 'signPutHeaders', options: { ...t, ...signed }, headers: pairs(putHeaders(c)),
      sdk: () => s3Sent(c, new PutObjectCommand({ ...base, ...object, Body: c.body })),
    },
    {
      name: 'put presigned', call: 'presignPut', options: { ...t, ...signed }, headers: pairs(putHeaders(c)),
      sdk: async () => ({ url: await s3Presigned(c, new PutObjectCommand({ ...base, ...object, ContentLength: n })) }),
    },
    {
      name: 'uploadPart header-signed', call: 'signMultipart', options: { ...ourPart, presign: false }, headers: [],
      sdk: () => s3Sent(c, new UploadPartCommand({ ...part, Body: c.body }), { drop: ['content-type'] }),
    },
    {
      name: 'uploadPart presigned', call: 'signMultipart', options: { ...ourPart, presign: true }, headers: [],
      sdk: async () => ({ url: await s3Presigned(c, new UploadPartCommand({ ...part, ContentLength: n }), ['content-type']) }),
    },
    {
      name: 'complete header-signed', call: 'signMultipart', headers: [],
      options: { ...t, operation: 'complete', presign: false, uploadId: UPLOAD_ID, parts: PARTS, signContentLength: true },
      sdk: () => s3Sent(c, new CompleteMultipartUploadCommand({
        ...base, UploadId: UPLOAD_ID, MultipartUpload: { Parts: PARTS.map((p) => ({ ETag: p.etag, PartNumber: p.partNumber })) },
      }), { unsigned: false }),
    },
  ];
  if (i === 0) {
    out.push({
      name: 'put presigned, 5 GiB', call: 'presignPut', options: { ...t, contentLength: FIVE_GIB, signContentLength: true },
      headers: pairs(putHeaders(c)),
      sdk: async () => ({ url: await s3Presigned(c, new PutObjectCommand({ ...base, ...object, ContentLength: FIVE_GIB })) }),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// OSS

function ossClient(c) {
  const cred = credentialsFor(c);
  return new OSS({
    region: c.region, endpoint: c.endpoint, bucket: c.bucket, sldEnable: c.pathStyle,
    accessKeyId: cred.accessKeyId, accessKeySecret: cred.secretAccessKey,
    ...(c.sessionToken ? { stsToken: c.sessionToken, refreshSTSTokenInterval: 300000 } : {}),
    authorizationV4: true,
  });
}

async function ossHeaderSigned(c, body, additional) {
  const headers = { ...Object.fromEntries(c.headers), host: hostOf(c) };
  const r = await atFixedInstant(() => createRequest.call(ossClient(c), {
    method: 'PUT', bucket: c.bucket, object: c.key, headers, content: Buffer.from(body, 'utf8'), disabledMD5: true,
    additionalHeaders: additional,
  }));
  const h = r.params.headers;
  const keep = ['x-oss-date', 'x-oss-content-sha256', 'x-oss-security-token', 'authorization', 'Content-Length'];
  return { url: r.url, headers: Object.fromEntries(keep.filter((k) => h[k] !== undefined).map((k) => [k.toLowerCase(), String(h[k])])) };
}

async function ossPresigned(c, n, additional) {
  const headers = { ...Object.fromEntries(c.headers), host: hostOf(c), 'content-length': String(n) };
  const url = await atFixedInstant(() => ossClient(c).signatureUrlV4('PUT', c.expiresIn, { headers }, c.key, additional));
  return { url: normalizePathEscapes(url) };
}

/** The OSS V4 requests of case c, with the default AdditionalHeaders and with the case's list. */
export function ossRequests(c, i) {
  const body = OSS_BODIES[i];
  const n = bytes(body);
  const list = OSS_LISTS[i];
  const t = target(c, 'oss');
  const signed = { contentLength: n, signContentLength: true };
  const byDefault = [...additionalOf(c), 'content-length'];
  const own = list.some((h) => h.toLowerCase() === 'content-length') ? list : [...list, 'content-length'];
  return [
    { name: 'put header-signed, default list', call: 'signPutHeaders', options: { ...t, ...signed }, headers: c.headers, sdk: () => ossHeaderSigned(c, body, byDefault) },
    { name: 'put presigned, default list', call: 'presignPut', options: { ...t, ...signed }, headers: c.headers, sdk: () => ossPresigned(c, n, byDefault) },
    {
      name: 'put header-signed, additionalHeaders', call: 'signPutHeaders', headers: c.headers,
      options: { ...t, ...signed, additionalHeaders: list }, sdk: () => ossHeaderSigned(c, body, own),
    },
    {
      name: 'put presigned, additionalHeaders', call: 'presignPut', headers: c.headers,
      options: { ...t, ...signed, additionalHeaders: list }, sdk: () => ossPresigned(c, n, own),
    },
  ];
}

/** Every case: { dialect, case, requests } for S3's inputs.mjs cases and oss-cases.mjs. */
export const ALL = [
  ...CASES.map((c, i) => ({ dialect: 's3', case: c, requests: s3Requests(c, i) })),
  ...OSS_CASES.map((c, i) => ({ dialect: 'oss', case: c, requests: ossRequests(c, i) })),
];

export const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
export const fixtureName = (x) => `${x.dialect}-${slug(x.case.name)}`;
