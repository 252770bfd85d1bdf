//! `Md5Hasher`: the incremental MD5 for callers that feed bytes themselves, with `save()` /
//! `Md5Hasher.load(state)` so a resumed upload does not hash again what it already hashed.

use super::js_error::to_js;
use super::js_options::set;
use crate::core::error::{Error, ErrorKind};
use crate::core::md5::ContentMd5;
use wasm_bindgen::prelude::*;

/// An incremental MD5 (`new`, `update`, `finalize`) whose state can be saved and loaded.
#[wasm_bindgen]
pub struct Md5Hasher {
    inner: Option<ContentMd5>,
}

fn spent() -> JsValue {
    to_js(&Error::new(
        ErrorKind::Validation,
        "HasherFinalized",
        "this Md5Hasher was finalized; start a new one",
    ))
}

#[wasm_bindgen]
impl Md5Hasher {
    /// A hasher that has seen no bytes.
    #[wasm_bindgen(constructor)]
    #[allow(clippy::new_without_default)]
    pub fn new() -> Md5Hasher {
        Md5Hasher {
            inner: Some(ContentMd5::new()),
        }
    }

    /// Feeds the next bytes.
    pub fn update(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] data: JsValue,
    ) -> Result<(), JsValue> {
        let bytes = bytes_arg(&data, "data").map_err(|e| to_js(&e))?;
        let h = self.inner.as_mut().ok_or_else(spent)?;
        // Copied into the module a MiB at a time, so a large buffer costs no large allocation.
        let mut chunk = vec![0u8; (bytes.length() as usize).min(1 << 20)];
        let mut at = 0;
        while at < bytes.length() {
            let end = (at + chunk.len() as u32).min(bytes.length());
            let piece = &mut chunk[..(end - at) as usize];
            bytes.subarray(at, end).copy_to(piece);
            h.update(piece);
            at = end;
        }
        Ok(())
    }

    /// How many bytes have been fed.
    #[wasm_bindgen(getter, js_name = bytesHashed)]
    pub fn bytes_hashed(&self) -> f64 {
        self.inner.as_ref().map_or(0.0, |h| h.bytes_hashed() as f64)
    }

    /// The in-progress state (a versioned byte string) to store and `load` later.
    pub fn save(&self) -> Result<Vec<u8>, JsValue> {
        Ok(self.inner.as_ref().ok_or_else(spent)?.save())
    }

    /// A hasher resumed from `save()`'s bytes; a state of another format version is refused
    /// (code `InvalidHashState`).
    pub fn load(
        #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] state: JsValue,
    ) -> Result<Md5Hasher, JsValue> {
        let state = bytes_arg(&state, "state").map_err(|e| to_js(&e))?.to_vec();
        ContentMd5::load(&state)
            .map(|h| Md5Hasher { inner: Some(h) })
            .map_err(|e| to_js(&e))
    }

    /// `{ base64, hex }` of everything fed; the hasher cannot be used afterwards.
    #[wasm_bindgen(unchecked_return_type = "Md5Result")]
    pub fn finalize(&mut self) -> Result<JsValue, JsValue> {
        let digest = self.inner.take().ok_or_else(spent)?.finalize();
        let out = js_sys::Object::new();
        set(&out, "base64", JsValue::from_str(&digest.base64()));
        set(&out, "hex", JsValue::from_str(&digest.hex()));
        Ok(out.into())
    }
}

/// A `Uint8Array` (or an `ArrayBuffer`, viewed whole) argument, checked.
fn bytes_arg(value: &JsValue, name: &str) -> Result<js_sys::Uint8Array, crate::core::error::Error> {
    use wasm_bindgen::JsCast;
    if let Some(a) = value.dyn_ref::<js_sys::Uint8Array>() {
        return Ok(a.clone());
    }
    if let Some(b) = value.dyn_ref::<js_sys::ArrayBuffer>() {
        return Ok(js_sys::Uint8Array::new(b));
    }
    Err(crate::core::error::Error::invalid(
        "InvalidArgument",
        name,
        format!("{name} must be a Uint8Array or an ArrayBuffer"),
    ))
}
