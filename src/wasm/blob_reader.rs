//! Reading a Blob slice by slice. Offsets cross the JS boundary as f64: sizes are checked to be
//! exact integers (below 2^53) so no byte is skipped or read twice.

use super::js_error::from_js;
use crate::core::error::{Error, ErrorKind};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Largest integer an f64 holds exactly.
const MAX_SAFE: f64 = 9_007_199_254_740_991.0;

/// The size of a Blob as u64.
pub fn blob_size(blob: &web_sys::Blob) -> Result<u64, Error> {
    let size = blob.size();
    if !(0.0..=MAX_SAFE).contains(&size) || size.fract() != 0.0 {
        return Err(Error::new(
            ErrorKind::Read,
            "InvalidBlob",
            "the blob's size is not a byte count",
        ));
    }
    Ok(size as u64)
}

/// Starts reading bytes `start..end` of `blob`; await the result with [`finish_read`].
pub fn start_read(blob: &web_sys::Blob, start: u64, end: u64) -> Result<JsFuture, Error> {
    let slice = blob
        .slice_with_f64_and_f64(start as f64, end as f64)
        .map_err(|e| from_js(&e, "slicing the file"))?;
    Ok(JsFuture::from(slice.array_buffer()))
}

/// Waits for a read started by [`start_read`] and copies it into `buf` (reused across slices).
pub async fn finish_read(read: JsFuture, expected: usize, buf: &mut Vec<u8>) -> Result<(), Error> {
    let value = read.await.map_err(|e| from_js(&e, "reading the file"))?;
    let array = js_sys::Uint8Array::new(value.unchecked_ref());
    let len = array.length() as usize;
    if len != expected {
        // A File that shrank or grew on disk mid-read: never hash a partial file.
        return Err(Error::new(
            ErrorKind::Read,
            "NotReadable",
            format!("the file changed while it was read (expected {expected} bytes, got {len})"),
        ));
    }
    buf.resize(len, 0);
    array.copy_to(&mut buf[..]);
    Ok(())
}

/// Reads `blob` from `start` to its end through `blob.stream()`, passing each chunk to `feed`.
///
/// The fallback when slice reads fail: Chromium can refuse every `slice().arrayBuffer()` of a big
/// in-memory Blob with NotReadableError while its stream still reads (seen at 256 MiB). `feed`
/// gets each chunk and the count so far, and may stop the read with an error. Returns the count.
pub async fn stream_from(
    blob: &web_sys::Blob,
    start: u64,
    mut feed: impl FnMut(&[u8], u64) -> Result<(), Error>,
) -> Result<u64, Error> {
    let rest = blob
        .slice_with_f64(start as f64)
        .map_err(|e| from_js(&e, "slicing the file"))?;
    let reader: web_sys::ReadableStreamDefaultReader =
        rest.stream().get_reader().dyn_into().map_err(|_| {
            Error::new(
                ErrorKind::Read,
                "NotReadable",
                "the file offers no stream reader",
            )
        })?;
    let mut fed = 0;
    let mut buf = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|e| from_js(&e, "reading the file"))?;
        let get = |k: &str| {
            js_sys::Reflect::get(&chunk, &k.into()).unwrap_or(wasm_bindgen::JsValue::UNDEFINED)
        };
        if get("done").is_truthy() {
            return Ok(fed);
        }
        let array: js_sys::Uint8Array = get("value").unchecked_into();
        buf.resize(array.length() as usize, 0);
        array.copy_to(&mut buf[..]);
        fed += buf.len() as u64;
        feed(&buf, fed)?;
    }
}
