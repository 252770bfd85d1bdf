// No input of any type may trap the module or escape as a foreign error: every exported
// function, called with a wrong type in each argument (numbers, null, arrays, objects, BigInt,
// Symbol, functions, typed arrays), throws or rejects with a BucketUploadError — and the module
// still works afterwards (a digest and a signature checked against node:crypto / a fixed form).

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { pkg, skip } from './load.mjs';

const WRONG = [undefined, null, 42, 1.5, -1, NaN, 'text', '', [], [1, 2], {}, { a: 1 }, 10n, Symbol('s'), true, () => 1, new Uint8Array(3)];
const label = (v) => (typeof v === 'symbol' ? 'Symbol' : typeof v === 'bigint' ? `${v}n` : typeof v === 'function' ? 'function' : JSON.stringify(v) ?? String(v));

async function outcome(f) {
  try {
    const r = f();
    if (r && typeof r.then === 'function') await r;
    return null;
  } catch (e) {
    return e;
  }
}

test('every export, every argument, every wrong type: a BucketUploadError, never a trap', { skip }, async () => {
  const fns = Object.entries(pkg).filter(([k, v]) => typeof v === 'function' && /^[a-z]/.test(k) && !['initSync'].includes(k) && k !== 'default');
  assert.ok(fns.length >= 14, `only ${fns.length} functions found`);
  const escaped = [];
  for (const [name, f] of fns) {
    const arity = Math.max(1, f.length);
    for (let arg = 0; arg < arity; arg++) {
      for (const v of WRONG) {
        const args = Array.from({ length: arity }, () => ({}));
        args[arg] = v;
        const e = await outcome(() => f(...args));
        if (e && e.name !== 'BucketUploadError') escaped.push(`${name}(arg ${arg} = ${label(v)}): ${e.name}: ${e.message}`);
        if (e instanceof WebAssembly.RuntimeError) break;
      }
    }
  }
  const h = new pkg.Md5Hasher();
  for (const v of WRONG.filter((x) => !(x instanceof Uint8Array))) {
    for (const [what, call] of [['update', () => h.update(v)], ['load', () => pkg.Md5Hasher.load(v)]]) {
      const e = await outcome(call);
      if (!e || e.name !== 'BucketUploadError') escaped.push(`Md5Hasher.${what}(${label(v)}): ${e ? `${e.name}: ${e.message}` : 'accepted'}`);
    }
  }
  assert.deepEqual(escaped, []);
  // Still working.
  const bytes = new TextEncoder().encode('still working');
  assert.equal((await pkg.contentMd5(new Blob([bytes]), { worker: false })).hex, createHash('md5').update(bytes).digest('hex'));
  const h2 = new pkg.Md5Hasher();
  h2.update(bytes);
  assert.equal(h2.finalize().hex, createHash('md5').update(bytes).digest('hex'));
  const form = pkg.signPostForm({ endpoint: 'http://127.0.0.1:9000', bucket: 'demo', pathStyle: true, key: 'k',
    credentials: { accessKeyId: 'AK', secretAccessKey: 'SK' }, now: new Date('2026-01-02T03:04:05Z') });
  assert.ok(form.fields.some(([n]) => n === 'x-amz-signature'));
});
