//! Regression: s3s-fs 0.14.1 resolves `.`/`..` in object keys against the data dir, so a signed
//! POST form for `uploads/../../../../tmp/escaped-by-post.txt` (which `/sign` passed) was stored
//! at `DATA_DIR/tmp/escaped-by-post.txt`, outside the bucket. Every form of the attack is sent by
//! POST form (its policy written by hand, signed by the core) and by PUT with the raw path (as curl --path-as-is or a raw
//! client sends it); each must get 400 `InvalidObjectName` and leave no file anywhere.

mod support;

use bucket_upload::UtcTime;
use bucket_upload::{sign_policy, Credentials, SigVersion, SignPolicyOptions};
use support::s3::{error_code, files_under, post_form_body, signed};
use support::{http, Resp, Server, AK, SK};

fn post(srv: &Server, key: &str, data: &[u8]) -> Resp {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let now = UtcTime::from_unix_seconds(now as i64);
    // The core now refuses to sign a form for such a key, so the policy is written here (as an
    // attacker's own signer would) and only its signature comes from the core.
    let credential = format!("{AK}/{}/us-east-1/s3/aws4_request", now.date_stamp());
    let policy = serde_json::json!({
        "expiration": now.plus_seconds(300).iso8601(),
        "conditions": [
            { "bucket": "demo" }, { "key": key },
            { "x-amz-algorithm": "AWS4-HMAC-SHA256" }, { "x-amz-credential": credential },
            { "x-amz-date": now.amz_date() }, ["content-length-range", 0, 1 << 20],
        ],
    });
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD.encode(policy.to_string());
    let mut fields = vec![("key".to_string(), key.to_string())];
    fields.extend(
        sign_policy(
            &b64,
            &SignPolicyOptions {
                dialect: Default::default(),
                version: SigVersion::V4,
                credentials: Credentials::new(AK, SK),
                region: "us-east-1".into(),
                now: Some(now),
            },
        )
        .expect("signs any policy"),
    );
    let (content_type, body) = post_form_body(&fields, data);
    http(
        &srv.bucket_addr,
        "POST",
        "/demo",
        &[("content-type", &content_type)],
        &body,
    )
    .unwrap()
}

/// PUT to `/demo/<key>` with the path sent and signed verbatim. The core refuses to sign such a
/// key into a URL (browsers would resolve the dots), so the test support signs it.
fn put_raw(srv: &Server, key: &str, data: &[u8]) -> Resp {
    signed(srv, "PUT", &format!("/demo/{key}"), &[], &[], data)
}

fn assert_invalid_object_name(resp: &Resp, what: &str) {
    assert_eq!(
        (resp.status, error_code(resp).as_deref()),
        (400, Some("InvalidObjectName")),
        "{what}: {}",
        String::from_utf8_lossy(&resp.body)
    );
}

/// POST and PUT of `key` are refused and nothing at all is stored under the data dir.
fn refused_everywhere(name: &str, key: &str) {
    let srv = Server::start(name);
    assert_invalid_object_name(&post(&srv, key, b"escaped by post"), "POST form");
    assert_invalid_object_name(&put_raw(&srv, key, b"escaped by put"), "raw PUT");
    assert_eq!(files_under(&srv.data_dir), Vec::<String>::new());
    // Nor next to it, in case a key resolved past the data dir itself.
    assert!(!srv.root.join("tmp").exists() && !srv.root.join("abs.txt").exists());
}

#[test]
fn key_escape_bug_dotdot_segments_to_data_dir_tmp_are_refused() {
    refused_everywhere("esc-tmp", "uploads/../../../../tmp/escaped-by-post.txt");
}

#[test]
fn key_escape_bug_dot_then_dotdot_into_sibling_folder_is_refused() {
    refused_everywhere("esc-sibling", "uploads/./../demo2/x.txt");
}

#[test]
fn key_escape_bug_empty_segment_then_dotdot_to_data_dir_root_is_refused() {
    refused_everywhere("esc-root", "uploads//../../abs.txt");
}

#[test]
fn key_escape_bug_leading_slash_is_refused() {
    refused_everywhere("esc-slash", "/uploads/abs.txt");
}

/// The control for the walk above: plain keys still land in the bucket, by POST and PUT.
#[test]
fn plain_keys_still_land_under_the_bucket_by_post_and_put() {
    let srv = Server::start("esc-control");
    let r = post(&srv, "uploads/by-post.txt", b"posted");
    assert_eq!(r.status, 204, "{}", String::from_utf8_lossy(&r.body));
    let r = put_raw(&srv, "uploads/..dots../by-put.txt", b"put");
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    let objects: Vec<String> = files_under(&srv.data_dir)
        .into_iter()
        .filter(|f| f.starts_with("demo/"))
        .collect();
    assert_eq!(
        objects,
        [
            "demo/uploads/..dots../by-put.txt",
            "demo/uploads/by-post.txt"
        ]
    );
    assert_eq!(
        std::fs::read(srv.data_dir.join("demo/uploads/by-post.txt")).unwrap(),
        b"posted"
    );
}

/// Method, path, query, body.
type Case<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)], &'a [u8]);

/// Reads, deletes, copies and every multipart operation check the key too: a file planted
/// outside the bucket can be neither read, deleted, overwritten nor used as a copy source.
#[test]
fn key_escape_bug_every_operation_refuses_a_dotdot_key() {
    let srv = Server::start("esc-ops");
    std::fs::write(srv.data_dir.join("secret.txt"), b"outside the bucket").unwrap();
    let key = "/demo/uploads/../../secret.txt";
    let id = "00000000-0000-4000-8000-000000000000";
    let complete = b"<CompleteMultipartUpload><Part><PartNumber>1</PartNumber>\
        <ETag>\"d41d8cd98f00b204e9800998ecf8427e\"</ETag></Part></CompleteMultipartUpload>";
    let cases: [Case; 7] = [
        ("GET", key, &[], b""),
        ("DELETE", key, &[], b""),
        ("POST", key, &[("uploads", "")], b""),
        (
            "PUT",
            key,
            &[("partNumber", "1"), ("uploadId", id)],
            b"part",
        ),
        ("GET", key, &[("uploadId", id)], b""),
        ("POST", key, &[("uploadId", id)], complete),
        ("DELETE", key, &[("uploadId", id)], b""),
    ];
    for (method, path, query, body) in cases {
        let r = signed(&srv, method, path, query, &[], body);
        assert_invalid_object_name(&r, &format!("{method} {path} {query:?}"));
    }
    let head = signed(&srv, "HEAD", key, &[], &[], b"");
    assert_eq!(head.status, 400, "HEAD");
    let copy = signed(
        &srv,
        "PUT",
        "/demo/uploads/copy.txt",
        &[],
        &[("x-amz-copy-source", "demo/uploads/../../secret.txt")],
        b"",
    );
    assert_invalid_object_name(&copy, "CopyObject source");
    assert_eq!(files_under(&srv.data_dir), ["secret.txt"]);
    assert_eq!(
        std::fs::read(srv.data_dir.join("secret.txt")).unwrap(),
        b"outside the bucket"
    );
}
