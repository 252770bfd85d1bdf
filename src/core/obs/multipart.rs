//! Signing obs multipart requests (to be filled in: the request layout and validation are shared
//! in `core::multipart::request`).

use crate::core::error::Error;
use crate::core::multipart::options::MultipartOptions;
use crate::core::multipart::request::Unsigned;
use crate::core::multipart::SignedMultipart;

/// Signs `_r` for this dialect.
pub fn sign(o: &MultipartOptions, _r: Unsigned) -> Result<SignedMultipart, Error> {
    Err(o.dialect.unsupported("a multipart upload"))
}
