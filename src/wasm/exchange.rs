//! One request of an upload, sent until it has an answer worth reporting: signed (again, when a
//! presigned URL expired on the way or the clock turned out to be off), held while the browser is
//! offline instead of burning attempts, and cancelled when it stalls. What is left — a refusal,
//! or a failure the state machine may retry — is returned.

use super::clock;
use super::upload_tasks::{Ctx, Signed};
use super::xhr::{self, Body};
use crate::core::error::{Error, ErrorKind};
use crate::core::response::{server_error_for, HttpResponse};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortSignal;

/// What a request sends, made from its signed form (Complete's body may come back from `sign`).
pub enum Payload {
    Empty,
    Blob(web_sys::Blob),
    Text(String),
}

/// `navigator.onLine`, in a page or a worker (true where unknown).
pub(crate) fn online() -> bool {
    let nav = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("navigator")).ok();
    nav.and_then(|n| js_sys::Reflect::get(&n, &JsValue::from_str("onLine")).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(true)
}

/// Resolves once the browser is online (at once if it is); rejects when `signal` aborts.
pub(crate) async fn wait_online(signal: Option<&AbortSignal>) -> Result<(), Error> {
    while !online() {
        let target: web_sys::EventTarget = js_sys::global().unchecked_into();
        let mut slot = None;
        let p = js_sys::Promise::new(&mut |resolve, _| slot = Some(resolve));
        let resolve = slot.expect("Promise executors run synchronously");
        let r2 = resolve.clone();
        let _online = gloo_events::EventListener::once(&target, "online", move |_| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let _aborted = signal.map(|s| {
            gloo_events::EventListener::once(s, "abort", move |_| {
                let _ = r2.call0(&JsValue::NULL);
            })
        });
        let _ = JsFuture::from(p).await;
        if signal.is_some_and(|s| s.aborted()) {
            return Err(super::upload_tasks::cancelled());
        }
    }
    Ok(())
}

/// A presigned URL (or date header) that aged past its expiry before it reached the server.
fn expired(e: &Error) -> bool {
    e.code == "AccessDenied" && e.message.to_ascii_lowercase().contains("expired")
}

/// Signs `request` and sends it until there is an answer to report (see the module comment).
pub async fn exchange(
    ctx: &Ctx,
    request: &js_sys::Object,
    method: &str,
    // `dyn`: one copy of this state machine for every request kind (a generic closure made
    // seven, ~3 KB of wasm each).
    payload: &dyn Fn(&Signed) -> Payload,
    progress: Option<&js_sys::Function>,
    signal: Option<&AbortSignal>,
) -> Result<HttpResponse, Error> {
    let (mut resigned, mut skew_fixed) = (false, false);
    loop {
        wait_online(signal).await?;
        if clock::offset_seconds() != 0 {
            // A backend signer sees the server's time too (the page's own clock is off).
            let server = clock::now_ms() / 1000.0;
            let iso = crate::core::time::UtcTime::from_unix_seconds(server as i64).iso8601();
            let _ = js_sys::Reflect::set(
                request,
                &JsValue::from_str("serverTime"),
                &JsValue::from_str(&iso),
            );
        }
        let s = ctx.sign(request, method).await?;
        let p = payload(&s);
        let body = match &p {
            Payload::Empty => Body::Empty,
            Payload::Blob(b) => Body::Blob(b),
            Payload::Text(t) => Body::Text(t),
        };
        let sent = xhr::send_watched(
            &s.method,
            &s.url,
            &s.headers,
            body,
            progress,
            signal,
            ctx.stall_ms,
        )
        .await;
        let http = match sent {
            Ok(r) => r.to_http(),
            // Dropped because the network went away: wait for it, this attempt does not count.
            Err(e) if e.kind == ErrorKind::Network && !online() => continue,
            Err(e) => return Err(e),
        };
        if (200..300).contains(&http.status) {
            return Ok(http);
        }
        let mut e = server_error_for(ctx.dialect, &http);
        if e.code == "RequestTimeTooSkewed" {
            if !skew_fixed && clock::learn(&http).is_some() {
                skew_fixed = true;
                continue;
            }
            e.message = match clock::server_time(&http) {
                Some(t) => format!(
                    "{} (this page's clock is {} s off the server's, and correcting it did not help)",
                    e.message,
                    (t.unix_seconds() as f64 - js_sys::Date::now() / 1000.0).round() as i64
                ),
                None => format!(
                    "{} (this page's clock is off; the server did not say its time: expose the Date header in the bucket's CORS rule so it can be corrected)",
                    e.message
                ),
            };
            return Err(e);
        }
        if expired(&e) && !resigned {
            resigned = true;
            continue;
        }
        return Err(e);
    }
}
