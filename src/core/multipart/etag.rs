//! The ETag a multipart object gets where the server forms it as S3, OBS, MinIO, moto and s3s do:
//! the MD5 of the parts' binary MD5s, a dash, the part count. Amazon calls it opaque, so a
//! different shape is "not checkable", never a mismatch; this shape with other digits is.

use crate::core::md5::{ContentMd5, Md5Digest};

/// `hex(MD5(md5_1 ‖ … ‖ md5_N))-N`.
pub fn multipart_etag(part_md5s: &[Md5Digest]) -> String {
    let mut h = ContentMd5::new();
    for d in part_md5s {
        h.update(&d.0);
    }
    format!("{}-{}", h.finalize().hex(), part_md5s.len())
}

/// What comparing a server's multipart ETag with the parts' MD5s shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EtagCheck {
    /// The ETag is the MD5 of the part MD5s: every byte arrived as hashed.
    Matches,
    /// The ETag has that shape but other digits: the object is not what was sent.
    Differs,
    /// The server forms its ETags another way (OSS, SSE-KMS): nothing to compare.
    NotComparable,
}

/// Compares `server_etag` (quotes optional) with the ETag the parts' MD5s make.
pub fn check_multipart_etag(server_etag: &str, part_md5s: &[Md5Digest]) -> EtagCheck {
    let etag = server_etag.trim().trim_matches('"').to_ascii_lowercase();
    let Some((hex, count)) = etag.split_once('-') else {
        return EtagCheck::NotComparable;
    };
    let shaped = hex.len() == 32 && hex.bytes().all(|b| b.is_ascii_hexdigit());
    if !shaped || count.parse::<usize>().is_err() {
        return EtagCheck::NotComparable;
    }
    if etag == multipart_etag(part_md5s) {
        EtagCheck::Matches
    } else {
        EtagCheck::Differs
    }
}
