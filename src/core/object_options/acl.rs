//! Canned ACLs: each dialect's own list and header.
//! S3: <https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#canned-acl>
//! (`x-amz-acl`; the POST field is `acl`, as in seed 002's example form). OSS: seed 001
//! `x-oss-object-acl` (private, public-read, public-read-write) plus `default`, OSS's documented
//! "inherit the bucket's ACL". OBS: seed 003's list, sent as `x-obs-acl`.

use super::{given, one_of, unsupported, ObjectOptions, Pairs, Target};
use crate::core::error::Error;
use crate::core::options::Dialect;

/// S3 canned ACLs that apply to objects.
pub(crate) const S3: &[&str] = &[
    "private",
    "public-read",
    "public-read-write",
    "authenticated-read",
    "aws-exec-read",
    "bucket-owner-read",
    "bucket-owner-full-control",
];
/// Seed 001 plus `default`.
pub(crate) const OSS: &[&str] = &["private", "public-read", "public-read-write", "default"];
/// Seed 003 (and seed 002's form field).
pub(crate) const OBS: &[&str] = &[
    "private",
    "public-read",
    "public-read-write",
    "authenticated-read",
    "bucket-owner-read",
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
