// `npm run bench:multipart` = node bench/multipart.mjs [--size 1G] [--runs 1] [--rows all|module]
//                                                     [--out bench/results/multipart-<size>]
// A disk-backed File of random bytes uploaded in parts to the local bucket from one headless
// Debian Chromium: this module's uploadFile at concurrency 1, 2 and 4 (5 MiB parts, the backend
// signing each request) against @aws-sdk/lib-storage's Upload at queueSize 4 (its default CRC32
// per part, signed in the page), same page, same File. Reports MB/s, memory growth (JS heap and
// ArrayBuffers of the page and its workers, over CDP; wasm memory of the page's instance), long
// tasks and the ratio to lib-storage. Every upload is read back and compared with the file's MD5.
import { spawnSync } from 'node:child_process';
import { createHash, randomFillSync } from 'node:crypto';
import { closeSync, createReadStream, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { root, skip, startServer } from '../tests/e2e/server.mjs';
import { heapWatch } from './heap.mjs';
import { snapshotPkg, startStatic } from './serve.mjs';

const MiB = 1024 * 1024;
const argv = process.argv.slice(2);
const arg = (name, dflt) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : dflt; };
const sizeText = arg('size', '1G');
const size = Math.round(parseFloat(sizeText) * 1024 ** ' KMG'.indexOf(sizeText.slice(-1).toUpperCase()));
const runs = Math.max(1, parseInt(arg('runs', '1'), 10));
const which = arg('rows', 'all');
const out = resolve(root, arg('out', `bench/results/multipart-${sizeText}`));
const log = (...a) => console.error('[bench:multipart]', ...a);
if (skip) { console.error(skip); process.exit(1); }

/** lib-storage + S3Client bundled for the browser (esbuild, minified). */
function bundleLibStorage() {
  const dir = join(root, 'bench/.build');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'lib-storage-entry.mjs'), "export { S3Client } from '@aws-sdk/client-s3';\nexport { Upload } from '@aws-sdk/lib-storage';\n");
  const r = spawnSync(join(root, 'node_modules/.bin/esbuild'), [join(dir, 'lib-storage-entry.mjs'), '--bundle', '--format=esm',
    '--platform=browser', '--minify', '--target=es2022', '--log-level=warning', '--define:global=globalThis', `--outfile=${join(dir, 'lib-storage.js')}`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`esbuild: ${r.stderr}`);
  return gzipSync(readFileSync(join(dir, 'lib-storage.js')), { level: 9 }).length;
}

const md5File = (path) => new Promise((res, rej) => {
  const h = createHash('md5');
  createReadStream(path).on('data', (d) => h.update(d)).on('end', () => res(h.digest('hex'))).on('error', rej);
});

const libGz = bundleLibStorage();
const tmp = mkdtempSync(join(tmpdir(), 'bucket-upload-mp-bench-'));
const input = join(tmp, 'input.bin');
{
  const fd = openSync(input, 'w');
  const buf = Buffer.alloc(8 * MiB);
  for (let at = 0; at < size; at += buf.length) writeSync(fd, randomFillSync(buf), 0, Math.min(buf.length, size - at));
  closeSync(fd);
}
const inputMd5 = await md5File(input);
const server = await startServer();
const web = await startStatic({ root, signUrl: `${server.page}sign`, pkg: await snapshotPkg(join(root, 'pkg')) });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const rows = [
  { id: 'module-c1', label: 'bucket-upload uploadFile, concurrency 1', concurrency: 1 },
  { id: 'module-c2', label: 'bucket-upload uploadFile, concurrency 2', concurrency: 2 },
  { id: 'module-c4', label: 'bucket-upload uploadFile, concurrency 4', concurrency: 4 },
  { id: 'lib-storage-q4', label: '@aws-sdk/lib-storage Upload, queueSize 4 (CRC32)', concurrency: 4 },
].filter((r) => which === 'all' || r.id.startsWith(which));
const started = new Date();
const load0 = loadavg()[0];
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const heap = await heapWatch(cdp);
  await page.goto(`${web.url}bench/multipart.html`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  const info = await page.evaluate((c) => window.mp.init(c), { endpoint: server.endpoint, bucket: server.bucket, region: 'us-east-1',
    accessKey: server.accessKey, secretKey: server.secretKey });
  if (!info.lib) log(`lib-storage did not load: ${info.libError}`);
  await page.setInputFiles('#file', input);
  await page.evaluate(() => window.mp.useFile());
  for (let run = 1; run <= runs; run++) {
    for (const r of rows) {
      const key = `uploads/mp-bench/${r.id}.bin`;
      const stop = await heap.start();
      const m = await page.evaluate((x) => window.mp.measure(x), { id: r.id, key, concurrency: r.concurrency });
      const h = await stop();
      m.heapGrowthMiB = (h.pageGrowth + (h.workerGrowth ?? 0)) / MiB;
      m.heap = { pageMiB: h.pageGrowth / MiB, workersMiB: (h.workerGrowth ?? 0) / MiB, workersSeen: h.workersSeen };
      m.wasmGrowthMiB = (m.wasmGrowth ?? 0) / MiB;
      if (!m.error) {
        const stored = join(server.dataDir, server.bucket, key);
        m.readBack = statSync(stored).size === size && (await md5File(stored)) === inputMd5 ? 'identical' : 'DIFFERENT';
        rmSync(stored);
      }
      m.mbps = m.ms ? size / 1e6 / (m.ms / 1000) : undefined;
      (r.runs ??= []).push(m);
      log(`run ${run} ${r.id}: ${m.error ?? `${m.ms.toFixed(0)} ms, ${m.mbps.toFixed(0)} MB/s, heap+${m.heapGrowthMiB.toFixed(1)} MiB (page ${m.heap.pageMiB.toFixed(1)}, ${m.heap.workersSeen} workers ${m.heap.workersMiB.toFixed(1)}), wasm+${m.wasmGrowthMiB.toFixed(1)} MiB, long tasks ${m.longTasks.count} (max ${m.longTasks.maxMs.toFixed(0)} ms), ${m.readBack}`}`);
    }
  }
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
  for (const r of rows) {
    const ok = r.runs.filter((m) => !m.error);
    r.mbps = ok.length ? median(ok.map((m) => m.mbps)) : undefined;
    r.heapGrowthMiB = ok.length ? Math.max(...ok.map((m) => m.heapGrowthMiB)) : undefined;
    r.wasmGrowthMiB = ok.length ? Math.max(...ok.map((m) => m.wasmGrowthMiB)) : undefined;
    r.maxLongTaskMs = ok.length ? Math.max(...ok.map((m) => m.longTasks.maxMs)) : undefined;
  }
  const lib = rows.find((r) => r.id === 'lib-storage-q4');
  const table = [`Multipart upload of a ${sizeText} disk-backed File to the local bucket — headless Chromium ${browser.version()}`,
    `${started.toISOString().slice(0, 16)} UTC · ${cpus()[0]?.model} × ${cpus().length} · load ${load0.toFixed(1)}→${loadavg()[0].toFixed(1)} · ${runs} run(s), median · 5 MiB parts`,
    '', '| row | MB/s | ÷ lib-storage | heap+workers Δ MiB (max) | wasm Δ MiB | max long task ms | read back |', '|---|---|---|---|---|---|---|'];
  for (const r of rows) {
    const f = (x, d = 0) => (x === undefined ? '–' : x.toFixed(d));
    const err = r.runs.find((m) => m.error)?.error;
    table.push(`| ${r.label} | ${f(r.mbps)} | ${lib?.mbps && r.mbps ? f(r.mbps / lib.mbps, 2) : '–'} | ${f(r.heapGrowthMiB, 1)} | ${f(r.wasmGrowthMiB, 1)} | ${f(r.maxLongTaskMs)} | ${r.runs.map((m) => m.readBack ?? 'failed').join(', ')}${err ? ` (${err})` : ''} |`);
  }
  table.push('', `lib-storage + S3Client bundle: ${libGz} B gzipped`);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'results.json'), `${JSON.stringify({ date: started, size, runs, info, rows, libStorageGz: libGz }, null, 2)}\n`);
  writeFileSync(join(out, 'table.md'), `${table.join('\n')}\n`);
  console.log(table.join('\n'));
} finally {
  await browser.close().catch(() => {});
  await web.close();
  await server.stop();
  rmSync(tmp, { recursive: true, force: true });
}
