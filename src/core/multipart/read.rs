//! Reading multipart answers: the upload id of Create, the page of parts of ListParts, the
//! result of Complete (whose 200 may carry an `<Error>`, which S3 documents:
//! <https://docs.aws.amazon.com/AmazonS3/latest/API/API_CompleteMultipartUpload.html>).

use crate::core::error::{Error, ErrorKind};
use crate::core::options::Dialect;
use crate::core::response::dialect::{request_id_headers, version_id_headers};
use crate::core::response::xml::{is_error_document, tag_text};
use crate::core::response::{server_error_for, HttpResponse};

/// The elements S3 answers a checksum in.
const CHECKSUM_ELEMENTS: [&str; 4] = [
    "ChecksumCRC32",
    "ChecksumCRC32C",
    "ChecksumCRC64NVME",
    "ChecksumSHA256",
];

/// A part as ListParts lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedPart {
    pub part_number: u32,
    /// Without quotes; empty when the server sent none.
    pub etag: String,
    pub size: u64,
    /// `(element, base64)` of any `Checksum*` element.
    pub checksum: Option<(String, String)>,
}

/// One page of ListParts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PartsPage {
    pub parts: Vec<ListedPart>,
    /// The marker of the next page, when the list is truncated.
    pub next_marker: Option<u32>,
}

/// What Complete answered.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Completed {
    /// Without quotes.
    pub etag: String,
    pub location: Option<String>,
    pub version_id: Option<String>,
    pub request_id: Option<String>,
    /// OSS: the whole object's `x-oss-hash-crc64ecma`.
    pub crc64ecma: Option<String>,
    /// S3: the object's `(ChecksumCRC32C, value)` (or another algorithm's), when answered.
    pub checksum: Option<(String, String)>,
}

fn refuse_errors(dialect: Dialect, r: &HttpResponse) -> Result<(), Error> {
    if !(200..300).contains(&r.status) || is_error_document(&r.body) {
        return Err(server_error_for(dialect, r));
    }
    Ok(())
}

fn malformed(what: &str) -> Error {
    Error::new(
        ErrorKind::Server,
        "MalformedResponse",
        format!("the server's answer has no {what}"),
    )
}

/// The upload id in an `<InitiateMultipartUploadResult>`.
pub fn upload_id(dialect: Dialect, r: &HttpResponse) -> Result<String, Error> {
    refuse_errors(dialect, r)?;
    tag_text(&r.body, "UploadId")
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .ok_or_else(|| malformed("UploadId"))
}

/// The `<Part>` blocks of a document, in order.
fn blocks<'a>(xml: &'a str, tag: &str) -> Vec<&'a str> {
    let (open, close) = (format!("<{tag}>"), format!("</{tag}>"));
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(at) = rest.find(&open) {
        let inner = &rest[at + open.len()..];
        let Some(end) = inner.find(&close) else { break };
        out.push(&inner[..end]);
        rest = &inner[end + close.len()..];
    }
    out
}

/// A page of `<ListPartsResult>`.
pub fn parts_page(dialect: Dialect, r: &HttpResponse) -> Result<PartsPage, Error> {
    refuse_errors(dialect, r)?;
    let mut parts = Vec::new();
    for b in blocks(&r.body, "Part") {
        let number = tag_text(b, "PartNumber").and_then(|n| n.trim().parse().ok());
        let Some(part_number) = number else {
            return Err(malformed("PartNumber in a Part"));
        };
        let checksum = CHECKSUM_ELEMENTS
            .iter()
            .find_map(|e| tag_text(b, e).map(|v| (e.to_string(), v.trim().to_string())));
        parts.push(ListedPart {
            part_number,
            etag: tag_text(b, "ETag")
                .unwrap_or_default()
                .trim()
                .trim_matches('"')
                .to_string(),
            size: tag_text(b, "Size")
                .and_then(|s| s.trim().parse().ok())
                .unwrap_or(0),
            checksum,
        });
    }
    let truncated = tag_text(&r.body, "IsTruncated").is_some_and(|t| t.trim() == "true");
    let next_marker = if truncated {
        let marker = tag_text(&r.body, "NextPartNumberMarker").and_then(|m| m.trim().parse().ok());
        Some(marker.ok_or_else(|| malformed("NextPartNumberMarker in a truncated list"))?)
    } else {
        None
    };
    Ok(PartsPage { parts, next_marker })
}

/// The `<CompleteMultipartUploadResult>`.
pub fn completed(dialect: Dialect, r: &HttpResponse) -> Result<Completed, Error> {
    refuse_errors(dialect, r)?;
    let header = |names: &[&str]| names.iter().find_map(|n| r.header(n)).map(str::to_string);
    let etag = tag_text(&r.body, "ETag")
        .or_else(|| header(&["etag"]))
        .map(|e| e.trim().trim_matches('"').to_string())
        .filter(|e| !e.is_empty())
        .ok_or_else(|| malformed("ETag"))?;
    Ok(Completed {
        etag,
        location: tag_text(&r.body, "Location"),
        version_id: header(version_id_headers(dialect)),
        request_id: header(request_id_headers(dialect)),
        crc64ecma: header(&["x-oss-hash-crc64ecma"]),
        checksum: CHECKSUM_ELEMENTS
            .iter()
            .find_map(|e| tag_text(&r.body, e).map(|v| (e.to_string(), v.trim().to_string()))),
    })
}
