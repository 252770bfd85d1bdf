//! S3's additional checksums, shared by single uploads (`x-amz-checksum-*` on PutObject and POST
//! Object, object_options/checksums.rs) and multipart uploads (declared on Create, one value per
//! part, multipart/request.rs).
//! Spec: <https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html>.

/// S3's additional checksum algorithms, as the AWS SDK spells them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChecksumAlgorithm {
    Crc32,
    Crc32c,
    Crc64nvme,
    Sha256,
}

impl ChecksumAlgorithm {
    /// `CRC32C`, the value of `x-amz-checksum-algorithm`.
    pub fn name(self) -> &'static str {
        match self {
            ChecksumAlgorithm::Crc32 => "CRC32",
            ChecksumAlgorithm::Crc32c => "CRC32C",
            ChecksumAlgorithm::Crc64nvme => "CRC64NVME",
            ChecksumAlgorithm::Sha256 => "SHA256",
        }
    }

    /// `x-amz-checksum-crc32c`, the header carrying a part's value.
    pub fn header(self) -> &'static str {
        match self {
            ChecksumAlgorithm::Crc32 => "x-amz-checksum-crc32",
            ChecksumAlgorithm::Crc32c => "x-amz-checksum-crc32c",
            ChecksumAlgorithm::Crc64nvme => "x-amz-checksum-crc64nvme",
            ChecksumAlgorithm::Sha256 => "x-amz-checksum-sha256",
        }
    }

    /// `ChecksumCRC32C`, the element of a part in the Complete body.
    pub fn element(self) -> &'static str {
        match self {
            ChecksumAlgorithm::Crc32 => "ChecksumCRC32",
            ChecksumAlgorithm::Crc32c => "ChecksumCRC32C",
            ChecksumAlgorithm::Crc64nvme => "ChecksumCRC64NVME",
            ChecksumAlgorithm::Sha256 => "ChecksumSHA256",
        }
    }

    /// The checksum type S3 gives the whole object: CRC-64/NVME exists only as a full-object
    /// checksum; the others default to a checksum of the part checksums.
    pub fn checksum_type(self) -> &'static str {
        match self {
            ChecksumAlgorithm::Crc64nvme => "FULL_OBJECT",
            _ => "COMPOSITE",
        }
    }

    /// The byte length of a value (base64-decoded).
    pub fn value_len(self) -> usize {
        match self {
            ChecksumAlgorithm::Crc32 | ChecksumAlgorithm::Crc32c => 4,
            ChecksumAlgorithm::Crc64nvme => 8,
            ChecksumAlgorithm::Sha256 => 32,
        }
    }

    /// Every algorithm, in the order the options list them.
    pub const ALL: [ChecksumAlgorithm; 4] = [
        ChecksumAlgorithm::Crc32,
        ChecksumAlgorithm::Crc32c,
        ChecksumAlgorithm::Crc64nvme,
        ChecksumAlgorithm::Sha256,
    ];

    /// `checksumCrc32c`, the object option carrying a single upload's value (the AWS SDK's
    /// PutObject input `ChecksumCRC32C`, in camelCase).
    pub fn option(self) -> &'static str {
        match self {
            ChecksumAlgorithm::Crc32 => "checksumCrc32",
            ChecksumAlgorithm::Crc32c => "checksumCrc32c",
            ChecksumAlgorithm::Crc64nvme => "checksumCrc64nvme",
            ChecksumAlgorithm::Sha256 => "checksumSha256",
        }
    }

    /// `crc32c`, the name `digests()` computes it under.
    pub fn digest_name(self) -> &'static str {
        match self {
            ChecksumAlgorithm::Crc32 => "crc32",
            ChecksumAlgorithm::Crc32c => "crc32c",
            ChecksumAlgorithm::Crc64nvme => "crc64nvme",
            ChecksumAlgorithm::Sha256 => "sha256",
        }
    }
}
