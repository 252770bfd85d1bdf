// The fault scenarios' summary: one row per scenario, printed and written to test-results/faults.md.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const MIB = 1024 * 1024;

/** `create 1 · parts 1/2/1 · complete 1` (parts in part order; kinds never sent are left out). */
export function formatAttempts(a) {
  const bits = [];
  if (a.create) bits.push(`create ${a.create}`);
  const numbers = Object.keys(a.parts).map(Number).sort((x, y) => x - y);
  if (numbers.length) {
    const max = numbers.at(-1);
    const list = Array.from({ length: max }, (_, i) => a.parts[i + 1] ?? 0);
    bits.push(`parts ${list.join('/')}`);
  }
  for (const k of ['complete', 'abort', 'listParts']) if (a[k]) bits.push(`${k} ${a[k]}`);
  return bits.join(' · ') || 'none';
}

export function formatBytes(n) {
  if (!n) return '0';
  return n >= MIB / 10 ? `${(n / MIB).toFixed(2)} MiB (${n} B)` : `${n} B`;
}

export function renderTable(rows) {
  const head = ['#', 'scenario', 'attempts made', 'bytes re-sent', 'outcome', 'time'];
  const lines = [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map(
      (r) =>
        `| ${[r.id, r.scenario, r.attempts, r.resent, r.outcome, r.time].map((c) => String(c ?? '').replaceAll('|', '\\|')).join(' | ')} |`,
    ),
  ];
  return lines.join('\n');
}

/**
 * Writes the table to test-results/<file> (default faults.md, the Chromium scenarios) and returns
 * it; `browser` names the browser in the header.
 */
export function writeTable(root, rows, { file = 'faults.md', browser = 'Chromium', source = 'tests/e2e/faults.test.mjs' } = {}) {
  const table = renderTable(rows);
  const dir = join(root, 'test-results');
  mkdirSync(dir, { recursive: true });
  const text =
    `# Fault-injection scenarios (${source})\n\n` +
    `${browser} → tests/fault-proxy.mjs → local bucket; retry { baseDelayMs: 50, maxDelayMs: 500 }; ` +
    `5 MiB parts. Attempts are the requests the proxy received; bytes re-sent are the part body ` +
    `bytes received on attempts after the first (after a reload: the parts that reached the proxy ` +
    `before it and were sent again).\n\n${table}\n`;
  writeFileSync(join(dir, file), text);
  return table;
}
