// OSS, OBS and CMS end to end, without their servers: in headless Chromium the module signs and
// sends real uploads (putObject, postObject) to the vendors' endpoints; Playwright intercepts
// every request that leaves the page's origin (capture.mjs), records it exactly as the browser
// sends it and answers with a canned response. Nothing reaches the network.
//
// What is compared, per input family of tests/node/oss-cases.mjs and obs-cases.mjs (signed at
// inputs.mjs's NOW, in the page, by the module):
// - OSS PUT with an Authorization header (V1 and V4): method, URL, every header we send and the
//   body bytes equal what ali-oss's createRequest signs for the same inputs (its own
//   `User-Agent`/`x-oss-user-agent` aside; `Host` is compared with the URL's host);
// - OSS presigned PUT (V1 signatureUrl, V4 signatureUrlV4): the URL the browser requested, the
//   caller's headers, the body;
// - OSS POST (V1, V4): the form fields in order, parsed from the captured multipart body, the
//   file part last with its name and bytes; ali-oss signs the captured policy to the captured
//   signature (calculatePostSignature / signPostObjectPolicyV4);
// - OBS PUT with the OBS signature: headers as esdk-obs-browserjs's putObject sends them; the
//   presigned URL as its createSignedUrlSync; POST: the SDK's own policy (createPostSignatureSync)
//   sent with our signPolicy gives the SDK's signature, and our own form's signature is the
//   documented base64(HMAC-SHA1(SK, policy)) (the SDK cannot sign a policy it did not build);
// - CMS PUT: seed 000's shape, written out by hand (no SDK exists): PUT /object/{bucket}/{key},
//   Authentication, Content-MD5, x-cms-isEncrypt, x-cms-callback, x-cms-meta-*.
// Answers: the result (ETag, version id, request id, CRC-64) of a canned success, verified against
// MD5 and CRC-64 computed here by node:crypto and hash-wasm; a wrong x-oss-hash-crc64ecma is a
// Crc64Mismatch error, never a success; the seed 001 error codes in OSS's error XML become the
// error ali-oss's own requestError makes of the same answer; OBS errors and successes read as
// esdk-obs-browserjs (loaded into the page) reads them.

import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { after, before, beforeEach, test } from 'node:test';
import { crc64 } from 'hash-wasm';
import { launch } from './browser.mjs';
import { skip, startServer } from './server.mjs';
import { BROWSER_HEADERS, openCapturePage, parseMultipart, textFields } from './capture.mjs';
import { ACCESS_KEY_ID, NOW, credentialsFor, fieldMap } from '../node/inputs.mjs';
import {
  OSS_CASES,
  normalizePathEscapes,
  ossClient,
  ourOssPostOptions,
  ourOssPutOptions,
  sdkPostV1,
  sdkPostV4,
  sdkPutHeaders as ossSdkPutHeaders,
  sdkUrlV1,
  sdkUrlV4,
} from '../node/oss-oracle.mjs';
// The OBS oracle is imported only after ali-oss has signed (see before()): loading it defines
// `window`, and ali-oss with a `window` signs as its browser build does (an extra, signed
// x-oss-user-agent header) instead of as the Node build the other oracle tests use.
import { OBS_CASES } from '../node/obs-cases.mjs';
let obsOracle;

const OBS_SDK = new URL('../../node_modules/esdk-obs-browserjs/dist/@cloud/esdk-obs-browserjs-without-polyfill.3.25.6.min.js', import.meta.url);

// ---------------------------------------------------------------------------------------------
// Inputs and independent digests.

const md5b64 = (b) => createHash('md5').update(b).digest('base64');
const md5hex = (b) => createHash('md5').update(b).digest('hex');
const crc64Decimal = async (b) => BigInt(`0x${await crc64(b)}`).toString();

/** The bodies whose MD5 the cases' Content-MD5 headers were made from. */
const BODIES = ['not really a jpeg\n', 'naïve 文件 ☃\n', '%PDF-1.4\n', 'backup\n'];

const header = (pairs, name) => pairs.find(([n]) => n.toLowerCase() === name)?.[1];

/** The body of case c: the one its Content-MD5 names, else a text of its own. */
function bodyFor(c) {
  const md5 = header(c.headers, 'content-md5');
  if (!md5) return Buffer.from(`the body of "${c.name}"\n\u0000\u00ff`, 'utf8');
  const hit = BODIES.find((b) => md5b64(Buffer.from(b, 'utf8')) === md5);
  assert.ok(hit, `no body for the Content-MD5 of ${c.name}`);
  return Buffer.from(hit, 'utf8');
}

const fileName = (key) => key.split('/').pop();
const typeOf = (c) => header(c.headers, 'content-type') ?? 'application/octet-stream';
const lower = (h) => Object.fromEntries(Object.entries(h).map(([n, v]) => [n.toLowerCase(), v]));
const without = (h, names) => Object.fromEntries(Object.entries(h).filter(([n]) => !names.includes(n)));

/** What the module put on the wire: the captured headers minus those Chromium adds itself. */
const sentHeaders = (req) => without(req.headers, [...BROWSER_HEADERS]);

/** Fails unless `req` is a PUT of `body` to `url` with exactly `headers` (names any case). */
function assertPut(req, { url, headers, body, normalize = (u) => u }) {
  assert.equal(req.method, 'PUT');
  assert.equal(normalize(req.url), normalize(url), 'URL');
  assert.deepEqual(sentHeaders(req), lower(headers), 'headers sent (beyond the browser\'s own)');
  assert.ok(req.body.equals(body), `body bytes: sent ${req.body.length} B, expected ${body.length} B`);
}

// ---------------------------------------------------------------------------------------------
// In-page calls (run with page.evaluate; `bu` is the module, `settle` captures its errors).

const PUT_IN_PAGE = async ({ bytes, name, type, how, options, headers, extra = {}, digests: useDigests = true }) =>
  settle(async () => {
    const file = new File([new Uint8Array(bytes)], name, { type });
    const digests = await bu.digests(file, { algorithms: ['md5', 'crc64ecma'], worker: false });
    const request = how === 'headers' ? bu.signPutHeaders(options) : { url: bu.presignPut(options), headers };
    const result = await bu.putObject(file, request, { ...(useDigests ? { digests } : {}), ...extra });
    return { result, digests };
  });

const POST_IN_PAGE = async ({ bytes, name, type, options, lead, policy, policyOptions, extra = {} }) =>
  settle(async () => {
    const file = new File([new Uint8Array(bytes)], name, { type });
    const digests = await bu.digests(file, { algorithms: ['md5', 'crc64ecma'], worker: false });
    // Our own signed form, or (policy given) leading fields plus signPolicy's over that policy.
    const form = policy
      ? { url: options.url, fields: [...lead, ...bu.signPolicy(policy, policyOptions).fields] }
      : bu.signPostForm(options);
    const result = await bu.postObject(file, form, { digests, ...extra });
    return { result, digests, form };
  });

// ---------------------------------------------------------------------------------------------
// Setup. The SDK outputs are computed first: some SDK calls freeze Date with node:test's mock
// timers, which must not run while Playwright does.

const sdk = { oss: new Map(), obs: new Map() };
let server;
let browser;
let cap;

before(async () => {
  for (const c of OSS_CASES) {
    sdk.oss.set(c, {
      v1Put: await ossSdkPutHeaders(c, false),
      v4Put: await ossSdkPutHeaders(c, true),
      v1Url: await sdkUrlV1(c),
      v4Url: await sdkUrlV4(c),
    });
  }
  const hadWindow = 'window' in globalThis;
  const hadSelf = 'self' in globalThis;
  obsOracle = await import('../node/obs-oracle.mjs');
  for (const c of OBS_CASES) {
    let post;
    try {
      post = await obsOracle.sdkPostSignature(c, 'obs');
    } catch (e) {
      post = { throws: e.name }; // non-Latin-1 text: window.btoa throws (see obs-sdk.test.mjs)
    }
    sdk.obs.set(c, { put: await obsOracle.sdkPutHeaders(c, 'obs'), url: await obsOracle.sdkSignedUrl(c, 'obs'), post });
  }
  if (!hadWindow) delete globalThis.window;
  if (!hadSelf) delete globalThis.self;
  if (skip) return;
  server = await startServer();
  browser = await launch();
  cap = await openCapturePage(browser, server);
  await cap.page.addScriptTag({ path: OBS_SDK.pathname });
});

beforeEach(() => cap?.reset());

after(async () => {
  await browser?.close();
  await server?.stop();
});

// ---------------------------------------------------------------------------------------------
// OSS.

let serial = 0;
/** A canned OSS PutObject/PostObject success for `body`, as seed 001's samples answer. */
async function ossSuccess(body, status = 200, extra = {}) {
  serial += 1;
  const requestId = `5C06A3B67B8B5A3DA4${String(serial).padStart(6, '0')}`;
  const versionId = `CAEQNhiBgMDJgZCA0BYiIDc4MGZjZGI2OTBjOTRmNTE5NmU5NmFhZjhj${serial}`;
  const etag = `"${md5hex(body).toUpperCase()}"`;
  const crc = await crc64Decimal(body);
  return {
    answer: {
      status,
      headers: { Server: 'AliyunOSS', 'x-oss-request-id': requestId, ETag: etag, 'x-oss-hash-crc64ecma': crc, 'x-oss-version-id': versionId, ...extra },
    },
    expect: { status, etag, md5Verified: true, crc64ecma: crc, crc64Verified: true, requestId, versionId, dialect: 'oss' },
  };
}

const pick = (r, names) => Object.fromEntries(names.map((n) => [n, r[n]]));
const RESULT = ['status', 'etag', 'md5Verified', 'crc64ecma', 'crc64Verified', 'requestId', 'versionId', 'dialect'];

for (const c of OSS_CASES) {
  const body = bodyFor(c);
  const page = { bytes: [...body], name: fileName(c.key), type: typeOf(c) };

  for (const [version, label, which] of [['v2', 'V1', 'v1Put'], ['v4', 'V4', 'v4Put']]) {
    test(`OSS PUT, ${label} Authorization: the request is ali-oss createRequest's: ${c.name}`, { skip }, async () => {
      const { answer, expect } = await ossSuccess(body);
      cap.answer(answer);
      const r = await cap.run(PUT_IN_PAGE, { ...page, how: 'headers', options: ourOssPutOptions(c, version) });
      assert.ok(r.ok, `putObject failed: ${JSON.stringify(r.error)}`);
      const [req, ...more] = cap.take();
      assert.equal(more.length, 0, 'one request');
      const theirs = sdk.oss.get(c)[which];
      // ali-oss names itself in User-Agent and x-oss-user-agent (unsigned); a browser's is its own.
      const expected = without(lower(theirs.headers), ['user-agent', 'x-oss-user-agent', 'host']);
      assertPut(req, { url: theirs.url, headers: expected, body, normalize: normalizePathEscapes });
      if (version === 'v4') assert.equal(new URL(req.url).host, theirs.headers.host, 'signed host');
      assert.deepEqual(pick(r.ok.result, RESULT), expect, 'result');
      assert.equal(r.ok.digests.crc64ecma, expect.crc64ecma, 'page CRC-64 vs hash-wasm');
    });
  }

  for (const [version, label, which] of [['v2', 'V1 signatureUrl', 'v1Url'], ['v4', 'V4 signatureUrlV4', 'v4Url']]) {
    test(`OSS presigned PUT, ${label}: ${c.name}`, { skip }, async () => {
      const { answer, expect } = await ossSuccess(body);
      cap.answer(answer);
      const headers = Object.fromEntries(c.headers);
      const r = await cap.run(PUT_IN_PAGE, { ...page, how: 'url', options: ourOssPutOptions(c, version), headers });
      assert.ok(r.ok, `putObject failed: ${JSON.stringify(r.error)}`);
      const [req] = cap.take();
      assertPut(req, { url: sdk.oss.get(c)[which], headers, body, normalize: normalizePathEscapes });
      assert.deepEqual(pick(r.ok.result, RESULT), expect, 'result');
    });
  }

  for (const [version, label] of [['v2', 'V1'], ['v4', 'V4']]) {
    test(`OSS POST ${label}: fields in order, file last, ali-oss signs the captured policy alike: ${c.name}`, { skip }, async () => {
      const status = Number(c.post.fields.success_action_status ?? 204);
      const { answer, expect } = await ossSuccess(body, status);
      if (status === 201) {
        answer.body = `<?xml version="1.0" encoding="UTF-8"?>\n<PostResponse><Bucket>${c.bucket}</Bucket><ETag>${answer.headers.ETag}</ETag><Key>${c.key}</Key><Location>https://${c.bucket}.example/${c.key}</Location></PostResponse>`;
      }
      cap.answer(answer);
      const type = c.post.fields['Content-Type'] ?? 'application/octet-stream';
      const r = await cap.run(POST_IN_PAGE, { ...page, type, options: ourOssPostOptions(c, version) });
      assert.ok(r.ok, `postObject failed: ${JSON.stringify(r.error)}`);
      const [req] = cap.take();
      assert.equal(req.method, 'POST');
      assert.equal(req.url, r.ok.form.url, 'form action');
      const parts = parseMultipart(req.body, req.headers['content-type']);
      const fields = textFields(parts);
      // The form's fields, in order, ${filename} replaced; then the file, last.
      const want = r.ok.form.fields.map(([n, v]) => [n, n === 'key' ? v.replace('${filename}', page.name) : v]);
      assert.deepEqual(fields, want, 'form fields in order');
      assert.equal(fieldMap(fields).get('key'), c.key, 'key');
      const file = parts.at(-1);
      assert.deepEqual([file.name, file.filename, file.type], ['file', page.name, type], 'file part');
      assert.ok(file.data.equals(body), 'file bytes');
      assert.equal(parts.length, fields.length + 1, 'one file part');
      const f = fieldMap(fields);
      const policyText = Buffer.from(f.get('policy'), 'base64').toString('utf8');
      if (version === 'v2') {
        const theirs = sdkPostV1(c, policyText);
        assert.equal(f.get('policy'), theirs.policy, 'policy (ali-oss re-encodes the captured JSON)');
        assert.equal(f.get('signature'), theirs.Signature, 'Signature');
        assert.equal(f.get('ossaccesskeyid'), theirs.OSSAccessKeyId, 'OSSAccessKeyId');
      } else {
        const region = c.region.replace(/^oss-/, '');
        assert.equal(f.get('x-oss-signature'), sdkPostV4(c, JSON.parse(policyText)), 'x-oss-signature');
        assert.equal(f.get('x-oss-credential'), `${ACCESS_KEY_ID}/20260102/${region}/oss/aliyun_v4_request`);
        assert.equal(f.get('x-oss-date'), '20260102T030405Z');
        assert.equal(f.get('x-oss-signature-version'), 'OSS4-HMAC-SHA256');
      }
      assert.equal(f.get('x-oss-security-token'), c.sessionToken, 'x-oss-security-token');
      assert.deepEqual(pick(r.ok.result, RESULT), expect, 'result');
      assert.equal(r.ok.result.key, c.key, 'result key');
    });
  }
}

// ---------------------------------------------------------------------------------------------
// OSS answers: CRC-64 and refusals.

const OSS0 = OSS_CASES[0];
const BODY0 = bodyFor(OSS0);
const PAGE0 = { bytes: [...BODY0], name: 'photo.jpg', type: 'image/jpeg', how: 'url', options: ourOssPutOptions(OSS0, 'v2'), headers: Object.fromEntries(OSS0.headers) };

test('OSS: a wrong x-oss-hash-crc64ecma is a Crc64Mismatch error, never a success (PUT and POST)', { skip }, async () => {
  const good = BigInt(await crc64Decimal(BODY0));
  for (const wrong of [good ^ 1n, 0n, (1n << 64n) - 1n]) {
    const { answer } = await ossSuccess(BODY0, 200, { 'x-oss-hash-crc64ecma': wrong.toString() });
    cap.answer(answer);
    const r = await cap.run(PUT_IN_PAGE, PAGE0);
    assert.equal(cap.take().length, 1, 'the upload was sent');
    assert.ok(r.error, `reported as uploaded: ${JSON.stringify(r.ok)}`);
    assert.deepEqual(pick(r.error, ['name', 'kind', 'code', 'status', 'requestId']), {
      name: 'BucketUploadError', kind: 'integrity', code: 'Crc64Mismatch', status: 200, requestId: answer.headers['x-oss-request-id'],
    });
    assert.match(r.error.message, new RegExp(`${wrong}.*${good}`));
  }
  const { answer } = await ossSuccess(BODY0, 204, { 'x-oss-hash-crc64ecma': (good + 1n).toString() });
  cap.answer(answer);
  const r = await cap.run(POST_IN_PAGE, { ...PAGE0, options: ourOssPostOptions(OSS0, 'v4') });
  assert.equal(r.error?.code, 'Crc64Mismatch', JSON.stringify(r));
});

test('OSS: CRC-64 from the crc64ecma option (string, BigInt) without digests; MD5 from contentMd5', { skip }, async () => {
  const crc = await crc64Decimal(BODY0);
  for (const value of [crc, `BigInt:${crc}`]) {
    const { answer, expect } = await ossSuccess(BODY0);
    cap.answer(answer);
    const r = await cap.page.evaluate(
      async ({ p, value, md5 }) => {
        const crc64ecma = value.startsWith('BigInt:') ? BigInt(value.slice(7)) : value;
        return settle(async () => {
          const file = new Blob([new Uint8Array(p.bytes)]);
          return bu.putObject(file, { url: bu.presignPut(p.options), headers: p.headers }, { crc64ecma, contentMd5: md5 });
        });
      },
      { p: PAGE0, value, md5: md5b64(BODY0) },
    );
    assert.deepEqual(pick(r.ok ?? {}, RESULT), expect, JSON.stringify(r));
    cap.take();
  }
});

test('OSS: an unexposed x-oss-hash-crc64ecma (bucket CORS) is reported as not verified, not as verified', { skip }, async () => {
  const { answer, expect } = await ossSuccess(BODY0);
  cap.answer({ ...answer, expose: 'ETag, x-oss-request-id, x-oss-version-id' });
  const r = await cap.run(PUT_IN_PAGE, PAGE0);
  assert.deepEqual(pick(r.ok.result, RESULT), { ...expect, crc64ecma: undefined, crc64Verified: false });
});

test('OSS: bad digests and dialect options are typed errors before any byte is sent', { skip }, async () => {
  const cases = [
    [{ crc64ecma: '12a' }, 'crc64ecma'],
    [{ crc64ecma: 1.5 }, 'crc64ecma'],
    [{ crc64ecma: 2 ** 60 }, 'crc64ecma'],
    [{ crc64ecma: '18446744073709551616' }, 'crc64ecma'],
    [{ contentMd5: md5b64(Buffer.from('other')) }, 'contentMd5'], // differs from digests.md5
    [{ contentMd5: 'not an md5' }, 'contentMd5'],
    [{ dialect: 'gcs' }, 'dialect'],
  ];
  for (const [extra, field] of cases) {
    const r = await cap.run(PUT_IN_PAGE, { ...PAGE0, extra });
    assert.deepEqual(pick(r.error ?? {}, ['kind', 'field']), { kind: 'validation', field }, `${JSON.stringify(extra)}: ${JSON.stringify(r)}`);
    assert.equal(cap.take().length, 0, `${JSON.stringify(extra)}: a request was sent`);
  }
});

test('OSS: the dialect option wins over what the request says', { skip }, async () => {
  const { answer } = await ossSuccess(BODY0, 200, { 'x-amz-request-id': 'AMZ-REQUEST-ID', 'x-amz-version-id': 'AMZ-VERSION' });
  cap.answer(answer);
  const r = await cap.run(PUT_IN_PAGE, { ...PAGE0, extra: { dialect: 's3' } });
  assert.deepEqual(pick(r.ok.result, ['dialect', 'requestId', 'versionId', 'crc64Verified']), { dialect: 's3', requestId: 'AMZ-REQUEST-ID', versionId: 'AMZ-VERSION', crc64Verified: true });
});

/** An OSS error document shaped as OSS's error-response page shows it. */
const ossErrorXml = (code, message, requestId, ec) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>${code}</Code>\n  <Message>${message}</Message>\n  <RequestId>${requestId}</RequestId>\n  <HostId>example-bucket.oss-cn-hangzhou.aliyuncs.com</HostId>\n  <EC>${ec}</EC>\n  <RecommendDoc>https://api.aliyun.com/troubleshoot?q=${ec}</RecommendDoc>\n</Error>\n`;

/** Seed 001's error table: code, HTTP status. */
const SEED_001 = [
  ['MissingContentLength', 411], ['InvalidEncryptionAlgorithmError', 400], ['AccessDenied', 403], ['NoSuchBucket', 404],
  ['InvalidObjectName', 400], ['InvalidArgument', 400], ['RequestTimeout', 400], ['KmsServiceNotEnabled', 403],
  ['FileAlreadyExists', 409], ['FileImmutable', 409],
];

/** The error ali-oss makes of the same answer (its requestError, the SDK's one error path). */
async function aliOssError(status, headers, body) {
  const e = await ossClient(OSS0).requestError({ status, headers: lower(headers), data: Buffer.from(body) });
  return { kind: 'server', code: e.code, status: e.status, requestId: e.requestId, ec: e.ecCode, message: e.message };
}

for (const [code, status] of SEED_001) {
  test(`OSS refusal ${code} (${status}): the error ali-oss's requestError makes of it`, { skip }, async () => {
    const requestId = `5C06A3B67B8B5A3DA4${code.length}0000`.slice(0, 24);
    const body = ossErrorXml(code, `${code}: a message with &amp; &lt;escapes&gt;`, requestId, `0026-000000${status % 100}`);
    const headers = { 'x-oss-request-id': requestId, 'x-oss-ec': `0026-000000${status % 100}`, 'Content-Type': 'application/xml' };
    cap.answer({ status, headers, body });
    // One answer read as ali-oss reads it: RequestTimeout is transient and would be retried.
    const r = await cap.run(PUT_IN_PAGE, { ...PAGE0, extra: { retry: false } });
    assert.ok(r.error, `reported as uploaded: ${JSON.stringify(r.ok)}`);
    const theirs = await aliOssError(status, headers, body);
    assert.deepEqual(pick(r.error, ['kind', 'code', 'status', 'requestId', 'ec', 'message']), theirs);
    assert.equal(r.error.code, code, 'the code to switch on');
    assert.equal(r.error.message, `${code}: a message with & <escapes>`);
  });
}

test('OSS: a body-less refusal with x-oss-err reads as ali-oss reads it', { skip }, async () => {
  const xml = ossErrorXml('AccessDenied', 'You have no right to access this object.', 'IN-THE-XML', '0003-00000001');
  const headers = { 'x-oss-request-id': '636B68BA80DA8539399F0001', 'x-oss-err': Buffer.from(xml).toString('base64'), 'x-oss-ec': '0003-00000001' };
  cap.answer({ status: 403, headers });
  const r = await cap.run(PUT_IN_PAGE, PAGE0);
  assert.deepEqual(pick(r.error ?? {}, ['kind', 'code', 'status', 'requestId', 'ec', 'message']), await aliOssError(403, headers, ''));
});

test('OSS: 203 CallbackFailed (stored, callback failed) is an error, as in ali-oss', { skip }, async () => {
  const { answer } = await ossSuccess(BODY0, 203);
  cap.answer({ ...answer, body: ossErrorXml('CallbackFailed', 'Error status : 502.', answer.headers['x-oss-request-id'], '0007-00000203') });
  const r = await cap.run(POST_IN_PAGE, { ...PAGE0, options: ourOssPostOptions(OSS0, 'v2') });
  assert.deepEqual(pick(r.error ?? {}, ['kind', 'code', 'status', 'ec']), { kind: 'server', code: 'CallbackFailed', status: 203, ec: '0007-00000203' });
});

// ---------------------------------------------------------------------------------------------
// OBS (native dialect, OBS signature).

/** What esdk-obs-browserjs (in the page) reads from an answer to PutObject. */
const OBS_SDK_READ = ({ status, headers, body }) =>
  new Promise((resolve) => {
    const client = new ObsClient({ access_key_id: 'AK', secret_access_key: 'SK', server: 'https://obs.cn-north-4.myhuaweicloud.com', signature: 'obs' });
    const lowered = Object.fromEntries(Object.entries(headers).map(([n, v]) => [n.toLowerCase(), v]));
    client.util.getRequest('PutObject', { status, headers: lowered, data: body ?? '' }, client.util.signatureContext, 0, {}, (err, opt) =>
      resolve(err ? { err: String(err) } : opt));
  });

function obsSuccess(body, status = 200) {
  serial += 1;
  return {
    status,
    headers: { Server: 'OBS', 'x-obs-request-id': `0000018A2A73AF59D2C9B1BC${String(serial).padStart(8, '0')}`, 'x-obs-id-2': '32AAAQAAEAABAAAQAAEAABAAAQAAEAABCS', ETag: `"${md5hex(body)}"`, 'x-obs-version-id': `G001118A6${serial}` },
  };
}

async function assertObsResult(result, answer) {
  const theirs = await cap.page.evaluate(OBS_SDK_READ, answer);
  assert.equal(theirs.CommonMsg.Status, answer.status);
  const i = theirs.InterfaceResult;
  assert.deepEqual(
    pick(result, ['status', 'etag', 'versionId', 'requestId', 'md5Verified', 'crc64Verified', 'dialect']),
    { status: answer.status, etag: i.ETag, versionId: i.VersionId, requestId: i.RequestId, md5Verified: true, crc64Verified: false, dialect: 'obs' },
    'result vs esdk-obs-browserjs',
  );
}

for (const c of OBS_CASES) {
  const body = bodyFor(c);
  const page = { bytes: [...body], name: fileName(c.key), type: typeOf(c) };

  test(`OBS PUT, OBS signature: the request is esdk-obs-browserjs putObject's: ${c.name}`, { skip }, async () => {
    const answer = obsSuccess(body);
    cap.answer(answer);
    const r = await cap.run(PUT_IN_PAGE, { ...page, how: 'headers', options: obsOracle.ourObsPutOptions(c) });
    assert.ok(r.ok, `putObject failed: ${JSON.stringify(r.error)}`);
    const [req] = cap.take();
    const theirs = sdk.obs.get(c);
    // The SDK's object URL: its presigned URL without the query.
    assertPut(req, { url: obsOracle.dropDefaultPort(theirs.url).split('?')[0], headers: without(lower(theirs.put), ['host']), body });
    assert.equal(new URL(req.url).host, theirs.put.Host, 'Host');
    await assertObsResult(r.ok.result, answer);
  });

  test(`OBS presigned PUT: the URL is createSignedUrlSync's: ${c.name}`, { skip }, async () => {
    const answer = obsSuccess(body);
    cap.answer(answer);
    const headers = Object.fromEntries(c.headers);
    const r = await cap.run(PUT_IN_PAGE, { ...page, how: 'url', options: obsOracle.ourObsPutOptions(c), headers });
    assert.ok(r.ok, `putObject failed: ${JSON.stringify(r.error)}`);
    const [req] = cap.take();
    assertPut(req, { url: obsOracle.dropDefaultPort(sdk.obs.get(c).url), headers, body });
    await assertObsResult(r.ok.result, answer);
  });

  test(`OBS POST with our policy: fields in order, file last, documented signature: ${c.name}`, { skip }, async () => {
    const status = Number(c.post.fields.success_action_status ?? 204);
    const answer = obsSuccess(body, status);
    answer.headers.Location = `https://${c.bucket}.obs.example.com/${encodeURIComponent(c.key)}`;
    cap.answer(answer);
    const type = c.post.fields['Content-Type'] ?? 'application/octet-stream';
    const r = await cap.run(POST_IN_PAGE, { ...page, type, options: obsOracle.ourObsPostOptions(c) });
    assert.ok(r.ok, `postObject failed: ${JSON.stringify(r.error)}`);
    const [req] = cap.take();
    assert.equal(req.method, 'POST');
    assert.equal(req.url, r.ok.form.url);
    const parts = parseMultipart(req.body, req.headers['content-type']);
    assert.deepEqual(textFields(parts), r.ok.form.fields, 'form fields in order');
    const file = parts.at(-1);
    assert.deepEqual([file.name, file.filename], ['file', page.name]);
    assert.ok(file.data.equals(body), 'file bytes');
    const f = fieldMap(textFields(parts));
    const secret = credentialsFor(c).secretAccessKey;
    assert.equal(f.get('signature'), createHmac('sha1', secret).update(f.get('policy')).digest('base64'), 'base64(HMAC-SHA1(SK, policy))');
    assert.equal(f.get('accesskeyid'), ACCESS_KEY_ID);
    assert.equal(f.get('key'), c.key);
    assert.deepEqual(pick(r.ok.result, ['status', 'location', 'dialect', 'md5Verified']), { status, location: answer.headers.Location, dialect: 'obs', md5Verified: true });
  });

  test(`OBS POST with the SDK's policy: the SDK's signature goes out: ${c.name}`, { skip }, async (t) => {
    const theirs = sdk.obs.get(c).post;
    if (theirs.throws) return t.skip(`esdk-obs-browserjs cannot sign this case (${theirs.throws}: window.btoa of non-Latin-1 text)`);
    cap.answer(obsSuccess(body, 204));
    const lead = [['key', c.key], ...Object.entries(c.post.fields)];
    const url = `https://${c.bucket}.${new URL(c.endpoint).host}/`;
    const r = await cap.run(POST_IN_PAGE, { ...page, options: { url }, lead, policy: theirs.Policy, policyOptions: obsOracle.ourObsSignPolicyOptions(c) });
    assert.ok(r.ok, `postObject failed: ${JSON.stringify(r.error)}`);
    const [req] = cap.take();
    assert.equal(req.url, url);
    const fields = textFields(parseMultipart(req.body, req.headers['content-type']));
    assert.deepEqual(fields.slice(0, lead.length), lead, 'leading fields in order');
    const f = fieldMap(fields);
    assert.equal(f.get('policy'), theirs.Policy, 'policy');
    assert.equal(f.get('signature'), theirs.Signature, 'signature');
    assert.equal(f.get('accesskeyid'), ACCESS_KEY_ID);
    assert.equal(f.get('x-obs-security-token'), c.sessionToken);
  });
}

test('OBS refusals read as esdk-obs-browserjs reads them', { skip }, async () => {
  const c = OBS_CASES[0];
  const page = { bytes: [...bodyFor(c)], name: 'photo.jpg', type: 'image/jpeg', how: 'url', options: obsOracle.ourObsPutOptions(c), headers: Object.fromEntries(c.headers) };
  const answers = [
    { status: 404, headers: { 'x-obs-request-id': '0000018A2A73AF59D2C9B1BC1D8F4E9B' }, body: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message><RequestId>0000018A2A73AF59D2C9B1BC1D8F4E9B</RequestId><HostId>ZkhwanmxhZnPpXHmodvmYUtrKI2vmLtVNzZbJ0XHHUA6IqEYrjytHdS9G59xmcNP</HostId><BucketName>example-bucket</BucketName></Error>' },
    { status: 403, headers: { 'x-obs-request-id': '0000018A2A73AF59D2C9B1BC1D8F0001' }, body: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message><RequestId>0000018A2A73AF59D2C9B1BC1D8F0001</RequestId><HostId>h</HostId><AccessKeyId>AKIAIOSFODNN7EXAMPLE</AccessKeyId><StringToSign>PUT\n\nimage/jpeg\n1767326645\n/example-bucket/uploads/photo.jpg</StringToSign></Error>' },
    { status: 403, headers: { 'x-obs-request-id': '0000018A2A73AF59D2C9B1BC1D8F0002' }, body: '<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>' },
  ];
  for (const answer of answers) {
    cap.answer(answer);
    const r = await cap.run(PUT_IN_PAGE, page);
    cap.take();
    const theirs = (await cap.page.evaluate(OBS_SDK_READ, answer)).CommonMsg;
    assert.deepEqual(pick(r.error ?? {}, ['kind', 'code', 'message', 'status', 'requestId']), {
      kind: 'server', code: theirs.Code, message: theirs.Message, status: theirs.Status, requestId: theirs.RequestId,
    });
  }
});

// ---------------------------------------------------------------------------------------------
// CMS (seed 000): no SDK; the seed's documented shape, written out.

const CMS_TOKEN = 'cms-token-0123456789';
const CMS_PAGE = {
  bytes: [...Buffer.from('%PDF-1.7 quarterly report\n')],
  name: '2026 Q1 ☃.pdf',
  type: '', // an untyped Blob: Chromium would send a typed File's type as Content-Type
  how: 'headers',
  options: {
    dialect: 'cms',
    endpoint: 'https://cms.example.com',
    bucket: 'media',
    key: 'reports/2026 Q1 ☃.pdf',
    credentials: { sessionToken: CMS_TOKEN },
    isEncrypt: true,
    callback: 'https://app.example.com/uploaded?id=7',
    metadata: { owner: 'ann', project: 'q1' },
  },
};

test('CMS PUT: PUT /object/{bucket}/{objectName} with the seed 000 headers; the answer read as CMS', { skip }, async () => {
  const body = Buffer.from(CMS_PAGE.bytes);
  // Seed 000's 200 example body (template text), verbatim.
  cap.answer({ status: 200, headers: { 'Content-Type': 'application/json' }, body: '{\n    "name": "Cake\'s name",\n    "recipe": "Cake\'s recipe name",\n    "cake": "Binary cake"\n}' });
  const r = await cap.run(PUT_IN_PAGE, { ...CMS_PAGE, options: { ...CMS_PAGE.options, contentMd5: md5b64(body) } });
  assert.ok(r.ok, `putObject failed: ${JSON.stringify(r.error)}`);
  const [req] = cap.take();
  assertPut(req, {
    url: 'https://cms.example.com/object/media/reports/2026%20Q1%20%E2%98%83.pdf',
    headers: {
      authentication: CMS_TOKEN,
      'content-md5': md5b64(body),
      'x-cms-isencrypt': 'true',
      'x-cms-callback': 'https://app.example.com/uploaded?id=7',
      'x-cms-meta-owner': 'ann',
      'x-cms-meta-project': 'q1',
    },
    body,
  });
  assert.deepEqual(pick(r.ok.result, ['status', 'dialect', 'requestId', 'md5Verified', 'crc64Verified']), { status: 200, dialect: 'cms', requestId: undefined, md5Verified: false, crc64Verified: false });
});

test('CMS refusal: seed 000\'s 404 JSON body becomes the error message', { skip }, async () => {
  cap.answer({ status: 404, headers: { 'Content-Type': 'application/json' }, body: '{\n    "message": "Ain\'t no cake like that."\n}' });
  const r = await cap.run(PUT_IN_PAGE, CMS_PAGE);
  assert.equal(cap.take().length, 1);
  assert.deepEqual(pick(r.error ?? {}, ['kind', 'code', 'message', 'status']), { kind: 'server', code: 'Http404', message: "Ain't no cake like that.", status: 404 });
});

test('no page errors, nothing left unanswered', { skip }, () => {
  assert.deepEqual(cap.problems, []);
});
