//! The signing functions of the JavaScript API: thin wrappers that parse options, call the core
//! and shape the result. The PUT and POST signers take S3's checksum from a `digests` option
//! named by `checksumAlgorithm` (checksum_option.rs).

use super::checksum_option::with_digest;
use super::js_error::to_js;
use super::js_options::{now, pairs_to_js, pairs_to_object, parse, set};
use crate::core::options::{GetOptions, PostFormOptions, PutOptions, SignPolicyOptions};
use crate::core::{post_form, presign, presign_get, put_headers, sign_policy};
use wasm_bindgen::prelude::*;

/// Builds and signs a POST Object form: `{ url, fields: [[name, value], ...] }`; append the
/// file after the last field.
#[wasm_bindgen(js_name = signPostForm, unchecked_return_type = "PostForm")]
pub fn sign_post_form(
    #[wasm_bindgen(unchecked_param_type = "SignPostFormOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let run = || {
        let options = with_digest(&options)?;
        let mut o: PostFormOptions = parse(&options, PostFormOptions::read)?;
        o.now = Some(now(&options)?);
        post_form::sign_post_form(&o)
    };
    let form = run().map_err(|e| to_js(&e))?;
    let out = js_sys::Object::new();
    set(&out, "url", JsValue::from_str(&form.url));
    set(&out, "fields", pairs_to_js(&form.fields).into());
    Ok(out.into())
}

/// A presigned PUT URL. The upload must send exactly `options.headers`.
#[wasm_bindgen(js_name = presignPut)]
pub fn presign_put(
    #[wasm_bindgen(unchecked_param_type = "PutOptions")] options: JsValue,
) -> Result<String, JsValue> {
    let run = || {
        let options = with_digest(&options)?;
        let mut o: PutOptions = parse(&options, PutOptions::read)?;
        o.now = Some(now(&options)?);
        presign::presign_put(&o)
    };
    run().map_err(|e| to_js(&e))
}

/// A presigned GET URL: a download link, optionally of one `versionId`, with `response*`
/// overrides of the headers the bucket answers with (and on OSS a `trafficLimit`).
#[wasm_bindgen(js_name = presignGet)]
pub fn presign_get(
    #[wasm_bindgen(unchecked_param_type = "GetOptions")] options: JsValue,
) -> Result<String, JsValue> {
    let run = || {
        let mut o: GetOptions = parse(&options, GetOptions::read)?;
        o.now = Some(now(&options)?);
        presign_get::presign_get(&o)
    };
    run().map_err(|e| to_js(&e))
}

/// A presigned PUT as `{ url, headers }`: the URL and every header the upload must send (the
/// caller's and those the typed options add, such as an SSE-C key's MD5 or encoded tagging) —
/// pass it straight to `putObject`.
#[wasm_bindgen(js_name = presignPutRequest, unchecked_return_type = "{ url: string, headers: Record<string, string> }")]
pub fn presign_put_request(
    #[wasm_bindgen(unchecked_param_type = "PutOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let run = || {
        let options = with_digest(&options)?;
        let mut o: PutOptions = parse(&options, PutOptions::read)?;
        o.now = Some(now(&options)?);
        let url = presign::presign_put(&o)?;
        Ok((url, crate::core::object_options::put_headers(&o)?))
    };
    let (url, headers) = run().map_err(|e: crate::core::error::Error| to_js(&e))?;
    let out = js_sys::Object::new();
    set(&out, "url", JsValue::from_str(&url));
    set(&out, "headers", pairs_to_object(&headers).into());
    Ok(out.into())
}

/// A PUT signed with an `Authorization` header: `{ method, url, headers }` to send as they are.
#[wasm_bindgen(js_name = signPutHeaders, unchecked_return_type = "SignedRequest")]
pub fn sign_put_headers(
    #[wasm_bindgen(unchecked_param_type = "PutOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let run = || {
        let options = with_digest(&options)?;
        let mut o: PutOptions = parse(&options, PutOptions::read)?;
        o.now = Some(now(&options)?);
        put_headers::sign_put_headers(&o)
    };
    let r = run().map_err(|e| to_js(&e))?;
    let out = js_sys::Object::new();
    set(&out, "method", JsValue::from_str(&r.method));
    set(&out, "url", JsValue::from_str(&r.url));
    set(&out, "headers", pairs_to_object(&r.headers).into());
    set(&out, "stringToSign", JsValue::from_str(&r.string_to_sign));
    if let Some(creq) = &r.canonical_request {
        set(&out, "canonicalRequest", JsValue::from_str(creq));
    }
    Ok(out.into())
}

/// Signs a base64 policy the caller already has: `{ fields: [[name, value], ...] }`, ending
/// with `policy` and the signature field.
#[wasm_bindgen(js_name = signPolicy, unchecked_return_type = "{ fields: [string, string][] }")]
pub fn sign_policy(
    #[wasm_bindgen(unchecked_param_type = "string")] policy_base64: JsValue,
    #[wasm_bindgen(unchecked_param_type = "SignPolicyOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let run = || {
        let policy = super::js_options::string_arg(&policy_base64, "policy")?;
        let mut o: SignPolicyOptions = parse(&options, SignPolicyOptions::read)?;
        o.now = Some(now(&options)?);
        sign_policy::sign_policy(&policy, &o)
    };
    let fields = run().map_err(|e| to_js(&e))?;
    let out = js_sys::Object::new();
    set(&out, "fields", pairs_to_js(&fields).into());
    Ok(out.into())
}
