//! SSE-C, encryption with a customer-provided key: the algorithm, the base64 key and the
//! base64 MD5 of the key's bytes, which the module computes. The three go together.
//! S3: <https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerSideEncryptionCustomerKeys.html>
//! (a 256-bit key). OBS: seed 002 (`...-customer-algorithm` AES256, `...-customer-key` "a
//! base64-encoded 256-bit or 512-bit key", `...-customer-key-MD5`), natively with the `x-obs-`
//! prefix (esdk-obs-browserjs `ObjectEncryptionRule`). Seeds 000 and 001 have no SSE-C.
//!
//! The key is a secret: [`CustomerKey`]'s `Debug` redacts it and no error repeats it.

use super::{given, unsupported, ObjectOptions, Pairs, Target};
use crate::core::encode;
use crate::core::error::Error;
use crate::core::md5::ContentMd5;
use crate::core::options::Dialect;
use std::fmt;

/// An SSE-C key, base64 as the header carries it.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct CustomerKey(pub String);

impl fmt::Debug for CustomerKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CustomerKey(<redacted>)")
    }
}

/// `...-server-side-encryption-customer-algorithm`. S3 PutObject,
/// <https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html#AmazonS3-PutObject-request-header-SSECustomerAlgorithm>:
/// "Specifies the algorithm to use when encrypting the object (for example, `AES256`)."; OBS, seed
/// 002 and Huawei's Upload Part headers
/// (<https://huaweicloud.com/guide/productsdesc-bms_11bb6a760112f0632cbe916161b98899support2>):
/// "x-obs-server-side-encryption-customer-algorithm ... 取值范围: AES256".
pub(crate) const ALGORITHMS: &[&str] = &["AES256"];

pub(super) fn expand(
    o: &ObjectOptions,
    d: Dialect,
    _t: Target,
    out: &mut Pairs,
) -> Result<(), Error> {
    let algorithm = given(&o.sse_customer_algorithm);
    let key = o
        .sse_customer_key
        .as_ref()
        .map(|k| k.0.as_str())
        .filter(|k| !k.is_empty());
    if algorithm.is_none() && key.is_none() {
        return Ok(());
    }
    let (prefix, key_bytes): (&str, &[usize]) = match d {
        Dialect::S3 => ("x-amz-", &[32]),
        Dialect::Obs => ("x-obs-", &[32, 64]),
        _ => {
            let option = if algorithm.is_some() {
                "sseCustomerAlgorithm"
            } else {
                "sseCustomerKey"
            };
            return Err(unsupported(option, d));
        }
    };
    if given(&o.server_side_encryption).is_some() {
        return Err(Error::invalid(
            "ConflictingEncryption",
            "sseCustomerKey",
            "SSE-C (sseCustomerKey) and serverSideEncryption cannot be used together",
        ));
    }
    let (Some(algorithm), Some(key)) = (algorithm, key) else {
        let missing = if algorithm.is_none() {
            "sseCustomerAlgorithm"
        } else {
            "sseCustomerKey"
        };
        return Err(Error::invalid(
            "IncompleteSseCustomer",
            missing,
            "SSE-C needs both sseCustomerAlgorithm and sseCustomerKey",
        ));
    };
    if !ALGORITHMS.contains(&algorithm) {
        return Err(Error::invalid(
            "InvalidSseCustomerAlgorithm",
            "sseCustomerAlgorithm",
            format!(
                "sseCustomerAlgorithm \"{algorithm}\" is not valid; allowed: {}",
                ALGORITHMS.join(", ")
            ),
        ));
    }
    let bits: Vec<String> = key_bytes.iter().map(|n| (n * 8).to_string()).collect();
    let bad_key = || {
        Error::invalid(
            "InvalidSseCustomerKey",
            "sseCustomerKey",
            format!(
                "sseCustomerKey must be the base64 of a {}-bit key for dialect \"{}\"",
                bits.join("- or "),
                d.name()
            ),
        )
    };
    let bytes = encode::base64_decode(key).ok_or_else(bad_key)?;
    if !key_bytes.contains(&bytes.len()) || encode::base64(&bytes) != key {
        return Err(bad_key());
    }
    let mut md5 = ContentMd5::new();
    md5.update(&bytes);
    let base = format!("{prefix}server-side-encryption-customer-");
    out.push(
        "sseCustomerAlgorithm",
        format!("{base}algorithm"),
        algorithm,
    );
    out.push("sseCustomerKey", format!("{base}key"), key);
    out.push(
        "sseCustomerKey",
        format!("{base}key-MD5"),
        md5.finalize().base64(),
    );
    Ok(())
}
