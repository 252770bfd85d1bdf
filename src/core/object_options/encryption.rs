//! Server-side encryption with service-managed keys: the algorithm, the KMS key id, and OSS's
//! SM4 data encryption. (Customer-provided keys: [`super::sse_c`].)
//! S3: <https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html#AmazonS3-PutObject-request-header-ServerSideEncryption>
//! and seed 002 (`x-amz-server-side-encryption: aws:kms`,
//! `x-amz-server-side-encryption-aws-kms-key-id`). OSS: seed 001 (`x-oss-server-side-encryption`
//! AES256 | KMS, `x-oss-server-side-encryption-key-id` "valid only when ... KMS") and seed 004
//! (`--server-side-data-encryption SM4` with KMS). OBS native: seed 002's SSE-KMS as
//! `x-obs-server-side-encryption: kms` and `x-obs-server-side-encryption-kms-key-id`, the value
//! without `aws:` as esdk-obs-browserjs's `SseKmsAdapter` sends it.

use super::{check_value, given, one_of, unsupported, ObjectOptions, Pairs, Target};
use crate::core::error::Error;
use crate::core::options::Dialect;

pub(crate) const S3: &[&str] = &["AES256", "aws:kms", "aws:kms:dsse"];
pub(crate) const OSS: &[&str] = &["AES256", "KMS"];
pub(crate) const OBS: &[&str] = &["kms", "aws:kms"];
/// OSS data encryption with KMS (seed 004).
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
            let sent = if d == Dialect::Obs { "kms" } else { value };
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
