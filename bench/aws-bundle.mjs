// Bundles the part of @aws-sdk/client-s3 a browser upload needs (S3Client + PutObjectCommand) with
// esbuild, minified, into bench/.build/aws-s3.js, and measures it gzipped. Without esbuild (not a
// devDependency yet) it says so; the page then loads the SDK unbundled through an import map, which
// times the upload the same way but gives no comparable size.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export function awsBundle(root) {
  const esbuild = join(root, 'node_modules/.bin/esbuild');
  if (!existsSync(esbuild)) {
    return { skipped: 'esbuild is not installed (node_modules/.bin/esbuild): no minified AWS SDK bundle, so no comparable bundle size' };
  }
  const dir = join(root, 'bench/.build');
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, 'aws-entry.mjs');
  const out = join(dir, 'aws-s3.js');
  writeFileSync(entry, "export { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';\n");
  const r = spawnSync(esbuild, [entry, '--bundle', '--format=esm', '--platform=browser', '--minify',
    '--target=es2022', '--log-level=warning', `--outfile=${out}`], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) return { skipped: `esbuild failed: ${(r.stderr || r.error?.message || '').trim().slice(0, 500)}` };
  const bytes = readFileSync(out);
  return { path: out, bytes: bytes.length, gzBytes: gzipSync(bytes, { level: 9 }).length };
}
