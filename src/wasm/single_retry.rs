//! Retrying a single PUT or POST upload, where it can be retried: a presigned or signed PUT can
//! be sent again as it is until it expires; a POST form while its policy has not expired. The
//! failures retried, the backoff and the offline wait are those of the multipart uploads
//! (`core::multipart::retry`, `exchange.rs`); progress never goes backwards across attempts.

use super::exchange::{online, wait_online};
use super::xhr::{self, Body, Response};
use crate::core::error::{Error, ErrorKind};
use crate::core::multipart::retry::{is_retryable, RetryPolicy};
use crate::core::options::Dialect;
use crate::core::response::server_error_for;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::AbortSignal;

/// A stalled single upload is cancelled after this long without progress, then retried.
const STALL_MS: u32 = 30_000;

/// Sends until the answer is worth reporting; a refusal comes back as the `Response` for the
/// caller's reader, a failure as the error. `still_valid` is asked before every retry.
#[allow(clippy::too_many_arguments)]
pub async fn send(
    policy: RetryPolicy,
    dialect: Dialect,
    method: &str,
    url: &str,
    headers: &[(String, String)],
    body: Body<'_>,
    on_progress: Option<&js_sys::Function>,
    signal: Option<&AbortSignal>,
    still_valid: impl Fn() -> Result<(), Error>,
) -> Result<Response, Error> {
    let most = Rc::new(Cell::new(0.0f64));
    let progress = on_progress.map(|f| {
        let (f, most) = (f.clone(), most.clone());
        Closure::<dyn FnMut(f64, f64)>::new(move |loaded: f64, total: f64| {
            most.set(most.get().max(loaded));
            let _ = f.call2(
                &JsValue::NULL,
                &JsValue::from(most.get()),
                &JsValue::from(total),
            );
        })
    });
    let progress_fn: Option<&js_sys::Function> =
        progress.as_ref().map(|c| c.as_ref().unchecked_ref());
    let mut failures = 0;
    loop {
        wait_online(signal).await?;
        // The first attempt always goes: the server, not a possibly skewed page clock, judges it.
        if failures > 0 {
            still_valid()?;
        }
        let sent = xhr::send_watched(
            method,
            url,
            headers,
            body,
            progress_fn,
            signal,
            Some(STALL_MS),
        )
        .await;
        match sent {
            Ok(r) => {
                let http = r.to_http();
                if (200..300).contains(&http.status) {
                    return Ok(r);
                }
                let e = server_error_for(dialect, &http);
                if !is_retryable(&e) || failures + 1 >= policy.attempts {
                    return Ok(r);
                }
            }
            Err(e) if e.kind == ErrorKind::Network && !online() => continue,
            Err(e) if is_retryable(&e) && failures + 1 < policy.attempts => {}
            Err(e) => return Err(e),
        }
        failures += 1;
        let ms = policy.delay_ms(failures, js_sys::Math::random());
        gloo_timers::future::TimeoutFuture::new(ms.min(u32::MAX as u64) as u32).await;
    }
}
