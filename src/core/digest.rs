//! Every digest an upload may need, computed in one pass over the bytes: MD5 (Content-MD5, the
//! ETag of a single-part upload), CRC-64/ECMA as OSS reports it (`x-oss-hash-crc64ecma`), and
//! S3's additional checksums CRC-32, CRC-32C, CRC-64/NVME and SHA-256 (`x-amz-checksum-crc32`,
//! `-crc32c`, `-crc64nvme`, `-sha256`: base64 of the big-endian value or of the digest).
//! OSS CRC-64: <https://www.alibabacloud.com/help/en/oss/user-guide/crc-64>;
//! S3 checksums: <https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html>.

use crate::core::checksum::ChecksumAlgorithm;
use crate::core::encode::{base64, hex};
use crate::core::error::Error;
use crate::core::md5::{ContentMd5, Md5Digest};
use sha2::Digest as _;

/// OSS's "crc64ecma" is the reflected ECMA-182 CRC with all-ones init and xor-out, i.e. CRC-64/XZ.
static CRC64: crc::Crc<u64> = crc::Crc::<u64>::new(&crc::CRC_64_XZ);
/// CRC-32C (Castagnoli), the iSCSI polynomial.
static CRC32C: crc::Crc<u32> = crc::Crc::<u32>::new(&crc::CRC_32_ISCSI);
/// S3's CRC32: the zlib / Ethernet CRC-32 (CRC-32/ISO-HDLC).
static CRC32: crc::Crc<u32> = crc::Crc::<u32>::new(&crc::CRC_32_ISO_HDLC);
/// S3's CRC64NVME: CRC-64/NVME (NVM Express base specification, reflected, all-ones init/xor-out).
static CRC64NVME: crc::Crc<u64> = crc::Crc::<u64>::new(&crc::CRC_64_NVME);

/// Which digests to compute.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DigestSet {
    pub md5: bool,
    pub crc64ecma: bool,
    pub crc32c: bool,
    pub sha256: bool,
    pub crc32: bool,
    pub crc64nvme: bool,
}

impl DigestSet {
    /// Parses algorithm names (`md5`, `crc64ecma`, `crc32`, `crc32c`, `crc64nvme`, `sha256`);
    /// an unknown one is an error.
    pub fn from_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Result<Self, Error> {
        let mut set = DigestSet::default();
        for name in names {
            match name.to_ascii_lowercase().as_str() {
                "md5" => set.md5 = true,
                "crc64ecma" | "crc64" => set.crc64ecma = true,
                "crc32c" => set.crc32c = true,
                "crc32" => set.crc32 = true,
                "crc64nvme" => set.crc64nvme = true,
                "sha256" | "sha-256" => set.sha256 = true,
                other => {
                    return Err(Error::invalid(
                        "UnknownAlgorithm",
                        "algorithms",
                        format!("unknown digest \"{other}\"; use md5, crc64ecma, crc32, crc32c, crc64nvme or sha256"),
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
    pub crc32: Option<u32>,
    pub crc64nvme: Option<u64>,
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
    /// CRC-32 as S3's header spells it (`x-amz-checksum-crc32`): base64 of the big-endian bytes.
    pub fn crc32_base64(&self) -> Option<String> {
        self.crc32.map(|c| base64(&c.to_be_bytes()))
    }
    /// CRC-64/NVME as S3's header spells it (`x-amz-checksum-crc64nvme`): base64 of the
    /// big-endian bytes.
    pub fn crc64nvme_base64(&self) -> Option<String> {
        self.crc64nvme.map(|c| base64(&c.to_be_bytes()))
    }
    /// SHA-256 in base64 (`x-amz-checksum-sha256`).
    pub fn sha256_base64(&self) -> Option<String> {
        self.sha256.map(|d| base64(&d))
    }
    /// The value of `x-amz-checksum-<algorithm>`, when that digest was computed.
    pub fn checksum_base64(&self, a: ChecksumAlgorithm) -> Option<String> {
        match a {
            ChecksumAlgorithm::Crc32 => self.crc32_base64(),
            ChecksumAlgorithm::Crc32c => self.crc32c_base64(),
            ChecksumAlgorithm::Crc64nvme => self.crc64nvme_base64(),
            ChecksumAlgorithm::Sha256 => self.sha256_base64(),
        }
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
    crc32: Option<crc::Digest<'static, u32>>,
    crc64nvme: Option<crc::Digest<'static, u64>>,
}

impl MultiDigest {
    /// A hasher for the digests in `set`.
    pub fn new(set: DigestSet) -> Self {
        MultiDigest {
            md5: set.md5.then(ContentMd5::new),
            crc64: set.crc64ecma.then(|| CRC64.digest()),
            crc32c: set.crc32c.then(|| CRC32C.digest()),
            sha256: set.sha256.then(sha2::Sha256::new),
            crc32: set.crc32.then(|| CRC32.digest()),
            crc64nvme: set.crc64nvme.then(|| CRC64NVME.digest()),
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
        if let Some(h) = &mut self.crc32 {
            h.update(data);
        }
        if let Some(h) = &mut self.crc64nvme {
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
            crc32: self.crc32.map(|d| d.finalize()),
            crc64nvme: self.crc64nvme.map(|d| d.finalize()),
        }
    }
}
