//! Shared by tests/multipart_oss.rs and tests/multipart_obs.rs: the recorded SDK fixtures
//! (tests/vectors/multipart-{oss,obs}/, written by tests/node/multipart-*-record.mjs), the
//! options they hold for our module, and the few normalisations the comparisons allow.

#![allow(dead_code)]

use bucket_upload::core::multipart::{sign_multipart, MultipartOptions, SignedMultipart};
use bucket_upload::{Error, ErrorKind, UtcTime};
use serde_json::{json, Value};
use std::path::PathBuf;

pub const OPERATIONS: [&str; 5] = ["create", "uploadPart", "complete", "listParts", "abort"];

pub fn fixture(dir: &str, name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/vectors")
        .join(dir)
        .join(format!("{name}.json"));
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

pub fn credentials(f: &Value) -> Value {
    let mut c = json!({ "accessKeyId": f["accessKeyId"], "secretAccessKey": f["secretAccessKey"] });
    if let Some(t) = f["case"]["sessionToken"].as_str() {
        c["sessionToken"] = json!(t);
    }
    c
}

/// The recorded options (which hold everything but the keys and the instant), completed.
pub fn options(f: &Value, recorded: &Value) -> MultipartOptions {
    let mut v = recorded.clone();
    v["credentials"] = credentials(f);
    let mut o: MultipartOptions = serde_json::from_value(v).unwrap();
    o.now = Some(UtcTime::from_unix_seconds(
        f["nowUnixSeconds"].as_i64().unwrap(),
    ));
    o
}

pub fn sign(f: &Value, recorded: &Value) -> SignedMultipart {
    sign_multipart(&options(f, recorded)).unwrap_or_else(|e| panic!("{e}"))
}

/// `text` with the case's session token (as is, or percent-encoded) replaced the way our module
/// redacts its intermediate strings.
pub fn redact(f: &Value, text: &str) -> String {
    match f["case"]["sessionToken"].as_str() {
        Some(t) => text.replace(t, "<redacted>").replace(
            &bucket_upload::core::encode::uri_encode(t, false),
            "<redacted>",
        ),
        None => text.to_string(),
    }
}

/// Headers as a sorted list of (lower-case name, value): the comparison is case-insensitive in
/// names (HTTP), exact in values.
pub fn header_set<'a>(headers: impl Iterator<Item = (&'a str, &'a str)>) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = headers
        .map(|(n, v)| (n.to_ascii_lowercase(), v.to_string()))
        .collect();
    v.sort();
    v
}

pub fn json_headers(v: &Value) -> Vec<(String, String)> {
    header_set(
        v.as_object()
            .unwrap()
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str().unwrap())),
    )
}

pub fn our_headers(s: &SignedMultipart) -> Vec<(String, String)> {
    header_set(s.headers.iter().map(|(n, v)| (n.as_str(), v.as_str())))
}

/// A URL split into its path and its query parameters, sorted, with `name=` read as the bare
/// `name` (`?uploads=` and `?uploads` are the same request) and `!'()*` unescaped in the path
/// (encodeURIComponent leaves them literal, RFC 3986 escapes them: the same key). With `keep_order`
/// the parameters keep their order (for SDKs whose order we reproduce).
pub fn split_url(url: &str, keep_order: bool) -> (String, Vec<(String, String)>) {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let mut p = path.to_string();
    for (esc, ch) in [
        ("%21", "!"),
        ("%27", "'"),
        ("%28", "("),
        ("%29", ")"),
        ("%2A", "*"),
    ] {
        p = p.replace(esc, ch);
    }
    let mut q: Vec<(String, String)> = query
        .split('&')
        .filter(|s| !s.is_empty())
        .map(|kv| {
            let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
            (k.to_string(), v.to_string())
        })
        .collect();
    if !keep_order {
        q.sort();
    }
    (p, q)
}

#[track_caller]
pub fn refused(r: Result<SignedMultipart, Error>, code: &str, field: &str) {
    let e = r.expect_err("must be refused");
    assert_eq!(e.kind, ErrorKind::Validation, "{e}");
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        (code, Some(field)),
        "{e}"
    );
}
