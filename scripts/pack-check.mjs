#!/usr/bin/env node
// Checks what `npm pack` in pkg/ would ship: exactly the files of package.json's `files` (plus the
// package.json and README npm always adds) — no stray build output, no stale snippets. Every file
// the package reaches (static imports, `new URL('…', import.meta.url)` of the wasm and the worker,
// the exports map, main/module/types) must ship, and every shipped script must be reached.
//
//   node scripts/pack-check.mjs [pkg-dir]    prints the file list and the tarball size; exit 1 on a problem
//   import { packCheck } from './pack-check.mjs'; const report = packCheck();   // throws on a problem

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
/** npm adds these whatever `files` says. */
const ALWAYS = /^(package\.json|README(\.md)?|LICEN[CS]E(-[A-Z0-9]+)?(\.md|\.txt)?)$/i;

/** Relative specifiers a shipped script reaches: imports, re-exports, dynamic imports, asset URLs. */
function references(source) {
  const found = new Set();
  const patterns = [
    /\b(?:import|export)\s[^'"]*?\bfrom\s*["'](\.{1,2}\/[^"']+)["']/g,
    /\bimport\s*["'](\.{1,2}\/[^"']+)["']/g,
    /\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g,
    /\bnew URL\(\s*["']([^"':]+)["']\s*,\s*import\.meta\.url\s*\)/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) found.add(m[1]);
  return [...found];
}

export function packCheck(dir = join(root, 'pkg')) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [info] = JSON.parse(out);
  const files = info.files.map((f) => f.path).sort();
  const shipped = new Set(files);
  const problems = [];

  // 1. Nothing but `files` (and what npm always adds); everything of `files` present.
  const declared = new Set(pkg.files ?? []);
  if (!pkg.files) problems.push('package.json has no `files`');
  for (const f of files) {
    if (ALWAYS.test(f) || declared.has(f)) continue;
    problems.push(`ships ${f}, which package.json's files does not list`);
  }
  for (const f of declared) {
    if (!shipped.has(f)) problems.push(`files lists ${f}, which is not in the tarball (a folder? list files)`);
  }
  for (const required of ['bucket_upload.js', 'bucket_upload.d.ts', 'bucket_upload_bg.wasm', 'bucket_upload_worker.js']) {
    if (!shipped.has(required)) problems.push(`the tarball lacks ${required}`);
  }
  if (!files.some((f) => f.startsWith('snippets/'))) problems.push('the tarball has no snippets/');

  // 2. The entry points name shipped files.
  const targets = [pkg.main, pkg.module, pkg.types];
  const walk = (v) => (typeof v === 'string' ? targets.push(v) : v && Object.values(v).forEach(walk));
  walk(pkg.exports);
  if (!pkg.exports?.['.'] || !pkg.exports['./worker'] || !pkg.exports['./wasm']) {
    problems.push('exports must map ".", "./worker" and "./wasm"');
  }
  for (const t of targets.filter(Boolean)) {
    const f = posix.normalize(t);
    if (!shipped.has(f)) problems.push(`package.json names ${t}, which does not ship`);
  }

  // 3. Everything the scripts reach ships, and every shipped script is reached from the entries.
  const reached = new Set();
  const queue = ['bucket_upload.js', 'bucket_upload_worker.js'];
  while (queue.length) {
    const f = queue.shift();
    if (reached.has(f)) continue;
    reached.add(f);
    if (!shipped.has(f)) continue;
    if (!f.endsWith('.js')) continue;
    for (const spec of references(readFileSync(join(dir, f), 'utf8'))) {
      const target = posix.normalize(posix.join(posix.dirname(f), spec));
      if (!shipped.has(target)) problems.push(`${f} reaches ${spec} (${target}), which does not ship`);
      else queue.push(target);
    }
  }
  for (const f of files) {
    if (/\.(m?js|wasm)$/.test(f) && !reached.has(f)) problems.push(`ships ${f}, which nothing imports (stale?)`);
  }

  if (problems.length) {
    const error = new Error(`npm pack in ${dir}:\n  ${problems.join('\n  ')}\nfiles: ${files.join(', ')}`);
    error.problems = problems;
    throw error;
  }
  return { name: info.name, version: info.version, filename: info.filename, size: info.size, unpackedSize: info.unpackedSize, files };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const r = packCheck(process.argv[2] ? join(process.cwd(), process.argv[2]) : undefined);
    console.log(`pack-check: ${r.filename}: ${r.files.length} files, ${r.size} B packed (${r.unpackedSize} B unpacked)`);
    for (const f of r.files) console.log(`  ${f}`);
  } catch (e) {
    console.error(`pack-check: ${e.message}`);
    process.exit(1);
  }
}
