//! OSS V1: the SigV2-shaped string to sign with `x-oss-*` headers, a canonicalized resource that
//! holds the key as it is (not percent-encoded), and base64 HMAC-SHA1.
//! Spec: <https://www.alibabacloud.com/help/en/oss/developer-reference/include-signatures-in-the-authorization-header>;
//! presigned URLs: <https://www.alibabacloud.com/help/en/oss/developer-reference/ddd-signatures-to-urls>.

use crate::core::sigv2::{self, StringToSignV2};

/// The prefix of the headers V1 signs (CanonicalizedOSSHeaders).
pub const HEADER_PREFIX: &str = "x-oss-";

/// `VERB\nContent-MD5\nContent-Type\nDate\nCanonicalizedOSSHeaders` + `CanonicalizedResource`:
/// `x-oss-*` headers lower-cased, values trimmed, sorted by name. `date` is the `Date` (or, in a
/// browser, `x-oss-date`) value of a header-signed request, or the `Expires` seconds of a URL.
pub fn string_to_sign(
    method: &str,
    headers: &[(String, String)],
    date: &str,
    resource: &str,
) -> StringToSignV2 {
    StringToSignV2::with_header_prefix(method, headers, date, resource, HEADER_PREFIX)
}

/// `/bucket/key` with the key's UTF-8 as it is (OSS V1 does not percent-encode it), then the
/// sub-resources sorted by name as `?name=value&name2` (a `None` value is the bare name).
/// Spec: "Construct CanonicalizedResource" in the header-signature page above.
pub fn canonicalized_resource(bucket: &str, key: &str, sub: &[(&str, Option<&str>)]) -> String {
    let mut out = format!("/{bucket}/{key}");
    let mut sub = sub.to_vec();
    sub.sort_by(|a, b| a.0.cmp(b.0));
    for (i, (name, value)) in sub.iter().enumerate() {
        out.push(if i == 0 { '?' } else { '&' });
        out.push_str(name);
        if let Some(v) = value {
            out.push('=');
            out.push_str(v);
        }
    }
    out
}

/// Base64 HMAC-SHA1 of `string_to_sign` with the AccessKey secret.
pub fn signature(access_key_secret: &str, string_to_sign: &str) -> String {
    sigv2::signature(access_key_secret, string_to_sign)
}

/// `OSS <AccessKeyId>:<Signature>`, the V1 `Authorization` value.
pub fn authorization(access_key_id: &str, signature: &str) -> String {
    format!("OSS {access_key_id}:{signature}")
}
