// A presigned GET with response overrides against the local bucket (bucket-server: s3s verifies
// SigV4 and SigV2 signatures, overrides included; the server applies the overrides, which s3s-fs
// alone ignores). Node's fetch, no browser: the object is put with presignPut, then read back
// through presignGet links — the bytes, and every overridden header as the bucket answers it; a
// link whose override was edited after signing is refused (the overrides are signed).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { skip, startServer } from './server.mjs';
import { pkg } from '../node/load.mjs';

let server;
before(async () => {
  if (!skip) server = await startServer();
});
after(async () => server?.stop());

const KEY = 'downloads/naïve résumé (1)+[draft].txt';
const BODY = 'the report, as stored\n';
const OVERRIDES = {
  responseContentType: 'text/plain; charset=utf-8',
  responseContentDisposition: 'attachment; filename="naïve résumé.txt"',
  responseCacheControl: 'no-cache, max-age=0',
  responseContentLanguage: 'fr-CH',
  responseExpires: 'Fri, 02 Jan 2026 04:04:05 GMT',
};

const target = (version) => ({
  dialect: 's3', version, endpoint: server.endpoint, bucket: server.bucket, region: 'us-east-1', pathStyle: true,
  credentials: { accessKeyId: server.accessKey, secretAccessKey: server.secretKey }, key: KEY, expiresIn: 300,
});

/** A header as the bucket sent its bytes (fetch reads header bytes as Latin-1). */
const utf8Header = (response, name) => Buffer.from(response.headers.get(name) ?? '', 'latin1').toString('utf8');

test('the bucket honours a presigned GET with response overrides (SigV4 and SigV2)', { skip }, async () => {
  const put = pkg.presignPutRequest({ ...target('v4'), contentType: 'application/octet-stream' });
  const stored = await fetch(put.url, { method: 'PUT', headers: put.headers, body: BODY });
  assert.equal(stored.status, 200, await stored.text());
  for (const version of ['v4', 'v2']) {
    const plain = await fetch(pkg.presignGet(target(version)));
    assert.equal(plain.status, 200, `${version}: ${await plain.clone().text()}`);
    assert.equal(plain.headers.get('content-type'), 'application/octet-stream');
    assert.equal(await plain.text(), BODY);

    const url = pkg.presignGet({ ...target(version), ...OVERRIDES });
    const r = await fetch(url);
    assert.equal(r.status, 200, `${version}: ${await r.clone().text()}`);
    assert.equal(await r.text(), BODY, version);
    assert.equal(r.headers.get('content-type'), OVERRIDES.responseContentType, version);
    assert.equal(utf8Header(r, 'content-disposition'), OVERRIDES.responseContentDisposition, version);
    assert.equal(r.headers.get('cache-control'), OVERRIDES.responseCacheControl, version);
    assert.equal(r.headers.get('content-language'), OVERRIDES.responseContentLanguage, version);
    assert.equal(r.headers.get('expires'), OVERRIDES.responseExpires, version);

    const edited = url.replace('response-content-type=text%2Fplain', 'response-content-type=text%2Fhtml');
    assert.notEqual(edited, url);
    const refused = await fetch(edited);
    assert.equal(refused.status, 403, `${version}: an edited override must not verify`);
    assert.match(await refused.text(), /SignatureDoesNotMatch/);
  }
});
