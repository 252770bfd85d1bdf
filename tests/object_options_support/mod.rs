//! Helpers the object-option test files share.
#![allow(dead_code)]

use bucket_upload::{Error, ErrorKind, UtcTime};

/// The signing instant of every test: 2026-01-02T03:04:05Z.
pub fn now() -> UtcTime {
    UtcTime::from_unix_seconds(1_767_323_045)
}

pub fn s(v: &str) -> Option<String> {
    Some(v.to_string())
}

/// Asserts a validation error with this code and field, and returns it.
#[track_caller]
pub fn refused<T: std::fmt::Debug>(r: Result<T, Error>, code: &str, field: &str) -> Error {
    let e = r.expect_err("must be refused");
    assert_eq!(e.kind, ErrorKind::Validation, "{e}");
    assert_eq!(e.code, code, "{e}");
    assert_eq!(e.field.as_deref(), Some(field), "{e}");
    e
}
