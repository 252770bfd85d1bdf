//! The per-method signing of `/sign`: a POST form (`post`), a presigned PUT and the headers it
//! must send (`put`), a PUT signed with an `Authorization` header (`header`), and a presigned GET
//! to read an upload back (`get`), each for the [`Target`] already chosen.

use super::request::SignRequest;
use super::target::Target;
use super::{invalid, refused, MAX_BYTES};
use bucket_upload::core::object_options::put_headers;
use bucket_upload::{
    presign, sign_post_form, sign_put_headers, Condition, Fields, ObjectOptions, PostFormOptions,
    PutOptions, SuccessActionStatus,
};
use serde_json::{json, Map, Value};

/// Signs `req` for its `method`; an unknown method is a 400 naming the field `method`.
pub(super) fn sign_by_method(req: SignRequest, t: &Target) -> Result<Value, (u16, Value)> {
    match req.method.as_str() {
        "post" => sign_post(req, t),
        "put" => sign_put(req, t),
        "header" => sign_header(req, t),
        "get" => sign_get(req, t),
        other => {
            let message =
                format!("method must be \"post\", \"put\", \"header\" or \"get\", not {other:?}");
            Err(invalid(400, "InvalidRequest", message, Some("method")))
        }
    }
}

fn sign_post(req: SignRequest, t: &Target) -> Result<Value, (u16, Value)> {
    let SignRequest {
        dialect,
        version,
        key,
        mut object,
        ..
    } = req;
    // The page checks the ETag against its MD5; the form carries no Content-MD5.
    object.content_md5 = None;
    // postObject reads the key and ETag from S3's 201 XML; a caller's choice wins.
    if object.success_action_status.is_none() && object.success_action_redirect.is_none() {
        object.success_action_status = Some(SuccessActionStatus("201".into()));
    }
    let form = sign_post_form(&PostFormOptions {
        dialect,
        version,
        endpoint: t.endpoint.clone(),
        bucket: t.bucket.clone(),
        region: t.region.clone(),
        path_style: t.path_style,
        credentials: t.credentials.clone(),
        key,
        expires_in: t.expires_in,
        now: Some(t.now),
        conditions: vec![Condition::ContentLengthRange(0, MAX_BYTES)],
        fields: Fields::default(),
        object,
    })
    .map_err(refused)?;
    Ok(json!({ "method": "POST", "url": form.url, "fields": form.fields }))
}

fn sign_put(req: SignRequest, t: &Target) -> Result<Value, (u16, Value)> {
    let o = put_options(req, t);
    let url = presign("PUT", &o).map_err(refused)?.url;
    let headers = put_headers(&o).map_err(refused)?;
    Ok(json!({ "method": "PUT", "url": url, "headers": to_object(headers) }))
}

fn sign_header(req: SignRequest, t: &Target) -> Result<Value, (u16, Value)> {
    let r = sign_put_headers(&put_options(req, t)).map_err(refused)?;
    Ok(json!({ "method": r.method, "url": r.url, "headers": to_object(r.headers) }))
}

fn sign_get(req: SignRequest, t: &Target) -> Result<Value, (u16, Value)> {
    // Reading back needs none of the upload's options.
    let read = SignRequest {
        object: ObjectOptions::default(),
        ..req
    };
    let url = presign("GET", &put_options(read, t)).map_err(refused)?.url;
    Ok(json!({ "method": "GET", "url": url }))
}

/// The core's options for a single-request PUT or GET of `req.key` with `req.object`.
fn put_options(req: SignRequest, t: &Target) -> PutOptions {
    PutOptions {
        dialect: req.dialect,
        version: req.version,
        endpoint: t.endpoint.clone(),
        bucket: t.bucket.clone(),
        region: t.region.clone(),
        path_style: t.path_style,
        credentials: t.credentials.clone(),
        key: req.key,
        expires_in: t.expires_in,
        now: Some(t.now),
        headers: Fields::default(),
        content_length: None,
        signed_headers: Default::default(),
        object: req.object,
    }
}

fn to_object(pairs: Vec<(String, String)>) -> Map<String, Value> {
    pairs
        .into_iter()
        .map(|(k, v)| (k, Value::String(v)))
        .collect()
}
