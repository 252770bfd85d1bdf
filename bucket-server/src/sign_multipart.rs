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
    {
        use bucket_upload::core::option_names::{check, MULTIPART, OBJECT, TARGET};
        check(
            o.keys().map(String::as_str),
            &[TARGET, OBJECT, MULTIPART],
            "",
        )
        .map_err(|e| {
            (
                400,
                json!({ "code": e.code, "message": e.message, "field": e.field }),
            )
        })?;
    }
    for k in SERVER_KEYS {
        o.remove(k);
    }
    // The same prefix rule as the demo's other signed requests, checked on segments.
    crate::sign::check_key_prefix(o.get("key").and_then(Value::as_str).unwrap_or_default())?;
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
    use super::handle;
    use crate::sign::SignContext;
    use serde_json::json;

    fn ctx() -> SignContext {
        SignContext {
            endpoint: "http://127.0.0.1:9000".into(),
            bucket: "demo".into(),
            region: "us-east-1".into(),
            path_style: true,
            remote: false,
            access_key: "AKIDTEST".into(),
            secret_key: "multipart-sign-test-secret-0123456789".into(),
            session_token: None,
        }
    }

    #[test]
    fn multipart_keys_that_climb_out_of_the_prefix_are_not_signed() {
        for bad in [
            "uploads/../x",
            "uploads/./../demo2/x",
            "uploads//../../abs",
            "/uploads/x",
            "x/uploads/y",
        ] {
            let req = json!({ "method": "multipart", "operation": "create", "key": bad });
            let (status, body) = handle(req, &ctx()).unwrap_err();
            assert_eq!(
                (status, body["code"].as_str()),
                (403, Some("KeyNotAllowed")),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_misspelled_option_is_refused_not_ignored() {
        let req = json!({ "method": "multipart", "operation": "create", "key": "uploads/a", "storageclass": "GLACIER" });
        let (status, body) = handle(req, &ctx()).unwrap_err();
        assert_eq!(
            (status, body["code"].as_str(), body["field"].as_str()),
            (400, Some("UnknownOption"), Some("storageclass"))
        );
        assert!(body["message"].as_str().unwrap().contains("storageClass"));
    }

    #[test]
    fn the_page_cannot_choose_the_bucket_or_the_keys() {
        let req = json!({ "method": "multipart", "operation": "uploadPart", "key": "uploads/a.bin",
            "uploadId": "U", "partNumber": 3, "bucket": "other", "endpoint": "http://evil.example",
            "credentials": { "accessKeyId": "X", "secretAccessKey": "Y" } });
        let out = handle(req, &ctx()).unwrap();
        let url = out["url"].as_str().unwrap();
        assert!(
            url.starts_with("http://127.0.0.1:9000/demo/uploads/a.bin?"),
            "{url}"
        );
        assert!(url.contains("&partNumber=3&uploadId=U"), "{url}");
        assert!(url.contains("AKIDTEST"));
        assert!(!out.to_string().contains("multipart-sign-test-secret"));
    }
}
