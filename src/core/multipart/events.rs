//! What the upload state machine ([`super::machine::Upload`]) hands the shell and takes from
//! it: the actions to execute, the answers of UploadPart, the outcome, the configuration.

use super::options::{ChecksumAlgorithm, CompletedPart};
use super::read::Completed;
use super::retry::RetryPolicy;
use crate::core::error::Error;
use crate::core::md5::Md5Digest;

/// What the shell must do next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Send Create.
    Create,
    /// Send bytes `[start, end)` as part `number`.
    SendPart { number: u32, start: u64, end: u64 },
    /// Send Complete with these parts (ascending).
    Complete { parts: Vec<CompletedPart> },
    /// Cancel every request in flight, then send Abort for this upload id.
    Abort { upload_id: String },
}

/// What UploadPart answered, with what the shell hashed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PartAnswer {
    /// The ETag the server answered (quotes optional; empty when CORS hid it).
    pub etag: String,
    /// The checksum sent with the part (base64), for Complete.
    pub checksum: Option<String>,
    pub md5: Option<Md5Digest>,
    /// The part's CRC-64/XZ as hashed (OSS).
    pub crc64: Option<u64>,
    /// OSS's `x-oss-hash-crc64ecma` of the part, when sent and exposed.
    pub server_crc64: Option<u64>,
}

/// How the upload ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Completed; `verified` names the checks that passed (`"parts"`, `"etag"`).
    Done {
        completed: Completed,
        verified: Vec<&'static str>,
    },
    Failed(Error),
    Aborted,
}

/// Options of an [`Upload`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UploadConfig {
    /// Parts in flight at once (at least 1).
    pub concurrency: u32,
    pub retry: RetryPolicy,
    /// The server's part ETag is the part's hex MD5 (S3 and OBS without SSE-KMS/SSE-C), so
    /// each part and the final `MD5(…)-N` ETag can be checked.
    pub etag_is_md5: bool,
    /// The S3 checksum each part carries; Complete's composite value is checked against them.
    pub checksum: Option<ChecksumAlgorithm>,
}
