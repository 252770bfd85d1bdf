//! `POST /sign` on the www port: the demo's backend signer. It signs with the `bucket_upload` core
//! natively — the same code the browser package runs — so the secret never leaves the server.
//!
//! Request: `{ method: "post"|"put", version: "v2"|"v4", key, contentType?, contentMd5?,
//! metadata?: {name: value}, scenario?: "expired"|"wrong-secret" }`.
//! Response: a POST form `{ url, fields }` or a presigned PUT `{ url, headers }`.
//! `scenario` exists only to demonstrate the server refusing a bad upload.

use bucket_upload::{
    presign_put, sign_post_form, Condition, Credentials, Error, Fields, PostFormOptions,
    PutOptions, SigVersion, UtcTime,
};
use serde::Deserialize;
use serde_json::{json, Value};
use std::time::{SystemTime, UNIX_EPOCH};

/// What the signer needs to know about the bucket it signs for.
#[derive(Clone)]
pub struct SignContext {
    /// Base URL of the bucket, e.g. `http://127.0.0.1:9000` (no trailing slash).
    pub endpoint: String,
    pub bucket: String,
    pub region: String,
    pub path_style: bool,
    pub access_key: String,
    /// Never put in a response or a log line.
    pub secret_key: String,
    /// The session token of temporary credentials, if any.
    pub session_token: Option<String>,
}

/// A demo backend hands out forms for one prefix only, for a few minutes, up to 5 GiB.
const KEY_PREFIX: &str = "uploads/";
const EXPIRES_IN: i64 = 600;
const MAX_BYTES: u64 = 5 << 30;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SignRequest {
    method: String,
    #[serde(default)]
    version: SigVersion,
    key: String,
    content_type: Option<String>,
    content_md5: Option<String>,
    #[serde(default)]
    metadata: Fields,
    scenario: Option<String>,
}

/// Handles one `/sign` request body. `Err` carries the HTTP status and a JSON error
/// `{ code, message, field }`.
pub fn handle(req_json: Value, ctx: &SignContext) -> Result<Value, (u16, Value)> {
    let req: SignRequest = serde_json::from_value(req_json).map_err(|e| {
        (
            400,
            json!({ "code": "InvalidRequest", "message": e.to_string() }),
        )
    })?;
    if !req.key.starts_with(KEY_PREFIX) {
        let message = format!("this backend signs keys under {KEY_PREFIX} only");
        return Err((
            403,
            json!({ "code": "KeyNotAllowed", "message": message, "field": "key" }),
        ));
    }
    let clock = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let mut now = UtcTime::from_unix_seconds(clock);
    let mut credentials = Credentials::new(ctx.access_key.clone(), ctx.secret_key.clone());
    credentials.session_token = ctx.session_token.clone();
    let mut expires_in = EXPIRES_IN;
    match req.scenario.as_deref() {
        None | Some("") | Some("none") => {}
        // Signed two minutes ago for one: valid when signed, expired when it reaches the bucket,
        // yet within the 15-minute clock skew servers allow, so the refusal is about expiry.
        Some("expired") => {
            now = now.plus_seconds(-120);
            expires_in = 60;
        }
        Some("wrong-secret") => credentials.secret_access_key = "not-the-bucket-secret".into(),
        Some(other) => {
            let message = format!("unknown scenario {other:?}");
            return Err((
                400,
                json!({ "code": "InvalidRequest", "message": message, "field": "scenario" }),
            ));
        }
    }
    let mut headers = Vec::new();
    if let Some(t) = req.content_type.filter(|t| !t.is_empty()) {
        headers.push(("Content-Type".to_string(), t));
    }
    let meta = req
        .metadata
        .0
        .into_iter()
        .map(|(k, v)| (format!("x-amz-meta-{k}"), v));
    match req.method.as_str() {
        "post" => {
            let mut fields = headers;
            fields.push(("success_action_status".into(), "201".into()));
            fields.extend(meta);
            let form = sign_post_form(&PostFormOptions {
                dialect: Default::default(),
                version: req.version,
                endpoint: ctx.endpoint.clone(),
                bucket: ctx.bucket.clone(),
                region: ctx.region.clone(),
                path_style: ctx.path_style,
                credentials,
                key: req.key,
                expires_in,
                now: Some(now),
                conditions: vec![Condition::ContentLengthRange(0, MAX_BYTES)],
                fields: Fields(fields),
                object: Default::default(),
            })
            .map_err(refused)?;
            Ok(json!({ "url": form.url, "fields": form.fields }))
        }
        "put" => {
            if let Some(md5) = req.content_md5.filter(|m| !m.is_empty()) {
                headers.push(("Content-MD5".to_string(), md5));
            }
            headers.extend(meta);
            let url = presign_put(&PutOptions {
                dialect: Default::default(),
                version: req.version,
                endpoint: ctx.endpoint.clone(),
                bucket: ctx.bucket.clone(),
                region: ctx.region.clone(),
                path_style: ctx.path_style,
                credentials,
                key: req.key,
                expires_in,
                now: Some(now),
                headers: Fields(headers.clone()),
                content_length: None,
                object: Default::default(),
            })
            .map_err(refused)?;
            let headers: serde_json::Map<String, Value> = headers
                .into_iter()
                .map(|(k, v)| (k, Value::String(v)))
                .collect();
            Ok(json!({ "url": url, "headers": headers }))
        }
        other => {
            let message = format!("method must be \"post\" or \"put\", not {other:?}");
            Err((
                400,
                json!({ "code": "InvalidRequest", "message": message, "field": "method" }),
            ))
        }
    }
}

/// A validation error from the core, as the page shows it (it never contains the secret).
fn refused(e: Error) -> (u16, Value) {
    (
        400,
        json!({ "code": e.code, "message": e.message, "field": e.field }),
    )
}

/// The bucket as the page may see it: everything but the keys.
pub fn public_config(ctx: &SignContext) -> Value {
    json!({ "bucketEndpoint": ctx.endpoint, "bucket": ctx.bucket, "region": ctx.region, "pathStyle": ctx.path_style })
}

// Written by hand so that debug-printing a context can never leak the secret.
impl std::fmt::Debug for SignContext {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignContext")
            .field("endpoint", &self.endpoint)
            .field("bucket", &self.bucket)
            .field("region", &self.region)
            .field("access_key", &self.access_key)
            .field("secret_key", &"<redacted>")
            .finish()
    }
}
