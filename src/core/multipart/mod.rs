//! Multipart uploads, sans-IO: the request builders of the five operations (per dialect, in
//! `core/s3`, `core/oss`, `core/obs`), the readers of their answers, the part planner and the
//! upload as a state machine that says what to send next.

pub mod complete_xml;
pub mod crc64_combine;
pub mod etag;
pub mod events;
pub mod limits;
pub mod machine;
pub mod options;
pub mod plan;
pub mod read;
pub mod reconcile;
pub mod request;
pub mod retry;
pub mod stored;
pub mod verify;

pub use options::{ChecksumAlgorithm, CompletedPart, MultipartOptions, Operation};
pub use plan::PartPlan;

use crate::core::error::Error;
use crate::core::options::Dialect;

/// A signed multipart request: send `method` to `url` with `headers` (and `body`, the Complete
/// XML exactly as signed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedMultipart {
    pub method: String,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Option<String>,
    /// SigV4-style signers only; tokens redacted.
    pub canonical_request: Option<String>,
    pub string_to_sign: String,
}

/// Signs one multipart operation (`o.operation`) in `o.dialect`.
pub fn sign_multipart(o: &MultipartOptions) -> Result<SignedMultipart, Error> {
    let r = request::Unsigned::new(o)?;
    match o.dialect {
        Dialect::S3 => crate::core::s3::multipart::sign(o, r),
        Dialect::Oss => crate::core::oss::multipart::sign(o, r),
        Dialect::Obs => crate::core::obs::multipart::sign(o, r),
        Dialect::Cms => Err(o.dialect.unsupported("a multipart upload")),
    }
}
