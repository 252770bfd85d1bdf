//! `digests(blob, { algorithms, chunkSize, onProgress, signal, worker })` and
//! `contentMd5(blob, options)`: one read of the file feeds every digest asked for. The next slice
//! is being read while the current one is hashed, into one reused buffer, so memory stays at two
//! slices however big the file. In a page, the work runs in a Worker by default.

use super::blob_reader::{blob_size, finish_read, start_read, stream_from};
use super::byob_reader;
use super::js_error::{aborted, to_js};
use super::js_options::{blob_arg, get, set};
use super::worker::{self, WorkerFailure};
use crate::core::digest::{DigestSet, Digests, MultiDigest};
use crate::core::error::Error;
use wasm_bindgen::prelude::*;

/// Default slice size: large enough to amortize a read's fixed cost, small next to memory.
const DEFAULT_CHUNK: u64 = 8 * 1024 * 1024;

/// `{ chunkSize, onProgress, signal, worker }`, read from a JS object.
pub struct ReadOptions {
    pub chunk_size: u64,
    pub on_progress: Option<js_sys::Function>,
    pub signal: Option<web_sys::AbortSignal>,
    pub worker: bool,
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
        let worker = get(options, "worker");
        Ok(ReadOptions {
            chunk_size,
            on_progress: get(options, "onProgress").dyn_into().ok(),
            signal: get(options, "signal").dyn_into().ok(),
            worker: if worker.is_undefined() {
                worker::workers_available()
            } else {
                worker.is_truthy()
            },
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

/// Slices being read while the current one is hashed. Two keep the browser's file reader busy
/// while wasm hashes; more only hold more memory.
const READ_AHEAD: u64 = 2;

/// Hashes `blob` on this thread, reading `chunk_size` slices with [`READ_AHEAD`] reads in flight.
pub async fn hash_blob(
    blob: &web_sys::Blob,
    set: DigestSet,
    o: &ReadOptions,
) -> Result<Digests, Error> {
    let total = blob_size(blob)?;
    let mut hasher = MultiDigest::new(set);
    o.check_abort()?;
    if let Some(reader) = (total > 0).then(|| byob_reader::open(blob)).flatten() {
        o.progress(0, total);
        let size = o.chunk_size.min(total) as u32;
        let fed = byob_reader::read_all(&reader, size, |bytes, fed| {
            hasher.update(bytes);
            o.progress(fed, total);
            o.check_abort()
        })
        .await?;
        if fed != total {
            return Err(Error::new(
                crate::core::error::ErrorKind::Read,
                "NotReadable",
                format!("the file changed while it was read (expected {total} bytes, got {fed})"),
            ));
        }
        return Ok(hasher.finalize());
    }
    let mut buf = Vec::new();
    let mut start = 0;
    o.check_abort()?;
    o.progress(0, total);
    let mut pending = std::collections::VecDeque::new();
    let mut next = 0;
    while next < total && (pending.len() as u64) < READ_AHEAD {
        pending.push_back(start_read(blob, next, (next + o.chunk_size).min(total))?);
        next = (next + o.chunk_size).min(total);
    }
    while let Some(read) = pending.pop_front() {
        let end = (start + o.chunk_size).min(total);
        match finish_read(read, (end - start) as usize, &mut buf).await {
            Ok(()) => {}
            // Slice reads refused (see stream_from): read the rest as a stream. Only whole,
            // length-checked slices were hashed so far, so the digest stays right.
            Err(e) if e.code == "NotReadable" => {
                let fed = stream_from(blob, start, |bytes, fed| {
                    hasher.update(bytes);
                    o.progress(start + fed, total);
                    o.check_abort()
                })
                .await?;
                if start + fed != total {
                    return Err(e);
                }
                return Ok(hasher.finalize());
            }
            Err(e) => return Err(e),
        }
        o.check_abort()?;
        if next < total {
            pending.push_back(start_read(blob, next, (next + o.chunk_size).min(total))?);
            next = (next + o.chunk_size).min(total);
        }
        hasher.update(&buf);
        start = end;
        o.progress(start, total);
    }
    Ok(hasher.finalize())
}

fn md5_object(d: &crate::core::md5::Md5Digest) -> JsValue {
    let o = js_sys::Object::new();
    set(&o, "base64", JsValue::from_str(&d.base64()));
    set(&o, "hex", JsValue::from_str(&d.hex()));
    o.into()
}

fn digests_object(d: &Digests) -> JsValue {
    let out = js_sys::Object::new();
    if let Some(md5) = &d.md5 {
        set(&out, "md5", md5_object(md5));
    }
    if let Some(c) = d.crc64ecma_decimal() {
        set(&out, "crc64ecma", JsValue::from_str(&c));
    }
    if let Some(c) = d.crc32c_base64() {
        set(&out, "crc32c", JsValue::from_str(&c));
    }
    if let Some(c) = d.crc32_base64() {
        set(&out, "crc32", JsValue::from_str(&c));
    }
    if let Some(c) = d.crc64nvme_base64() {
        set(&out, "crc64nvme", JsValue::from_str(&c));
    }
    if let (Some(b64), Some(hex)) = (d.sha256_base64(), d.sha256_hex()) {
        let o = js_sys::Object::new();
        set(&o, "base64", JsValue::from_str(&b64));
        set(&o, "hex", JsValue::from_str(&hex));
        set(&out, "sha256", o.into());
    }
    out.into()
}

/// The digests of `blob` as a JS object, in a worker when asked and possible, else here.
pub(crate) async fn digests_js(
    blob: &web_sys::Blob,
    names: Vec<String>,
    options: &JsValue,
) -> Result<JsValue, Error> {
    let o = ReadOptions::from_js(options)?;
    let wanted = DigestSet::from_names(names.iter().map(String::as_str))?;
    if o.worker {
        let plain = js_sys::Object::new();
        let list: js_sys::Array = names.iter().map(|n| JsValue::from_str(n)).collect();
        set(&plain, "algorithms", list.into());
        set(&plain, "chunkSize", JsValue::from(o.chunk_size as f64));
        let on_progress = o
            .on_progress
            .clone()
            .map_or(JsValue::UNDEFINED, JsValue::from);
        let signal = o.signal.clone().map_or(JsValue::UNDEFINED, JsValue::from);
        let pooled = get(options, "pooledWorker").is_truthy();
        match worker::run(blob, &plain.into(), &on_progress, &signal, pooled).await {
            Ok(result) => return Ok(result),
            Err(WorkerFailure::Failed(e)) => return Err(e),
            Err(WorkerFailure::Unavailable) => {} // hash on this thread instead
        }
    }
    Ok(digests_object(&hash_blob(blob, wanted, &o).await?))
}

/// The digests named in `options.algorithms` (`md5` by default; also `crc64ecma`, `crc32`,
/// `crc32c`, `crc64nvme`, `sha256`) of a Blob or File, from one read of it. S3's checksums come
/// as the base64 its `x-amz-checksum-*` headers take.
#[wasm_bindgen(js_name = digests, unchecked_return_type = "DigestsResult")]
pub async fn digests(
    #[wasm_bindgen(unchecked_param_type = "Blob")] blob: JsValue,
    #[wasm_bindgen(unchecked_param_type = "DigestOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let run = async {
        super::js_options::known(&options, &[crate::core::option_names::READ])?;
        let list = get(&options, "algorithms");
        let names: Vec<String> = if list.is_undefined() {
            vec!["md5".into()]
        } else {
            js_sys::Array::from(&list)
                .iter()
                .filter_map(|v| v.as_string())
                .collect()
        };
        digests_js(&blob_arg(&blob, "blob")?, names, &options).await
    };
    run.await.map_err(|e| to_js(&e))
}

/// MD5 of a Blob or File as `{ base64, hex }`; rejects with code `Aborted` when `signal` aborts
/// and with `NotReadable` when the file cannot be read or changes while read.
#[wasm_bindgen(js_name = contentMd5, unchecked_return_type = "Md5Result")]
pub async fn content_md5(
    #[wasm_bindgen(unchecked_param_type = "Blob")] blob: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ReadOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let blob = blob_arg(&blob, "blob").map_err(|e| to_js(&e))?;
    super::js_options::known(&options, &[crate::core::option_names::READ])
        .map_err(|e| to_js(&e))?;
    let result = digests_js(&blob, vec!["md5".into()], &options)
        .await
        .map_err(|e| to_js(&e))?;
    Ok(get(&result, "md5"))
}
