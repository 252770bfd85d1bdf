// Differential test of the five S3 multipart requests (and the HEAD that checks a lost
// Complete), ours (signMultipart) vs the AWS SDKs:
//   - presigned (SigV4): @aws-sdk/s3-request-presigner getSignedUrl on CreateMultipartUpload,
//     UploadPart, CompleteMultipartUpload, ListParts and AbortMultipartUpload — whole URLs, byte
//     for byte, on every input of inputs.mjs (unicode, reserved characters and spaces in keys,
//     session token, path-style and virtual-hosted, mixed-case metadata);
//   - header-signed (SigV4): the request S3Client itself would send (captured by a request
//     handler that never sends) — method, URL, signed headers, Authorization and the Complete
//     XML body;
//   - presigned (SigV2): aws-sdk v2 getSignedUrl('uploadPart' | 'createMultipartUpload' | …).
//
// SDK configuration (as in sdk-presign-put.test.mjs, for the same reasons): requestChecksumCalculation
// WHEN_REQUIRED; the `x-id` query parameter dropped at the build step; x-amz-content-sha256
// neither hoisted nor signed in presigned URLs; content-type signable. For header-signed
// requests the SDK's own telemetry headers (x-amz-user-agent, amz-sdk-invocation-id,
// amz-sdk-request) and Content-Length are dropped before signing: a browser cannot set
// Content-Length and this module never signs the SDK's telemetry.

import { CASES, NOW, assertSame, atFixedInstant, credentialsFor, guarded, metaName, ourTarget } from './inputs.mjs';
import { signMultipart, skip } from './load.mjs';

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  HeadObjectCommand,
  ListPartsCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import AWS from 'aws-sdk';

// Upload ids with characters that need escaping, and S3's usual shape.
const UPLOAD_IDS = ['VXBsb2FkIElEIGZvciA2aWWpbmcncyBteS1tb3ZpZS5tMnRzIHVwbG9hZA', 'id+with/slash=and~tilde.x_y-z'];
const PARTS = [
  { partNumber: 1, etag: '"a54357aff0632cce46d942af68356b38"' },
  { partNumber: 2, etag: '"0c78aef83f66abc1fa1e8477f296d394"' },
  { partNumber: 3, etag: '"acbd18db4cc2f85cedef654fccc4a4d8"' },
];

const dropXId = (next) => async (args) => {
  if (args.request?.query) delete args.request.query['x-id'];
  return next(args);
};
const dropUnsignable = (next) => async (args) => {
  for (const h of ['x-amz-user-agent', 'amz-sdk-invocation-id', 'amz-sdk-request', 'content-length']) {
    if (args.request?.headers) delete args.request.headers[h];
  }
  return next(args);
};

function v3Client(c, handler) {
  const client = new S3Client({
    region: c.region,
    endpoint: c.endpoint,
    forcePathStyle: c.pathStyle,
    credentials: credentialsFor(c),
    requestChecksumCalculation: 'WHEN_REQUIRED',
    ...(handler ? { requestHandler: handler, maxAttempts: 1 } : {}),
  });
  client.middlewareStack.add(dropXId, { step: 'build', name: 'bucketUploadDropXId' });
  // Right before signing: the retry and user-agent middlewares add their headers earlier.
  client.middlewareStack.addRelativeTo(dropUnsignable, {
    relation: 'before',
    toMiddleware: 'httpSigningMiddleware',
    name: 'bucketUploadDropUnsignable',
  });
  return client;
}

const meta = (c) => Object.fromEntries(Object.entries(c.metadata).map(([k, v]) => [metaName(k), v]));

/** One operation: the SDK command and our options for it. */
function operations(c, uploadId) {
  const base = { Bucket: c.bucket, Key: c.key };
  return {
    create: {
      command: new CreateMultipartUploadCommand({ ...base, ContentType: c.contentType, Metadata: c.metadata }),
      ours: { headers: { 'Content-Type': c.contentType, ...meta(c) } },
      unhoist: Object.keys(c.metadata).map((k) => metaName(k).toLowerCase()),
    },
    uploadPart: {
      command: new UploadPartCommand({ ...base, UploadId: uploadId, PartNumber: 7, ContentMD5: c.contentMd5 }),
      ours: { uploadId, partNumber: 7, contentMd5: c.contentMd5 },
      // The SDK sets content-type: application/octet-stream on a body-less part; a browser sends
      // a File slice without one, so the part's Content-Type is not signed.
      unsignable: ['content-type'],
    },
    complete: {
      command: new CompleteMultipartUploadCommand({
        ...base,
        UploadId: uploadId,
        MultipartUpload: { Parts: PARTS.map((p) => ({ ETag: p.etag, PartNumber: p.partNumber })) },
      }),
      ours: { uploadId, parts: PARTS },
    },
    listParts: {
      command: new ListPartsCommand({ ...base, UploadId: uploadId, MaxParts: 100, PartNumberMarker: '2' }),
      ours: { uploadId, maxParts: 100, partNumberMarker: 2 },
    },
    abort: {
      command: new AbortMultipartUploadCommand({ ...base, UploadId: uploadId }),
      ours: { uploadId },
    },
    // After a lost Complete answer, uploadFile asks whether the object is there (stored.rs).
    headObject: {
      command: new HeadObjectCommand(base),
      ours: {},
    },
  };
}

async function sdkPresigned(c, op) {
  return getSignedUrl(v3Client(c), op.command, {
    expiresIn: c.expiresIn,
    signingDate: NOW,
    signableHeaders: new Set(op.unsignable?.includes('content-type') ? [] : ['content-type']),
    // content-length: the SDK signs Complete's; a browser sets it itself, so it is never signed.
    unsignableHeaders: new Set(['x-amz-content-sha256', 'content-length', ...(op.unsignable ?? [])]),
    unhoistableHeaders: new Set(['x-amz-content-sha256', ...(op.unhoist ?? [])]),
  });
}

/** The header-signed request S3Client would send, captured before any IO. */
async function sdkSent(c, command) {
  let captured;
  const handler = {
    handle: async (request) => {
      captured = request;
      throw new Error('captured');
    },
  };
  await atFixedInstant(() => v3Client(c, handler).send(command)).catch((e) => {
    if (e.message !== 'captured') throw e;
  });
  const query = Object.keys(captured.query).sort().map((k) => `${k}=${encodeURIComponent(captured.query[k])}`);
  return { method: captured.method, path: captured.path, query, headers: captured.headers, body: captured.body };
}

for (const c of CASES) {
  for (const uploadId of UPLOAD_IDS) {
    const ops = operations(c, uploadId);
    for (const [name, op] of Object.entries(ops)) {
      test(`presigned ${name} URL equals the SDK's: ${c.name}, upload id ${uploadId.slice(0, 8)}…`, { skip }, async () => {
        const sdk = await sdkPresigned(c, op);
        const ours = await guarded('signMultipart', () =>
          signMultipart({ ...ourTarget(c, 'v4'), operation: name, presign: true, ...op.ours }),
        );
        assertSame(ours.url, sdk, `presigned ${name} URL`);
      });
    }
  }
  const ops = operations(c, UPLOAD_IDS[1]);
  for (const name of ['create', 'complete', 'listParts', 'abort', 'headObject']) {
    test(`header-signed ${name} equals what S3Client sends: ${c.name}`, { skip }, async () => {
      const sdk = await sdkSent(c, ops[name].command);
      const ours = await guarded('signMultipart', () =>
        signMultipart({ ...ourTarget(c, 'v4'), operation: name, presign: false, ...ops[name].ours }),
      );
      assert.equal(ours.method, sdk.method);
      const url = new URL(ours.url);
      assert.equal(url.pathname, sdk.path, 'path');
      const lower = (h) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
      const sdkHeaders = lower(sdk.headers);
      const ourHeaders = lower(ours.headers);
      delete sdkHeaders.host; // the browser sets Host to the signed value
      delete sdkHeaders['user-agent']; // the SDK's, unsigned; a browser sends its own
      assertSame(ourHeaders.authorization, sdkHeaders.authorization, `${name} Authorization`);
      assert.deepEqual(Object.keys(ourHeaders).sort(), Object.keys(sdkHeaders).sort(), 'header names');
      if (name === 'complete') assertSame(ours.body, sdk.body, 'Complete XML body');
    });
  }
}

// ---------------------------------------------------------------------------------------------
// SigV2, aws-sdk v2. The SDK copies signed headers into the query (see sdk-v2.test.mjs); only
// Content-MD5 applies here (UploadPart), and it is dropped from the SDK's URL before comparing.

function v2Client(c) {
  const cred = credentialsFor(c);
  return new AWS.S3({
    signatureVersion: 'v2',
    region: c.region,
    endpoint: c.endpoint,
    s3ForcePathStyle: c.pathStyle,
    credentials: new AWS.Credentials(cred.accessKeyId, cred.secretAccessKey, cred.sessionToken),
  });
}
const dropMd5Copy = (url) => url.replace(/([?&])Content-MD5=[^&]*&?/, '$1').replace(/[?&]$/, '');

for (const c of CASES) {
  const uploadId = UPLOAD_IDS[1];
  const v2ops = {
    uploadPart: [{ UploadId: uploadId, PartNumber: 7, ContentMD5: c.contentMd5 }, { uploadId, partNumber: 7, contentMd5: c.contentMd5 }],
    abortMultipartUpload: [{ UploadId: uploadId }, { uploadId }, 'abort'],
    listParts: [{ UploadId: uploadId }, { uploadId }],
    headObject: [{}, {}],
  };
  for (const [sdkName, [params, ours, opName]] of Object.entries(v2ops)) {
    test(`SigV2 presigned ${sdkName} equals aws-sdk v2's: ${c.name}`, { skip }, async () => {
      const sdk = await atFixedInstant(() =>
        v2Client(c).getSignedUrl(sdkName, { Bucket: c.bucket, Key: c.key, Expires: c.expiresIn, ...params }),
      );
      const mine = await guarded('signMultipart', () =>
        signMultipart({ ...ourTarget(c, 'v2'), operation: opName ?? sdkName, presign: true, ...ours }),
      );
      // Parameter order differs by design (the SDK sorts every parameter; we keep the
      // operation's first): compare the parameter sets and the path.
      const norm = (u) => {
        const x = new URL(dropMd5Copy(u));
        return `${x.origin}${x.pathname}?${[...x.searchParams].map(([k, v]) => `${k}=${v}`).sort().join('&')}`;
      };
      assertSame(norm(mine.url), norm(sdk), `SigV2 presigned ${sdkName}`);
    });
  }
}
