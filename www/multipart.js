// The demo page's multipart method: `uploadFile` sends the file in parts straight to the bucket,
// and the backend signs every request (create, each part, complete, abort) through `sign`, which
// POSTs `{ method: 'multipart', ...request }` to /sign. The page never holds a key.
import { uploadFile } from '/pkg/bucket_upload.js';

const $ = (id) => document.getElementById(id);
const MIB = 1024 * 1024;

const panel = $('multipart');
const summary = $('mp-summary');
const uploadIdBox = $('mp-upload-id');
const signedBox = $('mp-signed');
const inFlightList = $('mp-inflight');
const pauseButton = $('mp-pause');
const resumeButton = $('mp-resume');
const abortButton = $('mp-abort');

let current = null; // { upload, paused, aborting } of the run in progress, if any

pauseButton.addEventListener('click', () => {
  if (!current?.upload || current.paused) return;
  current.upload.pause();
  current.paused = true;
  updateButtons();
});
resumeButton.addEventListener('click', () => {
  if (!current?.upload || !current.paused) return;
  current.upload.resume();
  current.paused = false;
  updateButtons();
});
abortButton.addEventListener('click', () => abortCurrent());

function abortCurrent() {
  if (!current?.upload || current.aborting) return;
  // Resolves once Abort was sent and no part is left; `done` rejects with code Aborted.
  current.aborting = current.upload.abort().then(() => null, (e) => e);
  updateButtons();
}

function updateButtons() {
  const running = current !== null && !current.aborting;
  pauseButton.disabled = !running || !current.upload || current.paused;
  resumeButton.disabled = !running || !current.upload || !current.paused;
  abortButton.disabled = !running || !current.upload;
  if (current === null) return;
  panel.dataset.state = current.aborting ? 'aborting' : current.paused ? 'paused' : 'running';
  current.render?.();
}

/** Clears the panel before a run. */
export function resetMultipart() {
  summary.textContent = 'No upload yet.';
  uploadIdBox.textContent = '–';
  signedBox.textContent = '–';
  inFlightList.replaceChildren();
  panel.dataset.state = 'idle';
  panel.dataset.partsDone = '0';
  panel.dataset.partsTotal = '0';
  panel.dataset.inFlight = '0';
  delete panel.dataset.uploadId;
}

/** A typed-like error naming the input at fault, as the core's errors do. */
function invalid(field, message) {
  return Object.assign(new Error(message), { name: 'BucketUploadError', code: 'InvalidOptions', kind: 'validation', field });
}

/** The part size (bytes; undefined = automatic), concurrency and checksum of the form. */
function settings() {
  const out = { checksum: $('checksum').value };
  const partSize = $('partSize');
  if (partSize.validity.badInput) throw invalid('partSize', 'the part size must be a number of MiB');
  if (partSize.value.trim() !== '') {
    const mib = Number(partSize.value);
    if (!Number.isFinite(mib) || mib <= 0) throw invalid('partSize', 'the part size must be a positive number of MiB');
    out.partSize = Math.round(mib * MIB);
  }
  const concurrency = $('concurrency');
  if (concurrency.validity.badInput) throw invalid('concurrency', 'the concurrency must be a whole number');
  // Blank is the module's default (4); anything else is the module's to check (1 to 64, whole).
  if (concurrency.value.trim() !== '') out.concurrency = Number(concurrency.value);
  return out;
}

const mib = (bytes) => (bytes / MIB).toFixed(2);

/** One bar per part in flight, kept across progress events (keyed by part number). */
function showInFlight(parts) {
  const wanted = new Map(parts.map((p) => [p.partNumber, p]));
  for (const li of [...inFlightList.children]) {
    if (!wanted.has(Number(li.dataset.part))) li.remove();
  }
  const have = new Map([...inFlightList.children].map((li) => [Number(li.dataset.part), li]));
  for (const p of [...wanted.values()].sort((a, b) => a.partNumber - b.partNumber)) {
    let li = have.get(p.partNumber);
    if (!li) {
      li = document.createElement('li');
      li.dataset.part = String(p.partNumber);
      const bar = document.createElement('progress');
      bar.id = `mp-part-${p.partNumber}`;
      bar.className = 'part';
      const label = document.createElement('label');
      label.htmlFor = bar.id;
      label.textContent = `Part ${p.partNumber}`;
      const percent = document.createElement('span');
      percent.className = 'percent';
      li.append(label, bar, percent);
      // Ascending part numbers: before the first li with a larger number.
      const next = [...inFlightList.children].find((other) => Number(other.dataset.part) > p.partNumber);
      inFlightList.insertBefore(li, next ?? null);
    }
    const [, bar, percent] = li.children;
    bar.max = Math.max(p.size, 1);
    bar.value = Math.min(p.loaded, bar.max);
    bar.title = `${p.loaded.toLocaleString('en')} of ${p.size.toLocaleString('en')} B`;
    percent.textContent = `${Math.floor((p.size > 0 ? p.loaded / p.size : 1) * 100)}%`;
  }
  panel.dataset.inFlight = String(parts.length);
}

/**
 * Uploads `file` in parts and shows the outcome in #result (through `ui`: renderRows, showError,
 * setStatus, formatSize, progress, result). `sign` is the page's POST /sign.
 */
export async function uploadMultipart(file, { key, dialect, config, options, signal, sign, ui }) {
  const signedCount = new Map();
  const showSigned = () => {
    signedBox.textContent = [...signedCount].map(([op, n]) => `${op} ×${n}`).join(', ') || '–';
  };
  let last = { loaded: 0, total: file.size, partsDone: 0, partsTotal: 0 };
  const run = { upload: null, paused: false, aborting: null };
  run.render = () => {
    const state = run.aborting ? ' · aborting: cancelling the parts in flight, then Abort'
      : run.paused ? ' · paused: the parts in flight finish, no new part starts' : '';
    summary.textContent = `${last.partsDone} of ${last.partsTotal} parts done · ${mib(last.loaded)} of ${mib(last.total)} MiB${state}`;
    ui.setStatus(run.aborting ? 'Step 2 of 3: aborting the upload…'
      : run.paused ? 'Step 2 of 3: paused.' : 'Step 2 of 3: uploading in parts; the backend signs each request…');
  };
  const onCancel = () => abortCurrent();
  let started = performance.now();
  current = run;
  try {
    const { partSize, concurrency, checksum } = settings();
    run.render();
    started = performance.now();
    run.upload = uploadFile(file, {
      ...options,
      dialect,
      endpoint: config.bucketEndpoint,
      bucket: config.bucket,
      region: config.region,
      pathStyle: config.pathStyle,
      key,
      partSize,
      concurrency,
      checksum,
      // No signal here: Abort must still be signed after a cancel.
      sign: async (request) => {
        signedCount.set(request.operation, (signedCount.get(request.operation) ?? 0) + 1);
        showSigned();
        return sign({ method: 'multipart', ...request });
      },
      onProgress: (p) => {
        if (run.finished) return;
        last = p;
        ui.progress(p.loaded, p.total);
        run.render();
        panel.dataset.partsDone = String(p.partsDone);
        panel.dataset.partsTotal = String(p.partsTotal);
        showInFlight(p.inFlight ?? []);
        const id = run.upload?.uploadId;
        if (id && panel.dataset.uploadId !== id) {
          panel.dataset.uploadId = id;
          uploadIdBox.textContent = id;
        }
      },
    });
    updateButtons();
    if (signal.aborted) abortCurrent();
    signal.addEventListener('abort', onCancel);
    const res = await run.upload.done;
    const seconds = (performance.now() - started) / 1000;
    ui.progress(1, 1);
    showInFlight([]);
    summary.textContent = `${res.parts} of ${res.parts} parts done · ${mib(file.size)} MiB`;
    showSuccess(res, { file, seconds, uploadId: run.upload.uploadId, ui });
  } catch (e) {
    const abortFailed = run.aborting ? await run.aborting : null;
    showInFlight([]);
    const uploadId = run.upload?.uploadId;
    ui.showError(e, 'uploading', [
      ['Kind', e?.kind, 'error-kind'],
      ['Upload id', uploadId ?? '(not created)', 'error-upload-id'],
      ['Parts done', `${last.partsDone} of ${last.partsTotal}`, 'error-parts-done'],
      ...(abortFailed ? [['Abort', `failed: ${abortFailed.code ?? 'Error'}: ${abortFailed.message}`, 'error-abort']] : []),
    ]);
    if (uploadId) ui.result.dataset.uploadId = uploadId;
  } finally {
    signal.removeEventListener('abort', onCancel);
    run.finished = true;
    current = null;
    updateButtons();
    panel.dataset.state = 'done';
  }
}

function showSuccess(res, { file, seconds, uploadId, ui }) {
  const verified = res.verified?.length ? res.verified.join(', ') : '(none)';
  const speed = file.size / 1e6 / Math.max(seconds, 0.001);
  ui.renderRows('Uploaded in parts', [
    ['ETag', res.etag || '(none)', 'result-etag'],
    ['Verified', verified, 'result-verified'],
    ['Parts', String(res.parts), 'result-parts'],
    ['Size', ui.formatSize(file.size), 'result-size'],
    ['Time', `${(seconds * 1000).toFixed(0)} ms`, 'result-time'],
    ['Speed', `${speed.toFixed(2)} MB/s`, 'result-speed'],
    ['Key', res.key, 'result-key'],
    ['Bucket', res.bucket, 'result-bucket'],
    ['Upload id', uploadId, 'result-upload-id'],
    ['Location', res.location, 'result-location'],
    ['Version id', res.versionId, 'result-version-id'],
    ['Request id', res.requestId, 'result-request-id'],
  ]);
  Object.assign(ui.result.dataset, { etag: res.etag ?? '', verified: res.verified?.join(' ') ?? '', parts: String(res.parts), status: 'ok' });
  ui.setStatus(`Step 3 of 3: uploaded ${res.key} in ${res.parts} parts (${ui.formatSize(file.size)}).`);
}
