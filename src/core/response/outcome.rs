//! What a 2xx answer means: the stored object's ETag, version id, request id and OSS CRC-64, each
//! checked against the digests the client computed. Nothing counts as uploaded unless the server
//! said 2xx without an `<Error>` document, the ETag equals the MD5 when both are known, and
//! `x-oss-hash-crc64ecma` equals the CRC-64 when both are known.
//! OSS CRC-64: <https://www.alibabacloud.com/help/en/oss/user-guide/crc-64>.

use super::dialect::{request_id_headers, version_id_headers, CRC64_HEADER};
use super::refusal::{header_in, server_error_for};
use super::xml::{is_error_document, tag_text};
use super::HttpResponse;
use crate::core::error::{Error, ErrorKind};
use crate::core::options::Dialect;

/// The digests the client computed over the bytes it sent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Expected {
    /// MD5, 32 hex digits (any case).
    pub md5_hex: Option<String>,
    /// CRC-64/ECMA as OSS computes it (CRC-64/XZ).
    pub crc64ecma: Option<u64>,
}

/// A successful upload, as the server reported it and as the client verified it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UploadOutcome {
    pub status: u16,
    pub etag: Option<String>,
    pub version_id: Option<String>,
    pub request_id: Option<String>,
    /// `Location` header, else `<PostResponse><Location>`.
    pub location: Option<String>,
    pub bucket: Option<String>,
    pub key: Option<String>,
    /// The server's `x-oss-hash-crc64ecma`.
    pub crc64ecma: Option<u64>,
    /// The ETag was compared with the client's MD5 and equals it.
    pub md5_verified: bool,
    /// The server's CRC-64 was compared with the client's and equals it.
    pub crc64_verified: bool,
}

/// The fields of a `<PostResponse>` body (`success_action_status=201`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PostResponse {
    pub location: Option<String>,
    pub bucket: Option<String>,
    pub key: Option<String>,
    pub etag: Option<String>,
}

/// Parses a `<PostResponse>`; absent elements are `None`.
pub fn post_response(body: &str) -> PostResponse {
    PostResponse {
        location: tag_text(body, "Location"),
        bucket: tag_text(body, "Bucket"),
        key: tag_text(body, "Key"),
        etag: tag_text(body, "ETag"),
    }
}

/// An ETag without its quotes (and without a `W/` weak prefix), lower-cased for comparison
/// with a hex MD5.
pub fn etag_hex(etag: &str) -> String {
    etag.trim()
        .trim_start_matches("W/")
        .trim_matches('"')
        .to_ascii_lowercase()
}

/// A CRC-64 as OSS writes it: an unsigned decimal integer.
pub fn parse_crc64(text: &str) -> Option<u64> {
    let t = text.trim();
    (!t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.parse().ok())
        .flatten()
}

fn integrity(r: &HttpResponse, dialect: Dialect, code: &str, message: String) -> Error {
    let mut e = Error::new(ErrorKind::Integrity, code, message);
    e.status = Some(r.status);
    e.request_id = header_in(r, request_id_headers(dialect));
    e
}

/// Reads the answer to an upload in `dialect` and checks it against `expected`: `Ok` only for a
/// 2xx without an `<Error>` document whose ETag and CRC-64 match what the client computed
/// (where both sides are known). A refusal is the server's error; a mismatch is an integrity
/// error: `ChecksumMismatch` (ETag vs MD5) or `Crc64Mismatch` (also for a CRC header that is not
/// a number).
pub fn upload_outcome(
    dialect: Dialect,
    r: &HttpResponse,
    expected: &Expected,
) -> Result<UploadOutcome, Error> {
    if !(200..300).contains(&r.status) || is_error_document(&r.body) {
        return Err(server_error_for(dialect, r));
    }
    let body = post_response(&r.body);
    let etag = header_in(r, &["etag"]).or(body.etag);
    let md5_verified = match (&expected.md5_hex, &etag) {
        (Some(want), Some(etag)) => {
            let want = want.to_ascii_lowercase();
            if etag_hex(etag) != want {
                return Err(integrity(
                    r,
                    dialect,
                    "ChecksumMismatch",
                    format!("the server stored ETag {etag}, but the file's MD5 is {want}"),
                ));
            }
            true
        }
        _ => false,
    };
    let crc64ecma = match r.header(CRC64_HEADER) {
        None => None,
        Some(text) => Some(parse_crc64(text).ok_or_else(|| {
            integrity(
                r,
                dialect,
                "Crc64Mismatch",
                format!(
                    "the server's {CRC64_HEADER} \"{}\" is not a CRC-64",
                    text.trim()
                ),
            )
        })?),
    };
    let crc64_verified = match (expected.crc64ecma, crc64ecma) {
        (Some(want), Some(got)) => {
            if want != got {
                return Err(integrity(
                    r,
                    dialect,
                    "Crc64Mismatch",
                    format!("the server computed CRC-64 {got} ({CRC64_HEADER}), but the file's is {want}"),
                ));
            }
            true
        }
        _ => false,
    };
    Ok(UploadOutcome {
        status: r.status,
        etag,
        version_id: header_in(r, version_id_headers(dialect)),
        request_id: header_in(r, request_id_headers(dialect)),
        location: header_in(r, &["location"]).or(body.location),
        bucket: body.bucket,
        key: body.key,
        crc64ecma,
        md5_verified,
        crc64_verified,
    })
}
