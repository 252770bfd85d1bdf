//! Multipart requests by hand (SigV4 header auth), and the values S3 defines for them computed
//! here with the md-5 crate, independently of the server.

use base64::Engine;
use md5::{Digest, Md5};

use super::s3::{signed, xml_text};
use super::{Resp, Server};

/// Exactly S3's minimum size of a part that is not the last.
pub const MIN_PART: usize = 5 << 20;

/// `len` bytes that differ with `seed`.
pub fn data(seed: u32, len: usize) -> Vec<u8> {
    (0..len as u32)
        .map(|i| {
            (i.wrapping_mul(2_654_435_761)
                .wrapping_add(seed.wrapping_mul(97))
                >> 11) as u8
        })
        .collect()
}

pub fn md5(data: &[u8]) -> [u8; 16] {
    Md5::digest(data).into()
}

pub fn md5_hex(data: &[u8]) -> String {
    md5(data).iter().map(|b| format!("{b:02x}")).collect()
}

pub fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

fn path(key: &str) -> String {
    format!("/demo/{key}")
}

/// CreateMultipartUpload; returns the upload id.
pub fn create(srv: &Server, key: &str) -> String {
    let r = signed(srv, "POST", &path(key), &[("uploads", "")], &[], b"");
    assert_eq!(
        r.status,
        200,
        "create: {}",
        String::from_utf8_lossy(&r.body)
    );
    xml_text(&r.body, "UploadId").expect("an UploadId")
}

/// UploadPart with extra (unsigned) headers such as Content-MD5 or x-amz-checksum-*.
pub fn put_part(
    srv: &Server,
    key: &str,
    id: &str,
    number: i32,
    body: &[u8],
    headers: &[(&str, &str)],
) -> Resp {
    let n = number.to_string();
    let q = [("partNumber", n.as_str()), ("uploadId", id)];
    signed(srv, "PUT", &path(key), &q, headers, body)
}

/// UploadPart that must succeed; returns the ETag header.
pub fn put_ok(srv: &Server, key: &str, id: &str, number: i32, body: &[u8]) -> String {
    let r = put_part(srv, key, id, number, body, &[]);
    assert_eq!(
        r.status,
        200,
        "part {number}: {}",
        String::from_utf8_lossy(&r.body)
    );
    r.header("etag").expect("an ETag").to_string()
}

/// CompleteMultipartUpload with `parts` as (PartNumber, ETag text exactly as sent).
pub fn complete(srv: &Server, key: &str, id: &str, parts: &[(i32, &str)]) -> Resp {
    let mut xml = String::from("<CompleteMultipartUpload>");
    for (n, etag) in parts {
        xml.push_str(&format!(
            "<Part><PartNumber>{n}</PartNumber><ETag>{etag}</ETag></Part>"
        ));
    }
    xml.push_str("</CompleteMultipartUpload>");
    signed(
        srv,
        "POST",
        &path(key),
        &[("uploadId", id)],
        &[],
        xml.as_bytes(),
    )
}

/// ListParts with extra query parameters (max-parts, part-number-marker).
pub fn list_parts(srv: &Server, key: &str, id: &str, extra: &[(&str, &str)]) -> Resp {
    let mut q = vec![("uploadId", id)];
    q.extend_from_slice(extra);
    signed(srv, "GET", &path(key), &q, &[], b"")
}

pub fn abort(srv: &Server, key: &str, id: &str) -> Resp {
    signed(srv, "DELETE", &path(key), &[("uploadId", id)], &[], b"")
}

/// ListMultipartUploads of the bucket with query parameters (prefix, max-uploads, ...).
pub fn list_uploads(srv: &Server, extra: &[(&str, &str)]) -> Resp {
    let mut q = vec![("uploads", "")];
    q.extend_from_slice(extra);
    signed(srv, "GET", "/demo", &q, &[], b"")
}

/// A random-looking upload id no server handed out.
pub const UNKNOWN_ID: &str = "0f0e0d0c-0b0a-4908-8706-050403020100";
