// The npm package as app developers get it: `npm pack` of pkg/ (checked by scripts/pack-check.mjs
// to hold only what ships), installed from the tarball into fresh apps in a temp dir, built for
// production by Vite, webpack 5 and esbuild (the documented recipe), served from a tiny static
// server and run in Chromium: init, contentMd5 in the package's module Worker, signPostForm, and a
// presigned PUT to the local bucket, read back byte-identical. A TypeScript consumer compiles
// against the packed declarations with moduleResolution bundler and node16.
//
//   node --test --test-concurrency=1 tests/bundlers/

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { packCheck } from '../../scripts/pack-check.mjs';
import { launch, objectPath, signFromNode } from '../e2e/browser.mjs';
import { root, skip, startServer } from '../e2e/server.mjs';

const run = promisify(execFile);
const APP = join(root, 'tests/bundlers/app');
const bin = {
  vite: join(root, 'node_modules/vite/bin/vite.js'),
  webpack: join(root, 'node_modules/webpack-cli/bin/cli.js'),
  esbuild: join(root, 'node_modules/esbuild/bin/esbuild'),
  tsc: join(root, 'node_modules/typescript/bin/tsc'),
};
const missingTools = Object.entries(bin).filter(([, p]) => !existsSync(p)).map(([n]) => n);
const skipAll = skip || (missingTools.length ? `missing devDependencies: ${missingTools.join(', ')} (npm ci)` : false);

async function sh(cmd, args, cwd) {
  const t = Date.now();
  try {
    const { stdout, stderr } = await run(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 << 20, timeout: 120_000 });
    return { stdout, stderr, ms: Date.now() - t };
  } catch (e) {
    throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) failed: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`);
  }
}
const node = (script, args, cwd) => sh(process.execPath, [script, ...args], cwd);

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** Serves `dir` on 127.0.0.1:0 (GET/HEAD only, no directory listing but index.html). */
function serveStatic(dir) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(dir + sep) || !existsSync(file) || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404).end('not found');
      return;
    }
    const body = readFileSync(file);
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'content-length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) }),
    ),
  );
}

describe('the packed npm package in bundled apps', { skip: skipAll }, () => {
  let work, tarball, packed, server, browser;
  const timings = {};

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'bucket-upload-bundlers-'));
    packed = packCheck();
    const t = Date.now();
    const { stdout } = await sh('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], join(root, 'pkg'));
    tarball = join(work, JSON.parse(stdout)[0].filename);
    timings.pack = Date.now() - t;
    [server, browser] = await Promise.all([startServer(), launch()]);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
    console.log(`bundlers: timings (ms) ${JSON.stringify(timings)}`);
  });

  /** A fresh app folder with the tarball installed (no registry needed: it has no dependencies). */
  async function freshApp(name) {
    const dir = join(work, name);
    mkdirSync(dir);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `app-${name}`, version: '1.0.0', private: true, type: 'module' }, null, 2));
    const { ms } = await sh('npm', ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts'], dir);
    timings[`${name} install`] = ms;
    const installed = JSON.parse(readFileSync(join(dir, 'node_modules/bucket-upload/package.json'), 'utf8'));
    assert.equal(installed.name, 'bucket-upload');
    return dir;
  }

  /** Copies the shared app sources into `dir`. */
  function addSources(dir) {
    cpSync(APP, dir, { recursive: true });
  }

  /** Serves `dist`, opens it in Chromium, runs the page's checks and the upload; returns what it saw. */
  async function exercise(name, dist, { workerType = 'module' } = {}) {
    const site = await serveStatic(dist);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const problems = [];
      const responses = [];
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      // A failed load is checked below by URL (Chromium asks for /favicon.ico, which no app has).
      page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && problems.push(`console: ${m.text()}`));
      context.on('response', (r) => responses.push({ url: r.url(), status: r.status(), type: r.headers()['content-type'] }));
      const t = Date.now();
      await page.goto(site.url);
      await page.waitForSelector('body:not([data-ready="pending"])', { state: 'attached', timeout: 30_000 });
      const ready = await page.evaluate(() => [document.body.dataset.ready, document.body.dataset.error]);
      assert.equal(ready[0], 'true', `${name}: init failed: ${ready[1]} ${problems.join('; ')}`);

      const bytes = randomBytes(300_000 + name.length);
      const key = `uploads/bundlers/${name}-${Date.now()}.bin`;
      const md5 = createHash('md5').update(bytes).digest('base64');
      // The demo's /sign sends no CORS headers: the test plays the app's backend and hands the
      // signed request to the page.
      const signed = await signFromNode(server, { method: 'put', key, contentMd5: md5 });
      assert.equal(signed.status, 200, JSON.stringify(signed.body));
      const request = { url: signed.body.url, headers: signed.body.headers };
      const out = await page.evaluate((args) => window.bundlerApp.run(args), {
        base64: bytes.toString('base64'),
        name: `${name}.bin`,
        request,
      });
      timings[`${name} page`] = Date.now() - t;

      assert.equal(out.md5.base64, md5, `${name}: contentMd5`);
      // contentMd5 ran in the package's module Worker, served by this build (and not the fallback).
      const started = out.workers.filter((w) => w.results > 0);
      assert.ok(started.length >= 1, `${name}: no Worker answered a hash: ${JSON.stringify(out.workers)}`);
      for (const w of started) {
        assert.ok(w.url.startsWith(site.url), `${name}: the worker ${w.url} is not served by the app`);
        // webpack rewrites `new Worker(new URL(…), { type: 'module' })` into a classic worker chunk
        // of its own (importScripts); Vite and the esbuild recipe keep the module worker.
        assert.equal(w.type, workerType, `${name}: the worker's type`);
        assert.deepEqual(w.errors, []);
      }
      // signPostForm with dummy credentials.
      assert.equal(out.form.url, 'http://127.0.0.1:9/bucket');
      assert.match(out.form.fields['x-amz-credential'] ?? '', /^AKIDEXAMPLE\/20260101\/us-east-1\/s3\/aws4_request$/);
      assert.match(out.form.fields['x-amz-signature'] ?? '', /^[0-9a-f]{64}$/);
      assert.ok(out.form.fields.policy, `${name}: no policy field`);
      // The upload.
      assert.equal(out.result.status, 200);
      assert.equal(out.result.md5Verified, true, JSON.stringify(out.result));
      assert.ok(readFileSync(objectPath(server, key)).equals(bytes), `${name}: the stored object differs`);
      // The wasm came from the build, with its MIME type (streaming compilation).
      const wasm = responses.filter((r) => r.url.startsWith(site.url) && /\.wasm($|\?)/.test(r.url));
      assert.ok(wasm.length >= 1, `${name}: no .wasm fetched from the app: ${JSON.stringify(responses)}`);
      for (const r of wasm) assert.deepEqual([r.status, r.type], [200, 'application/wasm']);
      for (const r of responses) {
        if (r.status >= 400 && !r.url.endsWith('/favicon.ico')) problems.push(`${r.status} ${r.url}`);
      }
      assert.deepEqual(problems, []);
      return {
        wasm: wasm.map((r) => r.url.slice(site.url.length)),
        workers: started.map((w) => `${w.url.slice(site.url.length)} (${w.type})`),
      };
    } finally {
      await context.close();
      await site.close();
    }
  }

  test('npm pack ships only the package files', () => {
    console.log(`bundlers: ${packed.filename} ${packed.size} B packed, ${packed.unpackedSize} B unpacked: ${packed.files.join(', ')}`);
    assert.ok(packed.files.includes('bucket_upload_worker.js'));
    assert.ok(existsSync(tarball));
    const pkg = JSON.parse(readFileSync(join(root, 'pkg/package.json'), 'utf8'));
    assert.equal(pkg.name, 'bucket-upload');
    assert.equal(pkg.type, 'module');
    assert.deepEqual(pkg.exports['.'], { types: './bucket_upload.d.ts', default: './bucket_upload.js' });
    assert.equal(pkg.exports['./worker'], './bucket_upload_worker.js');
    assert.equal(pkg.exports['./wasm'], './bucket_upload_bg.wasm');
    // sideEffects as webpack reads it: the worker and every shipped snippet kept, the glue not.
    const { moduleHasSideEffects } = createRequire(import.meta.url)(join(root, 'node_modules/webpack/lib/optimize/SideEffectsFlagPlugin.js'));
    for (const f of packed.files.filter((f) => f.endsWith('.js'))) {
      const expected = f === 'bucket_upload_worker.js' || f.startsWith('snippets/');
      assert.equal(moduleHasSideEffects(`./${f}`, pkg.sideEffects, new Map()), expected, `sideEffects for ${f}`);
    }
    const cargo = readFileSync(join(root, 'Cargo.toml'), 'utf8');
    assert.ok(cargo.includes(`repository = "${pkg.repository.url}"`), 'repository differs from Cargo.toml');
    assert.ok(pkg.homepage.startsWith(pkg.repository.url));
    assert.ok(pkg.keywords.length >= 5);
  });

  test('pack-check refuses a stray file and a stale snippet', () => {
    const copy = join(work, 'pkg-copy');
    cpSync(join(root, 'pkg'), copy, { recursive: true });
    const pkg = JSON.parse(readFileSync(join(copy, 'package.json'), 'utf8'));
    writeFileSync(join(copy, 'notes.txt'), 'x');
    mkdirSync(join(copy, 'snippets/bucket-upload-0000000000000000'), { recursive: true });
    writeFileSync(join(copy, 'snippets/bucket-upload-0000000000000000/inline0.js'), 'export const x = 1;');
    writeFileSync(
      join(copy, 'package.json'),
      JSON.stringify({ ...pkg, files: [...pkg.files, 'notes.txt', 'snippets/bucket-upload-0000000000000000/inline0.js'] }),
    );
    assert.throws(() => packCheck(copy), (e) =>
      e.problems.some((p) => p.includes('snippets/bucket-upload-0000000000000000/inline0.js, which nothing imports')),
    );
    writeFileSync(join(copy, 'package.json'), JSON.stringify({ ...pkg, files: pkg.files.filter((f) => f !== 'bucket_upload_worker.js') }));
    assert.throws(() => packCheck(copy), (e) => e.problems.some((p) => p.includes('lacks bucket_upload_worker.js')));
  });

  test('Vite (production build, no config)', async () => {
    const dir = await freshApp('vite');
    addSources(dir);
    const { ms } = await node(bin.vite, ['build', '--logLevel', 'warn'], dir);
    timings['vite build'] = ms;
    const seen = await exercise('vite', join(dir, 'dist'));
    console.log(`bundlers: vite emitted ${seen.wasm.join(', ')}; worker ${seen.workers.join(', ')}`);
  });

  test('webpack 5 (production build, no config)', async () => {
    const dir = await freshApp('webpack');
    addSources(dir);
    const { ms, stdout } = await node(bin.webpack, ['build', './src/main.js', '--mode', 'production', '--output-path', 'dist'], dir);
    timings['webpack build'] = ms;
    assert.doesNotMatch(stdout, /\bERROR\b/);
    writeFileSync(
      join(dir, 'dist/index.html'),
      '<!doctype html><meta charset="utf-8"><body data-ready="pending"><script src="./main.js"></script></body>',
    );
    const seen = await exercise('webpack', join(dir, 'dist'), { workerType: 'classic' });
    console.log(`bundlers: webpack emitted ${seen.wasm.join(', ')}; worker ${seen.workers.join(', ')}`);
  });

  test('esbuild (the README recipe: the worker as a second bundle, the wasm copied)', async () => {
    const dir = await freshApp('esbuild');
    addSources(dir);
    const dist = join(dir, 'dist');
    const t = Date.now();
    // The README's recipe, command for command.
    await sh(bin.esbuild, ['src/main-esbuild.js', '--bundle', '--format=esm', '--minify', '--outfile=dist/assets/app.js'], dir);
    await sh(bin.esbuild, ['bucket-upload/worker', '--bundle', '--format=esm', '--minify', '--outfile=dist/bucket_upload_worker.js'], dir);
    cpSync(join(dir, 'node_modules/bucket-upload/bucket_upload_bg.wasm'), join(dist, 'bucket_upload_bg.wasm'));
    timings['esbuild build'] = Date.now() - t;
    writeFileSync(
      join(dist, 'index.html'),
      '<!doctype html><meta charset="utf-8"><body data-ready="pending"><script type="module" src="/assets/app.js"></script></body>',
    );
    const seen = await exercise('esbuild', dist);
    assert.ok(seen.wasm.every((u) => u === 'bucket_upload_bg.wasm'), seen.wasm.join());
    assert.deepEqual(seen.workers, ['bucket_upload_worker.js (module)']);
  });

  test('TypeScript consumer: moduleResolution bundler and node16', async () => {
    const dir = await freshApp('typescript');
    cpSync(join(root, 'tests/bundlers/ts'), dir, { recursive: true });
    for (const config of ['tsconfig.bundler.json', 'tsconfig.node16.json']) {
      const { ms } = await node(bin.tsc, ['-p', config], dir);
      timings[`tsc ${config}`] = ms;
    }
  });
});
