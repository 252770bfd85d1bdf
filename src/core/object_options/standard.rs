//! The standard HTTP headers an object keeps: Cache-Control, Content-Disposition,
//! Content-Encoding, Content-Type, Expires (seed 001 "OSS supports five HTTP request headers";
//! seed 002's form fields; AWS PutObject), and Content-MD5 (RFC 1864; seeds 000, 001, 003; a POST
//! form field in S3 and OBS). CMS (seed 000) names only Content-MD5, and every request has a
//! Content-Type; the other four are not CMS options.

use super::{check_value, given, unsupported, ObjectOptions, Pairs, Target};
use crate::core::encode;
use crate::core::error::Error;
use crate::core::options::Dialect;

/// The option, its header (and form field) name.
const HEADERS: [(&str, &str); 5] = [
    ("cacheControl", "Cache-Control"),
    ("contentDisposition", "Content-Disposition"),
    ("contentEncoding", "Content-Encoding"),
    ("contentType", "Content-Type"),
    ("expires", "Expires"),
];

pub(super) fn expand(
    o: &ObjectOptions,
    d: Dialect,
    t: Target,
    out: &mut Pairs,
) -> Result<(), Error> {
    let values = [
        &o.cache_control,
        &o.content_disposition,
        &o.content_encoding,
        &o.content_type,
        &o.expires,
    ];
    for ((option, name), value) in HEADERS.into_iter().zip(values) {
        let Some(value) = given(value) else { continue };
        if d == Dialect::Cms && option != "contentType" {
            return Err(unsupported(option, d));
        }
        check_value(option, value, t)?;
        out.push(option, name, value);
    }
    if let Some(md5) = &o.content_md5 {
        if md5.0.is_empty() {
            return Ok(());
        }
        out.push("contentMd5", "Content-MD5", content_md5(&md5.0)?);
    }
    Ok(())
}

/// The Content-MD5 value: base64 of 16 bytes as given, or 32 hex digits turned into that.
fn content_md5(value: &str) -> Result<String, Error> {
    let bad = || {
        Error::invalid(
            "InvalidContentMd5",
            "contentMd5",
            "contentMd5 must be the base64 (RFC 1864) or hex of a 16-byte MD5 digest",
        )
    };
    if value.len() == 32 && value.bytes().all(|b| b.is_ascii_hexdigit()) {
        let bytes: Vec<u8> = (0..16)
            .map(|i| u8::from_str_radix(&value[2 * i..2 * i + 2], 16).unwrap_or(0))
            .collect();
        return Ok(encode::base64(&bytes));
    }
    match encode::base64_decode(value) {
        Some(bytes) if bytes.len() == 16 && encode::base64(&bytes) == value => {
            Ok(value.to_string())
        }
        _ => Err(bad()),
    }
}

/// `contentMd5`: a string, or the `{ base64, hex }` object `contentMd5()` resolves to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContentMd5Value(pub String);
