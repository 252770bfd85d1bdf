// Md5Hasher: fed in pieces, saved mid-way, loaded and finished — equals node:crypto's MD5; a
// state of another format version is refused.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { pkg, skip } from './load.mjs';

test('save / load resumes to the same digest', { skip }, () => {
  const data = randomBytes(300_001);
  const want = createHash('md5').update(data).digest('hex');
  for (const split of [0, 1, 63, 64, 65, 150_000, 300_001]) {
    const first = new pkg.Md5Hasher();
    first.update(data.subarray(0, split));
    const state = first.save();
    const resumed = pkg.Md5Hasher.load(state);
    assert.equal(resumed.bytesHashed, split);
    resumed.update(data.subarray(split));
    assert.equal(resumed.finalize().hex, want, `split ${split}`);
  }
});

test('a state of another version is refused; a finalized hasher is spent', { skip }, () => {
  const h = new pkg.Md5Hasher();
  h.update(Buffer.from('abc'));
  const state = h.save();
  state[4] = 9;
  assert.throws(() => pkg.Md5Hasher.load(state), { name: 'BucketUploadError', code: 'InvalidHashState' });
  assert.equal(h.finalize().hex, '900150983cd24fb0d6963f7d28e17f72');
  assert.throws(() => h.update(Buffer.from('x')), { code: 'HasherFinalized' });
});
