//! PUT with an `Authorization` header, for callers that sign each request just before sending;
//! each dialect's folder signs its own (`s3/put_headers.rs`, `oss/`, `obs/`, `cms/`).

use crate::core::error::Error;
use crate::core::options::{Dialect, PutOptions};

/// A request ready to send: method, URL and every header to set (not `Host`, which the HTTP
/// client sets to the value that was signed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedRequest {
    pub method: String,
    pub url: String,
    pub headers: Vec<(String, String)>,
    /// SigV4 only; security tokens redacted.
    pub canonical_request: Option<String>,
    pub string_to_sign: String,
}

/// Signs a PUT of `o.key` with the headers in `o.headers`, body unsigned (UNSIGNED-PAYLOAD).
pub fn sign_put_headers(o: &PutOptions) -> Result<SignedRequest, Error> {
    match o.dialect {
        Dialect::S3 => crate::core::s3::sign_put_headers(o),
        Dialect::Oss => crate::core::oss::sign_put_headers(o),
        Dialect::Obs => crate::core::obs::sign_put_headers(o),
        Dialect::Cms => crate::core::cms::sign_put_headers(o),
    }
}
