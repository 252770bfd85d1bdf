//! Signing OBS multipart requests (native API, `OBS AK:signature`) — InitiateMultipartUpload
//! (`POST ?uploads`), UploadPart (`PUT ?partNumber=N&uploadId=ID`), CompleteMultipartUpload
//! (`POST ?uploadId=ID`), ListParts (`GET ?uploadId=ID[&max-parts][&part-number-marker]`),
//! AbortMultipartUpload (`DELETE ?uploadId=ID`) — with the functions that sign PutObject:
//! `uploads`, `partNumber` and `uploadId` are sub-resources of the CanonicalizedResource
//! (`/bucket/key?partNumber=1&uploadId=ID`, values as they are), `max-parts` and
//! `part-number-marker` are not signed
//! (<https://support.huaweicloud.com/intl/en-us/api-obs/obs_04_0010.html>,
//! <https://support.huaweicloud.com/intl/en-us/api-obs/obs_04_0011.html>).
//!
//! `version: "v4"` is refused as for PUT: OBS signs V4 only in its S3-compatible API (the `s3`
//! dialect). Bodies are not signed (a Complete body is covered only by a Content-MD5 the caller
//! sends). Operations: initiate <https://support.huaweicloud.com/intl/en-us/api-obs/obs_04_0098.html>,
//! complete <https://support.huaweicloud.com/intl/en-us/api-obs/obs_04_0102.html>.

use super::{check_reserved_headers, native_only, presign, put_headers};
use crate::core::error::Error;
use crate::core::multipart::options::MultipartOptions;
use crate::core::multipart::request::Unsigned;
use crate::core::multipart::SignedMultipart;
use crate::core::object_request::ObjectRequest;

/// Signs `r` (laid out from `o`) for OBS: a presigned URL or an `Authorization` header as
/// `r.presign` says.
pub fn sign(o: &MultipartOptions, r: Unsigned) -> Result<SignedMultipart, Error> {
    native_only(o.version)?;
    check_reserved_headers(&r.headers)?;
    if r.presign {
        presign::check_expiry(o.expires_in, o.credentials.token().is_some())?;
    }
    let request = ObjectRequest::multipart(o, &r);
    let signed = if r.presign {
        presign::presigned(&request)
    } else {
        put_headers::header_signed(&request)
    };
    Ok(signed.into_multipart(r))
}
