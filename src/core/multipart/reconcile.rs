//! Resuming after a reload: which of a checkpoint's parts are really on the server. A part is
//! kept only when ListParts lists it with the size the plan gives it and the ETag the
//! checkpoint saved; everything else is sent again (a part stored after the last checkpoint
//! write, or replaced since, is not trusted: its MD5 was never recorded).

use super::events::PartAnswer;
use super::plan::PartPlan;
use super::read::ListedPart;
use crate::core::md5::Md5Digest;

/// A part as a checkpoint saved it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedPart {
    pub part_number: u32,
    pub size: u64,
    pub etag: String,
    pub checksum: Option<String>,
    pub md5: Option<Md5Digest>,
    pub crc64: Option<u64>,
}

fn same_etag(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.trim().trim_matches('"').to_ascii_lowercase();
    !norm(a).is_empty() && norm(a) == norm(b)
}

/// The saved parts the server confirms, ready for [`Upload::from_checkpoint`](super::machine::Upload::from_checkpoint).
pub fn reconcile(
    plan: &PartPlan,
    saved: &[SavedPart],
    listed: &[ListedPart],
) -> Vec<(u32, PartAnswer)> {
    saved
        .iter()
        .filter(|s| {
            (1..=plan.count).contains(&s.part_number) && s.size == plan.part_len(s.part_number)
        })
        .filter(|s| {
            listed.iter().any(|l| {
                l.part_number == s.part_number && l.size == s.size && same_etag(&l.etag, &s.etag)
            })
        })
        .map(|s| {
            let a = PartAnswer {
                etag: s.etag.clone(),
                checksum: s.checksum.clone(),
                md5: s.md5,
                crc64: s.crc64,
                server_crc64: None,
            };
            (s.part_number, a)
        })
        .collect()
}
