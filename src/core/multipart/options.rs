//! The options of [`sign_multipart`](super::sign_multipart), shaped like the JavaScript
//! `signMultipart` options so one `Deserialize` serves the browser module and a backend.

pub use crate::core::checksum::ChecksumAlgorithm;
use crate::core::credentials::Credentials;
use crate::core::object_options::ObjectOptions;
use crate::core::options::{Dialect, Fields, SigVersion};
use crate::core::time::UtcTime;
use serde::Deserialize;

/// The five multipart operations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
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
        }
    }
}

/// A part as Complete lists it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CompletedPart {
    pub part_number: u32,
    /// The ETag UploadPart answered (quotes optional).
    pub etag: String,
    /// The part's checksum (base64) under the upload's `checksumAlgorithm`.
    #[serde(default)]
    pub checksum: Option<String>,
}

/// Options of [`sign_multipart`](super::sign_multipart).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MultipartOptions {
    pub operation: Operation,
    #[serde(default)]
    pub dialect: Dialect,
    #[serde(default)]
    pub version: SigVersion,
    pub endpoint: String,
    pub bucket: String,
    #[serde(default = "crate::core::options::default_region")]
    pub region: String,
    #[serde(default)]
    pub path_style: bool,
    pub credentials: Credentials,
    pub key: String,
    /// Seconds a presigned URL stays valid.
    #[serde(default = "crate::core::options::default_put_expiry")]
    pub expires_in: i64,
    /// The signing instant; the core has no clock.
    #[serde(skip, default)]
    pub now: Option<UtcTime>,
    /// A presigned URL (`true`, the default for `uploadPart`) or an `Authorization` header.
    #[serde(default)]
    pub presign: Option<bool>,
    #[serde(default)]
    pub upload_id: Option<String>,
    #[serde(default)]
    pub part_number: Option<u32>,
    #[serde(default)]
    pub part_number_marker: Option<u32>,
    #[serde(default)]
    pub max_parts: Option<u32>,
    /// Complete: the parts, ascending and unique.
    #[serde(default)]
    pub parts: Vec<CompletedPart>,
    /// Create: declares the algorithm of the part checksums; uploadPart/complete: names it.
    #[serde(default)]
    pub checksum_algorithm: Option<ChecksumAlgorithm>,
    /// uploadPart: the part's checksum (base64) under `checksumAlgorithm`.
    #[serde(default)]
    pub checksum: Option<String>,
    /// Extra headers the request sends and the signature covers.
    #[serde(default)]
    pub headers: Fields,
    /// Typed object options: on `create` (uploadPart takes only `contentMd5` and the SSE-C key).
    #[serde(flatten)]
    pub object: ObjectOptions,
}
