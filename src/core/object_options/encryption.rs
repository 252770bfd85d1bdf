//! Server-side encryption with service-managed keys: the algorithm, the KMS key id, and OSS's
//! SM4 data encryption. (Customer-provided keys: [`super::sse_c`].) Each list quotes the vendor's
//! current documentation beside it. The KMS key id: seed 002 (S3,
//! `x-amz-server-side-encryption-aws-kms-key-id`), seed 001 (OSS,
//! `x-oss-server-side-encryption-key-id` "valid only when x-oss-server-side-encryption is set to
//! KMS") and, natively, `x-obs-server-side-encryption-kms-key-id`.

use super::{check_value, given, one_of, unsupported, ObjectOptions, Pairs, Target};
use crate::core::error::Error;
use crate::core::options::Dialect;

/// `x-amz-server-side-encryption`. AWS PutObject,
/// <https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html#AmazonS3-PutObject-request-header-ServerSideEncryption>:
/// "Valid Values: `AES256 | aws:fsx | aws:kms | aws:kms:dsse`" ("S3 access points for Amazon FSx -
/// When accessing data stored in Amazon FSx file systems using S3 access points, the only valid
/// server side encryption option is `aws:fsx`.").
pub(crate) const S3: &[&str] = &["AES256", "aws:kms", "aws:kms:dsse", "aws:fsx"];
/// `x-oss-server-side-encryption`. OSS PutObject
/// (<https://www.alibabacloud.com/help/en/oss/developer-reference/putobject>) as seed 001 has it:
/// "Valid values: AES256 and KMS" (unchanged: the current page could not be read here, and no
/// other public OSS page found names another value of this header). SM4 is a value of a bucket's
/// default `SSEAlgorithm` and, with KMS, of the data algorithm below.
pub(crate) const OSS: &[&str] = &["AES256", "KMS"];
/// `x-obs-server-side-encryption`. Huawei, "Server-Side Encryption" API overview,
/// <https://support.huaweicloud.com/intl/en-us/api-obs/obs_04_0188.html>, the column "API for
/// Uploading an Object - PUT": "kms: SSE-KMS is used for encryption. AES256: SSE-OBS and the
/// AES-256 algorithm are used." (the bucket-creation column's "obs" is not an object value); SSE-OBS,
/// <https://support.huaweicloud.com/eu/api-obs/obs_04_0173.html>: "Example:
/// x-obs-server-side-encryption:AES256" and "Uploading Objects - POST
/// (x-obs-server-side-encryption should be put in the form, instead of the header.)". `aws:kms` is
/// seed 002's S3-compatible spelling, sent as `kms` as esdk-obs-browserjs's `SseKmsAdapter` does.
pub(crate) const OBS: &[&str] = &["kms", "AES256", "aws:kms"];
/// OSS `x-oss-server-side-data-encryption`, with KMS. Seed 004 (`--server-side-data-encryption
/// SM4` with `--server-side-encryption KMS`); OSS PutBucketEncryption's `KMSDataEncryption`
/// (<https://help.aliyun.com/document_detail/117914.htm>): "指定Object的加密算法。 ... 此选项仅当
/// SSEAlgorithm取值为KMS有效。 取值:SM4".
pub(crate) const OSS_DATA: &[&str] = &["SM4"];

/// The dialect's header names: algorithm, KMS key id.
fn names(d: Dialect) -> Option<(&'static str, &'static str)> {
    match d {
        Dialect::S3 => Some((
            "x-amz-server-side-encryption",
            "x-amz-server-side-encryption-aws-kms-key-id",
        )),
        Dialect::Oss => Some((
            "x-oss-server-side-encryption",
            "x-oss-server-side-encryption-key-id",
        )),
        Dialect::Obs => Some((
            "x-obs-server-side-encryption",
            "x-obs-server-side-encryption-kms-key-id",
        )),
        Dialect::Cms => None,
    }
}

pub(super) fn expand(
    o: &ObjectOptions,
    d: Dialect,
    t: Target,
    out: &mut Pairs,
) -> Result<(), Error> {
    let sse = given(&o.server_side_encryption);
    let key_id = given(&o.server_side_encryption_key_id);
    let data = given(&o.server_side_data_encryption);
    if sse.is_none() && key_id.is_none() && data.is_none() {
        return Ok(());
    }
    let Some((sse_name, key_id_name)) = names(d) else {
        let option = match (sse, key_id) {
            (Some(_), _) => "serverSideEncryption",
            (None, Some(_)) => "serverSideEncryptionKeyId",
            _ => "serverSideDataEncryption",
        };
        return Err(unsupported(option, d));
    };
    if data.is_some() && d != Dialect::Oss {
        return Err(unsupported("serverSideDataEncryption", d));
    }
    let kms = match sse {
        None => false,
        Some(value) => {
            let allowed = match d {
                Dialect::S3 => S3,
                Dialect::Oss => OSS,
                _ => OBS,
            };
            one_of(
                "InvalidEncryptionAlgorithmError",
                "serverSideEncryption",
                value,
                d,
                allowed,
            )?;
            let sent = if d == Dialect::Obs && value == "aws:kms" {
                "kms"
            } else {
                value
            };
            out.push("serverSideEncryption", sse_name, sent);
            value.to_ascii_lowercase().contains("kms")
        }
    };
    if let Some(value) = data {
        one_of(
            "InvalidEncryptionAlgorithmError",
            "serverSideDataEncryption",
            value,
            d,
            OSS_DATA,
        )?;
        if !kms {
            return Err(needs_kms("serverSideDataEncryption", d));
        }
        out.push(
            "serverSideDataEncryption",
            "x-oss-server-side-data-encryption",
            value,
        );
    }
    if let Some(value) = key_id {
        if !kms {
            return Err(needs_kms("serverSideEncryptionKeyId", d));
        }
        check_value("serverSideEncryptionKeyId", value, t)?;
        out.push("serverSideEncryptionKeyId", key_id_name, value);
    }
    Ok(())
}

fn needs_kms(option: &str, d: Dialect) -> Error {
    let kms = match d {
        Dialect::S3 => "aws:kms",
        Dialect::Oss => "KMS",
        _ => "kms",
    };
    Error::invalid(
        "RequiresKms",
        option,
        format!("{option} is valid only with serverSideEncryption \"{kms}\""),
    )
}
