// Differential test of the signed-headers options, ours vs the SDKs (signed-headers-oracle.mjs):
// signContentLength on S3 SigV4 PutObject (header-signed: S3Client's Authorization; presigned:
// getSignedUrl with ContentLength), UploadPart (both ways) and Complete (header-signed, the XML's
// length), and on OSS V4 PutObject with ali-oss's additionalHeaders (createRequest and
// signatureUrlV4), the default list and each case's own — on the inputs of inputs.mjs and
// oss-cases.mjs (unicode and reserved-character keys, mixed-case metadata, session tokens,
// path-style, ports, an empty body, 5 GiB). Byte for byte: the Authorization, x-amz-date /
// x-oss-date, x-*-content-sha256 and security-token headers, or the whole URL (OSS: the one
// normalisation of oss-oracle.mjs, ali-oss's `!'()*` left literal in the path).
//
// The SDKs send the Content-Length they signed; we must never return it among the headers to
// set (XMLHttpRequest and fetch refuse it; the browser writes the body's size).
//
// The fixtures in tests/vectors/signed-headers/ (the Rust tests' expected values) are checked
// against the live SDKs here; regenerate with `node tests/node/signed-headers-record.mjs`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { NOW, assertSame, assertSameDeep, guarded } from './inputs.mjs';
import { ALL, fixtureName } from './signed-headers-oracle.mjs';
import { normalizePathEscapes } from './oss-oracle.mjs';
import { pkg, presignPut, signMultipart, signPutHeaders, skip } from './load.mjs';

const fixture = (x) => JSON.parse(readFileSync(new URL(`../vectors/signed-headers/${fixtureName(x)}.json`, import.meta.url), 'utf8'));
const CALLS = () => ({ signPutHeaders, presignPut, signMultipart });
const find = (headers, name) => Object.entries(headers ?? {}).find(([n]) => n.toLowerCase() === name)?.[1];

for (const x of ALL) {
  test(`SDK outputs equal the recorded fixture: ${x.dialect} ${x.case.name}`, async () => {
    const f = fixture(x);
    for (const [i, r] of x.requests.entries()) {
      const rec = f.requests[i];
      assertSame(rec.name, r.name, 'request order');
      assertSameDeep(rec.options, JSON.parse(JSON.stringify(r.options)), `${r.name}: recorded options`, ['recorded', 'oracle']);
      assertSameDeep(await r.sdk(), rec.sdk, `${r.name}: SDK output`, ['SDK now', 'recorded']);
    }
  });

  test(`ours equal the SDKs: ${x.dialect} ${x.case.name}`, { skip }, async () => {
    const f = fixture(x);
    for (const r of f.requests) {
      const options = { ...r.options, credentials: f.credentials, now: NOW, headers: Object.fromEntries(r.headers) };
      const out = await guarded(r.call, () => CALLS()[r.call](options));
      const ours = typeof out === 'string' ? { url: out } : out;
      if (r.sdk.url) {
        const norm = x.dialect === 'oss' ? normalizePathEscapes : (u) => u;
        assertSame(norm(ours.url), norm(r.sdk.url), `${r.name}: URL`);
        if (r.sdk.url.includes('?')) assert.match(r.sdk.url, /content-length/, `${r.name}: the SDK signed content-length`);
      }
      if (!r.sdk.headers) continue;
      assert.match(r.sdk.headers.authorization, /content-length/, `${r.name}: the SDK signed content-length`);
      if (r.options.contentLength !== undefined) assertSame(r.sdk.headers['content-length'], String(r.options.contentLength), `${r.name}: the SDK's own Content-Length`, ['SDK', 'contentLength']);
      for (const [name, value] of Object.entries(r.sdk.headers)) {
        if (name === 'content-length') assert.equal(find(ours.headers, name), undefined, `${r.name}: Content-Length is not ours to set`);
        else assertSame(find(ours.headers, name), value, `${r.name}: ${name}`);
      }
    }
  });
}

test('presignPutRequest lists no Content-Length to set, and the URL signs it', { skip }, () => {
  const f = fixture(ALL[0]);
  const r = f.requests.find((q) => q.call === 'presignPut');
  const out = pkg.presignPutRequest({ ...r.options, credentials: f.credentials, now: NOW, headers: Object.fromEntries(r.headers) });
  assert.equal(find(out.headers, 'content-length'), undefined);
  assert.match(out.url, /X-Amz-SignedHeaders=content-length%3B/);
  assertSame(out.url, r.sdk.url, 'URL');
});

test('the rules are BucketUploadErrors naming the option', { skip }, () => {
  const s3 = fixture(ALL[0]).requests[0];
  const oss = fixture(ALL.find((x) => x.dialect === 'oss')).requests[0];
  const base = (r) => ({ ...r.options, credentials: { accessKeyId: 'AKID', secretAccessKey: 'not-a-secret' }, now: NOW, headers: Object.fromEntries(r.headers) });
  const cases = [
    [s3, { contentLength: undefined }, 'MissingOption', 'contentLength'],
    [s3, { signContentLength: 'yes' }, 'InvalidOptionType', 'signContentLength'],
    [s3, { signContentLenght: true }, 'UnknownOption', 'signContentLenght'],
    [s3, { version: 'v2' }, 'UnsupportedOption', 'signContentLength'],
    [s3, { additionalHeaders: ['host'] }, 'UnsupportedOption', 'additionalHeaders'],
    [oss, { additionalHeaders: 'host' }, 'InvalidOptionType', 'additionalHeaders'],
    [oss, { additionalHeaders: ['bad name'] }, 'InvalidHeaderName', 'additionalHeaders'],
    [oss, { additionalHeaders: ['Host', 'host'] }, 'DuplicateHeader', 'additionalHeaders'],
    [oss, { additionalHeaders: ['x-oss-meta-not-sent'] }, 'HeaderNotSent', 'additionalHeaders'],
    [oss, { additionalHeaders: ['content-length'], signContentLength: false }, 'ConflictingOption', 'additionalHeaders'],
  ];
  for (const [r, extra, code, field] of cases) {
    for (const sign of [signPutHeaders, presignPut]) {
      assert.throws(() => sign({ ...base(r), ...extra }), (e) => {
        assert.equal(e.name, 'BucketUploadError', e.message);
        assert.deepEqual([e.code, e.field], [code, field], `${JSON.stringify(extra)}: ${e.message}`);
        return true;
      });
    }
  }
});
