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
//!
//! A request goes through the steps in this order, each in its own file: parse the body
//! ([`request`]), refuse a key outside the folder ([`key_prefix`]), pick the bucket, credentials
//! and instant ([`target`]), then sign for the method ([`methods`]). `method: "multipart"` is
//! handed to [`crate::sign_multipart`] before any of them.

mod key_prefix;
mod methods;
mod request;
mod target;
#[cfg(test)]
mod tests;

// Kept at its old path: `sign_multipart` checks keys with `crate::sign::check_key_prefix`.
pub(crate) use key_prefix::check_key_prefix;

use bucket_upload::{Error, SigVersion};
use serde_json::{json, Value};

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

/// Handles one `/sign` request body. `Err` carries the HTTP status and a JSON error
/// `{ code, message, field }`.
pub fn handle(req_json: Value, ctx: &SignContext) -> Result<Value, (u16, Value)> {
    if req_json.get("method").and_then(Value::as_str) == Some("multipart") {
        return crate::sign_multipart::handle(req_json, ctx);
    }
    let req = request::parse(req_json)?;
    check_key_prefix(&req.key)?;
    let t = target::target(&req, ctx)?;
    let (dialect, version) = (req.dialect, req.version);
    let mut out = methods::sign_by_method(req, &t)?;
    out["dialect"] = json!(dialect.name());
    out["version"] = json!(match version {
        SigVersion::V2 => "v2",
        SigVersion::V4 => "v4",
    });
    out["preview"] = json!(t.preview);
    Ok(out)
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
