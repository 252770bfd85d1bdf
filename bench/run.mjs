// `npm run bench` = node bench/run.mjs [--size 256M] [--runs 3] [--out bench/results] [--chunk 8M]
//                                      [--source auto|page|file]
// One headless Debian Chromium session, one random input (a Blob made in the page, or a disk-backed
// File for sizes Chromium's blob memory cannot hold): times this module's contentMd5 (main thread,
// worker), the in-memory limit, hash-wasm's and spark-md5's slice loops, a hash + presigned PUT
// upload by this module and a PutObject by the AWS SDK v3 to the local bucket, then native MD5 of
// the same bytes. Prints a table of medians, writes results.json, chart.svg and chart.png. Needs
// target/server/bucket-server and pkg/ built; builds nothing. See bench/README.md.
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { createHash, randomFillSync } from 'node:crypto';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer, skip, root } from '../tests/e2e/server.mjs';
import { snapshotPkg, startStatic } from './serve.mjs';
import { nativeRows } from './native.mjs';
import { chartSvg } from './chart.mjs';
import { awsBundle } from './aws-bundle.mjs';
import { heapWatch } from './heap.mjs';

const MiB = 1024 * 1024;
const parseSize = (s) => {
  const m = /^(\d+(?:\.\d+)?)\s*([KMG]?)i?B?$/i.exec(String(s));
  if (!m) throw new Error(`bad size: ${s} (e.g. 64M, 256M, 1G)`);
  return Math.round(Number(m[1]) * 1024 ** ' KMG'.indexOf(m[2].toUpperCase() || ' '));
};
function args(argv) {
  const o = { size: '256M', runs: '3', out: 'bench/results', chunk: '8M', source: 'auto' };
  for (let i = 0; i < argv.length; i++) {
    const [k, v] = argv[i].startsWith('--') && argv[i].includes('=') ? argv[i].slice(2).split('=') : [argv[i].slice(2), argv[++i]];
    if (!(k in o) || v === undefined) throw new Error(`usage: node bench/run.mjs [--size 256M] [--runs 3] [--out bench/results] [--chunk 8M] [--source auto|page|file] (got ${argv.join(' ')})`);
    o[k] = v;
  }
  if (!['auto', 'page', 'file'].includes(o.source)) throw new Error(`--source must be auto, page or file (got ${o.source})`);
  return { size: parseSize(o.size), runs: Math.max(1, parseInt(o.runs, 10)), out: resolve(root, o.out), chunk: parseSize(o.chunk), source: o.source };
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const n = s.length; return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
const fmt = (x, d = 0) => (x === undefined || x === null || Number.isNaN(x) ? '–' : x.toFixed(d));
const log = (...a) => console.error('[bench]', ...a);

const opts = args(process.argv.slice(2));
if (skip) { console.error(`bench: ${skip}`); process.exit(1); }
const problems = [];
const note = (p) => { if (!problems.includes(p)) problems.push(p); };
const started = new Date();
const loadStart = loadavg();
// Chromium keeps the Blobs a page makes in its blob memory, about 500 MiB on a 24 GiB machine (a
// 448 MiB Blob read fine, a 512 MiB one was unreadable: NotReadableError; no disk paging for this
// context). Bigger runs therefore hash a disk-backed File, which is what users pick anyway.
const blobLimit = Math.min(500 * MiB, totalmem() / 50);
const source = opts.source === 'auto' ? (opts.size <= blobLimit * 0.55 ? 'page' : 'file') : opts.source;

const server = await startServer();
const config = await fetch(`${server.page}config`).then((r) => r.json()).catch(() => ({}));
const bundle = awsBundle(root);
if (bundle.skipped) note(`AWS SDK bundle: ${bundle.skipped}`);
const pkg = await snapshotPkg(join(root, 'pkg'));
const web = await startStatic({ root, signUrl: `${server.page}sign`, pkg });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const context = await browser.newContext();
let tmp, inputFile;
if (source === 'file') {
  tmp = mkdtempSync(join(tmpdir(), 'bucket-upload-bench-'));
  inputFile = join(tmp, 'bench.bin');
  writeRandomFile(inputFile, opts.size);
}

/** `size` random bytes (Node's CSPRNG) into `path`, 8 MiB at a time. */
function writeRandomFile(path, size) {
  const fd = openSync(path, 'w');
  const buf = Buffer.alloc(8 * MiB);
  for (let at = 0; at < size; at += buf.length) writeSync(fd, randomFillSync(buf), 0, Math.min(buf.length, size - at));
  closeSync(fd);
}

let page, cdp, info, heap, pageNo = 0;
/** A fresh page (the first one, or after a crash): module loaded, rows detected, input made. */
async function openPage() {
  if (page) await page.close().catch(() => {});
  page = await context.newPage();
  pageNo++;
  page.on('pageerror', (e) => note(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') note(`browser console: ${m.text().slice(0, 300)}`); });
  cdp = await context.newCDPSession(page);
  heap = await heapWatch(cdp);
  if (!heap.workersOk) note('workers\' heaps are not reachable over CDP: heap growth is the page\'s only');
  await page.goto(`${web.url}bench/page.html`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 30_000 });
  info = await page.evaluate((cfg) => window.bench.init(cfg), {
    endpoint: server.endpoint, bucket: server.bucket, region: config.region ?? 'us-east-1',
    accessKey: server.accessKey, secretKey: server.secretKey, chunk: opts.chunk, awsBundle: web.hasBundle() });
  await newInput();
}
/** The Blob under test: random bytes made in the page, or the random file as a File. */
async function newInput() {
  await cdp.send('HeapProfiler.collectGarbage').catch(() => {}); // frees the previous Blob's storage
  if (source === 'file') {
    await page.setInputFiles('#file', inputFile);
    return page.evaluate(() => window.bench.useFile());
  }
  log(`making a ${opts.size / MiB} MiB random Blob in the page`);
  return page.evaluate((s) => window.bench.makeBlob(s), opts.size);
}

try {
  log(`input: ${source === 'file' ? `a disk-backed File of ${opts.size / MiB} MiB random bytes` : 'a random Blob made in the page'}`);
  await openPage();
  for (const r of info.rows) if (!r.available) log(`skip ${r.id}: ${r.why}`);
  if (!info.wasmMemory) note('the module\'s wasm memory is not reachable: no wasm memory growth');
  const rows = info.rows.map((r) => ({ ...r, runs: [] }));
  const disabled = new Map(); // row id → why it is not run again
  const timeoutMs = 120_000 + opts.size / 1e6 * 1000; // 1 MB/s at worst

  /** One measurement of row `id`: GC first, heap sampled over CDP while it runs. */
  async function measure(id) {
    const stop = await heap.start();
    let timer;
    const m = await Promise.race([
      page.evaluate((x) => window.bench.measure(x), id).catch((e) => ({ error: `the page crashed or closed: ${e.message.split('\n')[0]}`, broken: true })),
      new Promise((r) => { timer = setTimeout(() => r({ error: `timed out after ${timeoutMs / 1000} s`, broken: true }), timeoutMs); }),
    ]);
    clearTimeout(timer);
    const h = await stop();
    m.heap = { pageBaseMiB: h.pageBase / MiB, pagePeakMiB: h.pagePeak / MiB, pageGrowthMiB: h.pageGrowth / MiB,
      workerGrowthMiB: h.workerGrowth === null ? null : h.workerGrowth / MiB, workersSeen: h.workersSeen,
      growthMiB: (h.pageGrowth + (h.workerGrowth ?? 0)) / MiB };
    return m;
  }

  for (let run = 1; run <= opts.runs; run++) {
    let bytesLoaded = false;
    for (const row of rows.filter((r) => r.available)) {
      if (disabled.has(row.id)) { row.runs.push({ run, error: disabled.get(row.id), skipped: true }); continue; }
      if (row.kind === 'memory' && !bytesLoaded) {
        bytesLoaded = true;
        const ok = await page.evaluate(() => window.bench.loadBytes());
        if (ok !== true) note(`run ${run}: reading the Blob into memory failed: ${ok}`);
      }
      if (row.kind !== 'memory' && bytesLoaded) { await page.evaluate(() => window.bench.dropBytes()); bytesLoaded = false; }
      const m = await measure(row.id);
      m.run = run;
      // Which bytes: the one input file, or the page's nth random Blob (digests compare within one).
      if (m.gen !== undefined) m.gen = source === 'file' ? 'file' : `${pageNo}.${m.gen}`;
      row.runs.push(m);
      const mbps = opts.size / 1e6 / (m.ms / 1000);
      log(`run ${run} ${row.id.padEnd(16)} ${m.error ? `FAILED ${m.error}` : `${fmt(m.ms)} ms  ${fmt(mbps)} MB/s`}`);
      if (m.broken) {
        disabled.set(row.id, `not run again after run ${run}: ${m.error}`);
        note(`${row.id} run ${run}: ${m.error}; a new page and a new input were made and the row is not run again`);
        bytesLoaded = false;
        await openPage();
      } else if (m.error) {
        const readable = await page.evaluate(() => window.bench.blobReadable()).catch((e) => e.message);
        if (readable !== true) {
          note(`run ${run}: after ${row.id} failed the input was unreadable (${readable}); a new one was made`);
          await newInput();
        }
      }
    }
    if (bytesLoaded) await page.evaluate(() => window.bench.dropBytes());
  }

  // Native MD5 of the same bytes: the input file, or the object the module uploaded (the page's
  // Blob); else, and said so, of a same-size random file.
  const uploaded = join(server.dataDir, server.bucket, 'uploads/bench.bin');
  const upRuns = rows.find((r) => r.id === 'module-upload')?.runs.filter((m) => !m.error) ?? [];
  let nativeFile = inputFile, nativeGen = 'file', nativeWhat = 'the input file (same bytes)';
  if (source === 'page') {
    nativeFile = uploaded;
    nativeGen = upRuns.at(-1)?.gen;
    nativeWhat = 'the object the module uploaded (same bytes)';
    if (!(existsSync(uploaded) && statSync(uploaded).size === opts.size && upRuns.length)) {
      note('native rows: the module\'s upload is missing, so they hash a same-size random file (not the same bytes)');
      tmp ??= mkdtempSync(join(tmpdir(), 'bucket-upload-bench-'));
      nativeFile = join(tmp, 'native.bin');
      writeRandomFile(nativeFile, opts.size);
      nativeGen = undefined;
      nativeWhat = 'a same-size random file';
    }
  }
  for (const n of nativeRows(nativeFile, opts.runs)) rows.push({ ...n, kind: 'native', available: true, runs: n.runs.map((m, i) => ({ ...m, run: i + 1, gen: nativeGen })) });

  // Digests: every row must give the module's digest of the same Blob.
  const ref = {};
  for (const r of rows) for (const m of r.runs) if (m.hex && m.gen !== undefined && !m.error) ref[m.gen] ??= m.hex;
  for (const r of ['module', 'module-upload']) for (const m of rows.find((x) => x.id === r)?.runs ?? []) if (m.hex && !m.error) ref[m.gen] = m.hex;

  const summary = rows.map((r) => {
    const ok = r.runs.filter((m) => !m.error);
    const bad = r.runs.filter((m) => m.hex && m.gen !== undefined && ref[m.gen] && m.hex !== ref[m.gen]);
    const s = { id: r.id, label: r.label, group: r.group, kind: r.kind, runs: r.runs, failures: r.runs.length - ok.length };
    if (!r.available) s.note = `skipped: ${r.why}`;
    else if (!ok.length) s.note = `failed: ${r.runs[0]?.error}`;
    if (ok.length) {
      const speeds = ok.map((m) => opts.size / 1e6 / (m.ms / 1000));
      s.ms = median(ok.map((m) => m.ms));
      s.mbps = { median: opts.size / 1e6 / (s.ms / 1000), min: Math.min(...speeds), max: Math.max(...speeds) };
    }
    const heaps = r.runs.filter((m) => m.heap).map((m) => m.heap.growthMiB);
    if (heaps.length) s.heapGrowthMiB = median(heaps);
    const wasm = r.runs.filter((m) => m.wasmAfter !== undefined);
    if (wasm.length) s.wasm = { beforeMiB: wasm[0].wasmBefore / MiB, afterMiB: wasm.at(-1).wasmAfter / MiB, maxGrowthMiB: Math.max(...wasm.map((m) => (m.wasmAfter - m.wasmBefore) / MiB)) };
    const lts = r.runs.filter((m) => m.longTasks);
    if (lts.length) s.longTasks = { count: median(lts.map((m) => m.longTasks.count)), maxMs: Math.max(...lts.map((m) => m.longTasks.maxMs)) };
    s.digest = bad.length ? `MISMATCH in ${bad.length} run(s)` : ok.some((m) => m.hex) ? 'ok' : '–';
    if (bad.length) note(`${r.id}: digest differs from the module's in ${bad.length} run(s)`);
    const extras = ok.map((m) => m.extra).filter(Boolean);
    if (extras.length) s.extra = extras.at(-1);
    if (r.id === 'aws-upload' && s.extra?.short) s.label += ` (${s.extra.short})`;
    if (r.id === 'module-upload' && extras.length) s.split = { hashMs: median(extras.map((e) => e.hashMs)), uploadMs: median(extras.map((e) => e.uploadMs)) };
    for (const m of r.runs) if (m.error && !m.skipped) note(`${r.id} run ${m.run}: ${m.error}`);
    return s;
  });

  const by = Object.fromEntries(summary.map((s) => [s.id, s]));
  const ratio = (a, b) => (by[a]?.mbps && by[b]?.mbps ? by[a].mbps.median / by[b].mbps.median : undefined);
  // The same ratio within each run (the two rows measured minutes apart at most), median over runs:
  // steadier than the ratio of medians when the machine's load drifts.
  const paired = (a, b) => {
    const rs = (by[a]?.runs ?? []).flatMap((m) => {
      const o = by[b]?.runs.find((x) => x.run === m.run && !x.error);
      return m.error || !o ? [] : [o.ms / m.ms];
    });
    return rs.length ? median(rs) : undefined;
  };
  const ratios = {};
  const pairedRatios = {};
  for (const m of ['module', 'module-worker']) {
    if (!by[m]?.mbps) continue;
    for (const [name, other] of [['in-memory (module)', 'module-memory'], ['in-memory (hash-wasm)', 'hashwasm-memory'],
      ['hash-wasm loop', 'hashwasm-loop'], ['spark-md5 loop', 'spark-loop'], ['native openssl', 'native-openssl']]) {
      const v = ratio(m, other);
      if (v !== undefined) ratios[`${m} ÷ ${name}`] = v;
      const p = other.startsWith('native') ? undefined : paired(m, other);
      if (p !== undefined) pairedRatios[`${m} ÷ ${name}`] = p;
    }
  }
  if (by['module-upload']?.ms && by['aws-upload']?.ms) ratios['upload time ÷ AWS SDK time'] = by['module-upload'].ms / by['aws-upload'].ms;
  const up = paired('aws-upload', 'module-upload');
  if (up !== undefined) pairedRatios['upload time ÷ AWS SDK time'] = up;

  // The package as shipped: the wasm and every JS file (glue, worker script, snippets), gzip -9 each.
  const gz = (f) => gzipSync(pkg.get(f), { level: 9 }).length;
  const pkgJs = [...pkg.keys()].filter((f) => /\.m?js$/.test(f));
  const pkgFiles = Object.fromEntries(['bucket_upload_bg.wasm', ...pkgJs].map((f) => [f, gz(f)]));
  const pkgGz = [pkgFiles['bucket_upload_bg.wasm'], pkgJs.reduce((a, f) => a + pkgFiles[f], 0)];
  const inMemory = by['module-memory']?.mbps?.median ?? by['hashwasm-memory']?.mbps?.median;
  const best = ['module-worker', 'module'].map((id) => by[id]).filter((s) => s?.mbps).sort((a, b) => b.mbps.median - a.mbps.median)[0];
  // Targets from the per-run ratios where there are some (steadier), else from the medians.
  const memId = by['module-memory']?.mbps ? 'module-memory' : 'hashwasm-memory';
  const rr = (a, b) => paired(a, b) ?? ratio(a, b);
  const atLeast = (b, x) => (best && by[b]?.mbps ? rr(best.id, b) >= x : undefined);
  const upload = pairedRatios['upload time ÷ AWS SDK time'] ?? ratios['upload time ÷ AWS SDK time'];
  const targets = {
    [`contentMd5 ≥ 0.9× in-memory (${memId})`]: atLeast(memId, 0.9),
    'contentMd5 ≥ 1.5× hash-wasm loop': atLeast('hashwasm-loop', 1.5),
    'contentMd5 ≥ 4× spark-md5': atLeast('spark-loop', 4),
    'no main-thread task > 50 ms while hashing in the worker': by['module-worker']?.longTasks ? by['module-worker'].longTasks.maxMs <= 50 : undefined,
    'upload faster than the AWS SDK': upload !== undefined ? upload < 1 : undefined,
    'package ≤ 45 KB gzipped': pkgGz[0] + pkgGz[1] <= 45_000,
  };
  // Memory: JS heap + ArrayBuffers of the page and its workers, plus the page's wasm memory growth.
  const grew = (sm) => (sm?.heapGrowthMiB ?? 0) + (sm?.wasm?.maxGrowthMiB ?? 0);
  if (opts.size >= 1024 * MiB && best) targets[`memory growth ≤ 64 MiB hashing 1 GiB (${best.id}: ${fmt(grew(best), 0)} MiB)`] = grew(best) <= 64;

  const chromiumVersion = browser.version();
  const loadEnd = loadavg();
  const awsVendor = web.vendorGzip(['@aws-sdk', '@smithy', '@aws', 'tslib', 'bowser']);
  const results = {
    meta: {
      date: started.toISOString(), loadAverage: { start: loadStart, end: loadEnd }, sizeBytes: opts.size, sizeMiB: opts.size / MiB, runs: opts.runs, chunkBytes: opts.chunk,
      chromium: chromiumVersion, userAgent: info.userAgent, cpu: cpus()[0]?.model, cores: cpus().length, node: process.version,
      source: source === 'file' ? 'a disk-backed File of random bytes (setInputFiles)' : 'a Blob of crypto.getRandomValues pieces made in the page',
      nativeFile: nativeWhat, chromiumBlobMemoryLimitMiB: Math.round(blobLimit / MiB),
      heap: 'CDP Runtime.getHeapUsage (usedSize + backingStorageSize: JS heap + ArrayBuffers) of the page and of each dedicated worker, sampled every 50 ms after a forced GC of the page: page peak − start + each worker\'s peak − its size at the start (0 for a worker started during the measurement)',
      wasmMemory: 'the page\'s instance of the module: memory.buffer.byteLength before → after; a worker\'s instance is not reachable from the page',
      targetsUse: best ? `${best.id} (the faster contentMd5 mode)` : undefined,
      worker: by['module-worker']?.note ?? 'measured',
      title: `MD5 and upload of a ${opts.size / MiB} MiB random ${source === 'file' ? 'File (disk-backed)' : 'Blob (made in the page)'} — headless Chromium ${chromiumVersion}`,
      subtitle: `${started.toISOString().slice(0, 16).replace('T', ' ')} UTC · ${cpus()[0]?.model ?? '?'} × ${cpus().length} · ${opts.chunk / MiB} MiB slices · load ${loadStart[0].toFixed(1)}→${loadEnd[0].toFixed(1)} · shared machine: indicative`,
      targetMbps: inMemory ? inMemory * 0.9 : undefined,
    },
    package: { wasmGzBytes: pkgGz[0], jsGzBytes: pkgGz[1], totalGzBytes: pkgGz[0] + pkgGz[1], files: pkgFiles,
      wasmSha256: createHash('sha256').update(pkg.get('bucket_upload_bg.wasm')).digest('hex').slice(0, 16) },
    awsSdk: {
      loadedAs: info.awsSource ?? null, setting: by['aws-upload']?.extra?.mode ?? null,
      failedSettings: by['aws-upload']?.runs.find((m) => m.extra?.failedModes)?.extra.failedModes ?? [],
      bundle: bundle.skipped ? { skipped: bundle.skipped } : { bytes: bundle.bytes, gzBytes: bundle.gzBytes },
      unbundledGz: awsVendor.files ? { ...awsVendor, note: 'gzip -9 summed over the unminified ES modules the page loaded; not comparable to a bundle' } : undefined,
    },
    rows: summary, ratios, pairedRatios, targets, problems,
  };

  mkdirSync(opts.out, { recursive: true });
  writeFileSync(join(opts.out, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const svg = chartSvg(results);
  writeFileSync(join(opts.out, 'chart.svg'), svg);
  const shot = await context.newPage();
  await shot.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
  await shot.locator('svg').screenshot({ path: join(opts.out, 'chart.png') });
  await shot.close();

  // The table.
  const head = ['row', 'median ms', 'MB/s', 'min–max MB/s', 'heap Δ MiB (page+workers)', 'wasm MiB', 'long tasks: n (max)', 'digest', 'note'];
  const lines = summary.map((s) => [s.label, fmt(s.ms), fmt(s.mbps?.median), s.mbps ? `${fmt(s.mbps.min)}–${fmt(s.mbps.max)}` : '–',
    fmt(s.heapGrowthMiB, 1), s.wasm ? `${fmt(s.wasm.beforeMiB, 1)}→${fmt(s.wasm.afterMiB, 1)}` : '–',
    s.longTasks ? `${s.longTasks.count} (max ${fmt(s.longTasks.maxMs)} ms)` : '–', s.digest,
    s.note ?? (s.failures ? `${s.failures} run(s) failed` : s.split ? `hash ${fmt(s.split.hashMs)} ms + sign/PUT ${fmt(s.split.uploadMs)} ms` : '')]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => String(l[i]).length)));
  const row = (cells) => `| ${cells.map((c, i) => String(c).padEnd(i === 8 ? 0 : widths[i])).join(' | ')} |`;
  const out = [results.meta.title, results.meta.subtitle, '', row(head), row(widths.map((w) => '-'.repeat(w))), ...lines.map(row), ''];
  for (const [k, v] of Object.entries(ratios)) out.push(`${k}: ${fmt(v, 2)}${pairedRatios[k] !== undefined ? ` (median of per-run ratios ${fmt(pairedRatios[k], 2)})` : ''}`);
  out.push(`package gzipped: ${pkgGz[0] + pkgGz[1]} B (wasm ${pkgGz[0]} + js ${pkgGz[1]}: ${pkgJs.join(', ')})`);
  out.push(`AWS SDK: loaded as ${results.awsSdk.loadedAs ?? 'not loaded'}; setting: ${results.awsSdk.setting ?? '–'}; bundle: ${bundle.skipped ? 'none' : `${bundle.gzBytes} B gzipped`}${awsVendor.files ? `; unbundled modules loaded: ${awsVendor.files} files, ${awsVendor.bytes} B gzipped (not comparable)` : ''}`);
  for (const f of results.awsSdk.failedSettings) out.push(`AWS SDK setting that failed: ${f}`);
  out.push(`targets (contentMd5 rows: ${best?.id ?? '–'}, the faster mode): ` + Object.entries(targets).map(([k, v]) => `${k}: ${v === undefined ? 'n/a' : v ? 'met' : 'NOT met'}`).join('; '));
  if (problems.length) out.push('', 'problems:', ...problems.map((p) => `- ${p}`));
  out.push('', `wrote ${join(opts.out, 'results.json')}, chart.svg, chart.png`);
  console.log(out.join('\n'));
} finally {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  await browser.close().catch(() => {});
  await web.close();
  await server.stop();
}
