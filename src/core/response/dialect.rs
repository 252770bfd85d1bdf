//! Which dialect answered, and the response headers each one uses.
//!
//! `postObject` / `putObject` take the dialect from their `dialect` option; without it they infer
//! it from what was signed, because the signer already chose: a form with `OSSAccessKeyId` or an
//! `x-oss-*` field is OSS, one with `AccessKeyId` (not `AWSAccessKeyId`) or an `x-obs-*` field is
//! native OBS; a request with an `Authentication` header is CMS (seed 000), an `Authorization` of
//! `OSS …`/`OSS4-HMAC-SHA256 …` or `x-oss-*` headers/query parameters is OSS, `OBS …` or
//! `x-obs-*`/`AccessKeyId` is native OBS. Anything else is S3 (which includes OBS's S3-compatible
//! API: it answers with `x-amz-*` headers, seeds 002/003).

use crate::core::error::Error;
use crate::core::options::Dialect;

/// The dialect named by `name` (`s3`, `oss`, `obs`, `cms`; any case).
pub fn parse_dialect(name: &str) -> Result<Dialect, Error> {
    Dialect::from_name(&name.to_ascii_lowercase()).ok_or_else(|| {
        Error::invalid(
            "InvalidOptions",
            "dialect",
            format!("unknown dialect \"{name}\"; use s3, oss, obs or cms"),
        )
    })
}

/// Response headers carrying the request id, the dialect's own first. OSS:
/// <https://www.alibabacloud.com/help/en/oss/developer-reference/common-http-headers>; OBS native
/// `x-obs-request-id`, OBS S3-compatible and S3 `x-amz-request-id`. Seed 000 documents no
/// request id for CMS, so none is read there.
pub fn request_id_headers(d: Dialect) -> &'static [&'static str] {
    match d {
        Dialect::S3 => &["x-amz-request-id", "x-oss-request-id", "x-obs-request-id"],
        Dialect::Oss => &["x-oss-request-id", "x-amz-request-id", "x-obs-request-id"],
        Dialect::Obs => &["x-obs-request-id", "x-amz-request-id", "x-oss-request-id"],
        Dialect::Cms => &[],
    }
}

/// Response headers carrying the version id of the stored object (seed 001 `x-oss-version-id`,
/// seeds 002/003 `x-amz-version-id`, OBS native `x-obs-version-id`). None for CMS.
pub fn version_id_headers(d: Dialect) -> &'static [&'static str] {
    match d {
        Dialect::S3 => &["x-amz-version-id", "x-oss-version-id", "x-obs-version-id"],
        Dialect::Oss => &["x-oss-version-id", "x-amz-version-id", "x-obs-version-id"],
        Dialect::Obs => &["x-obs-version-id", "x-amz-version-id", "x-oss-version-id"],
        Dialect::Cms => &[],
    }
}

/// The CRC-64/ECMA OSS computed over what it stored (unsigned decimal). Read in every dialect:
/// an integrity check the server offers is never ignored.
pub const CRC64_HEADER: &str = "x-oss-hash-crc64ecma";

fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// What one name (a form field, header or query parameter) says about the dialect.
fn by_name(name: &str) -> Option<Dialect> {
    if name.eq_ignore_ascii_case("OSSAccessKeyId") || starts_with_ci(name, "x-oss-") {
        Some(Dialect::Oss)
    } else if name.eq_ignore_ascii_case("AccessKeyId") || starts_with_ci(name, "x-obs-") {
        Some(Dialect::Obs)
    } else {
        None
    }
}

/// One verdict from many clues; two different ones are an error (the caller must say).
fn settle(clues: impl IntoIterator<Item = Dialect>, what: &str) -> Result<Option<Dialect>, Error> {
    let mut found: Option<Dialect> = None;
    for d in clues {
        match found {
            Some(f) if f != d => {
                return Err(Error::invalid(
                    "AmbiguousDialect",
                    "dialect",
                    format!(
                        "the {what} has both {} and {} names; pass the dialect option",
                        f.name(),
                        d.name()
                    ),
                ))
            }
            _ => found = Some(d),
        }
    }
    Ok(found)
}

/// The dialect a signed POST form belongs to, from its field names; `None` for S3-style forms.
pub fn infer_from_form(fields: &[(String, String)]) -> Result<Option<Dialect>, Error> {
    settle(fields.iter().filter_map(|(n, _)| by_name(n)), "form")
}

/// The dialect a signed PUT belongs to, from its headers and its URL's query parameter names;
/// `None` for S3-style requests.
pub fn infer_from_request(
    url: &str,
    headers: &[(String, String)],
) -> Result<Option<Dialect>, Error> {
    let mut clues = Vec::new();
    for (name, value) in headers {
        if name.eq_ignore_ascii_case("Authentication") {
            clues.push(Dialect::Cms);
        } else if name.eq_ignore_ascii_case("Authorization") {
            let v = value.trim_start();
            if v.starts_with("OSS ") || v.starts_with("OSS4-HMAC-SHA256") {
                clues.push(Dialect::Oss);
            } else if v.starts_with("OBS ") {
                clues.push(Dialect::Obs);
            }
        } else if let Some(d) = by_name(name) {
            clues.push(d);
        }
    }
    let query = url.split_once('?').map_or("", |(_, q)| q);
    let query = query.split_once('#').map_or(query, |(q, _)| q);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let name = pair.split_once('=').map_or(pair, |(n, _)| n);
        if let Some(d) = by_name(name) {
            clues.push(d);
        }
    }
    settle(clues, "request")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
        p.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn infers_from_forms() {
        let oss = pairs(&[
            ("key", "k"),
            ("OSSAccessKeyId", "AK"),
            ("policy", "p"),
            ("Signature", "s"),
        ]);
        assert_eq!(infer_from_form(&oss).unwrap(), Some(Dialect::Oss));
        let oss4 = pairs(&[
            ("key", "k"),
            ("x-oss-signature-version", "OSS4-HMAC-SHA256"),
        ]);
        assert_eq!(infer_from_form(&oss4).unwrap(), Some(Dialect::Oss));
        let obs = pairs(&[("key", "k"), ("AccessKeyId", "AK"), ("signature", "s")]);
        assert_eq!(infer_from_form(&obs).unwrap(), Some(Dialect::Obs));
        let obs_compat = pairs(&[
            ("key", "k"),
            ("AWSAccessKeyId", "AK"),
            ("x-amz-meta-a", "b"),
        ]);
        assert_eq!(infer_from_form(&obs_compat).unwrap(), None);
        let both = pairs(&[("OSSAccessKeyId", "AK"), ("x-obs-acl", "private")]);
        assert_eq!(infer_from_form(&both).unwrap_err().code, "AmbiguousDialect");
    }

    #[test]
    fn infers_from_requests() {
        let none: Vec<(String, String)> = Vec::new();
        assert_eq!(
            infer_from_request(
                "https://b.oss-cn-hangzhou.aliyuncs.com/k?OSSAccessKeyId=A&Expires=1&Signature=s",
                &none
            )
            .unwrap(),
            Some(Dialect::Oss)
        );
        assert_eq!(
            infer_from_request(
                "https://b.h/k?x-oss-signature-version=OSS4-HMAC-SHA256&x-oss-date=1",
                &none
            )
            .unwrap(),
            Some(Dialect::Oss)
        );
        assert_eq!(
            infer_from_request("https://b.h/k?AccessKeyId=A&Expires=1&Signature=s", &none).unwrap(),
            Some(Dialect::Obs)
        );
        assert_eq!(
            infer_from_request(
                "https://b.h/k?AWSAccessKeyId=A&Expires=1&Signature=s",
                &none
            )
            .unwrap(),
            None
        );
        assert_eq!(
            infer_from_request("https://b.h/k?X-Amz-Credential=c", &none).unwrap(),
            None
        );
        let h = |n: &str, v: &str| pairs(&[(n, v)]);
        assert_eq!(
            infer_from_request("https://h/k", &h("Authorization", "OSS AK:sig")).unwrap(),
            Some(Dialect::Oss)
        );
        assert_eq!(
            infer_from_request(
                "https://h/k",
                &h("authorization", "OSS4-HMAC-SHA256 Credential=x")
            )
            .unwrap(),
            Some(Dialect::Oss)
        );
        assert_eq!(
            infer_from_request("https://h/k", &h("Authorization", "OBS AK:sig")).unwrap(),
            Some(Dialect::Obs)
        );
        assert_eq!(
            infer_from_request("https://h/k", &h("Authorization", "AWS AK:sig")).unwrap(),
            None
        );
        assert_eq!(
            infer_from_request("https://h/object/b/k", &h("Authentication", "token")).unwrap(),
            Some(Dialect::Cms)
        );
        assert_eq!(
            infer_from_request("https://h/k", &h("x-obs-date", "d")).unwrap(),
            Some(Dialect::Obs)
        );
    }

    #[test]
    fn parses_names() {
        assert_eq!(parse_dialect("OSS").unwrap(), Dialect::Oss);
        let e = parse_dialect("gcs").unwrap_err();
        assert_eq!(
            (e.code.as_str(), e.field.as_deref()),
            ("InvalidOptions", Some("dialect"))
        );
    }
}
