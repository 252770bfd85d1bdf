//! The CMS token PUT of seed 000: `PUT /object/{bucket}/{objectName}` with an `Authentication`
//! token header and `x-cms-*` headers.

use crate::core::error::Error;
use crate::core::options::PutOptions;
use crate::core::put_headers::SignedRequest;

/// A CMS PutObject request carrying its token.
pub fn sign_put_headers(o: &PutOptions) -> Result<SignedRequest, Error> {
    Err(o.dialect.unsupported("a token PUT"))
}
