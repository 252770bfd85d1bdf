// Records what ali-oss signs for every case of oss-oracle.mjs into tests/vectors/oss-sdk/<case>.json:
// the inputs (with the published AWS example key pair every oracle here uses), the fixed instant,
// and the SDK's outputs. The native Rust tests (tests/oss_sdk.rs) compare our core with these;
// oss-sdk.test.mjs checks they still equal the live SDK. Run: node tests/node/oss-record.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { NOW, credentialsFor } from './inputs.mjs';
import { OSS_CASES, sdkOutputs } from './oss-oracle.mjs';
import { fixtureName } from './oss-cases.mjs';

const dir = new URL('../vectors/oss-sdk/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const c of OSS_CASES) {
  const { accessKeyId, secretAccessKey } = credentialsFor(c);
  const record = {
    source: 'ali-oss 6.23.0 (node_modules/ali-oss), recorded by tests/node/oss-record.mjs; see oss-oracle.mjs for the calls',
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
