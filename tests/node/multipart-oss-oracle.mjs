// The ali-oss oracle for the five multipart operations (InitiateMultipartUpload, UploadPart,
// CompleteMultipartUpload, ListParts, AbortMultipartUpload), V1 (`version: 'v2'`) and V4
// (`version: 'v4'`), header-signed and presigned. Shared by multipart-oss.test.mjs (live SDK ==
// fixture, plus the documented formulas) and multipart-oss-record.mjs (writes
// tests/vectors/multipart-oss/*.json, which tests/multipart_oss.rs signs with our core and
// compares byte for byte). The clock is inputs.mjs's NOW, frozen with node:test mock timers.
//
// Which ali-oss 6.23.0 calls are the oracle:
// - header-signed: the public initMultipartUpload / uploadPart / completeMultipartUpload /
//   listParts / abortMultipartUpload, on a client whose `urllib` (its HTTP client) records the
//   request (URL, headers, body) and throws, so nothing is sent. V4 clients pass `host` as a
//   header and `additionalHeaders: ['host']`, as our module signs it.
// - presigned V1: `signatureUrl(key, { method, expires, subResource, ...headers })`;
// - presigned V4: `signatureUrlV4(method, expires, { headers, queries }, key, ['host'])`.
//
// What ali-oss adds by itself, and how our options get the same request:
// - every request carries a Content-Type guessed from the key's extension (`mime.getType`),
//   GET and DELETE included; where the operation has no Content-Type of its own, our options pass
//   the SDK's as a caller header (`rawHeaders` below), so both sign the same headers;
// - completeMultipartUpload sends the Content-MD5 of its body (signed); our module does not add
//   one, so our options pass it as a caller header, and tests/multipart_oss.rs checks that our
//   body is the SDK's byte for byte (otherwise the MD5 would be a lie).
// - signatureUrl (V1) signs every `subResource` entry into the CanonicalizedResource and has no
//   other way to add a query parameter, so it cannot sign ListParts' `max-parts` /
//   `part-number-marker` as the V1 document says (they are not sub-resources). The oracle URL
//   appends them after signing, unsigned, which is what the document prescribes.

import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { SESSION_TOKEN, atFixedInstant } from './inputs.mjs';
import { hostOf, ossClient } from './oss-oracle.mjs';

// The module ali-oss signs with (the same instance: Node caches it by path). Its three string
// builders are wrapped while the SDK signs, to record the intermediate strings as it made them.
const signUtils = createRequire(import.meta.url)('ali-oss/lib/common/signUtils.js');

/** Runs fn with ali-oss's string builders recorded: V1 `stringToSign`, V4 `canonicalRequest` and `stringToSign`. */
async function recordingStrings(fn) {
  const strings = {};
  const saved = {};
  const wrap = (name, as) => {
    saved[name] = signUtils[name];
    signUtils[name] = function (...args) {
      const out = saved[name].apply(this, args);
      strings[as] = out;
      return out;
    };
  };
  wrap('buildCanonicalString', 'stringToSign');
  wrap('getCanonicalRequest', 'canonicalRequest');
  wrap('getStringToSign', 'stringToSign');
  try {
    const result = await fn();
    return { result, strings };
  } finally {
    Object.assign(signUtils, saved);
  }
}

const md5b64 = (s) => createHash('md5').update(s, 'utf8').digest('base64');

export const OPERATIONS = ['create', 'uploadPart', 'complete', 'listParts', 'abort'];
export const VERSIONS = ['v2', 'v4'];

/** The file name of a case's fixture under tests/vectors/multipart-oss/. */
export const fixtureName = (c) => c.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Five input families: keys with unicode and reserved characters, path-style and virtual-hosted, a session token, create with content type and metadata, part numbers at both ends, ListParts paging. */
export const MP_OSS_CASES = [
  {
    name: 'unicode and reserved characters in key',
    endpoint: 'https://oss-cn-hangzhou.aliyuncs.com',
    bucket: 'example-bucket',
    region: 'cn-hangzhou',
    pathStyle: false,
    key: 'uploads/ü ñ/a+b=c&d.txt',
    expiresIn: 3600,
    uploadId: '0004B9894A22E5B1888A1E29F8236E2D',
    partNumber: 1,
    create: { contentType: 'text/plain; charset=utf-8' },
    parts: [
      { partNumber: 1, etag: '"3349DC700140D7F86A0784842780AB2D"' },
      { partNumber: 2, etag: '"8EFDA8BE206636A695359836FE0A0E0A"' },
    ],
    list: {},
  },
  {
    name: 'CJK key with a space, path-style, region with the oss- prefix',
    endpoint: 'https://oss-cn-shanghai.aliyuncs.com',
    bucket: 'example-bucket',
    region: 'oss-cn-shanghai',
    pathStyle: true,
    key: 'uploads/空 格.bin',
    expiresIn: 600,
    uploadId: '0004B999EF5A239BB9138C6227D69F95',
    partNumber: 10000,
    create: { contentType: 'application/octet-stream' },
    parts: [{ partNumber: 10000, etag: '"A54357AFF0632CCE46D942AF68356B38"' }],
    list: { maxParts: 100, partNumberMarker: 5 },
  },
  {
    name: 'session token, part with Content-MD5',
    endpoint: 'https://oss-cn-beijing.aliyuncs.com',
    bucket: 'example-bucket',
    region: 'cn-beijing',
    pathStyle: false,
    sessionToken: SESSION_TOKEN,
    key: 'uploads/temp/data.bin',
    expiresIn: 300,
    uploadId: '0004B99B8E707874FC2D692FA5D77D3F',
    partNumber: 2,
    partMd5: md5b64('the second part\n'),
    create: { contentType: 'application/octet-stream', metadata: { owner: 'grace' } },
    parts: [
      { partNumber: 1, etag: '"0E9A9B6F4D3C2B1A0F9E8D7C6B5A4938"' },
      { partNumber: 2, etag: '"1F0B1C2D3E4F5A6B7C8D9E0F1A2B3C4D"' },
    ],
    list: { partNumberMarker: 1 },
  },
  {
    name: 'content type and mixed-case metadata on create',
    endpoint: 'https://oss-ap-southeast-1.aliyuncs.com',
    bucket: 'reports-bucket',
    region: 'ap-southeast-1',
    pathStyle: false,
    key: 'docs/Q3 report.pdf',
    expiresIn: 7200,
    uploadId: '0004B9A1C2D3E4F5A6B7C8D9E0F1A2B3',
    partNumber: 3,
    // Two spaces inside a value on purpose: V1 and V4 trim values but do not collapse spaces.
    create: { contentType: 'application/pdf', metadata: { 'Owner-Name': 'Ada  Lovelace', Project: 'Q3' } },
    parts: [1, 2, 3].map((n) => ({ partNumber: n, etag: `"${md5b64(String(n)).slice(0, 8)}0123456789ABCDEF01234567"` })),
    list: { maxParts: 1000 },
  },
  {
    name: 'OSS-compatible server on a port, path-style',
    endpoint: 'http://localhost:9000',
    bucket: 'local-bucket',
    region: 'cn-hangzhou',
    pathStyle: true,
    key: 'uploads/holiday photo.jpg',
    expiresIn: 60,
    uploadId: 'E5F1B5F3A2C44B1C9D0E7F6A5B4C3D2E',
    partNumber: 7,
    create: { contentType: 'image/jpeg' },
    parts: [{ partNumber: 7, etag: '"D41D8CD98F00B204E9800998ECF8427E"' }],
    list: { maxParts: 2, partNumberMarker: 6 },
  },
];

/** The caller headers of an operation that our options carry as typed options (what is signed besides the signer's own). */
function typedHeaders(c, op) {
  if (op === 'create') {
    const h = { 'Content-Type': c.create.contentType };
    for (const [k, v] of Object.entries(c.create.metadata ?? {})) h[`x-oss-meta-${k}`] = v;
    return h;
  }
  if (op === 'uploadPart' && c.partMd5) return { 'Content-MD5': c.partMd5 };
  return {};
}

/** ListParts' paging parameters (not sub-resources) as query pairs. */
const listQuery = (c) => ({
  ...(c.list.maxParts !== undefined ? { 'max-parts': String(c.list.maxParts) } : {}),
  ...(c.list.partNumberMarker !== undefined ? { 'part-number-marker': String(c.list.partNumberMarker) } : {}),
});

/** The operation's sub-resources, as ali-oss's `subres` spells them. */
function subResources(c, op) {
  if (op === 'create') return { uploads: '' };
  if (op === 'uploadPart') return { partNumber: String(c.partNumber), uploadId: c.uploadId };
  return { uploadId: c.uploadId };
}

/** A client whose HTTP layer (urllib) records the one request and refuses to send it. */
function capturingClient(c, v4) {
  const client = ossClient(c, v4);
  const box = {};
  const stop = new Error('recorded, not sent');
  client.urllib = {
    request: async (url, params) => {
      box.request = { url, method: params.method, headers: { ...params.headers }, body: params.content === undefined ? null : String(params.content) };
      throw stop;
    },
  };
  return { client, box };
}

/** What ali-oss sends for operation `op` with an Authorization header (V1 or V4), at NOW. */
export async function sdkHeaderRequest(c, version, op) {
  const v4 = version === 'v4';
  const { client, box } = capturingClient(c, v4);
  const extra = v4 ? { additionalHeaders: ['host'] } : {};
  const headers = { ...typedHeaders(c, op), ...(v4 ? { host: hostOf(c) } : {}) };
  const call = {
    create: () => client.initMultipartUpload(c.key, { mime: c.create.contentType, meta: c.create.metadata, headers: v4 ? { host: hostOf(c) } : {}, ...extra }),
    uploadPart: () => client.uploadPart(c.key, c.uploadId, c.partNumber, Buffer.from('part bytes\n'), 0, 11, { headers, ...extra }),
    complete: () => client.completeMultipartUpload(c.key, c.uploadId, c.parts.map((p) => ({ number: p.partNumber, etag: p.etag })), { headers, ...extra }),
    listParts: () => client.listParts(c.key, c.uploadId, listQuery(c), { headers, ...extra }),
    abort: () => client.abortMultipartUpload(c.key, c.uploadId, { headers, ...extra }),
  }[op];
  const { strings } = await recordingStrings(() => atFixedInstant(() => call().catch(() => {})));
  if (!box.request) throw new Error(`ali-oss ${op} did not reach its HTTP client`);
  // The SDK's User-Agent names the Node version; Content-Length and Host are the browser's.
  const { 'User-Agent': _ua, 'Content-Length': _len, host: _host, ...sent } = box.request.headers;
  return { ...box.request, headers: sent, strings };
}

/** ali-oss's presigned URL for operation `op` (signatureUrl for V1, signatureUrlV4 for V4), with its intermediate strings. */
export async function sdkPresignedUrl(c, version, op, headers) {
  const method = { create: 'POST', uploadPart: 'PUT', complete: 'POST', listParts: 'GET', abort: 'DELETE' }[op];
  if (version === 'v2') {
    const { result: url, strings } = await recordingStrings(() =>
      atFixedInstant(() => ossClient(c).signatureUrl(c.key, { method, expires: c.expiresIn, subResource: subResources(c, op), ...headers })),
    );
    const unsigned = op === 'listParts' ? Object.entries(listQuery(c)).map(([k, v]) => `&${k}=${v}`).join('') : '';
    return { url: url + unsigned, strings };
  }
  const queries = { ...Object.fromEntries(Object.entries(subResources(c, op)).map(([k, v]) => [k, v === '' ? null : v])), ...(op === 'listParts' ? listQuery(c) : {}) };
  const { result: url, strings } = await recordingStrings(() =>
    atFixedInstant(() => ossClient(c, true).signatureUrlV4(method, c.expiresIn, { headers: { ...headers, host: hostOf(c) }, queries }, c.key, ['host'])),
  );
  return { url, strings };
}

/** Our module's options for case c, operation op (header-signed: `sent` is what ali-oss sent). */
export function ourOptions(c, version, op, presign, sent) {
  const o = { operation: op, dialect: 'oss', version, endpoint: c.endpoint, bucket: c.bucket, region: c.region, pathStyle: c.pathStyle, key: c.key, expiresIn: c.expiresIn, presign };
  if (op === 'create') Object.assign(o, { contentType: c.create.contentType, ...(c.create.metadata ? { metadata: c.create.metadata } : {}) });
  if (op !== 'create') o.uploadId = c.uploadId;
  if (op === 'uploadPart') Object.assign(o, { partNumber: c.partNumber, ...(c.partMd5 ? { contentMd5: c.partMd5 } : {}) });
  if (op === 'complete') o.parts = c.parts;
  if (op === 'listParts') Object.assign(o, c.list);
  o.headers = rawHeaders(op, sent);
  return o;
}

/** The caller headers our options add so that both sign the same request (see the top). */
function rawHeaders(op, sent) {
  const pick = (name) => Object.entries(sent).filter(([n]) => n.toLowerCase() === name);
  if (op === 'complete') return Object.fromEntries(pick('content-md5'));
  if (op === 'create') return {};
  return Object.fromEntries(pick('content-type'));
}

/** Everything recorded for case c: per version and operation, the header-signed request and the presigned URL, each with our options. */
export async function sdkOutputs(c) {
  const out = {};
  for (const version of VERSIONS) {
    out[version] = {};
    for (const op of OPERATIONS) {
      const request = await sdkHeaderRequest(c, version, op);
      const presignHeaders = { ...typedHeaders(c, op), ...(op === 'complete' ? { 'Content-Type': 'application/xml', ...rawHeaders(op, request.headers) } : {}) };
      out[version][op] = {
        header: { options: ourOptions(c, version, op, false, request.headers), request },
        presigned: {
          options: ourOptions(c, version, op, true, op === 'complete' ? request.headers : {}),
          ...(await sdkPresignedUrl(c, version, op, presignHeaders)),
        },
      };
    }
  }
  return JSON.parse(JSON.stringify(out));
}

