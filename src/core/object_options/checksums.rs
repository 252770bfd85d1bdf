//! S3's additional checksums on a single upload: `checksumCrc32`, `checksumCrc32c`,
//! `checksumCrc64nvme`, `checksumSha256` (the AWS SDK's PutObject input `ChecksumCRC32C` …, in
//! camelCase), each the base64 S3 takes, at most one per upload.
//!
//! - PUT (header-signed or presigned): the header `x-amz-checksum-<algorithm>`, signed. Nothing
//!   else: given a value, @aws-sdk/client-s3 sends only that header (no
//!   `x-amz-sdk-checksum-algorithm`, which names an algorithm the SDK is to compute), and its
//!   presigner signs it (hoisted into the query unless unhoisted; this module keeps every
//!   `x-amz-*` option a header). AWS PutObject:
//!   <https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html>.
//! - POST Object: the form fields `x-amz-checksum-<algorithm>` and `x-amz-checksum-algorithm`
//!   (`CRC32C` …), both pinned in the policy like every field:
//!   <https://docs.aws.amazon.com/AmazonS3/latest/API/RESTObjectPOST.html>.
//!
//! `checksumAlgorithm` may name the algorithm too (`'CRC32C'`, as the SDK spells it); it must then
//! agree with the value given. The core never hashes: the value comes from the caller, e.g.
//! `digests(file, { algorithms: ['crc32c'] })`, which the browser module reads when the options
//! carry `digests` (src/wasm/checksum_option.rs). OSS, OBS and CMS have no such headers.
//! Spec of the values: <https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html>.

use super::{unsupported, ObjectOptions, Pairs, Target};
use crate::core::checksum::ChecksumAlgorithm;
use crate::core::encode;
use crate::core::error::Error;
use crate::core::options::Dialect;

/// A checksum option's value: the base64 string, or the `{ base64 }` object `digests()` gives
/// for SHA-256.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChecksumValue(pub String);

/// The checksum the options give, with its algorithm, validated; `None` when none is given.
pub(crate) fn claimed(o: &ObjectOptions) -> Result<Option<(ChecksumAlgorithm, String)>, Error> {
    let values = [
        &o.checksum_crc32,
        &o.checksum_crc32c,
        &o.checksum_crc64nvme,
        &o.checksum_sha256,
    ];
    let given: Vec<(ChecksumAlgorithm, &str)> = ChecksumAlgorithm::ALL
        .into_iter()
        .zip(values)
        .filter_map(|(a, v)| Some((a, v.as_ref()?.0.trim())))
        .filter(|(_, v)| !v.is_empty())
        .collect();
    let (a, value) = match (given.as_slice(), o.checksum_algorithm) {
        ([], None) => return Ok(None),
        ([], Some(a)) => {
            return Err(Error::invalid(
                "MissingChecksum",
                a.option(),
                format!(
                    "checksumAlgorithm {} needs the value: give {} (or, in the browser, digests: await digests(file, {{ algorithms: ['{}'] }}))",
                    a.name(),
                    a.option(),
                    a.digest_name()
                ),
            ))
        }
        ([one], _) => *one,
        ([(a, _), (b, _), ..], _) => {
            return Err(Error::invalid(
                "ConflictingOption",
                b.option(),
                format!(
                    "{} and {} are both given; S3 takes one checksum per upload",
                    a.option(),
                    b.option()
                ),
            ))
        }
    };
    if let Some(named) = o.checksum_algorithm.filter(|n| *n != a) {
        return Err(Error::invalid(
            "ConflictingOption",
            "checksumAlgorithm",
            format!(
                "checksumAlgorithm is {} but the value given is {}",
                named.name(),
                a.option()
            ),
        ));
    }
    match encode::base64_decode(value) {
        Some(bytes) if bytes.len() == a.value_len() && encode::base64(&bytes) == value => {
            Ok(Some((a, value.to_string())))
        }
        _ => Err(Error::invalid(
            "InvalidChecksum",
            a.option(),
            format!(
                "{} must be the base64 of the {}-byte {} value (as digests() gives it)",
                a.option(),
                a.value_len(),
                a.name()
            ),
        )),
    }
}

pub(super) fn expand(
    o: &ObjectOptions,
    d: Dialect,
    t: Target,
    out: &mut Pairs,
) -> Result<(), Error> {
    let Some((a, value)) = claimed(o)? else {
        return Ok(());
    };
    if d != Dialect::S3 {
        return Err(unsupported(a.option(), d));
    }
    out.push(a.option(), a.header(), value);
    if t == Target::Post {
        out.push(a.option(), "x-amz-checksum-algorithm", a.name());
    }
    Ok(())
}
