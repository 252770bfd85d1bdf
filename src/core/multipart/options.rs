//! The options of [`sign_multipart`](super::sign_multipart), shaped like the JavaScript
//! `signMultipart` options so one reader (`core::read::multipart`) serves the browser module and a backend.

pub use crate::core::checksum::ChecksumAlgorithm;
use crate::core::credentials::Credentials;
use crate::core::object_options::ObjectOptions;
use crate::core::options::{Dialect, Fields, SigVersion, SignedHeaderOptions};
use crate::core::time::UtcTime;

/// The five multipart operations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    /// `POST /key?uploads` (CreateMultipartUpload / InitiateMultipartUpload).
    Create,
    /// `PUT /key?partNumber=N&uploadId=ID`.
    UploadPart,
    /// `POST /key?uploadId=ID` with the `<CompleteMultipartUpload>` body.
    Complete,
    /// `GET /key?uploadId=ID[&max-parts=M][&part-number-marker=P]`.
    ListParts,
    /// `DELETE /key?uploadId=ID`.
    Abort,
    /// `HEAD /key`: whether an upload whose answer to Complete was lost did complete (a page
    /// reloaded mid-Complete); its ETag and size are compared with the checkpoint's parts.
    HeadObject,
}

impl Operation {
    /// The name used in options and messages.
    pub fn name(self) -> &'static str {
        match self {
            Operation::Create => "create",
            Operation::UploadPart => "uploadPart",
            Operation::Complete => "complete",
            Operation::ListParts => "listParts",
            Operation::Abort => "abort",
            Operation::HeadObject => "headObject",
        }
    }
}

/// A part as Complete lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompletedPart {
    pub part_number: u32,
    /// The ETag UploadPart answered (quotes optional).
    pub etag: String,
    /// The part's checksum (base64) under the upload's `checksumAlgorithm`.
    pub checksum: Option<String>,
}

/// Options of [`sign_multipart`](super::sign_multipart).
#[derive(Debug, Clone)]
pub struct MultipartOptions {
    pub operation: Operation,
    pub dialect: Dialect,
    pub version: SigVersion,
    pub endpoint: String,
    pub bucket: String,
    pub region: String,
    pub path_style: bool,
    pub credentials: Credentials,
    pub key: String,
    /// Seconds a presigned URL stays valid.
    pub expires_in: i64,
    /// The signing instant; the core has no clock.
    pub now: Option<UtcTime>,
    /// A presigned URL (`true`, the default for `uploadPart`) or an `Authorization` header.
    pub presign: Option<bool>,
    pub upload_id: Option<String>,
    pub part_number: Option<u32>,
    pub part_number_marker: Option<u32>,
    pub max_parts: Option<u32>,
    /// Complete: the parts, ascending and unique.
    pub parts: Vec<CompletedPart>,
    /// Create: declares the algorithm of the part checksums; uploadPart/complete: names it.
    pub checksum_algorithm: Option<ChecksumAlgorithm>,
    /// uploadPart: the part's checksum (base64) under `checksumAlgorithm`.
    pub checksum: Option<String>,
    /// Extra headers the request sends and the signature covers.
    pub headers: Fields,
    /// uploadPart: the part's size in bytes (signed as Content-Length when asked).
    pub content_length: Option<u64>,
    /// `signContentLength` (uploadPart, complete) and OSS V4's `additionalHeaders`.
    pub signed_headers: SignedHeaderOptions,
    /// Typed object options: on `create` (uploadPart takes only `contentMd5` and the SSE-C key).
    pub object: ObjectOptions,
}
