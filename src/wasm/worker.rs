//! Hashing in a dedicated module Worker running this same package (js/bucket_upload_worker.js,
//! shipped in pkg/). The launcher is a few lines of JS: `new URL(..., import.meta.url)` must be
//! written in a module that sits in pkg/ so bundlers and browsers find the worker file.

use super::js_error::aborted;
use crate::core::error::{Error, ErrorKind};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = r#"
export function workersAvailable() {
  return typeof Worker === 'function' && typeof window === 'object';
}
export function hashInWorker(blob, options, onProgress, signal) {
  return new Promise((resolve, reject) => {
    let worker;
    try {
      // Inline snippets live in pkg/snippets/<crate>/; the worker is in pkg/.
      worker = new Worker(new URL('../../bucket_upload_worker.js', import.meta.url), { type: 'module' });
    } catch (e) {
      reject({ unavailable: true, message: String(e) });
      return;
    }
    let started = false;
    const done = () => { worker.terminate(); signal?.removeEventListener('abort', onAbort); };
    const onAbort = () => { done(); reject({ aborted: true }); };
    if (signal?.aborted) { onAbort(); return; }
    signal?.addEventListener('abort', onAbort);
    worker.onerror = (e) => { done(); reject({ unavailable: !started, message: e.message ?? 'the worker failed' }); };
    worker.onmessage = ({ data }) => {
      started = true;
      if (data.progress) onProgress?.(data.progress[0], data.progress[1]);
      else if (data.result) { done(); resolve(data.result); }
      else if (data.error) { done(); reject({ error: data.error }); }
    };
    worker.postMessage({ blob, options });
  });
}
// Parts of a multipart upload are hashed one after another: a few workers are kept and reused
// (starting one per part costs a module compile and a fresh heap each time), and closed once
// they have been idle for two seconds.
const idle = [];
let closer;
export function hashInPooledWorker(blob, options, onProgress, signal) {
  return new Promise((resolve, reject) => {
    let worker = idle.pop();
    if (!worker) {
      try {
        worker = new Worker(new URL('../../bucket_upload_worker.js', import.meta.url), { type: 'module' });
      } catch (e) {
        reject({ unavailable: true, message: String(e) });
        return;
      }
    }
    let started = false;
    const release = (keep) => {
      signal?.removeEventListener('abort', onAbort);
      worker.onmessage = null;
      worker.onerror = null;
      if (!keep) { worker.terminate(); return; }
      idle.push(worker);
      clearTimeout(closer);
      closer = setTimeout(() => { for (const w of idle.splice(0)) w.terminate(); }, 2000);
    };
    const onAbort = () => { release(false); reject({ aborted: true }); };
    if (signal?.aborted) { onAbort(); return; }
    signal?.addEventListener('abort', onAbort);
    worker.onerror = (e) => { release(false); reject({ unavailable: !started, message: e.message ?? 'the worker failed' }); };
    worker.onmessage = ({ data }) => {
      started = true;
      if (data.progress) onProgress?.(data.progress[0], data.progress[1]);
      else if (data.result) { release(true); resolve(data.result); }
      else if (data.error) { release(true); reject({ error: data.error }); }
    };
    worker.postMessage({ blob, options });
  });
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = workersAvailable)]
    pub fn workers_available() -> bool;
    #[wasm_bindgen(js_name = hashInWorker)]
    fn hash_in_worker(
        blob: &web_sys::Blob,
        options: &JsValue,
        on_progress: &JsValue,
        signal: &JsValue,
    ) -> js_sys::Promise;
    #[wasm_bindgen(js_name = hashInPooledWorker)]
    fn hash_in_pooled_worker(
        blob: &web_sys::Blob,
        options: &JsValue,
        on_progress: &JsValue,
        signal: &JsValue,
    ) -> js_sys::Promise;
}

/// How hashing in a worker ended when it did not produce a result.
pub enum WorkerFailure {
    /// No worker could run (no module Worker support, blocked by CSP, file missing): hash here.
    Unavailable,
    /// A real failure (read error, abort), to report as is.
    Failed(Error),
}

/// Runs `digests` in a worker (a pooled one when `pooled`); resolves to the worker's result.
pub async fn run(
    blob: &web_sys::Blob,
    options: &JsValue,
    on_progress: &JsValue,
    signal: &JsValue,
    pooled: bool,
) -> Result<JsValue, WorkerFailure> {
    let promise = if pooled {
        hash_in_pooled_worker(blob, options, on_progress, signal)
    } else {
        hash_in_worker(blob, options, on_progress, signal)
    };
    let outcome = JsFuture::from(promise).await;
    outcome.map_err(|e| {
        let get =
            |k: &str| js_sys::Reflect::get(&e, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
        if get("aborted").is_truthy() {
            return WorkerFailure::Failed(aborted());
        }
        if get("unavailable").is_truthy() {
            return WorkerFailure::Unavailable;
        }
        let err = get("error");
        let field = |k: &str| {
            js_sys::Reflect::get(&err, &JsValue::from_str(k))
                .ok()
                .and_then(|v| v.as_string())
        };
        let kind = match field("kind").as_deref() {
            Some("validation") => ErrorKind::Validation,
            Some("aborted") => ErrorKind::Aborted,
            _ => ErrorKind::Read,
        };
        let mut out = Error::new(
            kind,
            &field("code").unwrap_or_else(|| "WorkerError".into()),
            field("message").unwrap_or_default(),
        );
        out.field = field("field");
        WorkerFailure::Failed(out)
    })
}
