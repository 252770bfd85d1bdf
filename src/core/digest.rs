//! Every digest an upload may need, computed in one pass over the bytes: MD5 (Content-MD5, the
//! ETag of a single-part upload), CRC-64/ECMA as OSS reports it (`x-oss-hash-crc64ecma`),
//! CRC-32C and SHA-256 (S3's `x-amz-checksum-crc32c` / `x-amz-checksum-sha256`).
//! OSS CRC-64: <https://www.alibabacloud.com/help/en/oss/user-guide/crc-64>;
//! S3 checksums: <https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html>.

use crate::core::encode::{base64, hex};
use crate::core::error::Error;
use crate::core::md5::{ContentMd5, Md5Digest};
use sha2::Digest as _;

/// OSS's "crc64ecma" is the reflected ECMA-182 CRC with all-ones init and xor-out, i.e. CRC-64/XZ.
static CRC64: crc::Crc<u64> = crc::Crc::<u64>::new(&crc::CRC_64_XZ);
/// CRC-32C (Castagnoli), the iSCSI polynomial.
static CRC32C: crc::Crc<u32> = crc::Crc::<u32>::new(&crc::CRC_32_ISCSI);

/// Which digests to compute.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DigestSet {
    pub md5: bool,
    pub crc64ecma: bool,
    pub crc32c: bool,
    pub sha256: bool,
}

impl DigestSet {
    /// Parses algorithm names (`md5`, `crc64ecma`, `crc32c`, `sha256`); an unknown one is an error.
    pub fn from_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Result<Self, Error> {
        let mut set = DigestSet::default();
        for name in names {
            match name.to_ascii_lowercase().as_str() {
                "md5" => set.md5 = true,
                "crc64ecma" | "crc64" => set.crc64ecma = true,
                "crc32c" => set.crc32c = true,
                "sha256" | "sha-256" => set.sha256 = true,
                other => {
                    return Err(Error::invalid(
                        "UnknownAlgorithm",
                        "algorithms",
                        format!("unknown digest \"{other}\"; use md5, crc64ecma, crc32c or sha256"),
                    ))
                }
            }
        }
        Ok(set)
    }
}

/// The digests of one pass, each present when asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Digests {
    pub md5: Option<Md5Digest>,
    pub crc64ecma: Option<u64>,
    pub crc32c: Option<u32>,
    pub sha256: Option<[u8; 32]>,
}

impl Digests {
    /// CRC-64 as OSS's header spells it: the unsigned value in decimal.
    pub fn crc64ecma_decimal(&self) -> Option<String> {
        self.crc64ecma.map(|c| c.to_string())
    }
    /// CRC-32C as S3's header spells it: base64 of the big-endian bytes.
    pub fn crc32c_base64(&self) -> Option<String> {
        self.crc32c.map(|c| base64(&c.to_be_bytes()))
    }
    /// SHA-256 in base64 (`x-amz-checksum-sha256`).
    pub fn sha256_base64(&self) -> Option<String> {
        self.sha256.map(|d| base64(&d))
    }
    /// SHA-256 in hex (`x-amz-content-sha256`).
    pub fn sha256_hex(&self) -> Option<String> {
        self.sha256.map(|d| hex(&d))
    }
}

/// An incremental multi-digest: `new(set)`, `update` with each slice, `finalize`.
pub struct MultiDigest {
    md5: Option<ContentMd5>,
    crc64: Option<crc::Digest<'static, u64>>,
    crc32c: Option<crc::Digest<'static, u32>>,
    sha256: Option<sha2::Sha256>,
}

impl MultiDigest {
    /// A hasher for the digests in `set`.
    pub fn new(set: DigestSet) -> Self {
        MultiDigest {
            md5: set.md5.then(ContentMd5::new),
            crc64: set.crc64ecma.then(|| CRC64.digest()),
            crc32c: set.crc32c.then(|| CRC32C.digest()),
            sha256: set.sha256.then(sha2::Sha256::new),
        }
    }

    /// Feeds the next bytes to every digest.
    pub fn update(&mut self, data: &[u8]) {
        if let Some(h) = &mut self.md5 {
            h.update(data);
        }
        if let Some(h) = &mut self.crc64 {
            h.update(data);
        }
        if let Some(h) = &mut self.crc32c {
            h.update(data);
        }
        if let Some(h) = &mut self.sha256 {
            h.update(data);
        }
    }

    /// The digests of everything fed.
    pub fn finalize(self) -> Digests {
        Digests {
            md5: self.md5.map(ContentMd5::finalize),
            crc64ecma: self.crc64.map(|d| d.finalize()),
            crc32c: self.crc32c.map(|d| d.finalize()),
            sha256: self.sha256.map(|h| h.finalize().into()),
        }
    }
}
