//! `postObject` and `putObject`: send a File with a signed form or URL, then check what the
//! server says it stored. Nothing is reported as uploaded unless the server answered 2xx and,
//! where both sides are known, its ETag equals the MD5 and its `x-oss-hash-crc64ecma` equals
//! the CRC-64 the caller computed (`digests(file, { algorithms: ['md5', 'crc64ecma'] })`).
//!
//! The dialect decides how the answer is read (request id and version id headers, error body
//! details); it comes from the `dialect` option, else the form's or request's own `dialect`
//! property, else what was signed says (see `core::response::dialect`), else `s3`.

use super::api_digests::ReadOptions;
use super::blob_reader::blob_size;
use super::js_error::to_js;
use super::js_options::{blob_arg, get, opt_str, pairs_from_js, set};
use super::single_retry;
use super::upload_file::retry_policy;
use super::xhr::Body;
use crate::core::error::Error;
use crate::core::options::Dialect;
use crate::core::response::{
    infer_from_form, infer_from_request, parse_crc64, parse_dialect, upload_outcome, Expected,
    UploadOutcome,
};
use crate::core::{encode, json, validate};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// An MD5 as lower-case hex from `{ hex }`, `{ base64 }`, or a base64 or hex string;
/// `Ok(None)` when absent, an error naming `field` when given but not an MD5.
fn md5_hex(v: &JsValue, field: &str) -> Result<Option<String>, Error> {
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    let is_hex = |s: &str| s.len() == 32 && s.bytes().all(|b| b.is_ascii_hexdigit());
    let from_b64 = |b: &str| {
        encode::base64_decode(b.trim())
            .filter(|d| d.len() == 16)
            .map(|d| encode::hex(&d))
    };
    let hex = get(v, "hex").as_string().filter(|h| is_hex(h));
    let found = match (hex, get(v, "base64").as_string(), v.as_string()) {
        (Some(h), _, _) => Some(h),
        (None, Some(b), _) => from_b64(&b),
        (None, None, Some(s)) if is_hex(s.trim()) => Some(s.trim().to_string()),
        (None, None, Some(s)) => from_b64(&s),
        _ => None,
    };
    found.map(|h| Some(h.to_ascii_lowercase())).ok_or_else(|| {
        Error::invalid(
            "InvalidOptions",
            field,
            format!("{field} must be an MD5: {{ base64, hex }} as contentMd5()/digests() give it, or a base64 or hex string"),
        )
    })
}

/// A CRC-64 from a decimal string (what `digests()` gives), a BigInt or a safe integer.
fn crc64(v: &JsValue, field: &str) -> Result<Option<u64>, Error> {
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    let bad = || {
        Error::invalid(
            "InvalidOptions",
            field,
            format!("{field} must be the unsigned decimal CRC-64 digests() gives (a string), a BigInt or a safe integer"),
        )
    };
    let text = if let Some(s) = v.as_string() {
        s
    } else if let Some(b) = v.dyn_ref::<js_sys::BigInt>() {
        b.to_string(10).map_err(|_| bad())?.into()
    } else if let Some(n) = v.as_f64() {
        if n.fract() != 0.0 || !(0.0..=9_007_199_254_740_991.0).contains(&n) {
            return Err(bad());
        }
        (n as u64).to_string()
    } else {
        return Err(bad());
    };
    parse_crc64(&text).map(Some).ok_or_else(bad)
}

/// One value from two places that must agree when both are given.
fn agree<T: PartialEq>(a: Option<T>, b: Option<T>, field: &str) -> Result<Option<T>, Error> {
    match (a, b) {
        (Some(a), Some(b)) if a != b => Err(Error::invalid(
            "InvalidOptions",
            field,
            format!("{field} differs from the digest given in the digests option"),
        )),
        (a, b) => Ok(a.or(b)),
    }
}

/// The digests to check the answer against: `contentMd5` / `crc64ecma`, or the `digests`
/// object (`{ md5, crc64ecma }`, as `digests()` resolves).
fn expected(options: &JsValue) -> Result<Expected, Error> {
    let d = get(options, "digests");
    Ok(Expected {
        md5_hex: agree(
            md5_hex(&get(options, "contentMd5"), "contentMd5")?,
            md5_hex(&get(&d, "md5"), "digests.md5")?,
            "contentMd5",
        )?,
        crc64ecma: agree(
            crc64(&get(options, "crc64ecma"), "crc64ecma")?,
            crc64(&get(&d, "crc64ecma"), "digests.crc64ecma")?,
            "crc64ecma",
        )?,
    })
}

/// `options` with a `contentMd5` / `digests` that is still a Promise (`contentMd5(file)` hashing
/// in a worker while the form uploads) replaced by its value. Awaited after a POST is sent, so
/// hashing and sending overlap; a hash that fails leaves the upload unverified, which is an error.
async fn settle_digests(options: &JsValue) -> Result<JsValue, Error> {
    let pending: Vec<(&str, js_sys::Promise)> = ["contentMd5", "digests"]
        .into_iter()
        .filter_map(|k| {
            get(options, k)
                .dyn_into::<js_sys::Promise>()
                .ok()
                .map(|p| (k, p))
        })
        .collect();
    if pending.is_empty() {
        return Ok(options.clone());
    }
    let copy = js_sys::Object::assign(&js_sys::Object::new(), options.unchecked_ref());
    for (k, p) in pending {
        let value = wasm_bindgen_futures::JsFuture::from(p).await.map_err(|e| {
            let mut err = super::js_error::from_thrown(&e, "hashing the file");
            err.message = format!(
                "the upload was sent but could not be verified: {}",
                err.message
            );
            err
        })?;
        set(&copy, k, value);
    }
    Ok(copy.into())
}

/// Whether `contentMd5` / `digests` is still being computed.
fn digests_pending(options: &JsValue) -> bool {
    ["contentMd5", "digests"]
        .iter()
        .any(|k| get(options, k).is_instance_of::<js_sys::Promise>())
}

/// The dialect the answer is read in: the option, the target's own `dialect`, the inferred one,
/// else S3.
fn dialect(
    options: &JsValue,
    target: &JsValue,
    inferred: impl FnOnce() -> Result<Option<Dialect>, Error>,
) -> Result<Dialect, Error> {
    for v in [get(options, "dialect"), get(target, "dialect")] {
        if let Some(name) = v.as_string() {
            return parse_dialect(&name);
        }
        if !(v.is_undefined() || v.is_null()) {
            return Err(Error::invalid(
                "InvalidOptions",
                "dialect",
                "dialect must be one of s3, oss, obs, cms",
            ));
        }
    }
    Ok(inferred()?.unwrap_or_default())
}

/// The result object for a verified upload.
fn result_object(o: &UploadOutcome, d: Dialect) -> JsValue {
    let out = js_sys::Object::new();
    set(&out, "status", JsValue::from(o.status));
    set(&out, "etag", opt_str(o.etag.as_deref()));
    set(&out, "md5Verified", JsValue::from(o.md5_verified));
    let crc = o.crc64ecma.map(|c| c.to_string());
    set(&out, "crc64ecma", opt_str(crc.as_deref()));
    set(&out, "crc64Verified", JsValue::from(o.crc64_verified));
    set(&out, "location", opt_str(o.location.as_deref()));
    set(&out, "bucket", opt_str(o.bucket.as_deref()));
    set(&out, "key", opt_str(o.key.as_deref()));
    set(&out, "versionId", opt_str(o.version_id.as_deref()));
    set(&out, "requestId", opt_str(o.request_id.as_deref()));
    set(&out, "dialect", JsValue::from_str(d.name()));
    out.into()
}

/// Uploads `file` with a signed POST form `{ url, fields }`: fields in order, the file last.
/// `${filename}` in the key is replaced by the file's name, as S3 would.
#[wasm_bindgen(js_name = postObject, unchecked_return_type = "UploadResult")]
pub async fn post_object(
    #[wasm_bindgen(unchecked_param_type = "Blob")] file: JsValue,
    #[wasm_bindgen(unchecked_param_type = "PostForm")] form: JsValue,
    #[wasm_bindgen(unchecked_param_type = "UploadOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let run = async {
        let file = blob_arg(&file, "file")?;
        super::js_options::known(&options, &[crate::core::option_names::UPLOAD])?;
        let url = get(&form, "url")
            .as_string()
            .ok_or_else(|| Error::invalid("InvalidOptions", "url", "the form has no url"))?;
        let fields = pairs_from_js(&get(&form, "fields"), "fields")?;
        let dialect = dialect(&options, &form, || infer_from_form(&fields))?;
        let overlap = digests_pending(&options);
        if !overlap {
            expected(&options)?; // bad digests are refused before anything is sent
        }
        let read = ReadOptions::from_js(&options)?;
        let size = blob_size(&file)?;
        validate::object_size("file", size)?;
        let name = file.dyn_ref::<web_sys::File>().map(|f| f.name());
        if let Some((_, policy)) = fields.iter().find(|(n, _)| n == "policy") {
            let range = encode::base64_decode(policy)
                .and_then(|p| String::from_utf8(p).ok())
                .and_then(|p| json::content_length_range(&p));
            if let Some((min, max)) = range {
                validate::size_in_range(size, min, max)?;
            }
        }
        let data =
            web_sys::FormData::new().map_err(|e| super::js_error::from_js(&e, "FormData"))?;
        let mut key = None;
        for (n, v) in &fields {
            let v = if n == "key" {
                let k = v.replace("${filename}", name.as_deref().unwrap_or("blob"));
                key = Some(k.clone());
                k
            } else {
                v.clone()
            };
            data.append_with_str(n, &v)
                .map_err(|e| super::js_error::from_js(&e, "FormData"))?;
        }
        let filename = name.unwrap_or_else(|| {
            key.as_deref()
                .and_then(|k| k.rsplit('/').next())
                .unwrap_or("blob")
                .to_string()
        });
        data.append_with_blob_and_filename("file", &file, &filename)
            .map_err(|e| super::js_error::from_js(&e, "FormData"))?;
        // A form can be sent again while its policy is valid (the server would refuse it after).
        let expiration = fields
            .iter()
            .find(|(n, _)| n == "policy")
            .and_then(|(_, p)| encode::base64_decode(p))
            .and_then(|p| String::from_utf8(p).ok())
            .and_then(|p| json::policy_expiration(&p));
        let still_valid = || {
            match expiration {
            Some(t) if (t.unix_seconds() as f64) * 1000.0 <= super::clock::now_ms() => Err(Error::new(
                crate::core::error::ErrorKind::Validation,
                "PolicyExpired",
                "the form's policy expired before the upload could be sent again; sign a new form",
            )),
            _ => Ok(()),
        }
        };
        let r = single_retry::send(
            retry_policy(&get(&options, "retry"))?,
            dialect,
            "POST",
            &url,
            &[],
            Body::Form(&data),
            read.on_progress.as_ref(),
            read.signal.as_ref(),
            still_valid,
        )
        .await?;
        let expected = expected(&settle_digests(&options).await?)?;
        let mut outcome = upload_outcome(dialect, &r.to_http(), &expected)?;
        outcome.key = outcome.key.or(key);
        Ok(result_object(&outcome, dialect))
    };
    run.await.map_err(|e| to_js(&e))
}

/// Uploads `file` with PUT to `{ url, headers }` (a presigned URL, or a request from
/// `signPutHeaders`). `contentMd5` (`{ base64, hex }`) is sent as Content-MD5 unless the headers
/// already carry it; the `digests` option is only checked against the answer, never sent (a
/// header the signer did not see could break a V1/V2 signature).
#[wasm_bindgen(js_name = putObject, unchecked_return_type = "UploadResult")]
pub async fn put_object(
    #[wasm_bindgen(unchecked_param_type = "Blob")] file: JsValue,
    #[wasm_bindgen(
        unchecked_param_type = "{ url: string, headers?: Record<string, string>, dialect?: Dialect }"
    )]
    request: JsValue,
    #[wasm_bindgen(unchecked_param_type = "PutUploadOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let run = async {
        let file = blob_arg(&file, "file")?;
        super::js_options::known(&options, &[crate::core::option_names::UPLOAD])?;
        let url = get(&request, "url")
            .as_string()
            .ok_or_else(|| Error::invalid("InvalidOptions", "url", "the request has no url"))?;
        let mut headers = pairs_from_js(&get(&request, "headers"), "headers")?;
        let dialect = dialect(&options, &request, || infer_from_request(&url, &headers))?;
        // A PUT sends Content-MD5 up front, so a pending hash is awaited before sending.
        let options = settle_digests(&options).await?;
        let expected = expected(&options)?;
        let read = ReadOptions::from_js(&options)?;
        validate::object_size("file", blob_size(&file)?)?;
        let sent_md5 = md5_hex(&get(&options, "contentMd5"), "contentMd5")?;
        let has_md5 = headers
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case("content-md5"));
        if let (false, Some(hex)) = (has_md5, &sent_md5) {
            let bytes: Vec<u8> = (0..16)
                .filter_map(|i| u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok())
                .collect();
            headers.push(("Content-MD5".into(), encode::base64(&bytes)));
        }
        let r = single_retry::send(
            retry_policy(&get(&options, "retry"))?,
            dialect,
            "PUT",
            &url,
            &headers,
            Body::Blob(&file),
            read.on_progress.as_ref(),
            read.signal.as_ref(),
            || Ok(()),
        )
        .await?;
        let outcome = upload_outcome(dialect, &r.to_http(), &expected)?;
        Ok(result_object(&outcome, dialect))
    };
    run.await.map_err(|e| to_js(&e))
}
