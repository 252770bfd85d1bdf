//! Sending a request with XMLHttpRequest. Why not fetch: fetch cannot report upload progress
//! (request streams need HTTP/2 in Chromium and do not exist in Firefox), and a progress bar on
//! a multi-gigabyte upload is not optional. XHR also aborts cleanly.

use super::js_error::aborted;
use super::stall::Watchdog;
use crate::core::error::{Error, ErrorKind};
use crate::core::response::HttpResponse;
use js_sys::Promise;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, XmlHttpRequest};

/// What came back: status, body text and the response headers the page may see.
pub struct Response {
    pub status: u16,
    pub body: String,
    xhr: XmlHttpRequest,
}

impl Response {
    /// Status, every header the page may see and the body, for the core's response reader.
    /// Cross-origin, a header is there only if the bucket's CORS rule exposes it
    /// (`ETag`, `x-oss-hash-crc64ecma`, `x-*-request-id`, `x-*-version-id`, `x-oss-ec`).
    pub fn to_http(&self) -> HttpResponse {
        let block = self.xhr.get_all_response_headers().unwrap_or_default();
        HttpResponse::from_header_block(self.status, &block, self.body.clone())
    }
}

/// The body of a request.
#[derive(Clone, Copy)]
pub enum Body<'a> {
    Form(&'a web_sys::FormData),
    Blob(&'a web_sys::Blob),
    /// A small text body (the Complete XML).
    Text(&'a str),
    Empty,
}

/// Sends `body` and resolves when the response is complete. `on_progress(loaded, total)` is
/// called as the body goes out; `signal` aborts it (rejecting with code `Aborted`); with
/// `stall_ms`, the request is cancelled with the retryable `RequestStalled` when no progress
/// (upload or download) is seen for that long.
pub async fn send_watched(
    method: &str,
    url: &str,
    headers: &[(String, String)],
    body: Body<'_>,
    on_progress: Option<&js_sys::Function>,
    signal: Option<&AbortSignal>,
    stall_ms: Option<u32>,
) -> Result<Response, Error> {
    if signal.is_some_and(|s| s.aborted()) {
        return Err(aborted());
    }
    let setup = |e: JsValue| {
        Error::new(
            ErrorKind::Network,
            "NetworkError",
            format!("could not start the request: {e:?}"),
        )
    };
    let xhr = XmlHttpRequest::new().map_err(setup)?;
    xhr.open_with_async(method, url, true).map_err(setup)?;
    for (name, value) in headers {
        xhr.set_request_header(name, value).map_err(setup)?;
    }
    // Settled by exactly one of load/error/abort/timeout; `outcome` says which.
    let outcome: Rc<RefCell<&'static str>> = Rc::new(RefCell::new("error"));
    let mut resolve_slot: Option<js_sys::Function> = None;
    let done = Promise::new(&mut |resolve, _reject| resolve_slot = Some(resolve));
    let resolve = resolve_slot.expect("Promise executors run synchronously");
    let settle = |what: &'static str| {
        let outcome = outcome.clone();
        let resolve = resolve.clone();
        Closure::<dyn FnMut()>::new(move || {
            *outcome.borrow_mut() = what;
            let _ = resolve.call0(&JsValue::NULL);
        })
    };
    let on_load = settle("load");
    let on_error = settle("error");
    let on_abort = settle("abort");
    xhr.set_onload(Some(on_load.as_ref().unchecked_ref()));
    xhr.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    xhr.set_onabort(Some(on_abort.as_ref().unchecked_ref()));
    xhr.set_ontimeout(Some(on_error.as_ref().unchecked_ref()));
    let watchdog = stall_ms.map(|ms| Watchdog::start(&xhr, ms));
    let progress = (on_progress.is_some() || watchdog.is_some()).then(|| {
        let (f, w) = (on_progress.cloned(), watchdog.clone());
        Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |e: web_sys::ProgressEvent| {
            if let Some(w) = &w {
                w.kick();
            }
            if let Some(f) = &f {
                let _ = f.call2(
                    &JsValue::NULL,
                    &JsValue::from(e.loaded()),
                    &JsValue::from(e.total()),
                );
            }
        })
    });
    if let (Some(p), Ok(upload)) = (&progress, xhr.upload()) {
        upload.set_onprogress(Some(p.as_ref().unchecked_ref()));
    }
    // The answer arriving counts as progress too (a slow server still sending its body).
    let download = watchdog
        .clone()
        .map(|w| Closure::<dyn FnMut()>::new(move || w.kick()));
    if let Some(d) = &download {
        xhr.set_onprogress(Some(d.as_ref().unchecked_ref()));
        xhr.set_onreadystatechange(Some(d.as_ref().unchecked_ref()));
    }
    let abort_listener = signal.map(|s| {
        let xhr = xhr.clone();
        let c = Closure::<dyn FnMut()>::new(move || xhr.abort().unwrap_or(()));
        let _ = s.add_event_listener_with_callback("abort", c.as_ref().unchecked_ref());
        (s.clone(), c)
    });
    let sent = match body {
        Body::Form(form) => xhr.send_with_opt_form_data(Some(form)),
        Body::Blob(blob) => xhr.send_with_opt_blob(Some(blob)),
        Body::Text(text) => xhr.send_with_opt_str(Some(text)),
        Body::Empty => xhr.send(),
    };
    if let Err(e) = sent {
        return Err(setup(e));
    }
    let _ = JsFuture::from(done).await;
    let stalled = watchdog.as_ref().is_some_and(|w| {
        w.stop();
        w.fired()
    });
    if let Some((s, c)) = &abort_listener {
        let _ = s.remove_event_listener_with_callback("abort", c.as_ref().unchecked_ref());
    }
    if stalled {
        return Err(Error::new(
            ErrorKind::Network,
            "RequestStalled",
            format!(
                "no progress for {} ms: the request was cancelled",
                stall_ms.unwrap_or(0)
            ),
        ));
    }
    let what = *outcome.borrow();
    match what {
        "load" => Ok(Response {
            status: xhr.status().unwrap_or(0),
            body: xhr.response_text().ok().flatten().unwrap_or_default(),
            xhr,
        }),
        "abort" => Err(aborted()),
        _ => Err(Error::new(
            ErrorKind::Network,
            "NetworkError",
            "the request did not complete: the connection failed or was closed, or CORS blocked it \
             (a server that refuses an upload may close the connection before reading the body)",
        )),
    }
}
