// Records the session-token oracles of obs-token-oracle.mjs (esdk-obs-browserjs 3.25.6 native
// and S3-compatible, aws-sdk v2 SigV2) for every case into tests/vectors/obs-token/<case>.json:
// the inputs, the key pair (AWS's published example pair), the fixed instant and the SDKs'
// outputs. tests/obs_v2_token.rs compares our core with them; obs-token.test.mjs checks they
// still equal the live SDKs. Run: node tests/node/obs-token-record.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { NOW, credentialsFor } from './inputs.mjs';
import { TOKEN_CASES, fixtureName, sdkTokenOutputs } from './obs-token-oracle.mjs';

const dir = new URL('../vectors/obs-token/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const c of TOKEN_CASES) {
  const { accessKeyId, secretAccessKey } = credentialsFor(c);
  const record = {
    source:
      'esdk-obs-browserjs 3.25.6 (dist bundle) and aws-sdk 2.1693.0, recorded by tests/node/obs-token-record.mjs; see obs-token-oracle.mjs for the calls',
    now: NOW.toISOString(),
    nowUnixSeconds: NOW.getTime() / 1000,
    accessKeyId,
    secretAccessKey,
    case: c,
    sdk: await sdkTokenOutputs(c),
  };
  writeFileSync(new URL(`${fixtureName(c)}.json`, dir), `${JSON.stringify(record, null, 2)}\n`);
  console.log(`wrote ${fixtureName(c)}.json`);
}
