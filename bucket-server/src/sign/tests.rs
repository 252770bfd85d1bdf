//! Unit tests of `/sign` (all but multipart, which `sign_multipart` tests): the response of each
//! method, previews of the other dialects, the errors and the key-prefix regression.

use super::target::PREVIEW_CMS_TOKEN;
use super::{handle, SignContext};
use serde_json::{json, Value};

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
    let (_, body) = err(json!({ "method": "put", "key": format!("uploads/{}", "k".repeat(1100)) }));
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
