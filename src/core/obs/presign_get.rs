//! OBS presigned GetObject URLs (native API) through the signer of every OBS presigned URL
//! (`obs::presign`): the overrides and `versionId` are sub-resources of the
//! CanonicalizedResource, sorted by name, values as they are — "sub-resources sorted
//! lexicographically by name and joined with &", e.g.
//! `/bucket-test/object-test?response-content-type=text/plain&versionId=xxx`
//! (<https://support.huaweicloud.com/intl/en-us/api-obs/obs_04_0010.html>; URLs:
//! <https://support.huaweicloud.com/intl/en-us/api-obs/obs_04_0011.html>), as
//! esdk-obs-browserjs `createSignedUrlSync` signs its `QueryParams` (decoded values in the
//! resource, `/` kept unescaped in the URL).
//!
//! OBS documents its own speed limit (`x-obs-traffic-limit`); `trafficLimit` is the OSS
//! parameter, so it is `UnsupportedOption` here.

use super::presign::{check_expiry, presigned};
use super::{check_reserved_headers, native_only};
use crate::core::error::Error;
use crate::core::object_request::ObjectRequest;
use crate::core::options::GetOptions;
use crate::core::presign::Presigned;
use crate::core::presign_get::{query, target};
use crate::core::put_request::PutRequest;

/// The presigned GET of `o` (at most a year, or 24 hours with temporary credentials).
pub fn presign_get(o: &GetOptions) -> Result<Presigned, Error> {
    native_only(o.version)?;
    check_expiry(o.expires_in, o.credentials.token().is_some())?;
    let put = target(o);
    let r = PutRequest::new(&put, None)?;
    check_reserved_headers(&r.headers)?;
    let query = query(o)?;
    Ok(presigned(&ObjectRequest::get(&r, &query)).into_presigned())
}
