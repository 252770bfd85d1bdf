// Native MD5 of a file (`openssl md5`, `md5sum`), for the physical limit of one core. The file is
// read once untimed first, so the timed runs measure hashing from the page cache, not the disk.
// Standalone: `node bench/native.mjs FILE [runs]`.
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readSync } from 'node:fs';

const TOOLS = [
  { id: 'native-openssl', label: 'native openssl md5 (1 core)', cmd: 'openssl', args: (f) => ['md5', '-r', f] },
  { id: 'native-md5sum', label: 'native md5sum (1 core)', cmd: 'md5sum', args: (f) => [f] },
];

/** One timed run of `tool` on `file`: `{ ms, hex }` or `{ error }`. */
function once(tool, file) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(tool.cmd, tool.args(file), { encoding: 'utf8', maxBuffer: 1 << 20 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error) return { error: `${tool.cmd}: ${r.error.code ?? r.error.message}` };
  if (r.status !== 0) return { error: `${tool.cmd} exited ${r.status}: ${r.stderr.trim()}` };
  const hex = r.stdout.match(/\b[0-9a-f]{32}\b/i)?.[0]?.toLowerCase();
  return hex ? { ms, hex } : { error: `${tool.cmd}: no digest in its output` };
}

/** The native rows as `{ id, label, group, runs: [{ ms, hex } | { error }] }`. */
export function nativeRows(file, runs) {
  const fd = openSync(file, 'r'); // warm the page cache (untimed)
  const buf = Buffer.allocUnsafe(8 << 20);
  while (readSync(fd, buf, 0, buf.length, null) > 0);
  closeSync(fd);
  return TOOLS.map((tool) => ({
    id: tool.id, label: tool.label, group: 'limit',
    runs: Array.from({ length: runs }, () => once(tool, file)),
  }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, runs = '3'] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node bench/native.mjs FILE [runs]');
    process.exit(2);
  }
  for (const row of nativeRows(file, Number(runs))) console.log(row.label, JSON.stringify(row.runs));
}
