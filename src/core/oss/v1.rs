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
    sigv2::with_sub_resources(format!("/{bucket}/{key}"), sub)
}

/// Whether a query parameter is one of the sub-resources V1 signs in the CanonicalizedResource
/// (everything else in a query, like ListParts' `max-parts` and `part-number-marker`, travels
/// unsigned). The list of "Construct CanonicalizedResource" in the header-signature page above
/// (GetObject's `response-*` overrides among them), as ali-oss signs it (only `subres`, never
/// `query`, goes to `buildCanonicalizedResource`; `signatureUrl` adds `x-oss-traffic-limit`).
pub fn is_sub_resource(name: &str) -> bool {
    const SUB_RESOURCES: &str = "acl uploads location cors logging website referer lifecycle \
        delete append tagging objectMeta uploadId partNumber security-token position img style \
        styleName replication replicationProgress replicationLocation cname bucketInfo comp qos \
        live status vod startTime endTime symlink x-oss-process versionId response-content-type \
        response-content-language response-expires response-cache-control \
        response-content-disposition response-content-encoding x-oss-traffic-limit";
    SUB_RESOURCES.split_ascii_whitespace().any(|n| n == name)
}

/// Base64 HMAC-SHA1 of `string_to_sign` with the AccessKey secret.
pub fn signature(access_key_secret: &str, string_to_sign: &str) -> String {
    sigv2::signature(access_key_secret, string_to_sign)
}

/// `OSS <AccessKeyId>:<Signature>`, the V1 `Authorization` value.
pub fn authorization(access_key_id: &str, signature: &str) -> String {
    format!("OSS {access_key_id}:{signature}")
}
