//! Canned ACLs: each dialect's own list and header, each list beside the vendor's current
//! documentation of it. S3's POST field is `acl`, as in seed 002's example form.

use super::{given, one_of, unsupported, ObjectOptions, Pairs, Target};
use crate::core::error::Error;
use crate::core::options::Dialect;

/// `x-amz-acl`. AWS PutObject,
/// <https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html#AmazonS3-PutObject-request-header-ACL>:
/// "Valid Values: `private | public-read | public-read-write | authenticated-read | aws-exec-read |
/// bucket-owner-read | bucket-owner-full-control`".
pub(crate) const S3: &[&str] = &[
    "private",
    "public-read",
    "public-read-write",
    "authenticated-read",
    "aws-exec-read",
    "bucket-owner-read",
    "bucket-owner-full-control",
];
/// `x-oss-object-acl`. <https://www.alibabacloud.com/help/en/oss/user-guide/0017-00000105>: "Set
/// x-oss-object-acl to one of the following values: ... default The object inherits the ACL of the
/// bucket it belongs to. ... private ... public-read ... public-read-write". (Seed 001 lists the
/// last three.)
pub(crate) const OSS: &[&str] = &["private", "public-read", "public-read-write", "default"];
/// `x-obs-acl`, the native API's list, which is not the S3-compatible `x-amz-acl` one (seed 003).
/// Huawei, "Configuring an ACL Using Header Fields",
/// <https://support.huaweicloud.com/en-us/devg-obs/obs_06_0043.html>: "The x-obs-acl is special,
/// which can be configured with six types of permissions": private, public-read,
/// public-read-write, public-read-delivered, public-read-write-delivered,
/// bucket-owner-full-control. The Chinese page
/// (<https://huaweicloud.com/guide/productsdesc-bms_bfae2008f80201876e343cc2f9f6d87dsupport1>) says
/// of both `-delivered` ones "不能应用在对象上" (cannot be applied to objects), as does the Python
/// SDK's (<https://support.huaweicloud.com/en-us/sdk-python-devg-obs/obs_22_0703.html>):
/// "PUBLIC_READ_DELIVERED and PUBLIC_READ_WRITE_DELIVERED cannot be set to objects."
/// authenticated-read and bucket-owner-read are `x-amz-acl` values only; esdk-obs-browserjs's
/// `ACLAdapter` drops them under the OBS signature (`obsAllowedAcl = ['private', 'public-read',
/// 'public-read-write', 'public-read-delivered', 'public-read-write-delivered']`).
pub(crate) const OBS: &[&str] = &[
    "private",
    "public-read",
    "public-read-write",
    "bucket-owner-full-control",
];

pub(super) fn expand(
    o: &ObjectOptions,
    d: Dialect,
    t: Target,
    out: &mut Pairs,
) -> Result<(), Error> {
    let Some(value) = given(&o.acl) else {
        return Ok(());
    };
    let (allowed, name) = match (d, t) {
        (Dialect::S3, Target::Put) => (S3, "x-amz-acl"),
        (Dialect::S3, Target::Post) => (S3, "acl"),
        (Dialect::Oss, _) => (OSS, "x-oss-object-acl"),
        (Dialect::Obs, _) => (OBS, "x-obs-acl"),
        (Dialect::Cms, _) => return Err(unsupported("acl", d)),
    };
    one_of("InvalidAcl", "acl", value, d, allowed)?;
    out.push("acl", name, value);
    Ok(())
}
