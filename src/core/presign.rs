//! Presigned PUT URLs: the signature travels in the query, so a browser can upload with a plain
//! PUT carrying only the signed headers.
//! SigV4: <https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html>;
//! SigV2: <https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html#RESTAuthenticationQueryStringAuth>.

use crate::core::error::Error;
use crate::core::options::{Dialect, PutOptions};

/// A presigned URL with the strings that produced it, for debugging a `SignatureDoesNotMatch`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presigned {
    pub url: String,
    /// SigV4 only; security tokens redacted.
    pub canonical_request: Option<String>,
    pub string_to_sign: String,
}

/// The presigned URL of a PUT of `o.key`. The upload must send exactly the headers in
/// `o.headers` (they are signed); the body is not (UNSIGNED-PAYLOAD).
pub fn presign_put(o: &PutOptions) -> Result<String, Error> {
    presign_put_parts(o).map(|p| p.url)
}

/// [`presign_put`] with its intermediate strings.
pub fn presign_put_parts(o: &PutOptions) -> Result<Presigned, Error> {
    presign("PUT", o)
}

/// A presigned URL for `method` (`PUT`, or `GET`/`HEAD` to read an object back) with its
/// intermediate strings.
pub fn presign(method: &str, o: &PutOptions) -> Result<Presigned, Error> {
    match o.dialect {
        Dialect::S3 => crate::core::s3::presign::presign_object(method, o),
        Dialect::Oss => crate::core::oss::presign(method, o),
        Dialect::Obs => crate::core::obs::presign(method, o),
        Dialect::Cms => Err(o.dialect.unsupported("a presigned URL")),
    }
}
