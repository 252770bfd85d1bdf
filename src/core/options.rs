//! The options of each operation, shaped like the JavaScript options (camelCase) so one
//! `Deserialize` serves the browser module and a backend reading JSON.

use crate::core::object_options::ObjectOptions;
use crate::core::{credentials::Credentials, policy::Condition, time::UtcTime};
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;

/// Which vendor's protocol to speak.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Dialect {
    /// Amazon S3 and S3-compatible stores (MinIO, Ceph, s3s, and Huawei OBS's S3-compatible API).
    #[default]
    S3,
    /// Alibaba Cloud OSS (`x-oss-*`; V1 HMAC-SHA1 and V4 OSS4-HMAC-SHA256).
    Oss,
    /// Huawei Cloud OBS's native API (`x-obs-*`, `OBS AK:sig`).
    Obs,
    /// The CMS token PUT of seed 000 (`Authentication` header).
    Cms,
}

impl Dialect {
    /// The name used in options and messages.
    pub fn name(self) -> &'static str {
        match self {
            Dialect::S3 => "s3",
            Dialect::Oss => "oss",
            Dialect::Obs => "obs",
            Dialect::Cms => "cms",
        }
    }

    /// The typed error for an operation this dialect does not have (yet).
    pub fn unsupported(self, operation: &str) -> crate::core::error::Error {
        crate::core::error::Error::invalid(
            "UnsupportedDialect",
            "dialect",
            format!(
                "{operation} is not available for dialect \"{}\"",
                self.name()
            ),
        )
    }
}

/// Which signature version to sign with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SigVersion {
    /// HMAC-SHA1 (legacy; still the only one some S3-compatible stores speak).
    V2,
    /// AWS4-HMAC-SHA256.
    #[default]
    V4,
}

pub(crate) fn default_region() -> String {
    "us-east-1".into()
}
fn default_post_expiry() -> i64 {
    3600
}
pub(crate) fn default_put_expiry() -> i64 {
    900
}

/// Options of [`sign_post_form`](crate::sign_post_form).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PostFormOptions {
    #[serde(default)]
    pub dialect: Dialect,
    #[serde(default)]
    pub version: SigVersion,
    pub endpoint: String,
    pub bucket: String,
    #[serde(default = "default_region")]
    pub region: String,
    #[serde(default)]
    pub path_style: bool,
    pub credentials: Credentials,
    pub key: String,
    /// Seconds from `now` until the policy expires.
    #[serde(default = "default_post_expiry")]
    pub expires_in: i64,
    /// The signing instant. The core never reads a clock: a missing `now` is an error, not "now".
    /// (The browser module fills it from the `now` option or the page's clock.)
    #[serde(skip, default)]
    pub now: Option<UtcTime>,
    #[serde(default)]
    pub conditions: Vec<Condition>,
    /// Extra form fields, in order (Content-Type, success_action_status, x-amz-meta-*, acl, ...).
    #[serde(default)]
    pub fields: Fields,
    /// The typed object options (acl, storageClass, metadata, tagging, ...), flat in the JS
    /// object; they become form fields after `fields`.
    #[serde(flatten)]
    pub object: ObjectOptions,
}

/// Options of [`presign_put`](crate::presign_put) and [`sign_put_headers`](crate::sign_put_headers).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PutOptions {
    #[serde(default)]
    pub dialect: Dialect,
    #[serde(default)]
    pub version: SigVersion,
    pub endpoint: String,
    pub bucket: String,
    #[serde(default = "default_region")]
    pub region: String,
    #[serde(default)]
    pub path_style: bool,
    pub credentials: Credentials,
    pub key: String,
    /// Seconds from `now` until a presigned URL expires (at most 7 days for SigV4).
    #[serde(default = "default_put_expiry")]
    pub expires_in: i64,
    /// The signing instant; see [`PostFormOptions::now`].
    #[serde(skip, default)]
    pub now: Option<UtcTime>,
    /// Headers the upload will send and the signature covers (Content-Type, Content-MD5, x-amz-meta-*, ...).
    #[serde(default)]
    pub headers: Fields,
    /// The body size, when known, checked against the single-PUT limit.
    #[serde(default)]
    pub content_length: Option<u64>,
    /// The typed object options (acl, storageClass, metadata, tagging, ...), flat in the JS
    /// object; they become headers after `headers`.
    #[serde(flatten)]
    pub object: ObjectOptions,
}

/// Options of [`sign_policy`](crate::sign_policy): only what the signature needs.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SignPolicyOptions {
    #[serde(default)]
    pub dialect: Dialect,
    #[serde(default)]
    pub version: SigVersion,
    pub credentials: Credentials,
    #[serde(default = "default_region")]
    pub region: String,
    /// The signing instant; see [`PostFormOptions::now`].
    #[serde(skip, default)]
    pub now: Option<UtcTime>,
}

/// Name/value pairs in the caller's order (a JS object keeps insertion order; so does this).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fields(pub Vec<(String, String)>);

impl<'de> Deserialize<'de> for Fields {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Fields;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of names to string or number values")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, Scalar>()? {
                    out.push((k, v.0));
                }
                Ok(Fields(out))
            }
            fn visit_unit<E>(self) -> Result<Fields, E> {
                Ok(Fields::default())
            }
        }
        d.deserialize_any(V)
    }
}

/// A string, or a number written as a string (`success_action_status: 201`).
struct Scalar(String);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Scalar;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string or a number")
            }
            fn visit_str<E>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
                if v.fract() == 0.0 && v.abs() < 9.007_199_254_740_992e15 {
                    Ok(Scalar((v as i64).to_string()))
                } else {
                    Err(E::custom("a field value must be a string or an integer"))
                }
            }
        }
        d.deserialize_any(V)
    }
}

/// Conditions come as `["eq"|"starts-with", "$name", value]`, `["content-length-range", min, max]`
/// or `{ name: value }`, as in the policy document itself.
impl<'de> Deserialize<'de> for Condition {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Condition;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a policy condition: [op, \"$field\", value] or { field: value }")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Condition, A::Error> {
                let op: String = seq
                    .next_element()?
                    .ok_or_else(|| de::Error::invalid_length(0, &self))?;
                let condition = match op.to_ascii_lowercase().as_str() {
                    "content-length-range" => {
                        let min: u64 = seq
                            .next_element()?
                            .ok_or_else(|| de::Error::invalid_length(1, &self))?;
                        let max: u64 = seq
                            .next_element()?
                            .ok_or_else(|| de::Error::invalid_length(2, &self))?;
                        Condition::ContentLengthRange(min, max)
                    }
                    "eq" | "starts-with" => {
                        let name: String = seq
                            .next_element()?
                            .ok_or_else(|| de::Error::invalid_length(1, &self))?;
                        let value: Scalar = seq
                            .next_element()?
                            .ok_or_else(|| de::Error::invalid_length(2, &self))?;
                        let name = name.strip_prefix('$').unwrap_or(&name).to_string();
                        if op.eq_ignore_ascii_case("eq") {
                            Condition::Eq(name, value.0)
                        } else {
                            Condition::StartsWith(name, value.0)
                        }
                    }
                    other => {
                        return Err(de::Error::custom(format!(
                            "unknown policy condition \"{other}\""
                        )))
                    }
                };
                if seq.next_element::<de::IgnoredAny>()?.is_some() {
                    return Err(de::Error::custom("a policy condition has three elements"));
                }
                Ok(condition)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Condition, A::Error> {
                let (name, value) = map
                    .next_entry::<String, Scalar>()?
                    .ok_or_else(|| de::Error::custom("an exact-match condition has one field"))?;
                if map.next_key::<String>()?.is_some() {
                    return Err(de::Error::custom("an exact-match condition has one field"));
                }
                Ok(Condition::Eq(name, value.0))
            }
        }
        d.deserialize_any(V)
    }
}
