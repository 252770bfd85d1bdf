// The demo page's "Check the bucket" button: `diagnose()` makes a throw-away multipart round trip
// on the bucket (Create, a 0-byte UploadPart, ListParts, Abort), signed by the backend exactly as
// the multipart method signs (POST /sign with method "multipart"), and reports each check — the
// bucket reachable, CORS for POST and PUT, ETag exposed, the page's clock, the signer accepted —
// with the fix for any that failed (the CORS rule to add, shown as JSON in a <pre>).
import { diagnose } from '/pkg/bucket_upload.js';

const $ = (id) => document.getElementById(id);

const button = $('diagnose');
const statusLine = $('diagnose-status');
const report = $('diagnose-report');

let setup = null; // { config, sign } once the page has its /config
let running = false;

/** Called by app.js once /config is loaded: `sign(request)` is the page's POST /sign. */
export function setupDiagnose({ config, sign }) {
  setup = { config, sign };
  button.disabled = false;
}

button.addEventListener('click', () => run());

async function run() {
  if (!setup || running) return;
  running = true;
  button.disabled = true;
  report.replaceChildren();
  report.dataset.state = 'running';
  delete report.dataset.ok;
  statusLine.textContent = 'Checking the bucket: a test upload on a throw-away key, then Abort…';
  const { config, sign } = setup;
  try {
    const r = await diagnose({
      endpoint: config.bucketEndpoint,
      bucket: config.bucket,
      region: config.region,
      pathStyle: config.pathStyle,
      // The multipart method's signer: the backend signs each request.
      sign: (request) => sign({ method: 'multipart', ...request }),
    });
    show(r);
  } catch (e) {
    report.dataset.state = 'error';
    report.dataset.ok = 'false';
    const p = document.createElement('p');
    p.className = 'diagnose-error';
    p.id = 'diagnose-error';
    p.textContent = `${e?.code ?? 'Error'}: ${e?.message ?? String(e)}`;
    report.replaceChildren(p);
    statusLine.textContent = 'The check could not run.';
  } finally {
    running = false;
    button.disabled = false;
  }
}

/** Splits a fix into its prose and the CORS rule it names (pretty-printed), when there is one. */
export function splitFix(fix) {
  for (let at = 0; at < fix.length; at++) {
    if (fix[at] !== '[' && fix[at] !== '{') continue;
    try {
      const rule = JSON.parse(fix.slice(at));
      return { text: fix.slice(0, at).trim().replace(/:$/, ''), rule: pretty(rule) };
    } catch {
      // Not JSON from here: try the next bracket.
    }
  }
  return { text: fix, rule: null };
}

/** JSON with objects one key a line and arrays of plain values on one line (a CORS rule reads so). */
function pretty(value, indent = '') {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    return `[\n${value.map((v) => inner + pretty(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value && typeof value === 'object') {
    const lines = Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${pretty(v, inner)}`);
    return `{\n${lines.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

function show(r) {
  const failed = r.findings.filter((f) => !f.ok);
  report.dataset.state = 'done';
  report.dataset.ok = String(r.ok);
  const summary = document.createElement('p');
  summary.id = 'diagnose-summary';
  summary.textContent = r.ok
    ? `All ${r.findings.length} checks passed.`
    : `${failed.length} of ${r.findings.length} checks failed.`;
  if (r.clockOffsetSeconds) {
    summary.textContent += ` This page's clock is ${Math.abs(r.clockOffsetSeconds)} s ${r.clockOffsetSeconds > 0 ? 'behind' : 'ahead of'} the bucket's.`;
  }
  const list = document.createElement('ul');
  list.id = 'diagnose-findings';
  list.className = 'findings';
  for (const f of r.findings) {
    const li = document.createElement('li');
    li.dataset.check = f.check;
    li.dataset.ok = String(f.ok);
    const head = document.createElement('p');
    head.className = 'finding-head';
    const name = document.createElement('strong');
    name.className = 'finding-check';
    name.textContent = f.check;
    const verdict = document.createElement('span');
    verdict.className = 'finding-verdict';
    verdict.textContent = f.ok ? 'ok' : 'failed';
    head.append(name, ' ', verdict);
    const detail = document.createElement('p');
    detail.className = 'finding-detail';
    detail.textContent = f.detail;
    li.append(head, detail);
    if (f.fix) {
      const { text, rule } = splitFix(f.fix);
      const fix = document.createElement('div');
      fix.className = 'finding-fix';
      const p = document.createElement('p');
      const label = document.createElement('strong');
      label.textContent = 'Fix: ';
      p.append(label, text);
      fix.append(p);
      if (rule) {
        const pre = document.createElement('pre');
        pre.className = 'cors-rule';
        pre.textContent = rule;
        fix.append(pre);
      }
      li.append(fix);
    }
    list.append(li);
  }
  report.replaceChildren(summary, list);
  statusLine.textContent = r.ok ? 'The bucket is ready for uploads from this page.' : 'The bucket needs the fixes below.';
}
