// The benchmark page's own tiny HTTP server on 127.0.0.1 (port 0). It serves:
//   /bench/*                   page.html (with an import map injected) and page.js
//   /pkg/*                     the built package, as read once at the start (snapshotPkg)
//   /vendor/aws-s3.js          the esbuild bundle of @aws-sdk/client-s3, when one was built
//   /bench/multipart.*         the multipart benchmark's page; /vendor/lib-storage.js its peer
//   /vendor/node_modules/...   hash-wasm and spark-md5 dist files, and the AWS SDK's ES modules
//                              unbundled (import map + the packages' "browser" field remaps)
//   POST /sign                 proxied to bucket-server's www port, so the page stays same-origin
// No request interception in the browser: the upload requests go to the bucket untouched.

import { createServer } from 'node:http';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm',
  '.html': 'text/html; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml' };
const CONDITIONS = new Set(['browser', 'module', 'import', 'default']);

/** Resolves a package.json `exports` target for the browser (first matching condition wins). */
function exportTarget(t) {
  if (typeof t === 'string') return t;
  if (Array.isArray(t)) return t.map(exportTarget).find(Boolean) ?? null;
  if (t && typeof t === 'object') {
    for (const [k, v] of Object.entries(t)) if (CONDITIONS.has(k)) { const r = exportTarget(v); if (r) return r; }
  }
  return null;
}

/** The packages reachable from `roots` through `dependencies`, with their package.json. */
function closure(nm, roots) {
  const pkgs = new Map();
  const todo = [...roots];
  while (todo.length) {
    const name = todo.pop();
    if (pkgs.has(name) || !existsSync(join(nm, name, 'package.json'))) continue;
    const json = JSON.parse(readFileSync(join(nm, name, 'package.json'), 'utf8'));
    pkgs.set(name, json);
    todo.push(...Object.keys(json.dependencies ?? {}));
  }
  return pkgs;
}

/** An import map that lets the browser load @aws-sdk/client-s3 straight from node_modules. */
function importMap(nm, pkgs) {
  const imports = {};
  for (const [name, json] of pkgs) {
    const base = `/vendor/node_modules/${name}/`;
    const main = (typeof json.browser === 'string' && json.browser) || json.module || json.main || 'index.js';
    if (json.exports && typeof json.exports === 'object' && Object.keys(json.exports)[0]?.startsWith('.')) {
      for (const [sub, target] of Object.entries(json.exports)) {
        const to = exportTarget(target);
        if (!to || sub.includes('*') || sub.endsWith('/')) continue;
        imports[sub === '.' ? name : `${name}/${sub.slice(2)}`] = base + to.replace(/^\.\//, '');
      }
    } else {
      imports[name] = base + main.replace(/^\.\//, '');
    }
    imports[name + '/'] ??= base;
  }
  return { imports };
}

/** pkg/ read once, so a rebuild during the run cannot hand the page a half-written file: retried
 *  until the wasm validates and no file changed while it was read. */
export async function snapshotPkg(dir) {
  for (let attempt = 1; ; attempt++) {
    const names = readdirSync(dir, { recursive: true }).filter((f) => statSync(join(dir, f)).isFile());
    const stamp = () => names.map((f) => `${f}:${statSync(join(dir, f)).mtimeMs}`).join();
    const before = stamp();
    const files = new Map(names.map((f) => [f.split(sep).join('/'), readFileSync(join(dir, f))]));
    const wasm = files.get('bucket_upload_bg.wasm');
    if (wasm && WebAssembly.validate(wasm) && stamp() === before) return files;
    if (attempt === 10) throw new Error(`${dir} kept changing or its wasm does not validate`);
    await new Promise((r) => setTimeout(r, 3000));
  }
}

export async function startStatic({ root, signUrl, pkg }) {
  const nm = join(root, 'node_modules');
  const pkgs = existsSync(join(nm, '@aws-sdk/client-s3')) ? closure(nm, ['@aws-sdk/client-s3']) : new Map();
  for (const extra of ['hash-wasm', 'spark-md5']) {
    if (existsSync(join(nm, extra, 'package.json'))) pkgs.set(extra, JSON.parse(readFileSync(join(nm, extra, 'package.json'), 'utf8')));
  }
  const map = importMap(nm, pkgs);
  const bundle = join(root, 'bench/.build/aws-s3.js');
  const served = new Map(); // node_modules files served under /vendor (for the unbundled size)

  const send = (res, status, body, type = 'text/plain') => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  };
  const file = (res, path) => {
    if (!existsSync(path) || !statSync(path).isFile()) return send(res, 404, 'not found');
    send(res, 200, readFileSync(path), TYPES[extname(path)] ?? 'application/octet-stream');
  };
  const redirect = (res, to) => { res.writeHead(302, { location: to }); res.end(); };

  /** A node_modules file: a package's browser remap first, then the file, `.js`, `/index.js`. */
  function vendor(res, rel, dest) {
    const parts = rel.split('/');
    const name = parts[0].startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
    const json = pkgs.get(name);
    if (!json) return send(res, 403, `not a served package: ${name}`);
    const inner = rel.slice(name.length + 1);
    const browser = typeof json.browser === 'object' && json.browser ? json.browser : {};
    const mapped = browser[`./${inner}`] ?? browser[`./${inner.replace(/\.js$/, '')}`];
    const base = `/vendor/node_modules/${name}/`;
    if (typeof mapped === 'string' && mapped.replace(/^\.\//, '') !== inner) {
      const to = mapped.replace(/^\.\//, '');
      return redirect(res, base + (existsSync(join(nm, name, to)) ? to : `${to}.js`));
    }
    const path = join(nm, name, inner);
    if (existsSync(path) && statSync(path).isFile()) {
      served.set(path, gzipSync(readFileSync(path), { level: 9 }).length);
      // `import info from "../package.json"` (no import attribute): a bundler inlines it; here the
      // module loader asks for a script, so the JSON is handed over as a JS module.
      if (path.endsWith('.json') && dest === 'script') return send(res, 200, `export default ${readFileSync(path, 'utf8')};`, TYPES['.js']);
      return file(res, path);
    }
    if (existsSync(`${path}.js`)) return redirect(res, `${base}${inner}.js`);
    if (existsSync(join(path, 'index.js'))) return redirect(res, `${base}${inner}/index.js`);
    send(res, 404, `not found: ${rel}`);
  }

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://x');
      const path = decodeURIComponent(url.pathname);
      if (normalize(path) !== path || path.includes(`..`)) return send(res, 400, 'bad path');
      if (path === '/sign' && req.method === 'POST') {
        const chunks = [];
        for await (const c of req) chunks.push(c);
        const r = await fetch(signUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.concat(chunks) });
        return send(res, r.status, Buffer.from(await r.arrayBuffer()), 'application/json');
      }
      if (path === '/bench/page.html') {
        const html = readFileSync(join(root, 'bench/page.html'), 'utf8')
          .replace('<!--IMPORTMAP-->', `<script type="importmap">${JSON.stringify(map)}</script>`);
        return send(res, 200, html, TYPES['.html']);
      }
      if (path === '/bench/page.js') return file(res, join(root, 'bench/page.js'));
      if (path === '/bench/multipart.html' || path === '/bench/multipart-page.js') return file(res, join(root, path.slice(1)));
      if (path === '/vendor/lib-storage.js') return file(res, join(root, 'bench/.build/lib-storage.js'));
      if (path.startsWith('/pkg/')) {
        const bytes = pkg.get(path.slice(5));
        return bytes ? send(res, 200, bytes, TYPES[extname(path)] ?? 'application/octet-stream') : send(res, 404, 'not found');
      }
      if (path === '/vendor/aws-s3.js') return file(res, bundle);
      if (path.startsWith('/vendor/node_modules/')) return vendor(res, path.slice('/vendor/node_modules/'.length), req.headers['sec-fetch-dest']);
      if (path === '/favicon.ico') return send(res, 204, '');
      send(res, 404, 'not found');
    } catch (e) {
      send(res, 500, String(e?.message ?? e));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    hasBundle: () => existsSync(bundle),
    /** gzip -9 bytes summed over the node_modules files the page loaded (unminified, unbundled). */
    vendorGzip: (prefixes) => {
      let bytes = 0, files = 0;
      for (const [p, gz] of served) if (prefixes.some((x) => p.startsWith(join(nm, x) + sep))) { bytes += gz; files++; }
      return { bytes, files };
    },
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}
