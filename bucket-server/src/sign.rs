//! `POST /sign` on the www port: the demo's backend signer. It signs with the `bucket_upload` core
//! natively — the same code the browser package runs — so the secret never leaves the server.
//!
//! Request: `{ method, dialect?, version?, key, scenario?, ...object options }` where
//! - `method` is `"post"` (a POST form), `"put"` (a presigned PUT), `"header"` (a PUT signed with
//!   an `Authorization` header; the CMS token PUT) or `"get"` (a presigned GET of `key`, to read
//!   an upload back);
//! - `dialect` is `s3` (default), `oss`, `obs` or `cms`, and `version` `v2` or `v4` (default);
//! - the object options are those of the core, flat and camelCase as in the JS API (`acl`,
//!   `storageClass`, `cacheControl`, `metadata`, `tagging`, `sseCustomerKey`, `callback`, …;
//!   see `bucket_upload::ObjectOptions`). `contentMd5` is used by PUTs only.
//!
//! Response: `{ method, url, fields }` (POST) or `{ method, url, headers }` (PUT: every header
//! the upload must send), plus `dialect`, `version` and `preview`. The local bucket speaks only
//! S3: unless a remote endpoint is configured, an `oss`, `obs` or `cms` request is signed for the
//! vendor's public endpoint with the demo credentials and answered with `preview: true`, to be
//! shown, not sent. Errors are `{ code, message, field }`; a validation error of the core names
//! the option at fault in `field`. `scenario` (`expired`, `wrong-secret`) exists only to
//! demonstrate the bucket refusing a bad upload.

use bucket_upload::core::object_options::put_headers;
use bucket_upload::{
    presign, sign_post_form, sign_put_headers, Condition, Credentials, Dialect, Error, Fields,
    ObjectOptions, PostFormOptions, PutOptions, SigVersion, SuccessActionStatus, UtcTime,
};
use serde::Deserialize;
use serde_json::{json, Map, Value};
use std::time::{SystemTime, UNIX_EPOCH};

/// What the signer needs to know about the bucket it signs for.
#[derive(Clone)]
pub struct SignContext {
    /// Base URL of the bucket, e.g. `http://127.0.0.1:9000` (no trailing slash).
    pub endpoint: String,
    pub bucket: String,
    pub region: String,
    pub path_style: bool,
    /// The endpoint is a real bucket (`--remote-endpoint`), not the local S3 one: every dialect
    /// is signed for it and sent.
    pub remote: bool,
    pub access_key: String,
    /// Never put in a response or a log line.
    pub secret_key: String,
    /// The session token of temporary credentials, if any (the CMS token for dialect `cms`).
    pub session_token: Option<String>,
}

/// A demo backend hands out forms for one folder only, for a few minutes, up to 5 GiB.
const KEY_FOLDER: &str = "uploads";
const EXPIRES_IN: i64 = 600;
const MAX_BYTES: u64 = 5 << 30;

/// Where an `oss`, `obs` or `cms` request would go when only the local (S3) bucket runs:
/// endpoint, region, path style. The CMS seed names no host; `cms.example.com` stands in.
fn preview_target(dialect: Dialect) -> (&'static str, &'static str, bool) {
    match dialect {
        Dialect::Oss => ("https://oss-cn-hangzhou.aliyuncs.com", "cn-hangzhou", false),
        Dialect::Obs => (
            "https://obs.cn-north-4.myhuaweicloud.com",
            "cn-north-4",
            false,
        ),
        _ => ("https://cms.example.com", "us-east-1", true),
    }
}

/// The token of a previewed CMS request: a placeholder, so that no real token is ever shown.
const PREVIEW_CMS_TOKEN: &str = "demo-cms-token";

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SignRequest {
    method: String,
    #[serde(default)]
    dialect: Dialect,
    #[serde(default)]
    version: SigVersion,
    key: String,
    scenario: Option<String>,
    #[serde(flatten)]
    object: ObjectOptions,
}

/// The bucket, credentials and instant a request is signed with.
struct Target {
    endpoint: String,
    bucket: String,
    region: String,
    path_style: bool,
    credentials: Credentials,
    now: UtcTime,
    expires_in: i64,
    preview: bool,
}

/// Handles one `/sign` request body. `Err` carries the HTTP status and a JSON error
/// `{ code, message, field }`.
pub fn handle(req_json: Value, ctx: &SignContext) -> Result<Value, (u16, Value)> {
    if req_json.get("method").and_then(Value::as_str) == Some("multipart") {
        return crate::sign_multipart::handle(req_json, ctx);
    }
    let req: SignRequest = serde_json::from_value(req_json)
        .map_err(|e| invalid(400, "InvalidRequest", e.to_string(), None))?;
    check_key_prefix(&req.key)?;
    let t = target(&req, ctx)?;
    let SignRequest {
        method,
        dialect,
        version,
        key,
        mut object,
        ..
    } = req;
    let put = |object: ObjectOptions| PutOptions {
        dialect,
        version,
        endpoint: t.endpoint.clone(),
        bucket: t.bucket.clone(),
        region: t.region.clone(),
        path_style: t.path_style,
        credentials: t.credentials.clone(),
        key: key.clone(),
        expires_in: t.expires_in,
        now: Some(t.now),
        headers: Fields::default(),
        content_length: None,
        signed_headers: Default::default(),
        object,
    };
    let mut out = match method.as_str() {
        "post" => {
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
                key: key.clone(),
                expires_in: t.expires_in,
                now: Some(t.now),
                conditions: vec![Condition::ContentLengthRange(0, MAX_BYTES)],
                fields: Fields::default(),
                object,
            })
            .map_err(refused)?;
            json!({ "method": "POST", "url": form.url, "fields": form.fields })
        }
        "put" => {
            let o = put(object);
            let url = presign("PUT", &o).map_err(refused)?.url;
            let headers = put_headers(&o).map_err(refused)?;
            json!({ "method": "PUT", "url": url, "headers": to_object(headers) })
        }
        "header" => {
            let r = sign_put_headers(&put(object)).map_err(refused)?;
            json!({ "method": r.method, "url": r.url, "headers": to_object(r.headers) })
        }
        "get" => {
            // Reading back needs none of the upload's options.
            let url = presign("GET", &put(ObjectOptions::default()))
                .map_err(refused)?
                .url;
            json!({ "method": "GET", "url": url })
        }
        other => {
            let message =
                format!("method must be \"post\", \"put\", \"header\" or \"get\", not {other:?}");
            return Err(invalid(400, "InvalidRequest", message, Some("method")));
        }
    };
    out["dialect"] = json!(dialect.name());
    out["version"] = json!(match version {
        SigVersion::V2 => "v2",
        SigVersion::V4 => "v4",
    });
    out["preview"] = json!(t.preview);
    Ok(out)
}

/// The bucket and credentials for `req`: the configured bucket for `s3` (and for every dialect
/// when it is remote), else the dialect's public endpoint for a preview.
fn target(req: &SignRequest, ctx: &SignContext) -> Result<Target, (u16, Value)> {
    let clock = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let mut credentials = Credentials::new(ctx.access_key.clone(), ctx.secret_key.clone());
    credentials.session_token = ctx.session_token.clone();
    let preview = req.dialect != Dialect::S3 && !ctx.remote;
    let mut t = Target {
        endpoint: ctx.endpoint.clone(),
        bucket: ctx.bucket.clone(),
        region: ctx.region.clone(),
        path_style: ctx.path_style,
        credentials,
        now: UtcTime::from_unix_seconds(clock),
        expires_in: EXPIRES_IN,
        preview,
    };
    if preview {
        let (endpoint, region, path_style) = preview_target(req.dialect);
        t.endpoint = endpoint.into();
        t.region = region.into();
        t.path_style = path_style;
        t.credentials.session_token = None;
        if req.dialect == Dialect::Cms {
            t.credentials.session_token = Some(PREVIEW_CMS_TOKEN.into());
        }
    }
    match req.scenario.as_deref() {
        None | Some("") | Some("none") => {}
        // Signed two minutes ago for one: valid when signed, expired when it reaches the bucket,
        // yet within the 15-minute clock skew servers allow, so the refusal is about expiry.
        Some("expired") => {
            t.now = t.now.plus_seconds(-120);
            t.expires_in = 60;
        }
        Some("wrong-secret") => t.credentials.secret_access_key = "not-the-bucket-secret".into(),
        Some(other) => {
            let message = format!("unknown scenario {other:?}");
            return Err(invalid(400, "InvalidRequest", message, Some("scenario")));
        }
    }
    Ok(t)
}

/// The key's first segment must be [`KEY_FOLDER`] and no segment may be empty, `.` or `..`.
/// A character prefix check passed `uploads/../../x`, which a bucket storing keys as paths (the
/// local one did) writes outside the folder.
pub(crate) fn check_key_prefix(key: &str) -> Result<(), (u16, Value)> {
    let refuse = |why: String| {
        let message = format!("this backend signs keys under {KEY_FOLDER}/ only: {why}");
        Err(invalid(403, "KeyNotAllowed", message, Some("key")))
    };
    if let Some(reason) = crate::object_key::unsafe_key_reason(key) {
        return refuse(reason.to_string());
    }
    match key.split_once('/') {
        Some((KEY_FOLDER, _)) => Ok(()),
        _ => refuse(format!(
            "the first segment of {key:?} is not {KEY_FOLDER:?}"
        )),
    }
}

fn to_object(pairs: Vec<(String, String)>) -> Map<String, Value> {
    pairs
        .into_iter()
        .map(|(k, v)| (k, Value::String(v)))
        .collect()
}

fn invalid(status: u16, code: &str, message: String, field: Option<&str>) -> (u16, Value) {
    (
        status,
        json!({ "code": code, "message": message, "field": field }),
    )
}

/// A validation error from the core, as the page shows it (it never contains the secret).
fn refused(e: Error) -> (u16, Value) {
    (
        400,
        json!({ "code": e.code, "message": e.message, "field": e.field }),
    )
}

/// The bucket as the page may see it: everything but the keys. `remote` says whether requests of
/// every dialect are sent (a real bucket) or only S3 ones (the local bucket).
pub fn public_config(ctx: &SignContext) -> Value {
    json!({
        "bucketEndpoint": ctx.endpoint, "bucket": ctx.bucket, "region": ctx.region,
        "pathStyle": ctx.path_style, "remote": ctx.remote,
    })
}

// Written by hand so that debug-printing a context can never leak the secret.
impl std::fmt::Debug for SignContext {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignContext")
            .field("endpoint", &self.endpoint)
            .field("bucket", &self.bucket)
            .field("region", &self.region)
            .field("remote", &self.remote)
            .field("access_key", &self.access_key)
            .field("secret_key", &"<redacted>")
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "sign-test-secret-0123456789abcdefghij";

    fn ctx(remote: bool) -> SignContext {
        SignContext {
            endpoint: "http://127.0.0.1:9000".into(),
            bucket: "demo".into(),
            region: "us-east-1".into(),
            path_style: true,
            remote,
            access_key: "AKIDTEST".into(),
            secret_key: SECRET.into(),
            session_token: Some("real-session-token".into()),
        }
    }

    fn ok(req: Value, remote: bool) -> Value {
        let v = handle(req, &ctx(remote)).expect("signed");
        assert!(
            !v.to_string().contains(SECRET),
            "a response holds the secret"
        );
        v
    }

    #[test]
    fn s3_put_carries_the_typed_options_and_is_sent() {
        let v = ok(
            json!({ "method": "put", "key": "uploads/a.txt", "storageClass": "STANDARD",
                    "tagging": "a=b c", "metadata": { "Owner": "Ann" }, "acl": "private" }),
            false,
        );
        assert_eq!(v["preview"], false);
        assert!(v["url"]
            .as_str()
            .unwrap()
            .starts_with("http://127.0.0.1:9000/demo/uploads/a.txt?"));
        assert_eq!(v["headers"]["x-amz-storage-class"], "STANDARD");
        assert_eq!(v["headers"]["x-amz-tagging"], "a=b%20c");
        assert_eq!(v["headers"]["x-amz-meta-Owner"], "Ann");
        assert_eq!(v["headers"]["x-amz-acl"], "private");
    }

    #[test]
    fn s3_post_answers_201_unless_told_otherwise_and_drops_content_md5() {
        let fields = |v: &Value| -> Vec<(String, String)> {
            serde_json::from_value(v["fields"].clone()).unwrap()
        };
        let v = ok(
            json!({ "method": "post", "key": "uploads/a", "contentMd5": "1B2M2Y8AsgTpgAmY7PhCfg==" }),
            false,
        );
        let f = fields(&v);
        assert!(f.contains(&("success_action_status".into(), "201".into())));
        assert!(!f.iter().any(|(n, _)| n == "Content-MD5"));
        let v = ok(
            json!({ "method": "post", "key": "uploads/a", "successActionStatus": 204 }),
            false,
        );
        assert!(fields(&v).contains(&("success_action_status".into(), "204".into())));
    }

    #[test]
    fn other_dialects_are_previews_for_the_vendor_endpoint_unless_remote() {
        let v = ok(
            json!({ "method": "post", "dialect": "oss", "key": "uploads/a", "storageClass": "IA" }),
            false,
        );
        assert_eq!(v["preview"], true);
        assert_eq!(v["url"], "https://demo.oss-cn-hangzhou.aliyuncs.com/");
        let text = v["fields"].to_string();
        assert!(text.contains(r#"["x-oss-storage-class","IA"]"#), "{text}");
        assert!(
            text.contains("/cn-hangzhou/oss/aliyun_v4_request"),
            "{text}"
        );

        let v = ok(
            json!({ "method": "put", "dialect": "obs", "version": "v2", "key": "uploads/a",
                    "storageClass": "GLACIER" }),
            false,
        );
        assert!(v["url"]
            .as_str()
            .unwrap()
            .starts_with("https://demo.obs.cn-north-4.myhuaweicloud.com/uploads/a?"));
        assert_eq!(v["headers"]["x-obs-storage-class"], "COLD");

        let v = ok(
            json!({ "method": "put", "dialect": "oss", "key": "uploads/a" }),
            true,
        );
        assert_eq!(v["preview"], false);
        assert!(v["url"]
            .as_str()
            .unwrap()
            .starts_with("http://127.0.0.1:9000/demo/uploads/a?"));
    }

    #[test]
    fn a_cms_preview_shows_a_placeholder_token_never_the_configured_one() {
        let v = ok(
            json!({ "method": "header", "dialect": "cms", "key": "uploads/a", "isEncrypt": true }),
            false,
        );
        assert_eq!(v["url"], "https://cms.example.com/object/demo/uploads/a");
        assert_eq!(v["headers"]["Authentication"], PREVIEW_CMS_TOKEN);
        assert_eq!(v["headers"]["x-cms-isEncrypt"], "true");
        let v = ok(
            json!({ "method": "header", "dialect": "cms", "key": "uploads/a" }),
            true,
        );
        assert_eq!(v["headers"]["Authentication"], "real-session-token");
    }

    #[test]
    fn validation_errors_name_the_field() {
        let err = |req: Value| handle(req, &ctx(false)).unwrap_err();
        let (status, body) =
            err(json!({ "method": "put", "key": "uploads/a", "storageClass": "FROZEN" }));
        assert_eq!(status, 400);
        assert_eq!(body["code"], "InvalidStorageClass");
        assert_eq!(body["field"], "storageClass");
        let (_, body) =
            err(json!({ "method": "put", "key": format!("uploads/{}", "k".repeat(1100)) }));
        assert_eq!(
            (body["code"].as_str(), body["field"].as_str()),
            (Some("KeyTooLong"), Some("key"))
        );
        let (status, body) = err(json!({ "method": "put", "key": "etc/passwd" }));
        assert_eq!((status, body["field"].as_str()), (403, Some("key")));
        let (_, body) = err(json!({ "method": "delete", "key": "uploads/a" }));
        assert_eq!(body["field"], "method");
        let (_, body) = err(json!({ "method": "post", "dialect": "cms", "key": "uploads/a" }));
        assert_eq!(body["field"], "dialect");
    }

    /// Regression: `/sign` checked `key.starts_with("uploads/")`, so it signed a POST form for
    /// `uploads/../../../../tmp/escaped-by-post.txt` and the local bucket wrote outside it.
    #[test]
    fn sign_prefix_bug_keys_leaving_uploads_by_segments_are_refused() {
        for key in [
            "uploads/../../../../tmp/escaped-by-post.txt",
            "uploads/./../demo2/x.txt",
            "uploads//../../abs.txt",
            "/uploads/a.txt",
            "uploads/..",
            "uploads/a/",
            "uploads",
            "uploadsX/a.txt",
        ] {
            for method in ["post", "put", "header", "get"] {
                let (status, body) =
                    handle(json!({ "method": method, "key": key }), &ctx(false)).unwrap_err();
                assert_eq!(
                    (status, body["code"].as_str(), body["field"].as_str()),
                    (403, Some("KeyNotAllowed"), Some("key")),
                    "{method} {key}"
                );
            }
        }
        ok(
            json!({ "method": "post", "key": "uploads/..a/b..c" }),
            false,
        );
    }

    #[test]
    fn get_presigns_a_plain_read_of_the_key() {
        let v = ok(
            json!({ "method": "get", "key": "uploads/a", "storageClass": "FROZEN" }),
            false,
        );
        assert_eq!(v["method"], "GET");
        let url = v["url"].as_str().unwrap();
        assert!(url.ends_with("&X-Amz-SignedHeaders=host"), "{url}");
    }
}
