//! Signing OSS multipart requests — InitiateMultipartUpload (`POST ?uploads`), UploadPart
//! (`PUT ?partNumber=N&uploadId=ID`), CompleteMultipartUpload (`POST ?uploadId=ID`), ListParts
//! (`GET ?uploadId=ID[&max-parts][&part-number-marker]`), AbortMultipartUpload
//! (`DELETE ?uploadId=ID`) — with the very functions that sign PutObject, so the rules are the
//! PUT rules plus the operation's query:
//! - V1 (`version: v2`): `uploads`, `partNumber` and `uploadId` are sub-resources of the
//!   CanonicalizedResource (`/bucket/key?partNumber=1&uploadId=ID`, values as they are);
//!   `max-parts` and `part-number-marker` are not signed
//!   (<https://www.alibabacloud.com/help/en/oss/developer-reference/include-signatures-in-the-authorization-header>);
//! - V4 (`version: v4`): every query parameter is in the canonical query, `uploads` as the name
//!   alone (<https://www.alibabacloud.com/help/en/oss/developer-reference/recommend-to-use-signature-version-4>).
//!
//! Payloads are `UNSIGNED-PAYLOAD` in V4 and absent from V1; a Complete body is covered only when
//! the caller sends its Content-MD5 (a signed header in both versions), as ali-oss does.
//! Operations: <https://www.alibabacloud.com/help/en/oss/developer-reference/initiatemultipartupload>
//! and the UploadPart, CompleteMultipartUpload, ListParts, AbortMultipartUpload pages beside it.

use super::{check_reserved_headers, presign, put_headers};
use crate::core::error::Error;
use crate::core::multipart::options::MultipartOptions;
use crate::core::multipart::request::Unsigned;
use crate::core::multipart::SignedMultipart;
use crate::core::object_request::ObjectRequest;
use crate::core::options::SigVersion;

/// Signs `r` (laid out from `o`) for OSS: V1 for `version: v2`, V4 for `version: v4`; a
/// presigned URL or an `Authorization` header as `r.presign` says.
pub fn sign(o: &MultipartOptions, r: Unsigned) -> Result<SignedMultipart, Error> {
    check_reserved_headers(&r.headers)?;
    let request = ObjectRequest::multipart(o, &r);
    let signed = match (o.version, r.presign) {
        (SigVersion::V2, false) => put_headers::v1_header(&request),
        (SigVersion::V2, true) => presign::v1_presigned(&request),
        (SigVersion::V4, false) => put_headers::v4_header(&request)?,
        (SigVersion::V4, true) => presign::v4_presigned(&request)?,
    };
    Ok(signed.into_multipart(r))
}
