//! Storage classes: each dialect's own values, spelling and header. Each list quotes the
//! vendor's current documentation of the request header beside it (the seeds are older).
//!
//! OBS also takes seed 002's S3-compatible names STANDARD_IA and GLACIER ("case-sensitive") and
//! sends them as `x-obs-storage-class` in the native spelling WARM and COLD, exactly as
//! esdk-obs-browserjs's `StorageClassAdapter` does.

use super::{given, one_of, unsupported, ObjectOptions, Pairs, Target};
use crate::core::error::Error;
use crate::core::options::Dialect;

/// `x-amz-storage-class` (also the POST field name). AWS PutObject,
/// <https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html#AmazonS3-PutObject-request-header-StorageClass>:
/// "Valid Values: `STANDARD | REDUCED_REDUNDANCY | STANDARD_IA | ONEZONE_IA | INTELLIGENT_TIERING |
/// GLACIER | DEEP_ARCHIVE | OUTPOSTS | GLACIER_IR | SNOW | EXPRESS_ONEZONE | FSX_OPENZFS |
/// FSX_ONTAP`" (and: "Directory buckets only support `EXPRESS_ONEZONE` ... Amazon S3 on Outposts
/// only uses the OUTPOSTS Storage Class."). @aws-sdk/client-s3's `StorageClass` enum also has
/// AWS_BACKUP_WARM and AWS_BACKUP_LOW_COST_WARM, which the PutObject page does not list.
pub(crate) const S3: &[&str] = &[
    "STANDARD",
    "REDUCED_REDUNDANCY",
    "STANDARD_IA",
    "ONEZONE_IA",
    "INTELLIGENT_TIERING",
    "GLACIER",
    "DEEP_ARCHIVE",
    "OUTPOSTS",
    "GLACIER_IR",
    "SNOW",
    "EXPRESS_ONEZONE",
    "FSX_OPENZFS",
    "FSX_ONTAP",
];
/// `x-oss-storage-class`. OSS's page for this header's PutObject error,
/// <https://www.alibabacloud.com/help/en/oss/user-guide/0017-00000131>: "Set x-oss-storage-class
/// to one of the following valid values: Valid values: Standard | IA | Archive | ColdArchive |
/// DeepColdArchive". (Seed 001 said "Valid values: Standard, IA, Archive, and ColdArchive.")
pub(crate) const OSS: &[&str] = &[
    "Standard",
    "IA",
    "Archive",
    "ColdArchive",
    "DeepColdArchive",
];
/// `x-obs-storage-class`. Huawei's PUT Object page (support.huaweicloud.com/api-obs/obs_04_0080.html,
/// as mirrored at <https://huaweicloud.com/guide/productsdesc-bms_f57f111c785ec376c23a469a03208d17support3>),
/// for the header its response carries: "x-obs-storage-class ... 参数解释: 对象的存储类别。 约束限制:
/// 对象为非标准存储对象时,会返回此头域。 取值范围: WARM COLD DEEP_ARCHIVE" (the object's class;
/// sent for any class but Standard); esdk-obs-browserjs 3.25 `src/utils.js`:
/// "const obsAllowedStorageClass = ['STANDARD', 'WARM', 'COLD', 'DEEP_ARCHIVE', ...". Seed 002's
/// STANDARD_IA and GLACIER are sent as WARM and COLD.
pub(crate) const OBS: &[&str] = &[
    "STANDARD",
    "STANDARD_IA",
    "GLACIER",
    "WARM",
    "COLD",
    "DEEP_ARCHIVE",
];

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
