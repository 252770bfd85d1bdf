//! Object tags: `TagA=A&TagB=B`, each key and value URL-encoded by the module; a pair without
//! `=` has an empty value (seed 001 `x-oss-tagging`; seed 004 `--tagging`). S3 sends the same
//! text in `x-amz-tagging` and, in a POST form, an XML `tagging` field:
//! <https://docs.aws.amazon.com/AmazonS3/latest/API/RESTObjectPOST.html>.
//! The seeds give no limits; both vendors document the same ones — at most 10 tags, keys of 1 to
//! 128 characters, values of at most 256, keys unique:
//! <https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-tagging.html>,
//! <https://www.alibabacloud.com/help/en/oss/user-guide/object-tagging-8>.
//! OBS's seeds and CMS have no tagging.

use super::{unsupported, ObjectOptions, Pairs, Target};
use crate::core::encode::uri_encode;
use crate::core::error::Error;
use crate::core::options::{Dialect, Fields};

pub(crate) const MAX_TAGS: usize = 10;
pub(crate) const MAX_KEY_CHARS: usize = 128;
pub(crate) const MAX_VALUE_CHARS: usize = 256;

/// `tagging`: the `TagA=A&TagB=B` text (percent-escapes in it are decoded, then everything is
/// encoded once), or `{ TagA: 'A' }` pairs taken literally.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tagging {
    Text(String),
    Pairs(Fields),
}

pub(super) fn expand(
    o: &ObjectOptions,
    d: Dialect,
    t: Target,
    out: &mut Pairs,
) -> Result<(), Error> {
    let Some(tagging) = &o.tagging else {
        return Ok(());
    };
    let tags = tags(tagging)?;
    if tags.is_empty() {
        return Ok(());
    }
    match (d, t) {
        (Dialect::S3, Target::Put) => out.push("tagging", "x-amz-tagging", query(&tags)),
        (Dialect::S3, Target::Post) => out.push("tagging", "tagging", xml(&tags)),
        (Dialect::Oss, _) => out.push("tagging", "x-oss-tagging", query(&tags)),
        _ => return Err(unsupported("tagging", d)),
    }
    Ok(())
}

/// The tags as plain (decoded) pairs, checked against the limits.
pub(crate) fn tags(tagging: &Tagging) -> Result<Vec<(String, String)>, Error> {
    let tags = match tagging {
        Tagging::Pairs(f) => f.0.clone(),
        Tagging::Text(text) => text
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|pair| {
                let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
                Ok((decode(k)?, decode(v)?))
            })
            .collect::<Result<_, Error>>()?,
    };
    let bad = |code: &str, message: String| Error::invalid(code, "tagging", message);
    if tags.len() > MAX_TAGS {
        return Err(bad(
            "TooManyTags",
            format!("{} tags; the limit is {MAX_TAGS}", tags.len()),
        ));
    }
    for (i, (k, v)) in tags.iter().enumerate() {
        let chars = k.chars().count();
        if chars == 0 || chars > MAX_KEY_CHARS {
            return Err(bad(
                "InvalidTagKey",
                format!("tag key \"{k}\" is {chars} characters; keys have 1 to {MAX_KEY_CHARS}"),
            ));
        }
        if v.chars().count() > MAX_VALUE_CHARS {
            return Err(bad(
                "InvalidTagValue",
                format!("the value of tag \"{k}\" is over {MAX_VALUE_CHARS} characters"),
            ));
        }
        if tags[..i].iter().any(|(other, _)| other == k) {
            return Err(bad(
                "DuplicateTagKey",
                format!("tag key \"{k}\" is given twice"),
            ));
        }
    }
    Ok(tags)
}

/// `k=v&k2=v2`, each part percent-encoded (RFC 3986 unreserved kept).
fn query(tags: &[(String, String)]) -> String {
    let parts: Vec<String> = tags
        .iter()
        .map(|(k, v)| format!("{}={}", uri_encode(k, false), uri_encode(v, false)))
        .collect();
    parts.join("&")
}

/// S3's POST `tagging` field: `<Tagging><TagSet><Tag><Key>..</Key><Value>..</Value></Tag>...`.
fn xml(tags: &[(String, String)]) -> String {
    let mut out = String::from("<Tagging><TagSet>");
    for (k, v) in tags {
        out.push_str(&format!(
            "<Tag><Key>{}</Key><Value>{}</Value></Tag>",
            escape(k),
            escape(v)
        ));
    }
    out.push_str("</TagSet></Tagging>");
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// Percent-decodes one part of the text form (`+` stays a plus: RFC 3986, not HTML forms).
fn decode(part: &str) -> Result<String, Error> {
    let bad = || {
        Error::invalid(
            "InvalidTagging",
            "tagging",
            format!("\"{part}\" has a malformed %-escape or is not UTF-8"),
        )
    };
    let b = part.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = part
                .get(i + 1..i + 3)
                .filter(|h| h.bytes().all(|c| c.is_ascii_hexdigit()));
            let hex = hex.ok_or_else(bad)?;
            out.push(u8::from_str_radix(hex, 16).map_err(|_| bad())?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| bad())
}
