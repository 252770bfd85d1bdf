// The fixtures of tests/vectors/obs-token/ (the expected values of tests/obs_v2_token.rs) still
// equal what the live SDKs sign (obs-token-oracle.mjs), and the SDKs still place the session
// token where the fixtures say: esdk-obs-browserjs as a sub-resource of the canonical resource
// in both its modes, aws-sdk v2 as the amz header of the string to sign (checked by recomputing
// its signature with node:crypto from that string). Needs no build of our module.
// Regenerate the fixtures with `node tests/node/obs-token-record.mjs`.
import { test } from 'node:test';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { NOW_SECONDS, assertSame, assertSameDeep, credentialsFor } from './inputs.mjs';
import { TOKEN_CASES, fixtureName, sdkTokenOutputs } from './obs-token-oracle.mjs';

const fixture = (c) => JSON.parse(readFileSync(new URL(`../vectors/obs-token/${fixtureName(c)}.json`, import.meta.url), 'utf8'));
const rfc3986 = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
const resource = (c) => `/${c.bucket}/${c.key.split('/').map(rfc3986).join('/')}`;

for (const c of TOKEN_CASES) {
  test(`the live SDKs equal the recorded fixture: ${c.name}`, async () => {
    assertSameDeep(await sdkTokenOutputs(c), fixture(c).sdk, 'SDK outputs', ['SDK now', 'fixture']);
  });

  test(`where each SDK signs the token: ${c.name}`, async () => {
    const sdk = fixture(c).sdk;
    assertSame(sdk.obs.stringToSign.endsWith(`${resource(c)}?x-obs-security-token=${c.sessionToken}`), true, 'native: token sub-resource');
    assertSame(sdk.obsV2.stringToSign.endsWith(`${resource(c)}?x-amz-security-token=${c.sessionToken}`), true, 'S3-compatible: token sub-resource');
    const get = (n) => c.s3Headers.find(([k]) => k.toLowerCase() === n)?.[1] ?? '';
    const amz = c.s3Headers.filter(([k]) => k.startsWith('x-amz-')).map(([k, v]) => `${k}:${v}\n`);
    amz.push(`x-amz-security-token:${c.sessionToken}\n`);
    amz.sort();
    const sts = `${c.method}\n${get('content-md5')}\n${get('content-type')}\n${NOW_SECONDS + c.expiresIn}\n${amz.join('')}${resource(c)}`;
    const signature = createHmac('sha1', credentialsFor(c).secretAccessKey).update(sts).digest('base64');
    assertSame(new URL(sdk.awsV2.url).searchParams.get('Signature'), signature, 'aws-sdk v2: token as amz header');
  });
}
