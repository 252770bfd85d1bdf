// Records what esdk-obs-browserjs signs in its native (OBS signature) mode for every case of
// obs-oracle.mjs into tests/vectors/obs-sdk/<case>.json: the inputs (with the published AWS example
// key pair every oracle here uses), the fixed instant and the SDK's outputs. The native Rust tests
// (tests/obs_sdk.rs) compare our core with these; obs-sdk.test.mjs checks they still equal the
// live SDK. Run: node tests/node/obs-record.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { NOW, credentialsFor } from './inputs.mjs';
import { OBS_CASES, sdkNativeOutputs } from './obs-oracle.mjs';
import { fixtureName } from './obs-cases.mjs';

const dir = new URL('../vectors/obs-sdk/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const c of OBS_CASES) {
  const { accessKeyId, secretAccessKey } = credentialsFor(c);
  const record = {
    source: 'esdk-obs-browserjs 3.25.6 (dist bundle), recorded by tests/node/obs-record.mjs; see obs-oracle.mjs for the calls',
    now: NOW.toISOString(),
    nowUnixSeconds: NOW.getTime() / 1000,
    accessKeyId,
    secretAccessKey,
    case: c,
    sdk: await sdkNativeOutputs(c),
  };
  writeFileSync(new URL(`${fixtureName(c)}.json`, dir), `${JSON.stringify(record, null, 2)}\n`);
  console.log(`wrote ${fixtureName(c)}.json`);
}
