//! Storage classes: each dialect's own values, spelling and header.
//! S3: <https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html#AmazonS3-PutObject-request-header-StorageClass>
//! (`x-amz-storage-class`, also the POST field name). OSS: seed 001 `x-oss-storage-class`
//! (Standard, IA, Archive, ColdArchive). OBS: seed 002 STANDARD, STANDARD_IA, GLACIER
//! ("case-sensitive"), sent as `x-obs-storage-class` in the native spelling STANDARD, WARM, COLD
//! exactly as esdk-obs-browserjs's `StorageClassAdapter` does (which also takes WARM and COLD).

use super::{given, one_of, unsupported, ObjectOptions, Pairs, Target};
use crate::core::error::Error;
use crate::core::options::Dialect;

pub(crate) const S3: &[&str] = &[
    "STANDARD",
    "REDUCED_REDUNDANCY",
    "STANDARD_IA",
    "ONEZONE_IA",
    "INTELLIGENT_TIERING",
    "GLACIER",
    "DEEP_ARCHIVE",
    "GLACIER_IR",
];
pub(crate) const OSS: &[&str] = &["Standard", "IA", "Archive", "ColdArchive"];
pub(crate) const OBS: &[&str] = &["STANDARD", "STANDARD_IA", "GLACIER", "WARM", "COLD"];

pub(super) fn expand(
    o: &ObjectOptions,
    d: Dialect,
    _t: Target,
    out: &mut Pairs,
) -> Result<(), Error> {
    let Some(value) = given(&o.storage_class) else {
        return Ok(());
    };
    let (allowed, name) = match d {
        Dialect::S3 => (S3, "x-amz-storage-class"),
        Dialect::Oss => (OSS, "x-oss-storage-class"),
        Dialect::Obs => (OBS, "x-obs-storage-class"),
        Dialect::Cms => return Err(unsupported("storageClass", d)),
    };
    one_of("InvalidStorageClass", "storageClass", value, d, allowed)?;
    let value = match (d, value) {
        (Dialect::Obs, "STANDARD_IA") => "WARM",
        (Dialect::Obs, "GLACIER") => "COLD",
        (_, v) => v,
    };
    out.push("storageClass", name, value);
    Ok(())
}
