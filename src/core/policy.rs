//! The POST policy document: an expiration and ordered conditions, serialized to JSON once and
//! base64-encoded; that very base64 string is both what is signed and what the form carries.
//! Spec: <https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html>.

use crate::core::{encode, json, time::UtcTime};

/// One policy condition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Condition {
    /// The field must equal the value exactly: `{"name": "value"}`.
    Eq(String, String),
    /// The field must start with the value (`""` allows anything): `["starts-with", "$name", "v"]`.
    StartsWith(String, String),
    /// The file size in bytes must be within `min..=max`: `["content-length-range", min, max]`.
    ContentLengthRange(u64, u64),
}

impl Condition {
    fn write_json(&self, out: &mut String) {
        match self {
            Condition::Eq(name, value) => {
                out.push('{');
                json::write_string(out, name.strip_prefix('$').unwrap_or(name));
                out.push(':');
                json::write_string(out, value);
                out.push('}');
            }
            Condition::StartsWith(name, value) => {
                out.push_str("[\"starts-with\",");
                let name = name.strip_prefix('$').unwrap_or(name);
                json::write_string(out, &format!("${name}"));
                out.push(',');
                json::write_string(out, value);
                out.push(']');
            }
            Condition::ContentLengthRange(min, max) => {
                out.push_str(&format!("[\"content-length-range\",{min},{max}]"));
            }
        }
    }
}

/// A POST policy: when it expires and what the form must satisfy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostPolicy {
    pub expiration: UtcTime,
    pub conditions: Vec<Condition>,
}

impl PostPolicy {
    /// The policy as compact JSON, conditions in order.
    pub fn to_json(&self) -> String {
        let mut out = String::from("{\"expiration\":");
        json::write_string(&mut out, &self.expiration.iso8601());
        out.push_str(",\"conditions\":[");
        for (i, c) in self.conditions.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            c.write_json(&mut out);
        }
        out.push_str("]}");
        out
    }

    /// Base64 of the UTF-8 JSON: the `policy` form field and the string that gets signed.
    pub fn to_base64(&self) -> String {
        encode::base64(self.to_json().as_bytes())
    }
}
