// A hand-written SVG bar chart of the results: one horizontal bar per row (median MB/s), a
// whisker from the slowest to the fastest run, failed or skipped rows named with the reason.

const COLORS = { module: '#2563eb', limit: '#16a34a', peer: '#9ca3af', upload: '#f59e0b' };
const GROUP_NAMES = { module: 'this module', limit: 'limits (in memory, native)', peer: 'peers (slice loops)', upload: 'hash + upload' };
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const cut = (s, n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** @param {{ meta: object, rows: object[] }} results — as written to results.json */
export function chartSvg({ meta, rows }) {
  const W = 1000, left = 370, right = 110, top = 78, barH = 22, gap = 10;
  const plotW = W - left - right;
  const max = Math.max(1, ...rows.map((r) => r.mbps?.max ?? r.mbps?.median ?? 0)) * 1.05;
  const x = (v) => left + (v / max) * plotW;
  const H = top + rows.length * (barH + gap) + 70;
  const step = [25, 50, 100, 200, 250, 500, 1000].find((s) => max / s <= 8) ?? 2000;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="DejaVu Sans, Arial, sans-serif" font-size="13">`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="16" y="26" font-size="17" font-weight="bold">${esc(meta.title)}</text>`,
    `<text x="16" y="48" fill="#555">${esc(meta.subtitle)}</text>`,
  ];
  for (let v = 0; v <= max; v += step) {
    out.push(`<line x1="${x(v)}" x2="${x(v)}" y1="${top - 8}" y2="${H - 58}" stroke="#e5e7eb"/>`,
      `<text x="${x(v)}" y="${H - 42}" text-anchor="middle" fill="#666">${v}</text>`);
  }
  out.push(`<text x="${left + plotW / 2}" y="${H - 22}" text-anchor="middle" fill="#333">MB/s (10⁶ bytes per second), median of ${meta.runs} runs; whiskers: slowest to fastest run</text>`);
  if (meta.targetMbps) {
    const tx = x(meta.targetMbps);
    out.push(`<line x1="${tx}" x2="${tx}" y1="${top - 8}" y2="${H - 58}" stroke="#dc2626" stroke-dasharray="5 4"/>`,
      `<text x="${tx + 4}" y="${top - 12}" fill="#dc2626" font-size="11">target 0.9× in-memory</text>`);
  }
  rows.forEach((r, i) => {
    const y = top + i * (barH + gap);
    out.push(`<text x="${left - 8}" y="${y + barH * 0.7}" text-anchor="end">${esc(cut(r.label, 50))}</text>`);
    if (!r.mbps) {
      out.push(`<text x="${left + 6}" y="${y + barH * 0.7}" fill="#b91c1c" font-style="italic">${esc(cut(r.note ?? 'no result', Math.floor(plotW / 6.6)))}</text>`);
      return;
    }
    const color = COLORS[r.group] ?? '#6b7280';
    out.push(`<rect x="${left}" y="${y}" width="${Math.max(1, x(r.mbps.median) - left)}" height="${barH}" fill="${color}" rx="2"/>`);
    if (r.mbps.min !== r.mbps.max) {
      const ym = y + barH / 2;
      out.push(`<path d="M${x(r.mbps.min)} ${ym}H${x(r.mbps.max)}M${x(r.mbps.min)} ${ym - 5}v10M${x(r.mbps.max)} ${ym - 5}v10" stroke="#111" stroke-width="1.2" fill="none"/>`);
    }
    const label = `${r.mbps.median.toFixed(0)}${r.failures ? ` (${r.failures} failed)` : ''}`;
    out.push(`<text x="${Math.max(x(r.mbps.median), x(r.mbps.max)) + 6}" y="${y + barH * 0.7}" font-weight="bold">${esc(label)}</text>`);
  });
  let lx = 16;
  for (const [g, name] of Object.entries(GROUP_NAMES)) {
    out.push(`<rect x="${lx}" y="${H - 14}" width="12" height="12" fill="${COLORS[g]}"/>`,
      `<text x="${lx + 17}" y="${H - 3}" font-size="12">${esc(name)}</text>`);
    lx += 40 + name.length * 7;
  }
  out.push('</svg>');
  return out.join('\n');
}
