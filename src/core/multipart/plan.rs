//! The part planner: how a file of `size` bytes is cut into parts. Integers only; every part the
//! same size but the last; never more than the dialect's 10,000 parts.

use super::limits::Limits;
use crate::core::error::Error;
use crate::core::options::Dialect;

const MIB: u64 = 1 << 20;

/// How an upload is cut: `count` parts of `part_size` bytes, the last one holding the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartPlan {
    pub size: u64,
    pub part_size: u64,
    pub count: u32,
}

impl PartPlan {
    /// Plans `size` bytes for `dialect`. The part size is the dialect's minimum or
    /// `ceil(size / 10,000)` rounded up to a whole MiB, whichever is larger, unless `part_size`
    /// asks for another one (which must fit the dialect's limits and the 10,000 parts).
    /// An empty file is one empty part (S3 allows an empty last part).
    pub fn new(dialect: Dialect, size: u64, part_size: Option<u64>) -> Result<PartPlan, Error> {
        let limits = Limits::of(dialect);
        if size > limits.max_object() {
            return Err(Error::invalid(
                "EntityTooLarge",
                "size",
                format!(
                    "{size} bytes is over the {}-byte limit of a multipart upload (10,000 parts of 5 GiB)",
                    limits.max_object()
                ),
            ));
        }
        let part_size = match part_size {
            Some(p) => check_part_size(&limits, size, p)?,
            None => {
                let needed = size.div_ceil(u64::from(limits.max_parts));
                needed
                    .div_ceil(MIB)
                    .saturating_mul(MIB)
                    .max(limits.min_part)
            }
        };
        let count = size.div_ceil(part_size).max(1);
        Ok(PartPlan {
            size,
            part_size,
            count: count as u32,
        })
    }

    /// Byte range `[start, end)` of part `number` (1-based).
    pub fn range(&self, number: u32) -> (u64, u64) {
        let start = u64::from(number - 1) * self.part_size;
        (start, (start + self.part_size).min(self.size))
    }

    /// The size of part `number`.
    pub fn part_len(&self, number: u32) -> u64 {
        let (start, end) = self.range(number);
        end - start
    }
}

fn check_part_size(limits: &Limits, size: u64, p: u64) -> Result<u64, Error> {
    if p < limits.min_part || p > limits.max_part {
        return Err(Error::invalid(
            "InvalidPartSize",
            "partSize",
            format!(
                "partSize is {p} bytes; this dialect takes {} to {} bytes",
                limits.min_part, limits.max_part
            ),
        ));
    }
    let count = size.div_ceil(p);
    if count > u64::from(limits.max_parts) {
        return Err(Error::invalid(
            "TooManyParts",
            "partSize",
            format!(
                "partSize {p} cuts {size} bytes into {count} parts; the limit is {} parts",
                limits.max_parts
            ),
        ));
    }
    Ok(p)
}
