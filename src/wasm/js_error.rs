//! Core errors as JavaScript `Error`s named `BucketUploadError`, with `code`, `kind`, `field`,
//! `status`, `requestId` and (OSS) `ec` properties a caller can switch on.

use crate::core::error::{Error, ErrorKind};
use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};

fn kind_name(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::Validation => "validation",
        ErrorKind::Server => "server",
        ErrorKind::Network => "network",
        ErrorKind::Aborted => "aborted",
        ErrorKind::Integrity => "integrity",
        ErrorKind::Read => "read",
    }
}

/// The JavaScript error for `e`.
pub fn to_js(e: &Error) -> JsValue {
    let err = js_sys::Error::new(&e.message);
    err.set_name("BucketUploadError");
    let set = |k: &str, v: JsValue| {
        let _ = Reflect::set(&err, &JsValue::from_str(k), &v);
    };
    set("code", JsValue::from_str(&e.code));
    set("kind", JsValue::from_str(kind_name(e.kind)));
    set(
        "field",
        e.field
            .as_deref()
            .map_or(JsValue::UNDEFINED, JsValue::from_str),
    );
    set("status", e.status.map_or(JsValue::UNDEFINED, JsValue::from));
    set(
        "requestId",
        e.request_id
            .as_deref()
            .map_or(JsValue::UNDEFINED, JsValue::from_str),
    );
    set(
        "ec",
        e.ec.as_deref()
            .map_or(JsValue::UNDEFINED, JsValue::from_str),
    );
    err.into()
}

/// The rejection of an aborted operation.
pub fn aborted() -> Error {
    Error::new(ErrorKind::Aborted, "Aborted", "the operation was aborted")
}

/// Turns a thrown JS value into a core error: a DOMException keeps its name as the code
/// (`NotReadableError` → code `NotReadable`, kind read), anything else is a network error.
pub fn from_js(value: &JsValue, context: &str) -> Error {
    if let Some(dom) = value.dyn_ref::<web_sys::DomException>() {
        let name = dom.name();
        return match name.as_str() {
            "AbortError" => aborted(),
            "NotReadableError" | "NotFoundError" | "SecurityError" => Error::new(
                ErrorKind::Read,
                name.trim_end_matches("Error"),
                format!("{context}: the file could not be read ({name}: {}); it may have changed on disk or access was lost", dom.message()),
            ),
            _ => Error::new(ErrorKind::Read, &name, format!("{context}: {}", dom.message())),
        };
    }
    let message = value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "unknown failure".into());
    Error::new(
        ErrorKind::Network,
        "NetworkError",
        format!("{context}: {message}"),
    )
}

/// Turns a rejection back into a core error: one of this module's own errors (a rejected
/// `contentMd5()` promise, say) keeps its code and kind; anything else goes through [`from_js`].
pub fn from_thrown(value: &JsValue, context: &str) -> Error {
    let get = |k: &str| {
        Reflect::get(value, &JsValue::from_str(k))
            .ok()
            .and_then(|v| v.as_string())
    };
    let (Some(code), Some(kind)) = (get("code"), get("kind")) else {
        return without_kind(value, context, get("code"));
    };
    let kind = match kind.as_str() {
        "validation" => ErrorKind::Validation,
        "server" => ErrorKind::Server,
        "aborted" => ErrorKind::Aborted,
        "integrity" => ErrorKind::Integrity,
        "read" => ErrorKind::Read,
        _ => ErrorKind::Network,
    };
    let mut e = Error::new(kind, &code, get("message").unwrap_or_default());
    e.field = get("field");
    e
}

/// A thrown value without this module's `{ code, kind }`: a failed `fetch` (TypeError) or a
/// DOMException is what it says; an error carrying an HTTP `status` (or a `code`) is the
/// backend's answer — retried only when transient (429, 5xx, a throttling code), so a 403 from
/// the signer fails at once instead of five times; any other throw is a bug in the callback,
/// not a network failure, and is not retried either.
fn without_kind(value: &JsValue, context: &str, code: Option<String>) -> Error {
    let status = Reflect::get(value, &JsValue::from_str("status"))
        .ok()
        .and_then(|v| v.as_f64())
        .filter(|s| (100.0..600.0).contains(s) && s.fract() == 0.0);
    let plain = value.dyn_ref::<js_sys::TypeError>().is_some()
        || value.dyn_ref::<web_sys::DomException>().is_some();
    if plain && code.is_none() && status.is_none() {
        return from_js(value, context);
    }
    let message = value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "unknown failure".into());
    let mut e = Error::new(
        ErrorKind::Server,
        code.as_deref().unwrap_or("CallbackFailed"),
        [context, ": ", &message].concat(),
    );
    e.status = status.map(|s| s as u16);
    e
}
