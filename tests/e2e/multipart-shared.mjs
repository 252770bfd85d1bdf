// Helpers shared by the multipart e2e files that run outside multipart.test.mjs (Firefox, moto):
// the page's PRNG bytes, the expected S3 multipart ETag computed with node:crypto, and a recursive
// file listing. Page-side functions here take one argument, so Playwright's and Puppeteer's
// `page.evaluate(fn, arg)` both accept them.

import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const MIB = 1024 * 1024;

/** xorshift32 bytes; the same function runs in the page (see GEN). */
export function prngBytes(size, seed) {
  const out = new Uint8Array(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i += 4) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    for (let k = 0; k < 4 && i + k < size; k++) out[i + k] = (x >>> (8 * k)) & 255;
  }
  return out;
}
/** prngBytes as source text, to be `(0, eval)`-ed in the page. */
export const GEN = `(${prngBytes.toString()})`;

/** MD5(part MD5s)-N over `bytes` cut in `partSize` parts, by node:crypto. */
export function multipartEtag(bytes, partSize) {
  const n = Math.max(1, Math.ceil(bytes.length / partSize));
  const h = createHash('md5');
  for (let i = 0; i < n; i++) h.update(createHash('md5').update(bytes.subarray(i * partSize, (i + 1) * partSize)).digest());
  return `${h.digest('hex')}-${n}`;
}

/** Every file under `dir`, relative. */
export function walk(dir, base = dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p, base) : [p.slice(base.length + 1)];
  });
}

/**
 * The uploads both files run: [name, size, options]. The part size is the library's default
 * (5 MiB) unless given.
 */
export const CASES = [
  ['0 B', 0, {}],
  ['1 B', 1, {}],
  ['exactly one part (5 MiB)', 5 * MIB, {}],
  ['one part + 1 byte', 5 * MIB + 1, {}],
  ['64 MiB + 1 in 5 MiB parts, 4 in flight', 64 * MIB + 1, { partSize: 5 * MIB, concurrency: 4 }],
];

/**
 * Page side: uploads PRNG bytes with uploadFile; resolves to { result, progress } or
 * { error, progress }. `window.bu` is the initialised package; `useSign` passes window.sign.
 */
export async function pageUpload({ size, seed, key, options, gen, useSign }) {
  const file = new File([(0, eval)(gen)(size, seed)], 'f.bin', { type: 'application/octet-stream' });
  const progress = [];
  try {
    const u = window.bu.uploadFile(file, {
      contentType: 'application/x-test',
      ...(useSign ? { sign: window.sign } : {}),
      onProgress: (p) => progress.push({ loaded: p.loaded, partsDone: p.partsDone }),
      ...options,
    });
    const result = await u.done;
    return { result: JSON.parse(JSON.stringify(result)), progress };
  } catch (e) {
    return { error: { name: e.name, code: e.code, kind: e.kind, field: e.field, status: e.status, message: e.message }, progress };
  }
}

/**
 * Page side: starts a 40 MiB upload at concurrency 2 and aborts once a part is done; resolves to
 * { error, uploadId, abortError }.
 */
export async function pageAbort({ gen, options, useSign }) {
  const file = new File([(0, eval)(gen)(40 * 1024 * 1024, 3)], 'a.bin');
  let u;
  let started = false;
  const aborted = new Promise((resolve) => {
    u = window.bu.uploadFile(file, {
      ...(useSign ? { sign: window.sign } : {}),
      concurrency: 2,
      ...options,
      onProgress: (p) => {
        if (p.partsDone >= 1 && !started) { started = true; resolve(u.abort()); }
      },
    });
  });
  const error = await u.done.then(() => null, (e) => ({ code: e.code, kind: e.kind, message: e.message }));
  // If the upload finished before any progress fired, `aborted` never resolves: don't hang.
  const abortError = started
    ? await aborted.then(() => null, (e) => ({ code: e.code, message: e.message }))
    : { code: 'NeverAborted', message: 'no progress with partsDone >= 1 was reported' };
  return { error, uploadId: u.uploadId, abortError };
}

/** Page side: loads the package; with `sign`, window.sign asks the backend's /sign (multipart),
 *  keeping each request and answer in window.signed; a refusal keeps its code and HTTP status. */
export async function pageInit({ sign }) {
  window.bu = await import('/pkg/bucket_upload.js');
  await window.bu.default();
  if (sign) {
    window.signed = [];
    window.sign = async (request) => {
      const r = await fetch('/sign', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ method: 'multipart', ...request }) });
      const body = await r.json();
      if (!r.ok) throw Object.assign(new Error(body.message), body, { status: r.status });
      window.signed.push({ request, answer: body });
      return body;
    };
  }
  return true;
}

/** Node side: the local bucket, Chromium and a page of the demo's origin with `pageInit` run
 *  (a backend signer as window.sign); `stop()` ends them. */
export async function startBucketPage({ launch, startServer }) {
  const server = await startServer();
  const browser = await launch();
  const page = await browser.newPage();
  await page.goto(server.page);
  await page.evaluate(pageInit, { sign: true });
  return { server, page, stop: async () => { await browser.close(); await server.stop(); } };
}
