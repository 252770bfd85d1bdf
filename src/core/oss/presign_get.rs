//! OSS presigned GetObject URLs, V1 and V4, through the signers of every OSS presigned URL
//! (`oss::presign`):
//! - V1 (`version: v2`): the overrides, `versionId` and `x-oss-traffic-limit` are sub-resources
//!   of the CanonicalizedResource, sorted by name, values as they are. "Construct
//!   CanonicalizedResource" lists response-content-type, response-content-language,
//!   response-expires, response-cache-control, response-content-disposition and
//!   response-content-encoding among the sub-resources, with the example
//!   `/BucketName/ObjectName?acl&response-content-type=ContentType&uploadId=UploadId`
//!   (<https://www.alibabacloud.com/help/en/oss/developer-reference/include-signatures-in-the-authorization-header>);
//!   ali-oss `signatureUrl` signs `response`, `trafficLimit` and `subResource` (`versionId`) the
//!   same way (`signUtils._signatureForURL` puts all three in the canonicalized resource);
//! - V4 (`version: v4`): every query parameter is in the canonical query string, sorted by name,
//!   names and values URI-encoded ("Canonical Query String" in
//!   <https://www.alibabacloud.com/help/en/oss/developer-reference/recommend-to-use-signature-version-4>;
//!   ali-oss `signatureUrlV4` signs every entry of `queries`).
//!
//! The speed limit: "For private objects, include x-oss-traffic-limit in the signature
//! calculation when generating the signed URL"
//! (<https://www.alibabacloud.com/help/en/oss/user-guide/single-connection-bandwidth-throttling-4>).
//! OSS may refuse `response-content-type` on some GETs ("Can not override response header on
//! content-type", EC 0017-00000902, <https://help.aliyun.com/zh/oss/support/0017-00000902>); the
//! URL is signed all the same, the refusal is the bucket's.

use super::presign::{v1_presigned, v4_presigned};
use crate::core::error::Error;
use crate::core::object_request::ObjectRequest;
use crate::core::options::{GetOptions, SigVersion};
use crate::core::presign::Presigned;
use crate::core::presign_get::{query, target};
use crate::core::put_request::PutRequest;
use crate::core::validate::MAX_PRESIGN_SECONDS;

/// The presigned GET of `o` (V4's `x-oss-expires` is at most 7 days; V1 has no limit).
pub fn presign_get(o: &GetOptions) -> Result<Presigned, Error> {
    let put = target(o);
    let max = match o.version {
        SigVersion::V2 => None,
        SigVersion::V4 => Some(MAX_PRESIGN_SECONDS),
    };
    let r = PutRequest::new(&put, max)?;
    let query = query(o)?;
    let request = ObjectRequest::get(&r, &query);
    let signed = match o.version {
        SigVersion::V2 => v1_presigned(&request),
        SigVersion::V4 => v4_presigned(&request)?,
    };
    Ok(signed.into_presigned())
}
