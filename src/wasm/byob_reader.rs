//! Reading a Blob through a BYOB ("bring your own buffer") stream reader into two JS buffers
//! that are refilled again and again. Slice reads allocate a new ArrayBuffer per slice that only
//! the garbage collector frees (hundreds of MiB of growth over a 1 GiB file); here memory stays at
//! two buffers, and while one is hashed the other is being filled.

use super::js_error::from_js;
use crate::core::error::Error;
use js_sys::{Reflect, Uint8Array};
use std::collections::VecDeque;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ReadableStreamByobReader, ReadableStreamGetReaderOptions, ReadableStreamReaderMode};

/// Buffers in flight: one being filled while the other is hashed.
const BUFFERS: usize = 2;

thread_local! {
    /// Buffers a finished read handed back, for the next read of the same size: a worker hashing
    /// part after part would otherwise leave two buffers per part for the garbage collector.
    static SPARE: std::cell::RefCell<Vec<js_sys::ArrayBuffer>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A buffer of `size` bytes, reused when one is spare.
fn buffer(size: u32) -> Uint8Array {
    let spare = SPARE.with(|s| {
        let mut s = s.borrow_mut();
        let at = s.iter().position(|b| b.byte_length() == size)?;
        Some(s.swap_remove(at))
    });
    match spare {
        Some(b) => Uint8Array::new(&b),
        None => Uint8Array::new_with_length(size),
    }
}

/// Keeps the buffer behind a finished read's `value` (BYOB hands it back, empty, on `done`).
fn keep(result: &JsValue, size: u32) {
    let value = Reflect::get(result, &JsValue::from_str("value")).unwrap_or(JsValue::UNDEFINED);
    if let Some(view) = value.dyn_ref::<Uint8Array>() {
        let b = view.buffer();
        if b.byte_length() == size {
            SPARE.with(|s| {
                let mut s = s.borrow_mut();
                if s.len() < BUFFERS {
                    s.push(b);
                }
            });
        }
    }
}

/// A BYOB reader over a Blob, or `None` where the browser's Blob streams are not byte streams.
pub fn open(blob: &web_sys::Blob) -> Option<ReadableStreamByobReader> {
    let options = ReadableStreamGetReaderOptions::new();
    options.set_mode(ReadableStreamReaderMode::Byob);
    blob.stream()
        .get_reader_with_options(&options)
        .dyn_into()
        .ok()
}

/// Reads the whole stream, handing each filled piece to `feed` (bytes, count so far); `feed`
/// may stop the read with an error. Returns the number of bytes read.
pub async fn read_all(
    reader: &ReadableStreamByobReader,
    buffer_size: u32,
    mut feed: impl FnMut(&[u8], u64) -> Result<(), Error>,
) -> Result<u64, Error> {
    let mut pending: VecDeque<JsFuture> = (0..BUFFERS)
        .map(|_| JsFuture::from(reader.read_with_array_buffer_view(&buffer(buffer_size))))
        .collect();
    let mut copy = Vec::new();
    let mut fed = 0u64;
    while let Some(read) = pending.pop_front() {
        let result = read.await.map_err(|e| from_js(&e, "reading the file"))?;
        let get =
            |k: &str| Reflect::get(&result, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
        if get("done").is_truthy() {
            keep(&result, buffer_size);
            let _ = reader.cancel();
            // The other read settles as done too, handing its buffer back.
            for rest in pending.drain(..) {
                if let Ok(r) = rest.await {
                    keep(&r, buffer_size);
                }
            }
            break;
        }
        let view: Uint8Array = get("value").unchecked_into();
        copy.resize(view.length() as usize, 0);
        view.copy_to(&mut copy);
        // The filled buffer goes straight back to the reader, whole, before we hash its copy.
        let again = Uint8Array::new_with_byte_offset_and_length(&view.buffer(), 0, buffer_size);
        pending.push_back(JsFuture::from(reader.read_with_array_buffer_view(&again)));
        fed += copy.len() as u64;
        if let Err(e) = feed(&copy, fed) {
            let _ = reader.cancel(); // an abort stops the browser's reading too
            return Err(e);
        }
    }
    Ok(fed)
}
