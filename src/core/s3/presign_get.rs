//! S3 presigned GetObject URLs, SigV4 and SigV2, through the signers of every S3 presigned URL
//! (`s3::presign`):
//! - SigV4: the overrides and `versionId` are ordinary query parameters, in the canonical query
//!   string with the authentication parameters ("The URI-encoded query string parameters. You
//!   URI-encode each name and value individually. You must also sort the parameters in the
//!   canonical query string alphabetically by key name" —
//!   <https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html>; presigned:
//!   <https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html>);
//! - SigV2: `versionId` is a sub-resource and the overrides are appended to the
//!   CanonicalizedResource, sorted, the overrides unencoded ("When signing, you do not encode
//!   these values; however, when making the request, you must encode these parameter values" —
//!   <https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html#ConstructingTheCanonicalizedResourceElement>).
//!
//! S3 has no speed limit parameter: `trafficLimit` is `UnsupportedOption`.

use super::presign::{v2_presigned, v4_presigned};
use crate::core::error::Error;
use crate::core::object_request::ObjectRequest;
use crate::core::options::{GetOptions, SigVersion};
use crate::core::presign::Presigned;
use crate::core::presign_get::{query, target};
use crate::core::put_request::PutRequest;
use crate::core::validate::MAX_PRESIGN_SECONDS;

/// The presigned GET of `o` (SigV4 URLs live at most 7 days, SigV2 URLs have no limit).
pub fn presign_get(o: &GetOptions) -> Result<Presigned, Error> {
    let put = target(o);
    let max = match o.version {
        SigVersion::V4 => Some(MAX_PRESIGN_SECONDS),
        SigVersion::V2 => None,
    };
    let r = PutRequest::new(&put, max)?;
    let query = query(o)?;
    let request = ObjectRequest::get(&r, &query);
    let signed = match o.version {
        SigVersion::V4 => v4_presigned(&request),
        SigVersion::V2 => v2_presigned(&request),
    };
    Ok(signed.into_presigned())
}
