//! The core's signers against the real s3s bucket: every way this crate signs a PUT is accepted,
//! the bytes on disk are the bytes sent, the ETag is their MD5 (computed here with the md-5 crate
//! directly), and a refusal parses into the server's code. s3s is the oracle: it verifies
//! SigV2/SigV4 itself.

mod support;

use bucket_upload::core::server_response::{etag_hex, server_error};
use bucket_upload::{
    presign, sign_put_headers, Credentials, Fields, PutOptions, SigVersion, UtcTime,
};
use support::{http, Server, AK, SK};

fn options(srv: &Server, version: SigVersion, key: &str, headers: &[(&str, &str)]) -> PutOptions {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    PutOptions {
        dialect: Default::default(),
        version,
        endpoint: format!("http://{}", srv.bucket_addr),
        bucket: "demo".into(),
        region: "us-east-1".into(),
        path_style: true,
        credentials: Credentials::new(AK, SK),
        key: key.into(),
        expires_in: 300,
        now: Some(UtcTime::from_unix_seconds(now as i64)),
        headers: Fields(
            headers
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        ),
        content_length: None,
        signed_headers: Default::default(),
        object: Default::default(),
    }
}

/// Path and query of a URL on the bucket listener.
fn target(url: &str, srv: &Server) -> String {
    url.strip_prefix(&format!("http://{}", srv.bucket_addr))
        .unwrap()
        .to_string()
}

fn body() -> (Vec<u8>, String, String) {
    use base64::Engine;
    use md5::Digest;
    let data: Vec<u8> = (0..200_003u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let digest = md5::Md5::digest(&data);
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    (
        data,
        base64::engine::general_purpose::STANDARD.encode(digest),
        hex,
    )
}

const KEY: &str = "uploads/naïve 文件 ☃ (1)+a=b&c.txt";

fn put_with_headers(version: SigVersion) {
    let srv = Server::start(&format!("core-put-{version:?}"));
    let (data, md5_b64, md5_hex) = body();
    let o = options(
        &srv,
        version,
        KEY,
        &[
            ("Content-Type", "text/plain"),
            ("Content-MD5", &md5_b64),
            ("x-amz-meta-Owner", "Ann"),
        ],
    );
    let signed = sign_put_headers(&o).unwrap();
    let headers: Vec<(&str, &str)> = signed
        .headers
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let r = http(
        &srv.bucket_addr,
        "PUT",
        &target(&signed.url, &srv),
        &headers,
        &data,
    )
    .unwrap();
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    assert_eq!(etag_hex(r.header("etag").unwrap()), md5_hex);
    assert_eq!(
        std::fs::read(srv.data_dir.join("demo").join(KEY)).unwrap(),
        data
    );
}

#[test]
fn header_signed_put_v4_is_accepted() {
    put_with_headers(SigVersion::V4);
}

#[test]
fn header_signed_put_v2_is_accepted() {
    put_with_headers(SigVersion::V2);
}

#[test]
fn presigned_put_v2_then_presigned_get_v4_reads_the_bytes_back() {
    let srv = Server::start("core-presign");
    let (data, md5_b64, _) = body();
    let put = presign(
        "PUT",
        &options(&srv, SigVersion::V2, KEY, &[("Content-MD5", &md5_b64)]),
    )
    .unwrap();
    let r = http(
        &srv.bucket_addr,
        "PUT",
        &target(&put.url, &srv),
        &[("Content-MD5", &md5_b64)],
        &data,
    )
    .unwrap();
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    let get = presign("GET", &options(&srv, SigVersion::V4, KEY, &[])).unwrap();
    let r = http(&srv.bucket_addr, "GET", &target(&get.url, &srv), &[], b"").unwrap();
    assert_eq!(r.status, 200);
    assert_eq!(r.body, data);
}

#[test]
fn wrong_secret_is_refused_with_the_servers_code() {
    let srv = Server::start("core-wrong");
    let mut o = options(&srv, SigVersion::V4, "uploads/x", &[]);
    o.credentials = Credentials::new(AK, "not-the-secret");
    let signed = sign_put_headers(&o).unwrap();
    let headers: Vec<(&str, &str)> = signed
        .headers
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let r = http(
        &srv.bucket_addr,
        "PUT",
        &target(&signed.url, &srv),
        &headers,
        b"data",
    )
    .unwrap();
    let e = server_error(
        r.status,
        &String::from_utf8_lossy(&r.body),
        r.header("x-amz-request-id").map(String::from),
    );
    assert_eq!(
        (e.status, e.code.as_str()),
        (Some(403), "SignatureDoesNotMatch"),
        "{e}"
    );
    assert!(e.request_id.is_some(), "the bucket sends a request id");
    assert!(!srv.data_dir.join("demo/uploads/x").exists());
}

/// Regression: s3s-fs 0.14.1 stored the object before comparing Content-MD5 (md5_guard.rs).
#[test]
fn bad_digest_put_stores_nothing() {
    let srv = Server::start("core-baddigest");
    let (_, md5_b64, _) = body();
    let o = options(
        &srv,
        SigVersion::V4,
        "uploads/bad",
        &[("Content-MD5", &md5_b64)],
    );
    let signed = sign_put_headers(&o).unwrap();
    let headers: Vec<(&str, &str)> = signed
        .headers
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let r = http(
        &srv.bucket_addr,
        "PUT",
        &target(&signed.url, &srv),
        &headers,
        b"other bytes",
    )
    .unwrap();
    let e = server_error(r.status, &String::from_utf8_lossy(&r.body), None);
    assert_eq!((e.status, e.code.as_str()), (Some(400), "BadDigest"), "{e}");
    assert!(!srv.data_dir.join("demo/uploads/bad").exists());
}

/// Regression: s3s 0.14.1's multipart parser refused a POST whose body frames ended in a partial
/// boundary match followed by a frame over 64 KiB (`BoundaryBufferTooLarge`, 400 "failed to read
/// file stream"); a file of carriage returns hit it every time (rechunk.rs).
#[test]
fn s3s_boundary_buffer_bug_post_of_carriage_returns_is_stored() {
    use bucket_upload::{sign_post_form, Condition, PostFormOptions};
    let srv = Server::start("core-post-cr");
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let form = sign_post_form(&PostFormOptions {
        dialect: Default::default(),
        version: SigVersion::V4,
        endpoint: format!("http://{}", srv.bucket_addr),
        bucket: "demo".into(),
        region: "us-east-1".into(),
        path_style: true,
        credentials: Credentials::new(AK, SK),
        key: "uploads/cr.bin".into(),
        expires_in: 300,
        now: Some(UtcTime::from_unix_seconds(now as i64)),
        conditions: vec![Condition::ContentLengthRange(0, 10 << 20)],
        fields: Fields::default(),
        object: Default::default(),
    })
    .unwrap();
    let data = vec![b'\r'; 5 * 1024 * 1024 + 1];
    let boundary = "----bucketUploadTestBoundary7MA4YWxkTrZu0gW";
    let mut body = Vec::new();
    for (name, value) in &form.fields {
        body.extend_from_slice(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes());
    }
    body.extend_from_slice(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cr.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes());
    body.extend_from_slice(&data);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let content_type = format!("multipart/form-data; boundary={boundary}");
    let r = http(
        &srv.bucket_addr,
        "POST",
        "/demo",
        &[("content-type", &content_type)],
        &body,
    )
    .unwrap();
    assert!(
        r.status < 300,
        "{} {}",
        r.status,
        String::from_utf8_lossy(&r.body)
    );
    assert_eq!(
        std::fs::read(srv.data_dir.join("demo/uploads/cr.bin")).unwrap(),
        data
    );
}

/// Typed object options reach the bucket: what s3s stores (content headers, user metadata) is
/// read back with a presigned GET and compared with what was asked for.
#[test]
fn typed_options_are_stored_and_read_back() {
    use bucket_upload::core::object_options::put_headers;
    let srv = Server::start("core-typed");
    let (data, md5_b64, _) = body();
    let mut o = options(&srv, SigVersion::V4, "uploads/typed.txt", &[]);
    o.object.content_type = Some("text/plain; charset=utf-8".into());
    o.object.cache_control = Some("max-age=60".into());
    o.object.content_disposition = Some("attachment; filename=\"typed.txt\"".into());
    o.object.content_encoding = Some("identity".into());
    o.object.metadata = Fields(vec![
        ("Owner".into(), "Ann".into()),
        ("project".into(), "upload".into()),
    ]);
    o.object.content_md5 = Some(bucket_upload::core::object_options::ContentMd5Value(
        md5_b64.to_string(),
    ));
    let url = presign("PUT", &o).unwrap().url;
    let headers = put_headers(&o).unwrap();
    let refs: Vec<(&str, &str)> = headers
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let r = http(&srv.bucket_addr, "PUT", &target(&url, &srv), &refs, &data).unwrap();
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));

    let get = presign(
        "GET",
        &options(&srv, SigVersion::V4, "uploads/typed.txt", &[]),
    )
    .unwrap();
    let r = http(&srv.bucket_addr, "GET", &target(&get.url, &srv), &[], b"").unwrap();
    assert_eq!(r.status, 200);
    assert_eq!(r.body, data);
    for (name, want) in [
        ("content-type", "text/plain; charset=utf-8"),
        ("cache-control", "max-age=60"),
        ("content-disposition", "attachment; filename=\"typed.txt\""),
        ("content-encoding", "identity"),
        ("x-amz-meta-owner", "Ann"),
        ("x-amz-meta-project", "upload"),
    ] {
        assert_eq!(r.header(name), Some(want), "{name} read back");
    }
}
