//! `signContentLength` against the real s3s bucket, which verifies SigV4 itself: a PUT (header-
//! signed and presigned) and an UploadPart (presigned) whose signature covers `content-length`
//! are stored when the body has exactly that size and refused with 403 SignatureDoesNotMatch when
//! it has another; without the option the same size change is accepted (the server is judging
//! the signed header, not the size). The test client sends Content-Length = the body's size, as
//! a browser does, and never the signed value by itself.

mod support;

use bucket_upload::core::multipart::{sign_multipart, MultipartOptions};
use bucket_upload::core::server_response::server_error;
use bucket_upload::{
    presign, sign_put_headers, Credentials, Fields, PutOptions, SigVersion, SignedHeaderOptions,
    UtcTime,
};
use support::s3::xml_text;
use support::{http, Resp, Server, AK, SK};

const KEY: &str = "uploads/naïve 文件 ☃ (1)+a=b&c.bin";

fn now() -> UtcTime {
    let s = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    UtcTime::from_unix_seconds(s as i64)
}

fn options(srv: &Server, length: usize, sign: bool) -> PutOptions {
    PutOptions {
        dialect: Default::default(),
        version: SigVersion::V4,
        endpoint: format!("http://{}", srv.bucket_addr),
        bucket: "demo".into(),
        region: "us-east-1".into(),
        path_style: true,
        credentials: Credentials::new(AK, SK),
        key: KEY.into(),
        expires_in: 300,
        now: Some(now()),
        headers: Fields(vec![(
            "Content-Type".into(),
            "application/octet-stream".into(),
        )]),
        content_length: Some(length as u64),
        signed_headers: SignedHeaderOptions {
            sign_content_length: Some(sign),
            additional_headers: None,
        },
        object: Default::default(),
    }
}

fn path_of(url: &str, srv: &Server) -> String {
    url.strip_prefix(&format!("http://{}", srv.bucket_addr))
        .unwrap()
        .to_string()
}

fn send(srv: &Server, url: &str, headers: &[(String, String)], body: &[u8]) -> Resp {
    let h: Vec<(&str, &str)> = headers
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    http(&srv.bucket_addr, "PUT", &path_of(url, srv), &h, body).unwrap()
}

fn header_put(srv: &Server, o: &PutOptions, body: &[u8]) -> Resp {
    let s = sign_put_headers(o).unwrap();
    assert!(s.headers.iter().all(|(n, _)| n != "content-length"));
    send(srv, &s.url, &s.headers, body)
}

fn presigned_put(srv: &Server, o: &PutOptions, body: &[u8]) -> Resp {
    let url = presign("PUT", o).unwrap().url;
    let headers = [("Content-Type".into(), "application/octet-stream".into())];
    send(srv, &url, &headers, body)
}

#[track_caller]
fn status(r: &Resp, want: u16, code: Option<&str>, what: &str) {
    let text = String::from_utf8_lossy(&r.body);
    let got = (r.status >= 300).then(|| server_error(r.status, &text, None).code);
    assert_eq!((r.status, got.as_deref()), (want, code), "{what}: {text}");
}

fn stored(srv: &Server) -> Vec<u8> {
    std::fs::read(srv.data_dir.join("demo").join(KEY)).unwrap()
}

#[test]
fn put_with_signed_content_length() {
    let srv = Server::start("signed-length-put");
    let body: Vec<u8> = (0..70_001u32).map(|i| ((i * 7) >> 3) as u8).collect();
    let n = body.len();
    for (what, put) in [
        (
            "header-signed",
            header_put as fn(&Server, &PutOptions, &[u8]) -> Resp,
        ),
        ("presigned", presigned_put),
    ] {
        let o = options(&srv, n, true);
        status(&put(&srv, &o, &body), 200, None, what);
        assert_eq!(stored(&srv), body, "{what}: stored");
        let refused = (403, Some("SignatureDoesNotMatch"));
        let r = put(&srv, &o, &body[1..]);
        status(&r, refused.0, refused.1, &format!("{what}, one byte short"));
        let longer = [body.as_slice(), b"!"].concat();
        let r = put(&srv, &o, &longer);
        status(&r, refused.0, refused.1, &format!("{what}, one byte more"));
        assert_eq!(
            stored(&srv),
            body,
            "{what}: the refused bodies did not land"
        );
        // The control: not signed, another size is accepted.
        let o = options(&srv, n, false);
        status(
            &put(&srv, &o, &longer),
            200,
            None,
            &format!("{what}, unsigned"),
        );
        assert_eq!(stored(&srv), longer);
    }
}

#[test]
fn empty_body_with_signed_content_length() {
    let srv = Server::start("signed-length-empty");
    let o = options(&srv, 0, true);
    status(&header_put(&srv, &o, b""), 200, None, "0 bytes");
    status(
        &presigned_put(&srv, &o, b"x"),
        403,
        Some("SignatureDoesNotMatch"),
        "1 byte where 0 were signed",
    );
}

/// One multipart request signed by the core (presigned) and sent with `body`.
fn multipart(srv: &Server, extra: serde_json::Value, body: &[u8]) -> Resp {
    let mut v = serde_json::json!({
        "endpoint": format!("http://{}", srv.bucket_addr), "bucket": "demo", "pathStyle": true,
        "key": KEY, "expiresIn": 300, "presign": true,
        "credentials": { "accessKeyId": AK, "secretAccessKey": SK },
    });
    for (k, x) in extra.as_object().unwrap() {
        v[k] = x.clone();
    }
    let mut o: MultipartOptions = serde_json::from_value(v).unwrap();
    o.now = Some(now());
    let s = sign_multipart(&o).unwrap();
    if o.signed_headers.sign_content_length == Some(true) {
        assert!(
            s.url.contains("X-Amz-SignedHeaders=content-length%3Bhost"),
            "{}",
            s.url
        );
    }
    let h: Vec<(&str, &str)> = s
        .headers
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    http(&srv.bucket_addr, &s.method, &path_of(&s.url, srv), &h, body).unwrap()
}

#[test]
fn upload_part_with_signed_content_length() {
    let srv = Server::start("signed-length-part");
    let r = multipart(&srv, serde_json::json!({ "operation": "create" }), b"");
    status(&r, 200, None, "create");
    let id = xml_text(&r.body, "UploadId").expect("an UploadId");
    let part: Vec<u8> = (0..(5u32 << 20)).map(|i| (i >> 5) as u8).collect();
    let op = serde_json::json!({
        "operation": "uploadPart", "uploadId": id, "partNumber": 1,
        "contentLength": part.len(), "signContentLength": true,
    });
    let r = multipart(&srv, op.clone(), &part[..part.len() - 1]);
    status(
        &r,
        403,
        Some("SignatureDoesNotMatch"),
        "part one byte short",
    );
    status(&multipart(&srv, op, &part), 200, None, "part");
    let abort = serde_json::json!({ "operation": "abort", "uploadId": id });
    status(&multipart(&srv, abort, b""), 204, None, "abort");
}
