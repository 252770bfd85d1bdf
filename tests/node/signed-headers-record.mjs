// Records what the SDKs sign for every request of signed-headers-oracle.mjs into
// tests/vectors/signed-headers/<dialect>-<case>.json: our options and headers (the inputs), the
// fixed instant, the example key pair, and the SDK's outputs. tests/signed_headers_sdk.rs
// compares the native core with them; signed-headers.test.mjs checks they still equal the live
// SDKs. Run: node tests/node/signed-headers-record.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { NOW, credentialsFor } from './inputs.mjs';
import { ALL, fixtureName } from './signed-headers-oracle.mjs';

const dir = new URL('../vectors/signed-headers/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const x of ALL) {
  const { accessKeyId, secretAccessKey, sessionToken } = credentialsFor(x.case);
  const requests = [];
  for (const r of x.requests) requests.push({ name: r.name, call: r.call, options: r.options, headers: r.headers, sdk: await r.sdk() });
  const record = {
    source: 'AWS SDK v3 (@aws-sdk/client-s3, @aws-sdk/s3-request-presigner) and ali-oss 6.23.0 from node_modules, recorded by tests/node/signed-headers-record.mjs; see signed-headers-oracle.mjs for the calls',
    now: NOW.toISOString(),
    nowUnixSeconds: NOW.getTime() / 1000,
    credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) },
    dialect: x.dialect,
    case: x.case.name,
    requests,
  };
  writeFileSync(new URL(`${fixtureName(x)}.json`, dir), `${JSON.stringify(record, null, 2)}\n`);
  console.log(`wrote ${fixtureName(x)}.json`);
}
