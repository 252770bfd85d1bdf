//! AWS Signature Version 2 (S3 "REST authentication"): one string to sign, HMAC-SHA1, base64.
//! Spec: <https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html>.

use crate::core::encode::base64;
use crate::core::mac::hmac_sha1;
use std::fmt;

/// Base64 HMAC-SHA1 of `string_to_sign` with the secret key: the SigV2 signature, also the
/// `signature` of a SigV2 POST form (where the string to sign is the base64 policy).
pub fn signature(secret_access_key: &str, string_to_sign: &str) -> String {
    base64(&hmac_sha1(
        secret_access_key.as_bytes(),
        string_to_sign.as_bytes(),
    ))
}

/// `resource` followed by the sub-resources sorted by name, as `?name=value&name2` (a `None`
/// value is the bare name): the CanonicalizedResource tail of SigV2 and of the signatures that
/// copied it (OSS V1, OBS).
/// Spec: <https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html#ConstructingTheCanonicalizedResourceElement>.
pub(crate) fn with_sub_resources(mut resource: String, sub: &[(&str, Option<&str>)]) -> String {
    let mut sub = sub.to_vec();
    crate::core::small_sort::sort_by(&mut sub, |a, b| a.0 < b.0);
    for (i, (name, value)) in sub.iter().enumerate() {
        resource.push(if i == 0 { '?' } else { '&' });
        resource.push_str(name);
        if let Some(v) = value {
            resource.push('=');
            resource.push_str(v);
        }
    }
    resource
}

/// The SigV2 string to sign:
/// `VERB\nContent-MD5\nContent-Type\nDate-or-Expires\n<x-amz-* headers>\n...<resource>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StringToSignV2 {
    pub method: String,
    pub content_md5: String,
    pub content_type: String,
    /// The `Date` header, the `Expires` epoch seconds of a presigned URL, or empty when an
    /// `x-amz-date` header carries the date.
    pub date: String,
    /// `x-amz-*` (or the dialect's prefix) headers: lower-case names, sorted, repeated values
    /// joined with commas.
    pub amz_headers: Vec<(String, String)>,
    /// `/bucket/encoded-key`.
    pub resource: String,
}

impl StringToSignV2 {
    /// Builds the string to sign from raw request headers; only Content-MD5, Content-Type and
    /// `x-amz-*` headers take part, as the spec says.
    pub fn new(method: &str, headers: &[(String, String)], date: &str, resource: &str) -> Self {
        Self::with_header_prefix(method, headers, date, resource, "x-amz-")
    }

    /// The same string for the HMAC-SHA1 signatures that copied SigV2 with their own header
    /// prefix: Alibaba OSS V1 (`x-oss-`) and Huawei OBS (`x-obs-`). `prefix` is lower-case.
    pub(crate) fn with_header_prefix(
        method: &str,
        headers: &[(String, String)],
        date: &str,
        resource: &str,
        prefix: &str,
    ) -> Self {
        let find = |name: &str| {
            headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.trim().to_string())
                .unwrap_or_default()
        };
        let mut amz: Vec<(String, String)> = Vec::new();
        for (name, value) in headers {
            let name = name.to_ascii_lowercase();
            if !name.starts_with(prefix) {
                continue;
            }
            let value = value.trim().to_string();
            match amz.iter_mut().find(|(n, _)| *n == name) {
                Some((_, v)) => {
                    v.push(',');
                    v.push_str(&value);
                }
                None => amz.push((name, value)),
            }
        }
        crate::core::small_sort::sort_by(&mut amz, |a, b| a.0 < b.0);
        StringToSignV2 {
            method: method.to_string(),
            content_md5: find("content-md5"),
            content_type: find("content-type"),
            date: date.to_string(),
            amz_headers: amz,
            resource: resource.to_string(),
        }
    }
}

impl fmt::Display for StringToSignV2 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}\n{}\n{}\n{}\n",
            self.method, self.content_md5, self.content_type, self.date
        )?;
        for (name, value) in &self.amz_headers {
            writeln!(f, "{name}:{value}")?;
        }
        write!(f, "{}", self.resource)
    }
}
