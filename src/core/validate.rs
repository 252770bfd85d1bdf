//! Rules checked before anything is sent. Each failure is a typed [`Error`] naming the field and
//! the limit. Limits: <https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-keys.html>,
//! <https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingMetadata.html>,
//! <https://docs.aws.amazon.com/AmazonS3/latest/userguide/upload-objects.html>.

use crate::core::credentials::Credentials;
use crate::core::error::Error;
use crate::core::time::UtcTime;

/// An object key is at most 1,023 bytes of UTF-8 (S3 allows 1,024; OSS and OBS 1,023, and one
/// rule for every dialect keeps a key portable).
pub const MAX_KEY_BYTES: usize = 1023;
/// A single PUT or POST carries at most 5 GiB.
pub const MAX_SINGLE_UPLOAD_BYTES: u64 = 5 * 1024 * 1024 * 1024;
/// User metadata (names after the prefix plus values, UTF-8 bytes) is at most 2 KB.
pub const MAX_METADATA_BYTES: usize = 2 * 1024;
/// A SigV4 presigned URL lives at most 7 days.
pub const MAX_PRESIGN_SECONDS: i64 = 7 * 24 * 3600;

/// The last instant a date header can carry: 9999-12-31T23:59:59Z (`x-amz-date`, an HTTP-date
/// and a policy's ISO 8601 expiration all write the year in four digits).
pub const LAST_DATE_SECONDS: i64 = 253_402_300_799;

/// The signing instant must be given (the core has no clock) and lie in the years a date
/// header can carry, 1970 to 9999.
pub fn now(now: Option<UtcTime>) -> Result<UtcTime, Error> {
    let t = now.ok_or_else(|| {
        Error::invalid("MissingTime", "now", "the signing time `now` is required")
    })?;
    if !(0..=LAST_DATE_SECONDS).contains(&t.unix_seconds()) {
        return Err(Error::invalid(
            "InvalidTime",
            "now",
            "the signing time `now` must lie between 1970 and 9999 (a date header's four-digit year)",
        ));
    }
    Ok(t)
}

/// Access key and secret must be present (their values are never echoed).
pub fn credentials(c: &Credentials) -> Result<(), Error> {
    if c.access_key_id.trim().is_empty() {
        return Err(Error::invalid(
            "MissingCredentials",
            "credentials.accessKeyId",
            "the access key id is empty",
        ));
    }
    if c.secret_access_key.is_empty() {
        return Err(Error::invalid(
            "MissingCredentials",
            "credentials.secretAccessKey",
            "the secret access key is empty",
        ));
    }
    // The key id and the token go into headers and URLs: a line break would split the request.
    // (Only the field is named: the values are credentials and are never echoed.)
    for (field, value) in [
        ("credentials.accessKeyId", c.access_key_id.as_str()),
        (
            "credentials.sessionToken",
            c.session_token.as_deref().unwrap_or(""),
        ),
    ] {
        if value.bytes().any(|b| b.is_ascii_control()) {
            return Err(Error::invalid(
                "InvalidCredentials",
                field,
                format!("{field} contains a line break or another control character"),
            ));
        }
    }
    Ok(())
}

/// A key is 1 to 1,023 bytes of UTF-8.
pub fn key(key: &str) -> Result<(), Error> {
    if key.is_empty() {
        return Err(Error::invalid("EmptyKey", "key", "the object key is empty"));
    }
    if key.len() > MAX_KEY_BYTES {
        return Err(Error::invalid(
            "KeyTooLong",
            "key",
            format!(
                "the object key is {} bytes; the limit is {MAX_KEY_BYTES} bytes of UTF-8",
                key.len()
            ),
        ));
    }
    Ok(())
}

/// A key sent in a URL path must not have `.` or `..` segments: URL parsers (every browser's
/// fetch among them) resolve them, so the request would reach another key.
pub fn key_in_path(key: &str) -> Result<(), Error> {
    if key.split('/').any(|s| s == "." || s == "..") {
        return Err(Error::invalid(
            "InvalidObjectName",
            "key",
            "a key with \".\" or \"..\" segments cannot be sent in a URL (browsers rewrite them)",
        ));
    }
    Ok(())
}

/// A POST key has no `.` or `..` segment: S3 stores it literally, but file-backed servers
/// (s3s-fs and others have had this bug) resolve it as a path and write outside the prefix the
/// form was signed for — so no signer of ours hands out such a form.
pub fn key_segments(key: &str) -> Result<(), Error> {
    if key.split('/').any(|s| s == "." || s == "..") {
        return Err(Error::invalid(
            "InvalidObjectName",
            "key",
            "a key with \".\" or \"..\" segments is refused: servers that store keys as paths would write it outside its folder",
        ));
    }
    Ok(())
}

/// A SigV4 region is 1 to 64 characters of letters, digits, `-` and `_` (`eu-west-1`; S3-compatible
/// stores name theirs freely, but a space, a slash or an empty name only ever produces a
/// credential scope no server accepts).
pub fn region(region: &str) -> Result<(), Error> {
    let ok = (1..=64).contains(&region.len())
        && region
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !ok {
        return Err(Error::invalid(
            "InvalidRegion",
            "region",
            "the region must be 1 to 64 letters, digits, '-' or '_' (like eu-west-1)",
        ));
    }
    Ok(())
}

/// The body fits a single PUT/POST.
pub fn object_size(field: &str, size: u64) -> Result<(), Error> {
    if size > MAX_SINGLE_UPLOAD_BYTES {
        return Err(Error::invalid(
            "EntityTooLarge",
            field,
            format!("{size} bytes is over the {MAX_SINGLE_UPLOAD_BYTES}-byte (5 GiB) limit of a single upload"),
        ));
    }
    Ok(())
}

/// `content-length-range` bounds are ordered.
pub fn length_range(min: u64, max: u64) -> Result<(), Error> {
    if min > max {
        return Err(Error::invalid(
            "InvalidContentLengthRange",
            "content-length-range",
            format!("content-length-range minimum {min} is greater than its maximum {max}"),
        ));
    }
    Ok(())
}

/// A file's size lies within a policy's `content-length-range`.
pub fn size_in_range(size: u64, min: u64, max: u64) -> Result<(), Error> {
    if size < min || size > max {
        return Err(Error::invalid(
            "EntityOutsideRange",
            "content-length-range",
            format!("the file is {size} bytes; the policy allows {min} to {max} bytes"),
        ));
    }
    Ok(())
}

/// The expiry lies in the future, within `max` seconds for presigned URLs, and before the year
/// 10000 (it is written as a date).
pub fn expires_in(now: UtcTime, seconds: i64, max: Option<i64>) -> Result<(), Error> {
    if now
        .unix_seconds()
        .checked_add(seconds)
        .is_none_or(|t| t > LAST_DATE_SECONDS)
    {
        return Err(Error::invalid(
            "ExpiresTooLong",
            "expiresIn",
            "expiresIn reaches past the year 9999, which no date header can carry",
        ));
    }
    if seconds <= 0 {
        return Err(Error::invalid(
            "ExpirationNotInFuture",
            "expiresIn",
            format!("expiresIn is {seconds} s; the expiration must be in the future"),
        ));
    }
    if let Some(max) = max.filter(|m| seconds > *m) {
        return Err(Error::invalid(
            "ExpiresTooLong",
            "expiresIn",
            format!("expiresIn is {seconds} s; the limit is {max} s (7 days)"),
        ));
    }
    Ok(())
}

/// A header or field name is an HTTP token (RFC 9110 §5.6.2).
pub fn header_name(field: &str, name: &str) -> Result<(), Error> {
    let tchar = |b: u8| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b);
    if name.is_empty() || !name.bytes().all(tchar) {
        return Err(Error::invalid(
            "InvalidHeaderName",
            field,
            format!("\"{name}\" is not a valid HTTP header name (letters, digits and !#$%&'*+-.^_`|~ only)"),
        ));
    }
    Ok(())
}

/// A header value has no line breaks or NULs (they would split or truncate the request).
pub fn header_value(field: &str, value: &str) -> Result<(), Error> {
    if value.bytes().any(|b| matches!(b, b'\r' | b'\n' | 0)) {
        return Err(Error::invalid(
            "InvalidHeaderValue",
            field,
            format!("the value of {field} contains a line break or NUL"),
        ));
    }
    Ok(())
}

/// The caller's raw headers: HTTP names and values, none of those the signer or the browser
/// sets.
pub fn raw_headers(headers: &[(String, String)]) -> Result<(), Error> {
    for (name, value) in headers {
        header_name(name, name)?;
        header_value(name, value)?;
        let lower = name.to_ascii_lowercase();
        if matches!(
            lower.as_str(),
            "host" | "authorization" | "date" | "content-length"
        ) || lower.starts_with("x-amz-date")
            || lower == "x-amz-security-token"
        {
            return Err(Error::invalid(
                "ReservedHeader",
                name,
                format!("\"{name}\" is set by the signer or the browser, not by the caller"),
            ));
        }
    }
    Ok(())
}

/// Names and values of `x-amz-meta-*` pairs are valid and their total is at most 2 KB.
pub fn metadata<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> Result<(), Error> {
    let mut total = 0;
    for (name, value) in pairs {
        let lower = name.to_ascii_lowercase();
        let Some(meta_key) = lower.strip_prefix("x-amz-meta-") else {
            continue;
        };
        header_name(name, name)?;
        header_value(name, value)?;
        total += meta_key.len() + value.len();
    }
    if total > MAX_METADATA_BYTES {
        return Err(Error::invalid(
            "MetadataTooLarge",
            "x-amz-meta-*",
            format!("user metadata is {total} bytes; the limit is {MAX_METADATA_BYTES} bytes (names after x-amz-meta- plus values)"),
        ));
    }
    Ok(())
}
