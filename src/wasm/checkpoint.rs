//! Checkpoints of multipart uploads in IndexedDB, so an upload survives a reload or a closed
//! tab. The storage is a few lines of JS (IndexedDB's request/transaction API is callbacks);
//! what a record holds is decided in `resume.rs`. Records carry a format number: one of another
//! format is ignored, never misread.

use super::js_error::from_js;
use crate::core::error::Error;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// The record format this module writes and reads.
pub const FORMAT: u32 = 1;

#[wasm_bindgen(inline_js = r#"
const DB = 'bucket-upload', STORE = 'multipart-checkpoints';
let opened;
function db() {
  opened ??= new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') { reject(new Error('IndexedDB is not available')); return; }
    const r = indexedDB.open(DB, 1);
    r.onupgradeneeded = () => r.result.createObjectStore(STORE, { keyPath: 'id' });
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  return opened;
}
function run(mode, f) {
  return db().then((d) => new Promise((resolve, reject) => {
    const t = d.transaction(STORE, mode);
    const r = f(t.objectStore(STORE));
    t.oncomplete = () => resolve(r?.result);
    t.onerror = () => reject(t.error);
    t.onabort = () => reject(t.error);
  }));
}
export function checkpointAvailable() { return typeof indexedDB !== 'undefined'; }
export function checkpointGet(id) { return run('readonly', (s) => s.get(id)); }
export function checkpointPut(record) { return run('readwrite', (s) => s.put(record)); }
export function checkpointDelete(id) { return run('readwrite', (s) => s.delete(id)); }
export function checkpointAll() { return run('readonly', (s) => s.getAll()); }
"#)]
extern "C" {
    #[wasm_bindgen(js_name = checkpointAvailable)]
    pub fn available() -> bool;
    #[wasm_bindgen(js_name = checkpointGet)]
    fn get_js(id: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = checkpointPut)]
    fn put_js(record: &JsValue) -> js_sys::Promise;
    #[wasm_bindgen(js_name = checkpointDelete)]
    fn delete_js(id: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = checkpointAll)]
    fn all_js() -> js_sys::Promise;
}

async fn wait(p: js_sys::Promise) -> Result<JsValue, Error> {
    JsFuture::from(p)
        .await
        .map_err(|e| from_js(&e, "the upload checkpoint store (IndexedDB)"))
}

/// The record `id` if there is one of this [`FORMAT`].
pub async fn load(id: &str) -> Result<Option<JsValue>, Error> {
    let r = wait(get_js(id)).await?;
    let format = js_sys::Reflect::get(&r, &JsValue::from_str("format"))
        .ok()
        .and_then(|f| f.as_f64());
    Ok((r.is_object() && format == Some(f64::from(FORMAT))).then_some(r))
}

pub async fn save(record: &JsValue) -> Result<(), Error> {
    wait(put_js(record)).await.map(|_| ())
}

pub async fn remove(id: &str) -> Result<(), Error> {
    wait(delete_js(id)).await.map(|_| ())
}

/// Every record of this [`FORMAT`].
pub async fn all() -> Result<Vec<JsValue>, Error> {
    let list: js_sys::Array = wait(all_js()).await?.into();
    let ours = |r: &JsValue| {
        js_sys::Reflect::get(r, &JsValue::from_str("format"))
            .ok()
            .and_then(|f| f.as_f64())
            == Some(f64::from(FORMAT))
    };
    Ok(list.iter().filter(ours).collect())
}
