//! `signMultipart`: one multipart request (create, uploadPart, complete, listParts, abort)
//! signed in the page or by a backend running the same core.

use super::js_error::to_js;
use super::js_options::{now, pairs_to_object, parse, set};
use crate::core::multipart::{sign_multipart as sign, MultipartOptions, SignedMultipart};
use wasm_bindgen::prelude::*;

/// `{ method, url, headers, body?, stringToSign, canonicalRequest? }` as a JS object.
pub fn signed_to_js(r: &SignedMultipart) -> JsValue {
    let out = js_sys::Object::new();
    set(&out, "method", JsValue::from_str(&r.method));
    set(&out, "url", JsValue::from_str(&r.url));
    set(&out, "headers", pairs_to_object(&r.headers).into());
    if let Some(body) = &r.body {
        set(&out, "body", JsValue::from_str(body));
    }
    set(&out, "stringToSign", JsValue::from_str(&r.string_to_sign));
    if let Some(creq) = &r.canonical_request {
        set(&out, "canonicalRequest", JsValue::from_str(creq));
    }
    out.into()
}

/// Signs one multipart operation: `{ method, url, headers, body? }` to send as they are (`body`
/// is the Complete XML exactly as signed).
#[wasm_bindgen(js_name = signMultipart, unchecked_return_type = "SignedMultipartRequest")]
pub fn sign_multipart(
    #[wasm_bindgen(unchecked_param_type = "SignMultipartOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let run = || {
        let mut o: MultipartOptions = parse(&options, MultipartOptions::read)?;
        o.now = Some(now(&options)?);
        sign(&o)
    };
    run().map(|r| signed_to_js(&r)).map_err(|e| to_js(&e))
}
