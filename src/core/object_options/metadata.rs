//! User metadata: `{ name: value }` sent as `<prefix><name>`, the prefix being the dialect's
//! (`x-amz-meta-`, `x-oss-meta-`, `x-obs-meta-`, `x-cms-meta-`), with the dialect's limits on
//! the total of names (after the prefix) and values in UTF-8 bytes:
//! - S3: 2 KB, <https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingMetadata.html>;
//!   OBS: 2 KB, seeds 002 and 003;
//! - OSS: 8 KB, names of letters, digits and hyphens only, lowercased (seed 001);
//! - CMS: 8 KB (seed 000).
//!
//! The same rules apply to metadata the caller passes as raw `headers`/`fields`.

use super::{check_value, ObjectOptions, Pairs, Target};
use crate::core::error::Error;
use crate::core::options::Dialect;
use crate::core::validate;

/// The dialect's metadata prefix.
pub(crate) fn prefix(d: Dialect) -> &'static str {
    match d {
        Dialect::S3 => "x-amz-meta-",
        Dialect::Oss => "x-oss-meta-",
        Dialect::Obs => "x-obs-meta-",
        Dialect::Cms => "x-cms-meta-",
    }
}

/// The dialect's limit on names plus values, in bytes.
pub(crate) fn max_bytes(d: Dialect) -> usize {
    match d {
        Dialect::S3 | Dialect::Obs => 2 * 1024,
        Dialect::Oss | Dialect::Cms => 8 * 1024,
    }
}

pub(super) fn expand(
    o: &ObjectOptions,
    d: Dialect,
    t: Target,
    out: &mut Pairs,
) -> Result<(), Error> {
    let mut seen: Vec<String> = Vec::new();
    for (name, value) in &o.metadata.0 {
        let field = format!("metadata.{name}");
        check_name(d, &field, name)?;
        let lower = name.to_ascii_lowercase();
        if seen.contains(&lower) {
            return Err(Error::invalid(
                "DuplicateMetadataName",
                &field,
                format!("metadata name \"{name}\" is given twice (names are case-insensitive)"),
            ));
        }
        check_value(&field, value, t)?;
        // OSS stores names lowercased (seed 001); sending them so keeps V1 and V4 signing simple.
        let sent = if d == Dialect::Oss {
            lower.clone()
        } else {
            name.clone()
        };
        out.push("metadata", format!("{}{sent}", prefix(d)), value.clone());
        seen.push(lower);
    }
    total(
        d,
        o.metadata.0.iter().map(|(n, v)| (n.as_str(), v.as_str())),
        "metadata",
    )
}

/// Checks every metadata pair of a final header/field list (typed and raw) against the dialect.
/// A total over the limit names `metadata` when the typed option contributed, else `<prefix>*`.
pub(crate) fn check_all(d: Dialect, pairs: &[(String, String)], typed: bool) -> Result<(), Error> {
    let prefix = prefix(d);
    let meta: Vec<(&str, &str)> = pairs
        .iter()
        .filter_map(|(n, v)| {
            let head = n.get(..prefix.len())?;
            let rest = n.get(prefix.len()..)?;
            head.eq_ignore_ascii_case(prefix)
                .then_some((rest, v.as_str()))
        })
        .collect();
    for (name, _) in &meta {
        check_name(d, &format!("{prefix}{name}"), name)?;
    }
    let field = if typed {
        "metadata".to_string()
    } else {
        format!("{prefix}*")
    };
    total(d, meta.into_iter(), &field)
}

fn check_name(d: Dialect, field: &str, name: &str) -> Result<(), Error> {
    if name.is_empty() {
        return Err(Error::invalid(
            "InvalidMetadataName",
            field,
            "a metadata name is empty",
        ));
    }
    if d == Dialect::Oss && !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return Err(Error::invalid(
            "InvalidMetadataName",
            field,
            format!("OSS metadata name \"{name}\" may have only letters, digits and hyphens"),
        ));
    }
    validate::header_name(field, &format!("{}{name}", prefix(d)))
}

fn total<'a>(
    d: Dialect,
    pairs: impl Iterator<Item = (&'a str, &'a str)>,
    field: &str,
) -> Result<(), Error> {
    let total: usize = pairs.map(|(n, v)| n.len() + v.len()).sum();
    let max = max_bytes(d);
    if total > max {
        return Err(Error::invalid(
            "MetadataTooLarge",
            field,
            format!(
                "user metadata is {total} bytes; dialect \"{}\" allows {max} bytes (names after {} plus values)",
                d.name(),
                prefix(d)
            ),
        ));
    }
    Ok(())
}
