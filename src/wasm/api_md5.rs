//! `contentMd5(blob, { chunkSize, onProgress, signal })`: MD5 of a Blob read slice by slice,
//! the next slice already being read while the current one is hashed. Memory stays at two
//! slices however big the file.

use super::blob_reader::{blob_size, finish_read, start_read};
use super::js_error::{aborted, to_js};
use super::js_options::{get, set};
use crate::core::error::Error;
use crate::core::md5::{ContentMd5, Md5Digest};
use wasm_bindgen::prelude::*;

/// Default slice size: large enough to amortize a read's fixed cost, small next to memory.
const DEFAULT_CHUNK: u64 = 8 * 1024 * 1024;

/// `{ chunkSize, onProgress, signal }`, read from a JS object.
pub struct ReadOptions {
    pub chunk_size: u64,
    pub on_progress: Option<js_sys::Function>,
    pub signal: Option<web_sys::AbortSignal>,
}

impl ReadOptions {
    pub fn from_js(options: &JsValue) -> Result<Self, Error> {
        let chunk = get(options, "chunkSize");
        let chunk_size = match chunk.as_f64() {
            None if chunk.is_undefined() => DEFAULT_CHUNK,
            Some(n) if n >= 1.0 && n.fract() == 0.0 && n <= 1024.0 * 1024.0 * 1024.0 => n as u64,
            _ => {
                return Err(Error::invalid(
                    "InvalidOptions",
                    "chunkSize",
                    "chunkSize must be an integer from 1 byte to 1 GiB",
                ))
            }
        };
        Ok(ReadOptions {
            chunk_size,
            on_progress: get(options, "onProgress").dyn_into().ok(),
            signal: get(options, "signal").dyn_into().ok(),
        })
    }

    pub fn check_abort(&self) -> Result<(), Error> {
        match &self.signal {
            Some(s) if s.aborted() => Err(aborted()),
            _ => Ok(()),
        }
    }

    pub fn progress(&self, loaded: u64, total: u64) {
        if let Some(f) = &self.on_progress {
            let _ = f.call2(
                &JsValue::NULL,
                &JsValue::from(loaded as f64),
                &JsValue::from(total as f64),
            );
        }
    }
}

/// Hashes `blob` through `hasher`, reading `chunk_size` slices with one read ahead.
pub async fn md5_of_blob(blob: &web_sys::Blob, o: &ReadOptions) -> Result<Md5Digest, Error> {
    let total = blob_size(blob)?;
    let mut hasher = ContentMd5::new();
    let mut buf = Vec::new();
    let mut start = 0;
    o.check_abort()?;
    o.progress(0, total);
    let mut pending = (total > 0)
        .then(|| start_read(blob, 0, o.chunk_size.min(total)))
        .transpose()?;
    while let Some(read) = pending.take() {
        let end = (start + o.chunk_size).min(total);
        finish_read(read, (end - start) as usize, &mut buf).await?;
        o.check_abort()?;
        if end < total {
            pending = Some(start_read(blob, end, (end + o.chunk_size).min(total))?);
        }
        hasher.update(&buf);
        start = end;
        o.progress(start, total);
    }
    Ok(hasher.finalize())
}

/// MD5 of a Blob or File as `{ base64, hex }`; rejects with code `Aborted` when `signal` aborts
/// and with `NotReadable` when the file cannot be read or changes while read.
#[wasm_bindgen(js_name = contentMd5, unchecked_return_type = "Md5Result")]
pub async fn content_md5(
    blob: web_sys::Blob,
    #[wasm_bindgen(unchecked_param_type = "ReadOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let run = async {
        let o = ReadOptions::from_js(&options)?;
        md5_of_blob(&blob, &o).await
    };
    let digest = run.await.map_err(|e| to_js(&e))?;
    let out = js_sys::Object::new();
    set(&out, "base64", JsValue::from_str(&digest.base64()));
    set(&out, "hex", JsValue::from_str(&digest.hex()));
    Ok(out.into())
}
