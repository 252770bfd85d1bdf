//! What the multipart driver shares with its running requests and the page's
//! `MultipartUpload` handle: the queue of `Event`s they post to it (`push`), the progress
//! counters, the parts in flight with their cancellers, and the wait that sleeps the driver
//! until an event or its next timer.

use super::upload_tasks::PartSent;
use crate::core::error::Error;
use crate::core::multipart::read::Completed;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// What a finished request (or the page) tells the driver.
pub enum Event {
    Created(Result<String, Error>),
    Part(u32, Result<PartSent, Error>),
    Completed(Result<Completed, Error>),
    Aborted(Result<(), Error>),
    Pause,
    Resume,
    Abort,
}

/// State shared by the driver, the running requests and the page's handle.
#[derive(Default)]
pub struct Shared {
    pub events: VecDeque<Event>,
    pub wake: Option<js_sys::Function>,
    /// Parts in flight: number, canceller, bytes sent so far.
    pub in_flight: Vec<(u32, web_sys::AbortController, u64)>,
    /// Bytes of the parts the server stored.
    pub done_bytes: u64,
    pub parts_done: u32,
    /// The largest `loaded` reported: progress never goes backwards.
    pub reported: u64,
    pub upload_id: Option<String>,
    pub finished: bool,
}

pub type SharedRef = Rc<RefCell<Shared>>;

pub fn push(shared: &SharedRef, e: Event) {
    let wake = {
        let mut s = shared.borrow_mut();
        s.events.push_back(e);
        s.wake.take()
    };
    if let Some(w) = wake {
        let _ = w.call0(&JsValue::NULL);
    }
}

/// Resolves when an event arrives or after `timeout_ms`.
pub async fn wait(shared: &SharedRef, timeout_ms: Option<u64>) {
    if !shared.borrow().events.is_empty() {
        return;
    }
    let mut slot = None;
    let p = js_sys::Promise::new(&mut |resolve, _| slot = Some(resolve));
    let resolve = slot.expect("Promise executors run synchronously");
    if let Some(ms) = timeout_ms {
        let global = js_sys::global();
        if let Ok(f) = js_sys::Reflect::get(&global, &JsValue::from_str("setTimeout")) {
            let f: js_sys::Function = f.unchecked_into();
            let _ = f.call2(
                &global,
                &resolve,
                &JsValue::from(ms.min(i32::MAX as u64) as f64),
            );
        }
    }
    shared.borrow_mut().wake = Some(resolve);
    let _ = JsFuture::from(p).await;
}
