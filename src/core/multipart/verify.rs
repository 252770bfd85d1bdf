//! The checks made when Complete answers: the object's ETag against the parts' MD5s (where the
//! dialect forms it from them) and OSS's whole-object CRC-64 against the parts' CRC-64s.

use super::crc64_combine::combine_parts;
use super::etag::{check_multipart_etag, EtagCheck};
use super::read::Completed;
use crate::core::error::{Error, ErrorKind};
use crate::core::md5::Md5Digest;

/// What was hashed of one part.
#[derive(Debug, Clone, Copy)]
pub struct PartDigests {
    pub md5: Option<Md5Digest>,
    pub crc64: Option<u64>,
    pub len: u64,
}

/// The names of the checks that passed (`parts`, `etag`, `crc64`), or the integrity error of
/// the first that failed.
pub fn verify(
    completed: &Completed,
    parts: &[PartDigests],
    etag_is_md5: bool,
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
    Ok(verified)
}
