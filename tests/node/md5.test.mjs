// Content-MD5: ours contentMd5(new Blob([bytes]), { chunkSize }) vs node:crypto's MD5 (an
// independent implementation), both the base64 (Content-MD5 header) and hex (ETag) forms.
// Node 20 has a global Blob with slice() and arrayBuffer(), which is what the module reads.
//
// Sizes 0, 1, 63, 64, 65 bytes (around MD5's 64-byte block) with chunk sizes 1, 63, 64, 65, so
// chunk boundaries fall before, on and after block boundaries; then a 3 MiB pseudo-random buffer
// (seeded, so every run hashes the same bytes) with chunk sizes that do and do not divide it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { contentMd5, skip } from './load.mjs';

const SMALL_SIZES = [0, 1, 63, 64, 65];
const SMALL_CHUNKS = [1, 63, 64, 65];
const BIG_SIZE = 3 * 1024 * 1024;
const BIG_CHUNKS = [undefined, 64 * 1024, 1024 * 1024, 1000003];

/** Deterministic bytes: xorshift32 from a fixed seed. */
function pseudoRandomBytes(n, seed = 0x9e3779b9) {
  const out = new Uint8Array(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

const expected = (bytes) => {
  const d = createHash('md5').update(bytes).digest();
  return { base64: d.toString('base64'), hex: d.toString('hex') };
};

async function check(bytes, chunkSize) {
  const options = chunkSize === undefined ? {} : { chunkSize };
  const got = await contentMd5(new Blob([bytes]), options);
  const want = expected(bytes);
  const what = `size ${bytes.length}, chunkSize ${chunkSize ?? 'default'}`;
  assert.ok(got && typeof got === 'object', `${what}: contentMd5 must resolve to { base64, hex }`);
  assert.equal(got.base64, want.base64, `${what}: base64`);
  assert.equal(got.hex, want.hex, `${what}: hex`);
}

test('node:crypto MD5 known answers (the oracle itself)', () => {
  assert.deepEqual(expected(new Uint8Array(0)), { base64: '1B2M2Y8AsgTpgAmY7PhCfg==', hex: 'd41d8cd98f00b204e9800998ecf8427e' });
  assert.deepEqual(expected(Buffer.from('abc')), { base64: 'kAFQmDzST7DWlj99KOF/cg==', hex: '900150983cd24fb0d6963f7d28e17f72' });
});

for (const size of SMALL_SIZES) {
  test(`contentMd5 of ${size} bytes, chunk sizes ${SMALL_CHUNKS.join(', ')}`, { skip }, async () => {
    const bytes = pseudoRandomBytes(size, 0x1234567 + size);
    for (const chunkSize of SMALL_CHUNKS) await check(bytes, chunkSize);
  });
}

test(`contentMd5 of a 3 MiB pseudo-random buffer, chunk sizes ${BIG_CHUNKS.map((c) => c ?? 'default').join(', ')}`, { skip }, async () => {
  const bytes = pseudoRandomBytes(BIG_SIZE);
  for (const chunkSize of BIG_CHUNKS) await check(bytes, chunkSize);
});
