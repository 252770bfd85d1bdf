// Records what ali-oss signs for every case of oss-in-oracle.mjs into
// tests/vectors/oss-in/<case>.json: the inputs (with the published AWS example key pair every
// oracle here uses), the fixed instant and the SDK's outputs. tests/oss_in_conditions.rs compares
// our core with these; oss-in.test.mjs checks they still equal the live SDK.
// Run: node tests/node/oss-in-record.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { NOW, credentialsFor } from './inputs.mjs';
import { OSS_IN_CASES, fixtureName, sdkOutputs } from './oss-in-oracle.mjs';

const dir = new URL('../vectors/oss-in/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const c of OSS_IN_CASES) {
  const { accessKeyId, secretAccessKey } = credentialsFor(c);
  const record = {
    source: 'ali-oss 6.23.0 (node_modules/ali-oss) over the policy built in tests/node/oss-in-oracle.mjs; recorded by tests/node/oss-in-record.mjs',
    now: NOW.toISOString(),
    nowUnixSeconds: NOW.getTime() / 1000,
    accessKeyId,
    secretAccessKey,
    case: c,
    sdk: sdkOutputs(c),
  };
  writeFileSync(new URL(`${fixtureName(c)}.json`, dir), `${JSON.stringify(record, null, 2)}\n`);
  console.log(`wrote ${fixtureName(c)}.json`);
}
