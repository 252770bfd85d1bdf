// Records what esdk-obs-browserjs sends for every case of multipart-obs-oracle.mjs into
// tests/vectors/multipart-obs/<case>.json: the inputs, the fixed instant, and per
// operation the header-signed request and the presigned URL, each with the options our module is
// given for it. tests/multipart_obs.rs signs those options and compares; multipart-obs.test.mjs
// checks the fixtures still equal the live SDK. Run: node tests/node/multipart-obs-record.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { NOW, credentialsFor } from './inputs.mjs';
import { MP_OBS_CASES, fixtureName, sdkOutputs } from './multipart-obs-oracle.mjs';

const dir = new URL('../vectors/multipart-obs/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const c of MP_OBS_CASES) {
  const { accessKeyId, secretAccessKey } = credentialsFor(c);
  const record = {
    source: 'esdk-obs-browserjs 3.25.6 (node_modules/esdk-obs-browserjs), recorded by tests/node/multipart-obs-record.mjs; see multipart-obs-oracle.mjs for the calls',
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
