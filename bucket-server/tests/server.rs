//! End-to-end checks of the bucket-server binary: signed PUT/GET landing on disk, CORS preflight,
//! early 403s readable by clients that send the whole body, and the www port.

mod support;

use base64::Engine;
use support::{http, sigv4_headers, Server, SK};

fn signed(method: &str, srv: &Server, path: &str, secret: &str) -> Vec<(String, String)> {
    sigv4_headers(method, &srv.bucket_addr, path, secret)
}

fn as_refs(h: &[(String, String)]) -> Vec<(&str, &str)> {
    h.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

#[test]
fn signed_put_lands_on_disk_and_reads_back() {
    let srv = Server::start("put");
    let data: Vec<u8> = (0..300_000u32).map(|i| (i * 7 % 251) as u8).collect();
    let path = "/demo/dir/object.bin";

    let put = http(
        &srv.bucket_addr,
        "PUT",
        path,
        &as_refs(&signed("PUT", &srv, path, SK)),
        &data,
    )
    .unwrap();
    assert_eq!(put.status, 200, "{}", String::from_utf8_lossy(&put.body));
    assert!(put.header("etag").is_some());
    assert_eq!(
        std::fs::read(srv.data_dir.join("demo/dir/object.bin")).unwrap(),
        data
    );

    let get = http(
        &srv.bucket_addr,
        "GET",
        path,
        &as_refs(&signed("GET", &srv, path, SK)),
        b"",
    )
    .unwrap();
    assert_eq!(get.status, 200);
    assert_eq!(get.body, data);

    let anonymous = http(&srv.bucket_addr, "GET", path, &[], b"").unwrap();
    assert_eq!(anonymous.status, 403);
}

#[test]
fn wrong_secret_is_refused_and_nothing_stored() {
    let srv = Server::start("badput");
    let path = "/demo/refused.bin";
    let body = vec![0u8; 3 << 20];
    let resp = http(
        &srv.bucket_addr,
        "PUT",
        path,
        &as_refs(&signed("PUT", &srv, path, "wrong")),
        &body,
    )
    .expect("the 403 must be readable after sending the whole body");
    assert_eq!(resp.status, 403);
    assert!(String::from_utf8_lossy(&resp.body).contains("<Code>SignatureDoesNotMatch</Code>"));
    assert!(!srv.data_dir.join("demo/refused.bin").exists());
}

/// s3s refuses a badly signed POST before the file part; the server must still read the rest so the
/// client, which is still sending, sees the 403 XML instead of a reset connection.
#[test]
fn bad_post_signature_answers_403_after_a_large_file() {
    let srv = Server::start("badpost");
    let credential = format!("{}/20250101/us-east-1/s3/aws4_request", support::AK);
    // A policy that allows every field sent, so s3s gets as far as the signature check.
    let policy_json = format!(
        r#"{{"expiration":"2099-01-01T00:00:00.000Z","conditions":[{{"bucket":"demo"}},{{"key":"posted.bin"}},{{"x-amz-algorithm":"AWS4-HMAC-SHA256"}},{{"x-amz-credential":"{credential}"}},{{"x-amz-date":"20250101T000000Z"}}]}}"#
    );
    let policy = base64::engine::general_purpose::STANDARD.encode(policy_json);
    let fields = [
        ("key", "posted.bin"),
        ("policy", policy.as_str()),
        ("x-amz-algorithm", "AWS4-HMAC-SHA256"),
        ("x-amz-credential", credential.as_str()),
        ("x-amz-date", "20250101T000000Z"),
        (
            "x-amz-signature",
            "0000000000000000000000000000000000000000000000000000000000000000",
        ),
    ];
    let boundary = "----bucketservertestboundary";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend(format!("--{boundary}\r\ncontent-disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").bytes());
    }
    body.extend(format!("--{boundary}\r\ncontent-disposition: form-data; name=\"file\"; filename=\"f.bin\"\r\ncontent-type: application/octet-stream\r\n\r\n").bytes());
    body.extend(std::iter::repeat_n(b'x', 5 << 20));
    body.extend(format!("\r\n--{boundary}--\r\n").bytes());

    let ctype = format!("multipart/form-data; boundary={boundary}");
    let resp = http(
        &srv.bucket_addr,
        "POST",
        "/demo",
        &[("content-type", &ctype), ("origin", "http://page.test")],
        &body,
    )
    .expect("the 403 must be readable after sending the whole body");
    assert_eq!(resp.status, 403, "{}", String::from_utf8_lossy(&resp.body));
    assert!(
        String::from_utf8_lossy(&resp.body).contains("<Code>"),
        "{}",
        String::from_utf8_lossy(&resp.body)
    );
    assert_eq!(resp.header("access-control-allow-origin"), Some("*"));
    assert!(!srv.data_dir.join("demo/posted.bin").exists());
}

#[test]
fn preflight_is_answered_with_cors_headers() {
    let srv = Server::start("cors");
    let resp = http(
        &srv.bucket_addr,
        "OPTIONS",
        "/demo/some/key",
        &[
            ("origin", "http://127.0.0.1:8080"),
            ("access-control-request-method", "PUT"),
            (
                "access-control-request-headers",
                "authorization,x-amz-date,content-type",
            ),
        ],
        b"",
    )
    .unwrap();
    assert_eq!(resp.status, 200);
    assert_eq!(resp.header("access-control-allow-origin"), Some("*"));
    assert!(resp
        .header("access-control-allow-methods")
        .unwrap()
        .contains("PUT"));
    assert!(resp
        .header("access-control-allow-headers")
        .unwrap()
        .contains("authorization"));

    let path = "/demo/k";
    let mut headers = signed("PUT", &srv, path, SK);
    headers.push(("origin".into(), "http://127.0.0.1:8080".into()));
    let put = http(&srv.bucket_addr, "PUT", path, &as_refs(&headers), b"hi").unwrap();
    assert_eq!(put.status, 200);
    assert!(put
        .header("access-control-expose-headers")
        .unwrap()
        .contains("etag"));
}

#[test]
fn www_port_serves_the_page_config_and_signer_without_the_secret() {
    let srv = Server::start("www");
    let page = http(&srv.page_addr, "GET", "/", &[], b"").unwrap();
    assert_eq!(page.status, 200);
    assert_eq!(page.body, b"<h1>demo page</h1>");
    assert_eq!(
        http(&srv.page_addr, "GET", "/missing.js", &[], b"")
            .unwrap()
            .status,
        404
    );
    let config = http(&srv.page_addr, "GET", "/config", &[], b"").unwrap();
    assert_eq!(config.status, 200);
    let sign = |body: &str| {
        http(
            &srv.page_addr,
            "POST",
            "/sign",
            &[("content-type", "application/json")],
            body.as_bytes(),
        )
        .unwrap()
    };
    let form = sign(r#"{"method":"post","version":"v4","key":"uploads/a.txt"}"#);
    assert_eq!(form.status, 200, "{}", String::from_utf8_lossy(&form.body));
    assert!(form
        .header("content-type")
        .unwrap()
        .starts_with("application/json"));
    let put = sign(r#"{"method":"put","key":"uploads/a.txt","contentType":"text/plain"}"#);
    assert_eq!(put.status, 200);
    let outside = sign(r#"{"method":"put","key":"etc/passwd"}"#);
    assert_eq!(outside.status, 403);
    let too_long = sign(&format!(
        r#"{{"method":"post","key":"uploads/{}"}}"#,
        "k".repeat(1100)
    ));
    assert_eq!(too_long.status, 400);
    assert!(String::from_utf8_lossy(&too_long.body).contains("KeyTooLong"));
    for r in [&config, &form, &put, &outside, &too_long] {
        assert!(
            !String::from_utf8_lossy(&r.body).contains(SK),
            "a response carries the secret"
        );
    }
    assert_eq!(
        http(&srv.page_addr, "POST", "/sign", &[], b"not json")
            .unwrap()
            .status,
        400
    );
}

/// The browser reads ETag, `Date` (to correct clock skew) and the part checksums S3 echoes; CORS
/// hides every response header a page is not told it may read.
#[test]
fn cors_exposes_etag_date_and_checksum_headers() {
    let srv = Server::start("cors-expose");
    let path = "/demo/uploads/exposed";
    let mut headers = signed("PUT", &srv, path, SK);
    headers.push(("origin".into(), "http://127.0.0.1:8080".into()));
    let put = http(&srv.bucket_addr, "PUT", path, &as_refs(&headers), b"hi").unwrap();
    assert_eq!(put.status, 200);
    assert!(put.header("date").is_some(), "hyper sends Date");
    let exposed = put
        .header("access-control-expose-headers")
        .unwrap()
        .to_ascii_lowercase();
    for name in [
        "etag",
        "date",
        "x-amz-checksum-crc32",
        "x-amz-checksum-crc32c",
        "x-amz-checksum-crc64nvme",
        "x-amz-checksum-sha256",
        "x-amz-checksum-type",
    ] {
        assert!(
            exposed.split(',').any(|h| h.trim() == name),
            "{name} in {exposed}"
        );
    }
}
