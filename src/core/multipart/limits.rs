//! The multipart limits of each dialect, checked before any request.
//!
//! - S3: parts 5 MiB to 5 GiB (the last may be smaller), part numbers 1 to 10,000, objects up to
//!   10,000 × 5 GiB (48.8 TiB) —
//!   <https://docs.aws.amazon.com/AmazonS3/latest/userguide/qfacts.html>.
//! - OSS: parts 100 KB to 5 GB, the last may be smaller, 1 to 10,000 —
//!   <https://www.alibabacloud.com/help/en/oss/developer-reference/uploadpart>.
//! - OBS: the API reference says 100 KB to 5 GB, the user manual (obs_41_0021) 5 MB to 5 GB;
//!   5 MiB satisfies both — <https://support.huaweicloud.com/intl/en-us/api-obs/obs_04_0099.html>.

use crate::core::options::Dialect;

/// Part numbers run from 1 to this, in every dialect.
pub const MAX_PARTS: u32 = 10_000;
/// The largest part, in every dialect (5 GiB).
pub const MAX_PART_BYTES: u64 = 5 << 30;
/// `ListParts` answers at most this many parts per page.
pub const MAX_LIST_PARTS: u32 = 1000;
const MIB: u64 = 1 << 20;

/// A dialect's limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The smallest part but the last.
    pub min_part: u64,
    pub max_part: u64,
    pub max_parts: u32,
}

impl Limits {
    /// The limits of `dialect` (CMS has no multipart API: its caller is refused earlier).
    pub fn of(dialect: Dialect) -> Limits {
        let min_part = match dialect {
            Dialect::Oss => 100 * 1024,
            _ => 5 * MIB,
        };
        Limits {
            min_part,
            max_part: MAX_PART_BYTES,
            max_parts: MAX_PARTS,
        }
    }

    /// The largest object a multipart upload can make: every part at its largest.
    pub fn max_object(&self) -> u64 {
        self.max_part * u64::from(self.max_parts)
    }
}
