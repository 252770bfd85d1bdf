// Differential test of the `oss` dialect's multipart signing against ali-oss 6.23.0, on the five
// input families of multipart-oss-oracle.mjs (unicode/reserved and CJK keys, path-style and
// virtual-hosted, a session token, content type and metadata on create, ListParts paging), V1
// and V4, header-signed and presigned, for all five operations: 100 requests per run.
//
// How ours is compared: the wasm package (pkg/) has no multipart function yet, so — as for the
// PUT oracles' fixtures — the SDK's requests are recorded in tests/vectors/multipart-oss/ with the
// options our module gets for each, and tests/multipart_oss.rs signs those options with the core
// and compares method, URL, every header (Authorization included), the body and ali-oss's own
// intermediate strings byte for byte. This file checks the fixtures still equal the live SDK (so
// they cannot go stale; regenerate with `node tests/node/multipart-oss-record.mjs`) and that
// ali-oss follows the documented formulas where the multipart rules live.
//
// ali-oss and OSS's documents (see multipart-oss-oracle.mjs for the details):
// - URLs: ali-oss writes `?uploads=`; the documents' request syntax is `POST /ObjectName?uploads`,
//   which we send. OSS reads both; the comparison reads `uploads=` as `uploads`.
// - signatureUrl (V1) cannot sign a URL whose query has a parameter that is not a sub-resource
//   (it signs every `subResource` entry): ListParts' `max-parts` / `part-number-marker` are
//   appended unsigned by the oracle, as the V1 document's sub-resource list says they travel.
// - Every ali-oss request carries a Content-Type guessed from the key's extension, GET and
//   DELETE included; ours sends none unless given, so our options pass the SDK's.
// - Complete: ali-oss writes the ETag unescaped (`<ETag>"…"</ETag>`, as the document's example)
//   and signs the body's Content-MD5; our body is the same bytes (checked in the Rust test).
// - V4 canonical query: a parameter without a value is written as its name alone (`uploads`),
//   as ali-oss (qs strictNullHandling) and Alibaba's C# SDK v2 sign it; checked below by an
//   independent HMAC over the canonical request written out by hand.
// - URL paths: encodeURIComponent (`!'()*` literal), as for PUT.

import { NOW, assertSame, assertSameDeep } from './inputs.mjs';
import { MP_OSS_CASES, fixtureName, sdkOutputs } from './multipart-oss-oracle.mjs';

import { test } from 'node:test';
import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';

const fixture = (c) => JSON.parse(readFileSync(new URL(`../vectors/multipart-oss/${fixtureName(c)}.json`, import.meta.url), 'utf8'));

for (const c of MP_OSS_CASES) {
  test(`ali-oss multipart requests and presigned URLs equal the recorded fixture: ${c.name}`, async () => {
    assertSameDeep(await sdkOutputs(c), fixture(c).sdk, 'ali-oss multipart outputs', ['SDK now', 'fixture']);
  });
}

const date = NOW.toUTCString();

test('ali-oss V1 signs uploads/partNumber/uploadId as sub-resources and not max-parts (independent HMAC-SHA1)', () => {
  const c = MP_OSS_CASES.find((x) => x.pathStyle && x.list.maxParts === 100);
  const f = fixture(c);
  const auth = (sts) => `OSS ${f.accessKeyId}:${createHmac('sha1', f.secretAccessKey).update(sts, 'utf8').digest('base64')}`;
  const resource = `/${c.bucket}/${c.key}`;
  const expected = {
    create: `POST\n\napplication/octet-stream\n${date}\nx-oss-date:${date}\n${resource}?uploads`,
    uploadPart: `PUT\n\napplication/octet-stream\n${date}\nx-oss-date:${date}\n${resource}?partNumber=${c.partNumber}&uploadId=${c.uploadId}`,
    listParts: `GET\n\napplication/octet-stream\n${date}\nx-oss-date:${date}\n${resource}?uploadId=${c.uploadId}`,
  };
  for (const [op, sts] of Object.entries(expected)) {
    assertSame(f.sdk.v2[op].header.request.headers.authorization, auth(sts), `V1 ${op} Authorization`, ['SDK', 'formula']);
  }
});

test('ali-oss V4 writes the valueless `uploads` as its bare name in the canonical query (independent HMAC-SHA256)', () => {
  const c = MP_OSS_CASES.find((x) => x.pathStyle && x.list.maxParts === 100);
  const f = fixture(c);
  const amz = '20260102T030405Z';
  const host = new URL(c.endpoint).host;
  const creq = [
    'POST',
    `/${c.bucket}/${encodeURIComponent(c.key).replace(/%2F/g, '/')}`,
    'uploads',
    `content-type:application/octet-stream\nhost:${host}\nx-oss-content-sha256:UNSIGNED-PAYLOAD\nx-oss-date:${amz}\n`,
    'host',
    'UNSIGNED-PAYLOAD',
  ].join('\n');
  const scope = '20260102/cn-shanghai/oss/aliyun_v4_request';
  const sts = `OSS4-HMAC-SHA256\n${amz}\n${scope}\n${createHash('sha256').update(creq).digest('hex')}`;
  const h = (k, d) => createHmac('sha256', k).update(d).digest();
  const key = h(h(h(h(`aliyun_v4${f.secretAccessKey}`, '20260102'), 'cn-shanghai'), 'oss'), 'aliyun_v4_request');
  const auth = `OSS4-HMAC-SHA256 Credential=${f.accessKeyId}/${scope},AdditionalHeaders=host,Signature=${createHmac('sha256', key).update(sts).digest('hex')}`;
  assertSame(f.sdk.v4.create.header.request.headers.authorization, auth, 'V4 create Authorization', ['SDK', 'formula']);
  assertSame(f.sdk.v4.create.header.request.strings.canonicalRequest, creq, 'V4 create canonical request', ['SDK', 'formula']);
});

test('ali-oss Complete body: the documented XML, ETag quotes literal, Content-MD5 of those bytes', () => {
  for (const c of MP_OSS_CASES) {
    const r = fixture(c).sdk.v2.complete.header.request;
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<CompleteMultipartUpload>\n${c.parts.map((p) => `<Part>\n<PartNumber>${p.partNumber}</PartNumber>\n<ETag>${p.etag}</ETag>\n</Part>\n`).join('')}</CompleteMultipartUpload>`;
    assertSame(r.body, xml, `${c.name}: body`, ['SDK', 'document']);
    assertSame(r.headers['Content-MD5'], createHash('md5').update(xml).digest('base64'), `${c.name}: Content-MD5`, ['SDK', 'MD5']);
  }
});
