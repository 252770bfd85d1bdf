//! `postObject` and `putObject`: send a File with a signed form or URL, then check what the
//! server says it stored. Nothing is reported as uploaded unless the server answered 2xx and,
//! when the MD5 is known, its ETag equals it.

use super::api_digests::ReadOptions;
use super::blob_reader::blob_size;
use super::js_error::to_js;
use super::js_options::{get, opt_str, pairs_from_js, set};
use super::xhr::{self, Body, Response};
use crate::core::error::{Error, ErrorKind};
use crate::core::server_response::{etag_hex, post_response, server_error};
use crate::core::{encode, json, validate};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The MD5 the caller computed, as hex: from `{ hex }`, `{ base64 }` or a base64 string.
fn expected_md5(options: &JsValue) -> Option<String> {
    let v = get(options, "contentMd5");
    let hex = get(&v, "hex").as_string();
    let b64 = get(&v, "base64").as_string().or_else(|| v.as_string());
    hex.or_else(|| {
        b64.and_then(|b| encode::base64_decode(&b))
            .filter(|d| d.len() == 16)
            .map(|d| encode::hex(&d))
    })
    .map(|h| h.to_ascii_lowercase())
}

/// Turns a response into the result object, or the server's error.
fn finish(
    r: Response,
    md5_hex: Option<String>,
    body_meta: crate::core::server_response::PostResponse,
) -> Result<JsValue, Error> {
    let request_id = r.header("x-amz-request-id");
    if !(200..300).contains(&r.status) {
        return Err(server_error(r.status, &r.body, request_id));
    }
    let etag = r.header("ETag").or(body_meta.etag);
    if let (Some(want), Some(etag)) = (&md5_hex, &etag) {
        if etag_hex(etag) != *want {
            let mut e = Error::new(
                ErrorKind::Integrity,
                "ChecksumMismatch",
                format!("the server stored ETag {etag}, but the file's MD5 is {want}"),
            );
            e.status = Some(r.status);
            e.request_id = request_id;
            return Err(e);
        }
    }
    let out = js_sys::Object::new();
    set(&out, "status", JsValue::from(r.status));
    set(&out, "etag", opt_str(etag.as_deref()));
    set(
        &out,
        "md5Verified",
        JsValue::from(md5_hex.is_some() && etag.is_some()),
    );
    set(
        &out,
        "location",
        opt_str(r.header("Location").or(body_meta.location).as_deref()),
    );
    set(&out, "bucket", opt_str(body_meta.bucket.as_deref()));
    set(&out, "key", opt_str(body_meta.key.as_deref()));
    set(
        &out,
        "versionId",
        opt_str(r.header("x-amz-version-id").as_deref()),
    );
    set(&out, "requestId", opt_str(request_id.as_deref()));
    Ok(out.into())
}

/// Uploads `file` with a signed POST form `{ url, fields }`: fields in order, the file last.
/// `${filename}` in the key is replaced by the file's name, as S3 would.
#[wasm_bindgen(js_name = postObject, unchecked_return_type = "UploadResult")]
pub async fn post_object(
    file: web_sys::Blob,
    #[wasm_bindgen(unchecked_param_type = "PostForm")] form: JsValue,
    #[wasm_bindgen(unchecked_param_type = "UploadOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let run = async {
        let url = get(&form, "url")
            .as_string()
            .ok_or_else(|| Error::invalid("InvalidOptions", "url", "the form has no url"))?;
        let fields = pairs_from_js(&get(&form, "fields"), "fields")?;
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
        let r = xhr::send(
            "POST",
            &url,
            &[],
            Body::Form(&data),
            read.on_progress.as_ref(),
            read.signal.as_ref(),
        )
        .await?;
        let mut meta = post_response(&r.body);
        meta.key = meta.key.or(key);
        finish(r, expected_md5(&options), meta)
    };
    run.await.map_err(|e| to_js(&e))
}

/// Uploads `file` with PUT to `{ url, headers }` (a presigned URL, or a request from
/// `signPutHeaders`). `contentMd5` (`{ base64, hex }`) is sent as Content-MD5 unless the headers
/// already carry it, and the ETag is checked against it.
#[wasm_bindgen(js_name = putObject, unchecked_return_type = "UploadResult")]
pub async fn put_object(
    file: web_sys::Blob,
    #[wasm_bindgen(unchecked_param_type = "{ url: string, headers?: Record<string, string> }")]
    request: JsValue,
    #[wasm_bindgen(unchecked_param_type = "PutUploadOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let run = async {
        let url = get(&request, "url")
            .as_string()
            .ok_or_else(|| Error::invalid("InvalidOptions", "url", "the request has no url"))?;
        let mut headers = pairs_from_js(&get(&request, "headers"), "headers")?;
        let read = ReadOptions::from_js(&options)?;
        validate::object_size("file", blob_size(&file)?)?;
        let md5 = expected_md5(&options);
        let has_md5 = headers
            .iter()
            .any(|(n, _)| n.eq_ignore_ascii_case("content-md5"));
        if let (false, Some(hex)) = (has_md5, &md5) {
            let bytes: Vec<u8> = (0..16)
                .filter_map(|i| u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok())
                .collect();
            if bytes.len() == 16 {
                headers.push(("Content-MD5".into(), encode::base64(&bytes)));
            }
        }
        let r = xhr::send(
            "PUT",
            &url,
            &headers,
            Body::Blob(&file),
            read.on_progress.as_ref(),
            read.signal.as_ref(),
        )
        .await?;
        finish(r, md5, Default::default())
    };
    run.await.map_err(|e| to_js(&e))
}
