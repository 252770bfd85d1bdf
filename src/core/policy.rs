//! The POST policy document: an expiration and ordered conditions, serialized to JSON once and
//! base64-encoded; that very base64 string is both what is signed and what the form carries.
//! Spec: <https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html>.
//!
//! OSS adds two list conditions, `in` and `not-in`, that S3 and OBS do not document.
//! <https://help.aliyun.com/en/oss/user-guide/0006-00000216> lists the matching modes, among
//! them: `in | ["in", "$field", ["v1", "v2"]] | Field value must be one of the listed values.`
//! and `not-in | ["not-in", "$field", ["v1", "v2"]] | Field value must not be any of the listed
//! values.`; <https://www.alibabacloud.com/help/en/oss/user-guide/0006-00000224>: "The in and
//! not-in operators require a List (a JSON array) as the value, not a String", with the example
//! `["in", "$content-type", ["image/jpeg", "image/png"]]`, `["not-in", "$cache-control",
//! ["no-cache"]]`. The pages name any `$field` (their examples: `$content-type`, `$cache-control`).

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
    /// OSS only: the field must be one of the values: `["in", "$name", ["v1", "v2"]]`.
    In(String, Vec<String>),
    /// OSS only: the field must be none of the values: `["not-in", "$name", ["v1", "v2"]]`.
    NotIn(String, Vec<String>),
}

impl Condition {
    /// The form field an `in` / `not-in` condition names (without `$`) and its list; `true`
    /// when the field must be one of the values.
    pub(crate) fn list(&self) -> Option<(&str, &[String], bool)> {
        let (name, values, inside) = match self {
            Condition::In(name, values) => (name, values, true),
            Condition::NotIn(name, values) => (name, values, false),
            _ => return None,
        };
        Some((name.strip_prefix('$').unwrap_or(name), values, inside))
    }

    /// The condition as it stands in the policy JSON (for messages).
    pub(crate) fn to_json(&self) -> String {
        let mut out = String::new();
        self.write_json(&mut out);
        out
    }

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
            Condition::In(..) | Condition::NotIn(..) => {
                let (name, values, inside) = self.list().expect("a list condition");
                out.push_str(if inside { "[\"in\"," } else { "[\"not-in\"," });
                json::write_string(out, &format!("${name}"));
                out.push_str(",[");
                for (i, v) in values.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    json::write_string(out, v);
                }
                out.push_str("]]");
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
