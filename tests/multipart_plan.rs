//! The part planner at its limits. Expected values are the vendors' published limits
//! (S3: 5 MiB–5 GiB parts, 10,000 parts; OSS: 100 KB minimum) worked out by hand.

use bucket_upload::core::multipart::PartPlan;
use bucket_upload::Dialect;

const MIB: u64 = 1 << 20;
const GIB: u64 = 1 << 30;

#[test]
fn empty_file_is_one_empty_part() {
    let p = PartPlan::new(Dialect::S3, 0, None).unwrap();
    assert_eq!((p.count, p.part_size, p.part_len(1)), (1, 5 * MIB, 0));
}

#[test]
fn one_byte_is_one_part() {
    let p = PartPlan::new(Dialect::S3, 1, None).unwrap();
    assert_eq!((p.count, p.part_len(1)), (1, 1));
}

#[test]
fn exactly_one_part_and_one_byte_over() {
    let p = PartPlan::new(Dialect::S3, 5 * MIB, None).unwrap();
    assert_eq!((p.count, p.part_len(1)), (1, 5 * MIB));
    let p = PartPlan::new(Dialect::S3, 5 * MIB + 1, None).unwrap();
    assert_eq!((p.count, p.part_len(1), p.part_len(2)), (2, 5 * MIB, 1));
    assert_eq!(p.range(2), (5 * MIB, 5 * MIB + 1));
}

#[test]
fn sixty_four_mib_plus_one_in_five_mib_parts() {
    let p = PartPlan::new(Dialect::S3, 64 * MIB + 1, Some(5 * MIB)).unwrap();
    // 64 MiB = 12 × 5 MiB + 4 MiB; +1 byte → 13 parts, the last 4 MiB + 1.
    assert_eq!(p.count, 13);
    assert_eq!(p.part_len(13), 4 * MIB + 1);
}

#[test]
fn ten_thousand_parts_exactly_at_the_minimum() {
    let p = PartPlan::new(Dialect::S3, 10_000 * 5 * MIB, None).unwrap();
    assert_eq!((p.count, p.part_size), (10_000, 5 * MIB));
}

#[test]
fn one_byte_more_than_ten_thousand_minimum_parts_grows_the_part_to_a_whole_mib() {
    // ceil((50,000 MiB + 1) / 10,000) = 5 MiB + 1 byte → rounded up to 6 MiB.
    let p = PartPlan::new(Dialect::S3, 10_000 * 5 * MIB + 1, None).unwrap();
    assert_eq!(p.part_size, 6 * MIB);
    assert_eq!(p.count, 8_334);
    assert!(p.count <= 10_000);
}

#[test]
fn the_largest_object_is_ten_thousand_parts_of_five_gib() {
    let max = 10_000 * 5 * GIB;
    let p = PartPlan::new(Dialect::S3, max, None).unwrap();
    assert_eq!((p.count, p.part_size), (10_000, 5 * GIB));
    let e = PartPlan::new(Dialect::S3, max + 1, None).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        ("EntityTooLarge", Some("size"))
    );
}

#[test]
fn a_part_size_that_needs_10001_parts_is_refused() {
    let e = PartPlan::new(Dialect::S3, 10_000 * 5 * MIB + 1, Some(5 * MIB)).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        ("TooManyParts", Some("partSize"))
    );
}

#[test]
fn part_sizes_outside_the_dialect_limits_are_refused() {
    let e = PartPlan::new(Dialect::S3, GIB, Some(5 * MIB - 1)).unwrap_err();
    assert_eq!(e.code, "InvalidPartSize");
    let e = PartPlan::new(Dialect::S3, 6 * GIB, Some(5 * GIB + 1)).unwrap_err();
    assert_eq!(e.code, "InvalidPartSize");
    // OSS takes parts from 100 KB.
    assert!(PartPlan::new(Dialect::Oss, MIB, Some(100 * 1024)).is_ok());
    assert!(PartPlan::new(Dialect::Oss, MIB, Some(100 * 1024 - 1)).is_err());
    // OBS: 5 MiB, which satisfies both of its documents.
    assert!(PartPlan::new(Dialect::Obs, GIB, Some(MIB)).is_err());
}

#[test]
fn oss_default_part_is_a_whole_mib_above_its_minimum() {
    // ceil(300 KiB / 10,000) rounded up to a whole MiB is 1 MiB, above OSS's 100 KB.
    let p = PartPlan::new(Dialect::Oss, 300 * 1024, None).unwrap();
    assert_eq!((p.part_size, p.count), (MIB, 1));
}

#[test]
fn every_part_but_the_last_has_the_part_size() {
    let p = PartPlan::new(Dialect::S3, 123_456_789, None).unwrap();
    let total: u64 = (1..=p.count).map(|n| p.part_len(n)).sum();
    assert_eq!(total, 123_456_789);
    assert!((1..p.count).all(|n| p.part_len(n) == p.part_size));
}
