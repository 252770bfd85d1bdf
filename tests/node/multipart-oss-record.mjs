// Records what ali-oss sends for every case of multipart-oss-oracle.mjs into
// tests/vectors/multipart-oss/<case>.json: the inputs, the fixed instant, and per version and
// operation the header-signed request and the presigned URL, each with the options our module is
// given for it. tests/multipart_oss.rs signs those options and compares; multipart-oss.test.mjs
// checks the fixtures still equal the live SDK. Run: node tests/node/multipart-oss-record.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { NOW, credentialsFor } from './inputs.mjs';
import { MP_OSS_CASES, fixtureName, sdkOutputs } from './multipart-oss-oracle.mjs';

const dir = new URL('../vectors/multipart-oss/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const c of MP_OSS_CASES) {
  const { accessKeyId, secretAccessKey } = credentialsFor(c);
  const record = {
    source: 'ali-oss 6.23.0 (node_modules/ali-oss), recorded by tests/node/multipart-oss-record.mjs; see multipart-oss-oracle.mjs for the calls',
    now: NOW.toISOString(),
    nowUnixSeconds: NOW.getTime() / 1000,
    accessKeyId,
    secretAccessKey,
    case: c,
    sdk: await sdkOutputs(c),
  };
  writeFileSync(new URL(`${fixtureName(c)}.json`, dir), `${JSON.stringify(record, null, 2)}\n`);
  console.log(`wrote ${fixtureName(c)}.json`);
}
