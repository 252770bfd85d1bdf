// The demo page: hash the file, ask the backend to sign, upload straight to the bucket.
// The backend (POST /sign) holds the secret; this page never sees or asks for it.
import init, { contentMd5, postObject, putObject } from '/pkg/bucket_upload.js';
import {
  DIALECTS, addMetadataRow, clearFieldErrors, dialectChanged, objectOptions, showFieldError, showOptionsFor, shown,
} from './options.js';
import { resetMultipart, uploadMultipart } from './multipart.js';
import { setupDiagnose } from './diagnose.js';

const $ = (id) => document.getElementById(id);

// Header and field names whose values are secrets or bearer tokens: never displayed.
const HIDDEN_VALUE = /(security-token|^authentication$|customer-key$)/i;
/** `url` with the value of any security-token query parameter hidden. */
const maskUrl = (url) => url.replace(/([?&][^=&]*security-token=)[^&]*/gi, '$1(hidden)');

const form = $('form');
const fileInput = $('file');
const keyInput = $('key');
const dialectSelect = $('dialect');
const methodSelect = $('method');
const scenarioSelect = $('scenario');
const uploadButton = $('upload');
const cancelButton = $('cancel');
const result = $('result');
const requestBox = $('request');
const statusLine = $('status');

let ready = false;
let config = {};
let controller = null; // AbortController of the run in progress, if any

async function start() {
  addMetadataRow();
  dialectChanged(config);
  try {
    await init();
    const res = await fetch('/config', { headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`GET /config answered HTTP ${res.status}`);
    config = await res.json();
    $('endpoint').textContent = config.bucketEndpoint ?? '?';
    $('bucket').textContent = config.bucket ?? '?';
    $('region').textContent = config.region ?? '?';
    dialectChanged(config);
    setupDiagnose({ config, sign });
    ready = true;
    document.body.dataset.ready = 'true';
    setStatus('Ready: choose a file.');
  } catch (e) {
    document.body.dataset.ready = 'error';
    setStatus(`The page could not start: ${e.message}`);
  }
  updateButtons();
}

fileInput.addEventListener('change', updateButtons);
dialectSelect.addEventListener('change', () => dialectChanged(config));
methodSelect.addEventListener('change', showOptionsFor);
$('metadata-add').addEventListener('click', () => addMetadataRow().querySelector('input').focus());
form.addEventListener('submit', (event) => {
  event.preventDefault();
  upload();
});
cancelButton.addEventListener('click', () => controller?.abort());

function updateButtons() {
  const busy = controller !== null;
  uploadButton.disabled = !ready || busy || fileInput.files.length === 0;
  cancelButton.disabled = !busy;
}

function setStatus(text) {
  statusLine.textContent = text;
}

/** An onProgress callback that drives a <progress> bar and its percentage label. */
function progressTo(bar, label) {
  return (loaded, total) => {
    const fraction = total > 0 ? Math.min(loaded / total, 1) : 1;
    bar.value = fraction;
    label.textContent = `${Math.floor(fraction * 100)}%`;
  };
}

async function upload() {
  const file = fileInput.files[0];
  if (!file || controller) return;
  const dialect = dialectSelect.value;
  const [method, version] = methodSelect.value.split('-'); // "post-v4" -> post, v4
  const scenario = shown(scenarioSelect) ? scenarioSelect.value : 'none';
  controller = new AbortController();
  const { signal } = controller;
  updateButtons();
  resetOutput();
  const hashProgress = progressTo($('hash-progress'), $('hash-percent'));
  const uploadProgress = progressTo($('upload-progress'), $('upload-percent'));
  let step = 'hashing';
  try {
    if (method === 'multipart') {
      // Parts are hashed as they are sent; the backend signs each request (multipart.js).
      const ui = { renderRows, showError, setStatus, formatSize, progress: uploadProgress, result };
      const key = keyInput.value.replaceAll('${filename}', file.name);
      await uploadMultipart(file, { key, dialect, config, options: objectOptions(file, dialect), signal, sign, ui });
      return;
    }
    setStatus('Step 1 of 3: computing the MD5 of the file…');
    const md5 = await contentMd5(file, { onProgress: hashProgress, signal });
    hashProgress(1, 1);
    $('md5-base64').textContent = md5.base64;
    $('md5-hex').textContent = md5.hex;

    step = 'signing';
    setStatus('Step 2 of 3: asking the backend to sign…');
    let key = keyInput.value;
    // POST forms keep ${filename}: postObject substitutes it, as S3 would. A PUT URL names the key.
    if (method !== 'post') key = key.replaceAll('${filename}', file.name);
    const request = { method, dialect, version, key, ...objectOptions(file, dialect), contentMd5: md5.base64 };
    if (scenario === 'expired' || scenario === 'wrong-secret') request.scenario = scenario;
    const signed = await sign(request, signal);
    showRequest(signed);
    if (signed.preview) {
      showPreview(signed);
      return;
    }

    step = 'uploading';
    setStatus('Step 2 of 3: uploading to the bucket…');
    const started = performance.now();
    let res;
    if (method === 'post') {
      const postForm = scenario === 'tampered' ? tamperPolicy(signed) : signed;
      res = await postObject(file, postForm, { onProgress: uploadProgress, signal, contentMd5: md5 });
    } else {
      const put = scenario === 'tampered' ? tamperRequest(signed) : signed;
      res = await putObject(file, put, { contentMd5: md5, onProgress: uploadProgress, signal });
    }
    const seconds = (performance.now() - started) / 1000;
    uploadProgress(1, 1);
    showSuccess(res, { file, md5, seconds, key: res.key ?? key.replaceAll('${filename}', file.name) });
  } catch (e) {
    showError(e, step);
  } finally {
    controller = null;
    updateButtons();
  }
}

/** POST /sign; on failure throws an Error with the backend's `code`, `status` and `field`. */
async function sign(request, signal) {
  const res = await fetch('/sign', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(request),
    signal,
  });
  let body = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON: reported below by status alone.
  }
  if (!res.ok || !body) {
    const e = new Error(body?.message ?? body?.error ?? `the backend answered HTTP ${res.status}`);
    e.code = body?.code ?? 'SignFailed';
    e.status = res.status;
    e.field = body?.field ?? undefined;
    e.fromSigner = true;
    throw e;
  }
  return body;
}

const utf8Decode = (b64) => new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
const utf8Encode = (text) => btoa(Array.from(new TextEncoder().encode(text), (b) => String.fromCharCode(b)).join(''));

/**
 * Failure demo: the form an attacker would like, i.e. the signed policy with its expiration pushed
 * a year later. The policy still decodes and parses; only its signature no longer matches.
 */
function tamperPolicy(signed) {
  const fields = signed.fields.map(([name, value]) => {
    if (name !== 'policy') return [name, value];
    const json = utf8Decode(value);
    const later = json.replace(/("expiration"\s*:\s*")(\d{4})/, (_, head, year) => head + (Number(year) + 1));
    return [name, utf8Encode(later === json ? `${json} ` : later)];
  });
  return { ...signed, fields };
}

/**
 * Failure demo for PUT: a presigned URL living an hour longer than signed (X-Amz-Expires for
 * SigV4, Expires for SigV2), or a header-signed request with another Content-Type than signed.
 */
function tamperRequest(signed) {
  const url = signed.url
    .replace(/([?&]X-Amz-Expires=)(\d+)/, (_, head, secs) => head + (Number(secs) + 3600))
    .replace(/([?&]Expires=)(\d+)/, (_, head, secs) => head + (Number(secs) + 3600));
  const headers = { ...signed.headers };
  if (signed.headers?.Authorization) {
    const name = Object.keys(headers).find((n) => n.toLowerCase() === 'content-type') ?? 'Content-Type';
    headers[name] = `${headers[name] ?? 'application/octet-stream'}; tampered=1`;
  }
  return { ...signed, url, headers };
}

function resetOutput() {
  for (const id of ['hash', 'upload']) progressTo($(`${id}-progress`), $(`${id}-percent`))(0, 1);
  $('md5-base64').textContent = '–';
  $('md5-hex').textContent = '–';
  clearFieldErrors();
  requestBox.replaceChildren();
  requestBox.dataset.state = 'none';
  result.replaceChildren();
  result.dataset.status = 'pending';
  delete result.dataset.etag;
  delete result.dataset.md5Check;
  delete result.dataset.errorCode;
  delete result.dataset.errorField;
  delete result.dataset.verified;
  delete result.dataset.parts;
  delete result.dataset.uploadId;
  resetMultipart();
}

/** A definition list of `rows` ([label, value, id]). */
function definitionList(rows) {
  const list = document.createElement('dl');
  for (const [label, value, id] of rows) {
    const row = document.createElement('div');
    const dt = document.createElement('dt');
    const dd = document.createElement('dd');
    dt.textContent = label;
    dd.textContent = value ?? '–';
    if (id) dd.id = id;
    row.append(dt, dd);
    list.append(row);
  }
  return list;
}

/** Renders `rows` ([label, value, id]) as a definition list inside #result. */
function renderRows(title, rows) {
  const heading = document.createElement('h3');
  heading.textContent = title;
  result.replaceChildren(heading, definitionList(rows));
}

/** The signed request as the page sends it (or would): method, URL, fields or headers. */
function showRequest(signed) {
  const heading = document.createElement('h3');
  heading.textContent = signed.preview ? 'Signed request (not sent)' : 'Signed request';
  const pairs = signed.fields ?? Object.entries(signed.headers ?? {});
  const table = document.createElement('table');
  table.id = 'request-pairs';
  const caption = table.createCaption();
  caption.textContent = signed.fields
    ? 'Form fields, in order; the file goes last'
    : 'Headers the request sends (the browser adds Host and Content-Length)';
  const head = table.createTHead().insertRow();
  for (const text of ['Name', 'Value']) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = text;
    head.append(th);
  }
  const body = table.createTBody();
  for (const [name, value] of pairs) {
    const tr = body.insertRow();
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = name;
    const td = tr.insertCell();
    td.textContent = HIDDEN_VALUE.test(name) ? `(hidden: ${String(value).length} characters)` : value;
    tr.replaceChildren(th, td);
  }
  requestBox.replaceChildren(
    heading,
    definitionList([
      ['Dialect', `${signed.dialect} (${signed.version})`, 'request-dialect'],
      ['Method', signed.method, 'request-method'],
      ['URL', maskUrl(signed.url), 'request-url'],
    ]),
    table,
  );
  requestBox.dataset.state = signed.preview ? 'preview' : 'sent';
}

function showPreview(signed) {
  const name = DIALECTS[signed.dialect]?.name ?? signed.dialect;
  renderRows('Not sent', [
    ['Why', `The local bucket speaks only S3, so this ${name} request was signed but not sent. `
      + 'Start the server with --remote-endpoint to send it to a real bucket.', 'result-preview'],
  ]);
  result.dataset.status = 'preview';
  setStatus(`Step 3 of 3: the ${name} request is shown above; the local bucket speaks only S3.`);
}

function showSuccess(res, { file, md5, seconds, key }) {
  const etag = res.etag ?? '';
  const etagHex = etag.replace(/^W\//, '').replaceAll('"', '').toLowerCase();
  const md5Check = etag && etagHex === md5.hex.toLowerCase() ? 'yes' : 'no';
  const speed = file.size / 1e6 / Math.max(seconds, 0.001);
  renderRows('Uploaded', [
    ['HTTP status', String(res.status), 'result-http-status'],
    ['ETag', etag || '(none)', 'result-etag'],
    ['MD5 check (ETag equals computed MD5)', md5Check, 'result-md5-check'],
    ['Size', formatSize(file.size), 'result-size'],
    ['Time', `${(seconds * 1000).toFixed(0)} ms`, 'result-time'],
    ['Speed', `${speed.toFixed(2)} MB/s`, 'result-speed'],
    ['Key', key, 'result-key'],
    ['Request id', res.requestId, 'result-request-id'],
  ]);
  result.dataset.etag = etag;
  result.dataset.md5Check = md5Check;
  result.dataset.status = 'ok';
  setStatus(`Step 3 of 3: uploaded ${key} (${formatSize(file.size)}).`);
}

/** Shows error `e` in #result; `extra` rows ([label, value, id]) go last. */
function showError(e, step, extra = []) {
  const code = e?.code ?? (e?.name === 'AbortError' ? 'Aborted' : 'Error');
  renderRows(code === 'Aborted' ? 'Cancelled' : `Failed while ${step}`, [
    ['Error code', code, 'error-code'],
    ['Message', e?.message ?? String(e), 'error-message'],
    ['HTTP status', e?.status != null ? String(e.status) : '(no response)', 'error-status'],
    ['Request id', e?.requestId, 'error-request-id'],
    ...(e?.field ? [['Field', e.field, 'error-field']] : []),
    ...extra,
  ]);
  result.dataset.errorCode = code;
  result.dataset.status = 'error';
  if (e?.field) result.dataset.errorField = e.field;
  const shownAt = e?.field ? showFieldError(e.field, `${code}: ${e.message}`) : null;
  setStatus(code === 'Aborted' ? 'Cancelled.' : `Step 3 of 3: the upload failed (${code})${shownAt ? `; see ${shownAt}` : ''}.`);
}

function formatSize(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = -1;
  do {
    value /= 1024;
    unit += 1;
  } while (value >= 1024 && unit < units.length - 1);
  return `${value.toFixed(2)} ${units[unit]} (${bytes.toLocaleString('en')} B)`;
}

start();
