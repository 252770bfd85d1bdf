//! `MultipartUpload`, the JS handle `uploadFile` returns on a running upload: `done` settles
//! with the result, `uploadId` names it once created, and `pause`, `resume` and `abort` steer
//! it by posting events to the driver (`upload_driver.rs`).

use super::upload_shared::{push, Event, SharedRef};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// A running upload: `done` settles with the result; `pause`, `resume` and `abort` steer it.
#[wasm_bindgen]
pub struct MultipartUpload {
    shared: SharedRef,
    done: js_sys::Promise,
}

impl MultipartUpload {
    /// The handle on a driver already running on `shared`, whose result `done` settles with.
    pub(super) fn new(shared: SharedRef, done: js_sys::Promise) -> Self {
        MultipartUpload { shared, done }
    }
}

#[wasm_bindgen]
impl MultipartUpload {
    /// Resolves to `{ etag, key, bucket, location, versionId, requestId, uploadId, parts,
    /// verified }`, or rejects with a `BucketUploadError`.
    #[wasm_bindgen(getter, unchecked_return_type = "Promise<MultipartResult>")]
    pub fn done(&self) -> js_sys::Promise {
        self.done.clone()
    }

    /// The upload id, once Create answered (what a resume needs).
    #[wasm_bindgen(getter, js_name = uploadId)]
    pub fn upload_id(&self) -> Option<String> {
        self.shared.borrow().upload_id.clone()
    }

    /// Starts no new part; those in flight finish.
    pub fn pause(&self) {
        push(&self.shared, Event::Pause);
    }

    pub fn resume(&self) {
        push(&self.shared, Event::Resume);
    }

    /// Cancels every request in flight, sends Abort and checks no part is left; resolves when
    /// that is done (`done` then rejects with code `Aborted`).
    #[wasm_bindgen(unchecked_return_type = "Promise<void>")]
    pub fn abort(&self) -> js_sys::Promise {
        push(&self.shared, Event::Abort);
        let done = self.done.clone();
        let settled = wasm_bindgen_futures::future_to_promise(async move {
            let _ = JsFuture::from(done).await;
            Ok(JsValue::UNDEFINED)
        });
        settled
    }
}
