//! The OSS V4 canonical request.
//! Spec: "Step 1: Create a canonical request" in <https://www.alibabacloud.com/help/en/oss/developer-reference/recommend-to-use-signature-version-4>.

use crate::core::encode::uri_encode;
use std::fmt;

/// A canonical request, built from the very header and query lists that are sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CanonicalRequest {
    pub method: String,
    /// `/bucket/key`, percent-encoded (RFC 3986, `/` kept) — the bucket is there even when the
    /// request goes to a virtual-hosted address.
    pub uri: String,
    /// Encoded query pairs, sorted by name then value; an empty value is written as the name
    /// alone (`uploads`, not `uploads=`).
    pub query: Vec<(String, String)>,
    /// Lower-case names with trimmed values, sorted by name: `content-type`, `content-md5`,
    /// every `x-oss-*`, and the additional headers.
    pub headers: Vec<(String, String)>,
    /// The additional headers: lower-case, sorted, without the ones signed anyway.
    pub additional_headers: Vec<String>,
    pub payload_hash: String,
}

/// Headers V4 always signs when present; any other signed header is an *additional* one.
pub fn is_default_signed(lower_name: &str) -> bool {
    lower_name == "content-type" || lower_name == "content-md5" || lower_name.starts_with("x-oss-")
}

/// The AdditionalHeaders list of `names`: lower-cased, without the default-signed ones, sorted,
/// each once (ali-oss `fixAdditionalHeaders`).
pub fn additional_headers(names: &[String]) -> Vec<String> {
    let mut out: Vec<String> = names
        .iter()
        .map(|n| n.to_ascii_lowercase())
        .filter(|n| !is_default_signed(n))
        .collect();
    crate::core::small_sort::sort(&mut out);
    out.dedup();
    out
}

/// An operation's query pairs as [`CanonicalRequest::new`] takes them: a bare name (`uploads`)
/// has the empty value, which the canonical query writes as the name alone.
///
/// Spec: "Canonical Query String" in the V4 page above (parameters sorted by name, name and
/// value URI-encoded). How a parameter without a value is written is what ali-oss 6.23.0 signs
/// (`signUtils.getCanonicalRequest`: `qs.stringify` with `strictNullHandling`, and `createRequest`
/// turns every sub-resource without a value, `uploads` included, into `null`) and what Alibaba's
/// own C# SDK v2 signs (`SignerV4.CanonicalizeRequest`: `key` when the value is empty, else
/// `key=value`); tests/node/multipart-oss.test.mjs checks it against ali-oss.
pub fn query_pairs(query: &[(&str, Option<String>)]) -> Vec<(String, String)> {
    query
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone().unwrap_or_default()))
        .collect()
}

impl CanonicalRequest {
    /// `headers` and `query` are raw. Every header named in `additional` must be in `headers`;
    /// headers that are neither default-signed nor additional are not signed.
    pub fn new(
        method: &str,
        bucket: &str,
        key: &str,
        query: &[(String, String)],
        headers: &[(String, String)],
        additional: &[String],
    ) -> Self {
        let additional = additional_headers(additional);
        let mut h: Vec<(String, String)> = Vec::with_capacity(headers.len());
        for (name, value) in headers {
            let name = name.to_ascii_lowercase();
            if !is_default_signed(&name) && !additional.contains(&name) {
                continue;
            }
            let value = value.trim();
            match h.iter_mut().find(|(n, _)| *n == name) {
                Some((_, v)) => {
                    v.push(',');
                    v.push_str(value);
                }
                None => h.push((name, value.to_string())),
            }
        }
        crate::core::small_sort::sort_by(&mut h, |a, b| a.0 < b.0);
        let mut q: Vec<(String, String)> = query
            .iter()
            .map(|(k, v)| (uri_encode(k, false), uri_encode(v, false)))
            .collect();
        crate::core::small_sort::sort(&mut q);
        CanonicalRequest {
            method: method.to_string(),
            uri: uri_encode(&format!("/{bucket}/{key}"), true),
            query: q,
            headers: h,
            additional_headers: additional,
            payload_hash: super::UNSIGNED_PAYLOAD.to_string(),
        }
    }

    /// `name1;name2`, the `AdditionalHeaders` value (empty when there are none).
    pub fn additional_headers(&self) -> String {
        self.additional_headers.join(";")
    }

    /// The canonical request with the values of security tokens replaced, for logs.
    pub fn redacted(&self) -> String {
        let mut copy = self.clone();
        for (k, v) in copy.query.iter_mut().chain(copy.headers.iter_mut()) {
            if k.eq_ignore_ascii_case("x-oss-security-token") {
                *v = "<redacted>".into();
            }
        }
        copy.to_string()
    }
}

impl fmt::Display for CanonicalRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.method)?;
        writeln!(f, "{}", self.uri)?;
        let query: Vec<String> = self
            .query
            .iter()
            .map(|(k, v)| match v.as_str() {
                "" => k.clone(),
                v => format!("{k}={v}"),
            })
            .collect();
        writeln!(f, "{}", query.join("&"))?;
        for (name, value) in &self.headers {
            writeln!(f, "{name}:{value}")?;
        }
        writeln!(f)?;
        writeln!(f, "{}", self.additional_headers())?;
        write!(f, "{}", self.payload_hash)
    }
}
