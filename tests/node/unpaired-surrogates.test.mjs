// An unpaired UTF-16 surrogate cannot be encoded as UTF-8: converted, it became U+FFFD and the
// object landed under another key than the one asked for. Every option string (keys of nested
// objects included) is checked at the boundary and refused with the option's path.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pkg, skip } from './load.mjs';

const base = { endpoint: 'http://127.0.0.1:9000', bucket: 'demo', pathStyle: true, key: 'uploads/a.txt',
  credentials: { accessKeyId: 'AK', secretAccessKey: 'SK' }, now: new Date('2026-01-02T03:04:05Z') };

test('lone surrogates anywhere in the options are refused, naming the option', { skip }, () => {
  const cases = [
    [{ key: 'uploads/\uD800.txt' }, 'key'],
    [{ key: 'uploads/\uDC00' }, 'key'],
    [{ metadata: { owner: 'ann\uD83D' } }, 'metadata.owner'],
    // The field names the key as far as UTF-8 can: the lone surrogate shows as U+FFFD.
    [{ metadata: { ['n\uDFFF']: 'v' } }, 'metadata.n\uFFFD'],
    [{ contentDisposition: 'attachment; filename="\uD800"' }, 'contentDisposition'],
  ];
  for (const [extra, field] of cases) {
    for (const f of [pkg.presignPut, pkg.signPutHeaders, pkg.signPostForm]) {
      assert.throws(() => f({ ...base, ...extra }), (e) => e.name === 'BucketUploadError' && e.code === 'InvalidString' && e.field === field, `${f.name} ${field}`);
    }
  }
  assert.throws(() => pkg.signMultipart({ ...base, operation: 'create', key: 'uploads/\uD800' }), (e) => e.code === 'InvalidString' && e.field === 'key');
  // A proper pair (an emoji) is fine.
  assert.ok(pkg.presignPut({ ...base, key: 'uploads/\uD83D\uDE00.txt' }).includes('%F0%9F%98%80'));
});
