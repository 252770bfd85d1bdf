//! WORM object lock, one test per rule: mode and date together, the dialect's modes, an ISO 8601
//! UTC date after the signing time, and no object-lock fields in an S3 POST form (seed 003; AWS).

mod object_options_support;

use bucket_upload::core::object_options::{form_fields, headers, ObjectOptions};
use bucket_upload::Dialect;
use object_options_support::{now, refused};

fn lock(mode: Option<&str>, date: Option<&str>) -> ObjectOptions {
    ObjectOptions {
        object_lock_mode: mode.map(str::to_string),
        object_lock_retain_until_date: date.map(str::to_string),
        ..Default::default()
    }
}

#[test]
fn object_lock_mode_and_date_go_together() {
    refused(
        headers(&lock(Some("COMPLIANCE"), None), Dialect::S3, now()),
        "IncompleteObjectLock",
        "objectLockRetainUntilDate",
    );
    refused(
        headers(
            &lock(None, Some("2030-01-01T00:00:00Z")),
            Dialect::Obs,
            now(),
        ),
        "IncompleteObjectLock",
        "objectLockMode",
    );
}

#[test]
fn object_lock_mode_is_compliance_for_obs() {
    // Seed 003: "Currently, only COMPLIANCE is supported." AWS S3 also has GOVERNANCE.
    let o = lock(Some("GOVERNANCE"), Some("2030-01-01T00:00:00Z"));
    refused(
        headers(&o, Dialect::Obs, now()),
        "InvalidObjectLockMode",
        "objectLockMode",
    );
    assert!(headers(&o, Dialect::S3, now()).is_ok());
}

#[test]
fn retain_until_date_is_iso_8601_utc() {
    for bad in [
        "2015-07-01 04:11:15Z",
        "2015-07-01T04:11:15",
        "2015-07-01T04:11:15+08:00",
        "2031-02-29T00:00:00Z",
        "2030-13-01T00:00:00Z",
        "2030-01-01T24:00:00Z",
        "2030-01-01T00:00:00.Z",
    ] {
        refused(
            headers(&lock(Some("COMPLIANCE"), Some(bad)), Dialect::S3, now()),
            "InvalidRetainUntilDate",
            "objectLockRetainUntilDate",
        );
    }
    for good in ["2032-02-29T00:00:00Z", "2030-07-01T04:11:15.123Z"] {
        assert!(
            headers(&lock(Some("COMPLIANCE"), Some(good)), Dialect::Obs, now()).is_ok(),
            "{good}"
        );
    }
}

#[test]
fn retain_until_date_after_the_signing_time() {
    // Seed 003's example date 2015-07-01T04:11:15Z lies before `now` (2026-01-02T03:04:05Z);
    // one second after `now` is the first date accepted.
    let o = |d: &str| lock(Some("COMPLIANCE"), Some(d));
    refused(
        headers(&o("2015-07-01T04:11:15Z"), Dialect::S3, now()),
        "RetainUntilDateNotInFuture",
        "objectLockRetainUntilDate",
    );
    refused(
        headers(&o("2026-01-02T03:04:05Z"), Dialect::S3, now()),
        "RetainUntilDateNotInFuture",
        "objectLockRetainUntilDate",
    );
    assert!(headers(&o("2026-01-02T03:04:06Z"), Dialect::S3, now()).is_ok());
}

#[test]
fn object_lock_is_not_an_s3_post_field() {
    let o = lock(Some("COMPLIANCE"), Some("2030-01-01T00:00:00Z"));
    refused(
        form_fields(&o, Dialect::S3, now()),
        "UnsupportedOption",
        "objectLockMode",
    );
    assert!(form_fields(&o, Dialect::Obs, now()).is_ok());
}
