//! Reconciling a checkpoint with ListParts: only parts listed with the planned size and the saved
//! ETag are reused.

use bucket_upload::core::multipart::read::ListedPart;
use bucket_upload::core::multipart::reconcile::{reconcile, SavedPart};
use bucket_upload::core::multipart::PartPlan;
use bucket_upload::Dialect;

const MIB: u64 = 1 << 20;

fn saved(n: u32, size: u64, etag: &str) -> SavedPart {
    SavedPart {
        part_number: n,
        size,
        etag: etag.into(),
        checksum: None,
        md5: None,
        crc64: None,
    }
}
fn listed(n: u32, size: u64, etag: &str) -> ListedPart {
    ListedPart {
        part_number: n,
        etag: etag.into(),
        size,
        checksum: None,
    }
}

#[test]
fn only_parts_the_server_lists_with_the_same_size_and_etag_are_reused() {
    let plan = PartPlan::new(Dialect::S3, 12 * MIB, None).unwrap(); // 5 + 5 + 2 MiB
    let s = [
        saved(1, 5 * MIB, "\"aa\""),
        saved(2, 5 * MIB, "bb"),
        saved(3, 2 * MIB, "cc"),
        saved(4, 1, "dd"),
    ];
    let l = [
        listed(1, 5 * MIB, "AA"), // same (quotes and case differ)
        listed(2, 5 * MIB, "bX"), // replaced since
        listed(3, MIB, "cc"),     // other size
        listed(5, 5 * MIB, "ee"), // not in the checkpoint
    ];
    let kept: Vec<u32> = reconcile(&plan, &s, &l).iter().map(|(n, _)| *n).collect();
    assert_eq!(kept, vec![1]);
}

#[test]
fn an_empty_etag_never_matches() {
    let plan = PartPlan::new(Dialect::S3, 5 * MIB, None).unwrap();
    assert!(reconcile(&plan, &[saved(1, 5 * MIB, "")], &[listed(1, 5 * MIB, "")]).is_empty());
}
