//! `POST /sign` with `method: "multipart"`: the demo backend signs one multipart request for
//! `uploadFile`'s `sign` callback. The page sends the request it wants signed (operation, key,
//! uploadId, partNumber, parts, contentMd5, checksum, object options — never credentials); the
//! backend puts its own bucket, endpoint and keys in, checks the key stays under its prefix,
//! and answers `{ method, url, headers, body? }`.

use crate::sign::SignContext;
use bucket_upload::core::multipart::{sign_multipart, MultipartOptions};
use bucket_upload::{Dialect, UtcTime};
use serde_json::{json, Map, Value};
use std::time::{SystemTime, UNIX_EPOCH};

/// The only prefix this backend signs for, as a first path segment.
const PREFIX_SEGMENT: &str = "uploads";
/// Presigned parts live ten minutes, like the demo's other signed requests.
const EXPIRES_IN: i64 = 600;
/// What the page may not choose: where the request goes and with which keys.
const SERVER_KEYS: [&str; 7] = [
    "endpoint",
    "bucket",
    "region",
    "pathStyle",
    "credentials",
    "now",
    "expiresIn",
];

fn refuse(
    status: u16,
    code: &str,
    message: impl Into<String>,
    field: Option<&str>,
) -> (u16, Value) {
    (
        status,
        json!({ "code": code, "message": message.into(), "field": field }),
    )
}

/// The key's first segment is the prefix and no segment is empty, `.` or `..` — checked on
/// segments, since `uploads/../x` starts with `uploads/` as a string.
pub fn key_allowed(key: &str) -> bool {
    let mut segments = key.split('/');
    segments.next() == Some(PREFIX_SEGMENT)
        && key
            .split('/')
            .skip(1)
            .all(|s| !s.is_empty() && s != "." && s != "..")
}

/// Signs the multipart request in `req` (its `method` already read as `"multipart"`).
pub fn handle(req: Value, ctx: &SignContext) -> Result<Value, (u16, Value)> {
    let Value::Object(mut o) = req else {
        return Err(refuse(
            400,
            "InvalidRequest",
            "the body must be a JSON object",
            None,
        ));
    };
    o.remove("method");
    for k in SERVER_KEYS {
        o.remove(k);
    }
    let key = o.get("key").and_then(Value::as_str).unwrap_or_default();
    if !key_allowed(key) {
        let message = format!(
            "this backend signs keys under {PREFIX_SEGMENT}/ only, without empty, . or .. segments"
        );
        return Err(refuse(403, "KeyNotAllowed", message, Some("key")));
    }
    let dialect = o.get("dialect").and_then(Value::as_str).unwrap_or("s3");
    if dialect != "s3" && !ctx.remote {
        let message =
            "the local bucket speaks S3; multipart in other dialects needs --remote-endpoint";
        return Err(refuse(400, "UnsupportedDialect", message, Some("dialect")));
    }
    let mut credentials = Map::new();
    credentials.insert("accessKeyId".into(), json!(ctx.access_key));
    credentials.insert("secretAccessKey".into(), json!(ctx.secret_key));
    if let Some(t) = &ctx.session_token {
        credentials.insert("sessionToken".into(), json!(t));
    }
    o.insert("credentials".into(), Value::Object(credentials));
    o.insert("endpoint".into(), json!(ctx.endpoint));
    o.insert("bucket".into(), json!(ctx.bucket));
    o.insert("region".into(), json!(ctx.region));
    o.insert("pathStyle".into(), json!(ctx.path_style));
    o.insert("expiresIn".into(), json!(EXPIRES_IN));
    let mut options: MultipartOptions = serde_json::from_value(Value::Object(o))
        .map_err(|e| refuse(400, "InvalidRequest", e.to_string(), None))?;
    let clock = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    options.now = Some(UtcTime::from_unix_seconds(clock));
    debug_assert!(options.dialect == Dialect::S3 || ctx.remote);
    let s = sign_multipart(&options).map_err(|e| {
        (
            400,
            json!({ "code": e.code, "message": e.message, "field": e.field }),
        )
    })?;
    let headers: Map<String, Value> = s
        .headers
        .into_iter()
        .map(|(k, v)| (k, Value::String(v)))
        .collect();
    let mut out = json!({ "method": s.method, "url": s.url, "headers": headers });
    if let Some(body) = s.body {
        out["body"] = json!(body);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::key_allowed;

    #[test]
    fn keys_that_climb_out_of_the_prefix_are_not_signed() {
        assert!(key_allowed("uploads/a/b.bin"));
        for bad in [
            "uploads/../x",
            "uploads/./../demo2/x",
            "uploads//../../abs",
            "/uploads/x",
            "uploadsx/y",
            "uploads/",
            "x/uploads/y",
        ] {
            assert!(!key_allowed(bad), "{bad}");
        }
    }
}
