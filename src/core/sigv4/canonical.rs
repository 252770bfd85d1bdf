//! The SigV4 canonical request.
//! Spec: <https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-canonical-request>.

use crate::core::encode::uri_encode;
use std::fmt;

/// A canonical request, built once and used both for signing and (through the same header and
/// query lists) for what is sent, so the two cannot drift.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CanonicalRequest {
    pub method: String,
    /// The path, already encoded as the service wants it (S3: each byte once, `/` kept).
    pub path: String,
    /// Encoded query pairs, sorted by name then value.
    pub query: Vec<(String, String)>,
    /// Lower-case header names with their canonical values, sorted by name.
    pub headers: Vec<(String, String)>,
    pub payload_hash: String,
}

impl CanonicalRequest {
    /// Builds the canonical form of a request. `query` and `headers` are raw (not yet encoded or
    /// normalized); `path` is already encoded.
    pub fn new(
        method: &str,
        path: &str,
        query: &[(String, String)],
        headers: &[(String, String)],
        payload_hash: &str,
    ) -> Self {
        let mut q: Vec<(String, String)> = query
            .iter()
            .map(|(k, v)| (uri_encode(k, false), uri_encode(v, false)))
            .collect();
        crate::core::small_sort::sort(&mut q);
        let mut h: Vec<(String, String)> = Vec::with_capacity(headers.len());
        for (name, value) in headers {
            let name = name.to_ascii_lowercase();
            let value = normalize_header_value(value);
            match h.iter_mut().find(|(n, _)| *n == name) {
                // Repeated headers are joined with commas, in the order given.
                Some((_, v)) => {
                    v.push(',');
                    v.push_str(&value);
                }
                None => h.push((name, value)),
            }
        }
        crate::core::small_sort::sort_by(&mut h, |a, b| a.0 < b.0);
        CanonicalRequest {
            method: method.to_string(),
            path: path.to_string(),
            query: q,
            headers: h,
            payload_hash: payload_hash.to_string(),
        }
    }

    /// `name1;name2;...`, the `SignedHeaders` value.
    pub fn signed_headers(&self) -> String {
        let names: Vec<&str> = self.headers.iter().map(|(n, _)| n.as_str()).collect();
        names.join(";")
    }

    /// The canonical query string, `a=1&b=2`.
    pub fn query_string(&self) -> String {
        join_pairs(&self.query)
    }

    /// The canonical request with the values of security tokens replaced, for logs.
    pub fn redacted(&self) -> String {
        let mut copy = self.clone();
        for (k, v) in copy.query.iter_mut().chain(copy.headers.iter_mut()) {
            // Session tokens and SSE-C keys are secrets (the key's MD5 is not).
            if k.eq_ignore_ascii_case("x-amz-security-token")
                || k.to_ascii_lowercase()
                    .ends_with("server-side-encryption-customer-key")
            {
                *v = "<redacted>".into();
            }
        }
        copy.to_string()
    }
}

/// Joins already-encoded pairs as `a=1&b=2`.
pub(crate) fn join_pairs(pairs: &[(String, String)]) -> String {
    let parts: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
    parts.join("&")
}

/// Trims and collapses runs of spaces to one, as SigV4 canonical header values require.
fn normalize_header_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for word in value.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

impl fmt::Display for CanonicalRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.method)?;
        writeln!(f, "{}", self.path)?;
        writeln!(f, "{}", self.query_string())?;
        for (name, value) in &self.headers {
            writeln!(f, "{name}:{value}")?;
        }
        writeln!(f)?;
        writeln!(f, "{}", self.signed_headers())?;
        write!(f, "{}", self.payload_hash)
    }
}
