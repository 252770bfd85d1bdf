//! The PutObject error codes of seed 001 (Alibaba OSS PutObject, "Error codes"), each with its
//! documented HTTP status and cause. A refusal keeps the server's `<Code>` verbatim as
//! [`Error::code`](crate::core::error::Error), so a caller switches on these strings (JS:
//! `switch (e.code) { case 'FileAlreadyExists': … }`) or, in Rust, on [`PutObjectErrorCode`].
//! Spec: <https://www.alibabacloud.com/help/en/oss/developer-reference/putobject>.

use crate::core::error::{Error, ErrorKind};

/// A PutObject refusal documented by seed 001.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PutObjectErrorCode {
    MissingContentLength,
    InvalidEncryptionAlgorithmError,
    AccessDenied,
    NoSuchBucket,
    InvalidObjectName,
    InvalidArgument,
    RequestTimeout,
    KmsServiceNotEnabled,
    FileAlreadyExists,
    FileImmutable,
}

use PutObjectErrorCode::*;

impl PutObjectErrorCode {
    /// Every code of the table, in the seed's order.
    pub const ALL: [PutObjectErrorCode; 10] = [
        MissingContentLength,
        InvalidEncryptionAlgorithmError,
        AccessDenied,
        NoSuchBucket,
        InvalidObjectName,
        InvalidArgument,
        RequestTimeout,
        KmsServiceNotEnabled,
        FileAlreadyExists,
        FileImmutable,
    ];

    /// The code as the server writes it in `<Code>`.
    pub fn as_str(self) -> &'static str {
        match self {
            MissingContentLength => "MissingContentLength",
            InvalidEncryptionAlgorithmError => "InvalidEncryptionAlgorithmError",
            AccessDenied => "AccessDenied",
            NoSuchBucket => "NoSuchBucket",
            InvalidObjectName => "InvalidObjectName",
            InvalidArgument => "InvalidArgument",
            RequestTimeout => "RequestTimeout",
            KmsServiceNotEnabled => "KmsServiceNotEnabled",
            FileAlreadyExists => "FileAlreadyExists",
            FileImmutable => "FileImmutable",
        }
    }

    /// The HTTP status seed 001 gives for the code.
    pub fn status(self) -> u16 {
        match self {
            MissingContentLength => 411,
            InvalidEncryptionAlgorithmError
            | InvalidObjectName
            | InvalidArgument
            | RequestTimeout => 400,
            AccessDenied | KmsServiceNotEnabled => 403,
            NoSuchBucket => 404,
            FileAlreadyExists | FileImmutable => 409,
        }
    }

    /// The cause seed 001 gives, used as the message when the server sends none.
    pub fn cause(self) -> &'static str {
        match self {
            MissingContentLength => "the request has neither chunked encoding nor a Content-Length",
            InvalidEncryptionAlgorithmError => {
                "the server-side encryption algorithm is not valid (AES256 or KMS)"
            }
            AccessDenied => "not authorized to add objects to this bucket",
            NoSuchBucket => "the bucket does not exist",
            InvalidObjectName => "the object key is longer than 1,023 bytes",
            InvalidArgument => {
                "an argument is invalid: the object is over 5 GB, or a value such as the storage class is not allowed"
            }
            RequestTimeout => {
                "the body sent was shorter than its Content-Length and the server timed out waiting"
            }
            KmsServiceNotEnabled => "KMS encryption was asked for but KMS is not activated",
            FileAlreadyExists => {
                "an object of the same name exists and x-oss-forbid-overwrite is true"
            }
            FileImmutable => "the object is protected by a retention policy",
        }
    }

    /// The table entry for `code` (exact spelling), if it is one.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == code)
    }

    /// The table entry a server refusal stands for.
    pub fn of(e: &Error) -> Option<Self> {
        (e.kind == ErrorKind::Server)
            .then(|| Self::from_code(&e.code))
            .flatten()
    }
}
