//! The checks every option shares: "given", "not in this dialect", "not in this kind of
//! upload", "one of these values", and what a header or form field value may hold.

use super::Target;
use crate::core::error::Error;
use crate::core::options::Dialect;
use crate::core::validate;

/// A string option's value, `None` when absent or empty.
pub(super) fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().filter(|v| !v.is_empty())
}

/// The typed error for an option this dialect's sources do not name.
pub(super) fn unsupported(option: &str, d: Dialect) -> Error {
    Error::invalid(
        "UnsupportedOption",
        option,
        format!("{option} is not supported by dialect \"{}\"", d.name()),
    )
}

/// The typed error for an option that exists only in the other kind of upload.
pub(super) fn wrong_target(option: &str, t: Target) -> Error {
    let why = match t {
        Target::Put => "a POST form field; a PUT has no such header",
        Target::Post => "a PUT header; this dialect's POST form has no such field",
    };
    Error::invalid("UnsupportedOption", option, format!("{option} is {why}"))
}

/// `value` is one of `allowed` (exact, case-sensitive: the vendors say so).
pub(super) fn one_of(
    code: &str,
    option: &str,
    value: &str,
    d: Dialect,
    allowed: &[&str],
) -> Result<(), Error> {
    if allowed.contains(&value) {
        return Ok(());
    }
    Err(Error::invalid(
        code,
        option,
        format!(
            "{option} \"{value}\" is not valid for dialect \"{}\"; allowed: {}",
            d.name(),
            allowed.join(", ")
        ),
    ))
}

/// A value that goes into a header or a form field. Both refuse CR, LF and NUL; a PUT header
/// also refuses anything but printable ASCII, which is all a browser sends as it is (fetch and
/// XHR would send other characters as Latin-1 bytes that no longer match the signature).
pub(super) fn check_value(option: &str, value: &str, t: Target) -> Result<(), Error> {
    validate::header_value(option, value)?;
    if t == Target::Put
        && !value
            .bytes()
            .all(|b| b == b'\t' || (0x20..0x7f).contains(&b))
    {
        return Err(Error::invalid(
            "NonAsciiHeaderValue",
            option,
            format!("{option} goes into a request header and must be printable ASCII; percent-encode it (RFC 5987 filename* for Content-Disposition) or use a POST form"),
        ));
    }
    Ok(())
}
