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
use super::expected_digests::{digests_pending, expected, md5_hex, settle_digests};
use super::js_error::to_js;
use super::js_options::{blob_arg, get, opt_str, pairs_from_js, set};
use super::retry_option::retry_policy;
use super::single_retry;
use super::xhr::Body;
use crate::core::error::Error;
use crate::core::options::Dialect;
use crate::core::response::{
    infer_from_form, infer_from_request, parse_dialect, upload_outcome, UploadOutcome,
};
use crate::core::{encode, json, validate};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

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
