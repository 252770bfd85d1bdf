//! The checks made when Complete answers: the object's ETag against the parts' MD5s (where the
//! dialect forms it from them), OSS's whole-object CRC-64 against the parts' CRC-64s, and S3's
//! composite checksum (the checksum of the parts' checksums, `-N`) against the parts' values:
//! <https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html#large-object-checksums>.

use super::crc64_combine::{combine_parts, combine_parts_with, NVME};
use super::etag::{check_multipart_etag, EtagCheck};
use super::options::ChecksumAlgorithm;
use super::read::Completed;
use crate::core::encode::{base64, base64_decode};
use crate::core::error::{Error, ErrorKind};
use crate::core::md5::Md5Digest;

/// What was hashed of one part.
#[derive(Debug, Clone)]
pub struct PartDigests {
    pub md5: Option<Md5Digest>,
    pub crc64: Option<u64>,
    /// The S3 checksum sent with the part (base64).
    pub checksum: Option<String>,
    pub len: u64,
}

/// The names of the checks that passed (`parts`, `etag`, `crc64`), or the integrity error of
/// the first that failed.
pub fn verify(
    completed: &Completed,
    parts: &[PartDigests],
    etag_is_md5: bool,
    algorithm: Option<ChecksumAlgorithm>,
) -> Result<Vec<&'static str>, Error> {
    let mut verified = Vec::new();
    let md5s: Option<Vec<Md5Digest>> = parts.iter().map(|p| p.md5).collect();
    if let (true, Some(md5s)) = (etag_is_md5, md5s) {
        // Every part's ETag was compared with its MD5 as it was stored.
        verified.push("parts");
        match check_multipart_etag(&completed.etag, &md5s) {
            EtagCheck::Matches => verified.push("etag"),
            EtagCheck::NotComparable => {}
            EtagCheck::Differs => {
                return Err(Error::new(
                    ErrorKind::Integrity,
                    "ETagMismatch",
                    format!(
                        "the object's ETag {} is not the one its parts make",
                        completed.etag
                    ),
                ))
            }
        }
    }
    let theirs = completed
        .crc64ecma
        .as_deref()
        .and_then(crate::core::response::parse_crc64);
    let crcs: Option<Vec<(u64, u64)>> = parts.iter().map(|p| p.crc64.map(|c| (c, p.len))).collect();
    if let (Some(theirs), Some(crcs)) = (theirs, crcs) {
        let ours = combine_parts(crcs);
        if ours != theirs {
            return Err(Error::new(
                ErrorKind::Integrity,
                "Crc64Mismatch",
                format!("the object's CRC-64 {theirs} is not the {ours} its parts make"),
            ));
        }
        verified.push("crc64");
    }
    if let (Some(a), Some((element, theirs))) = (algorithm, &completed.checksum) {
        let values: Option<Vec<&str>> = parts.iter().map(|p| p.checksum.as_deref()).collect();
        // `-N`: a checksum of the part checksums; without it, of the whole object, which only a
        // CRC can be combined into (CRC-64/NVME, S3's FULL_OBJECT type).
        let composite = element == a.element() && theirs.contains('-');
        let full =
            element == a.element() && !theirs.contains('-') && a == ChecksumAlgorithm::Crc64nvme;
        if let (true, Some(values)) = (full, &values) {
            match full_object_crc64nvme(values, parts) {
                Some(ours) if ours == *theirs => verified.push("checksum"),
                Some(ours) => {
                    return Err(Error::new(
                        ErrorKind::Integrity,
                        "ChecksumMismatch",
                        format!("the object's {element} {theirs} is not the {ours} its parts make"),
                    ))
                }
                None => {}
            }
        }
        if let (true, Some(values)) = (composite, values) {
            match composite_checksum(a, &values) {
                Some(ours) if ours == *theirs => verified.push("checksum"),
                Some(ours) => {
                    return Err(Error::new(
                        ErrorKind::Integrity,
                        "ChecksumMismatch",
                        format!("the object's {element} {theirs} is not the {ours} its parts make"),
                    ))
                }
                None => {}
            }
        }
    }
    Ok(verified)
}

/// The whole object's CRC-64/NVME (base64, big-endian) from the parts' values and sizes.
fn full_object_crc64nvme(values: &[&str], parts: &[PartDigests]) -> Option<String> {
    let mut crcs = Vec::with_capacity(values.len());
    for (v, p) in values.iter().zip(parts) {
        let bytes: [u8; 8] = base64_decode(v)?.try_into().ok()?;
        crcs.push((u64::from_be_bytes(bytes), p.len));
    }
    Some(base64(&combine_parts_with(NVME, crcs).to_be_bytes()))
}

/// `base64(H(v1 ‖ … ‖ vN))-N` over the parts' decoded checksums; `None` for an algorithm that
/// has no composite form (CRC-64/NVME) or a value that is not base64.
pub fn composite_checksum(a: ChecksumAlgorithm, values: &[&str]) -> Option<String> {
    let mut joined = Vec::new();
    for v in values {
        joined.extend(base64_decode(v)?);
    }
    let digest = match a {
        ChecksumAlgorithm::Crc32c => crc::Crc::<u32>::new(&crc::CRC_32_ISCSI)
            .checksum(&joined)
            .to_be_bytes()
            .to_vec(),
        ChecksumAlgorithm::Crc32 => crc::Crc::<u32>::new(&crc::CRC_32_ISO_HDLC)
            .checksum(&joined)
            .to_be_bytes()
            .to_vec(),
        ChecksumAlgorithm::Sha256 => {
            use sha2::Digest;
            sha2::Sha256::digest(&joined).to_vec()
        }
        ChecksumAlgorithm::Crc64nvme => return None,
    };
    Some(format!("{}-{}", base64(&digest), values.len()))
}
