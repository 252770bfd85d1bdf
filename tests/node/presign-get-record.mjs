// Records what the vendors' SDKs presign for every case of presign-get-cases.mjs into
// tests/vectors/presign-get/<dialect>-<case>.json: the inputs, the fixed instant, our module's
// options per version (without credentials and now, which tests/presign_get.rs adds), and the
// SDK's URL per version (see presign-get-oracle.mjs for the calls).
// Run: node tests/node/presign-get-record.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { NOW, credentialsFor } from './inputs.mjs';
import { DIALECTS, fixtureName, ourGetOptions, sdkUrl } from './presign-get-oracle.mjs';

const dir = new URL('../vectors/presign-get/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const { dialect, cases, versions } of DIALECTS) {
  for (const c of cases) {
    const { accessKeyId, secretAccessKey } = credentialsFor(c);
    const options = {};
    const sdk = {};
    for (const version of versions) {
      options[version] = ourGetOptions(dialect, version, c, { withSecrets: false });
      sdk[version] = await sdkUrl(dialect, version, c);
    }
    const record = {
      source: 'recorded by tests/node/presign-get-record.mjs from @aws-sdk/s3-request-presigner 3.1162.0 (s3 v4), aws-sdk 2.1693.0 (s3 v2), ali-oss 6.23.0 (oss), esdk-obs-browserjs 3.25.6 (obs); see presign-get-oracle.mjs',
      now: NOW.toISOString(),
      nowUnixSeconds: NOW.getTime() / 1000,
      accessKeyId,
      secretAccessKey,
      dialect,
      case: c,
      options,
      sdk,
    };
    const name = fixtureName(dialect, c);
    writeFileSync(new URL(`${name}.json`, dir), `${JSON.stringify(record, null, 2)}\n`);
    console.log(`wrote ${name}.json`);
  }
}
