//! Readers of the single-upload options: [`PostFormOptions`], [`PutOptions`],
//! [`SignPolicyOptions`], and the pieces they share (dialect, signature version, credentials,
//! policy conditions).

use super::{Obj, Value};
use crate::core::checksum::ChecksumAlgorithm;
use crate::core::credentials::Credentials;
use crate::core::error::Error;
use crate::core::object_options::ObjectOptions;
use crate::core::option_names::{
    wrong_type, CREDENTIALS, OBJECT, POST_FORM, PUT, SIGN_POLICY, TARGET,
};
use crate::core::options::{
    default_post_expiry, default_put_expiry, default_region, Dialect, PostFormOptions, PutOptions,
    SigVersion, SignPolicyOptions, SignedHeaderOptions,
};
use crate::core::policy::Condition;

/// One of a fixed set of spellings; `what` lists them for the error.
pub(crate) fn choice<T: Copy>(
    v: &Value,
    field: &str,
    table: &[(&str, T)],
    what: &str,
) -> Result<T, Error> {
    match v {
        Value::Text(s) => table.iter().find(|(n, _)| n == s).map(|(_, t)| *t),
        _ => None,
    }
    .ok_or_else(|| wrong_type(field, what))
}

impl Dialect {
    pub fn read(v: &Value) -> Result<Self, Error> {
        let what = "\"s3\", \"oss\", \"obs\" or \"cms\"";
        match v {
            Value::Text(name) => Dialect::from_name(name),
            _ => None,
        }
        .ok_or_else(|| wrong_type("dialect", what))
    }
}

impl SigVersion {
    pub fn read(v: &Value) -> Result<Self, Error> {
        let table = [("v2", SigVersion::V2), ("v4", SigVersion::V4)];
        choice(v, "version", &table, "\"v2\" or \"v4\"")
    }
}

impl ChecksumAlgorithm {
    pub fn read(v: &Value) -> Result<Self, Error> {
        Self::read_as(v, "checksumAlgorithm")
    }

    pub(crate) fn read_as(v: &Value, field: &str) -> Result<Self, Error> {
        let table = ChecksumAlgorithm::ALL.map(|a| (a.name(), a));
        choice(
            v,
            field,
            &table,
            "\"CRC32\", \"CRC32C\", \"CRC64NVME\" or \"SHA256\"",
        )
    }
}

impl Credentials {
    /// `{ accessKeyId, secretAccessKey, sessionToken? }`. Missing keys read as empty: `{
    /// sessionToken }` alone serves the CMS token PUT, and every signing dialect refuses an
    /// empty key id or secret (`validate::credentials`).
    pub fn read(v: &Value) -> Result<Self, Error> {
        let o = Obj::new(v, "credentials.", "credentials")?;
        o.only(&[CREDENTIALS])?;
        Ok(Credentials {
            access_key_id: o.text("accessKeyId")?.unwrap_or_default(),
            secret_access_key: o.text("secretAccessKey")?.unwrap_or_default(),
            session_token: o.text("sessionToken")?,
        })
    }
}

/// Where a request goes and who signs it: what every operation's options begin with.
pub(crate) struct Target {
    pub dialect: Dialect,
    pub version: SigVersion,
    pub endpoint: String,
    pub bucket: String,
    pub region: String,
    pub path_style: bool,
    pub credentials: Credentials,
    pub key: String,
    pub expires_in: i64,
}

impl Target {
    pub(crate) fn read(o: &Obj, default_expiry: i64) -> Result<Self, Error> {
        let credentials = o.required("credentials", o.get("credentials"))?;
        Ok(Target {
            dialect: o
                .get("dialect")
                .map(Dialect::read)
                .transpose()?
                .unwrap_or_default(),
            version: o
                .get("version")
                .map(SigVersion::read)
                .transpose()?
                .unwrap_or_default(),
            endpoint: o.required("endpoint", o.text("endpoint")?)?,
            bucket: o.required("bucket", o.text("bucket")?)?,
            region: o.text("region")?.unwrap_or_else(default_region),
            path_style: o.flag("pathStyle")?.unwrap_or(false),
            credentials: Credentials::read(credentials)?,
            key: o.required("key", o.text("key")?)?,
            expires_in: o
                .whole("expiresIn", i64::MIN, "a whole number of seconds")?
                .unwrap_or(default_expiry),
        })
    }
}

impl PostFormOptions {
    pub fn read(v: &Value) -> Result<Self, Error> {
        let o = Obj::new(v, "", "options")?;
        o.only(&[TARGET, OBJECT, POST_FORM])?;
        let t = Target::read(&o, default_post_expiry())?;
        let conditions = o.list("conditions", "a list of policy conditions")?;
        Ok(with_target!(PostFormOptions, t, {
            conditions: conditions.iter().map(condition).collect::<Result<_, _>>()?,
            fields: o.fields("fields")?,
            object: ObjectOptions::read(v)?,
        }))
    }
}

impl PutOptions {
    pub fn read(v: &Value) -> Result<Self, Error> {
        let o = Obj::new(v, "", "options")?;
        o.only(&[TARGET, OBJECT, PUT])?;
        let t = Target::read(&o, default_put_expiry())?;
        let content_length = o.whole("contentLength", 0, "a non-negative integer (bytes)")?;
        Ok(with_target!(PutOptions, t, {
            headers: o.fields("headers")?,
            content_length: content_length.map(|n| n as u64),
            signed_headers: SignedHeaderOptions::read(&o)?,
            object: ObjectOptions::read(v)?,
        }))
    }
}

impl SignedHeaderOptions {
    /// `signContentLength` and `additionalHeaders` (a list of header names), flat in `o`.
    pub(crate) fn read(o: &Obj) -> Result<Self, Error> {
        let what = "a list of header names";
        let additional_headers = match o.get("additionalHeaders") {
            None => None,
            Some(_) => Some(
                o.list("additionalHeaders", what)?
                    .iter()
                    .map(|v| match v {
                        Value::Text(s) => Ok(s.clone()),
                        _ => Err(wrong_type("additionalHeaders", what)),
                    })
                    .collect::<Result<_, _>>()?,
            ),
        };
        Ok(SignedHeaderOptions {
            sign_content_length: o.flag("signContentLength")?,
            additional_headers,
        })
    }
}

impl SignPolicyOptions {
    pub fn read(v: &Value) -> Result<Self, Error> {
        let o = Obj::new(v, "", "options")?;
        o.only(&[SIGN_POLICY])?;
        let credentials = o.required("credentials", o.get("credentials"))?;
        Ok(SignPolicyOptions {
            dialect: o
                .get("dialect")
                .map(Dialect::read)
                .transpose()?
                .unwrap_or_default(),
            version: o
                .get("version")
                .map(SigVersion::read)
                .transpose()?
                .unwrap_or_default(),
            credentials: Credentials::read(credentials)?,
            region: o.text("region")?.unwrap_or_else(default_region),
            now: None,
        })
    }
}

/// A policy condition as in the policy document itself: `["eq"|"starts-with", "$name", value]`,
/// `["in"|"not-in", "$name", [values…]]` (OSS), `["content-length-range", min, max]` or
/// `{ name: value }`. The dialect and the non-empty rules are checked with the form
/// (`form_conditions`), so Rust callers get them too.
fn condition(v: &Value) -> Result<Condition, Error> {
    let bad = |why: &str| Error::invalid("InvalidCondition", "conditions", why.to_string());
    let shape = "a policy condition is [op, \"$field\", value] or { field: value }";
    match v {
        Value::Map(entries) => match entries.as_slice() {
            [(name, value)] => {
                let value = value.as_scalar_text().ok_or_else(|| bad(shape))?;
                Ok(Condition::Eq(name.clone(), value))
            }
            _ => Err(bad("an exact-match condition has one field")),
        },
        Value::List(items) => {
            let [Value::Text(op), a, b] = items.as_slice() else {
                return Err(bad("a policy condition has three elements"));
            };
            match op.to_ascii_lowercase().as_str() {
                "content-length-range" => match (a.as_whole(), b.as_whole()) {
                    (Some(min), Some(max)) if min >= 0 && max >= 0 => {
                        Ok(Condition::ContentLengthRange(min as u64, max as u64))
                    }
                    _ => Err(bad("content-length-range takes two non-negative integers")),
                },
                lower @ ("in" | "not-in") => {
                    let (Value::Text(name), Value::List(items)) = (a, b) else {
                        return Err(bad("in and not-in take [op, \"$field\", [values…]]"));
                    };
                    let values = items
                        .iter()
                        .map(|v| match v {
                            Value::Text(s) => Ok(s.clone()),
                            _ => Err(bad("the values of in and not-in are strings")),
                        })
                        .collect::<Result<Vec<_>, _>>()?;
                    let name = name.strip_prefix('$').unwrap_or(name).to_string();
                    Ok(if lower == "in" {
                        Condition::In(name, values)
                    } else {
                        Condition::NotIn(name, values)
                    })
                }
                "eq" | "starts-with" => {
                    let (Value::Text(name), Some(value)) = (a, b.as_scalar_text()) else {
                        return Err(bad(shape));
                    };
                    let name = name.strip_prefix('$').unwrap_or(name).to_string();
                    Ok(if op.eq_ignore_ascii_case("eq") {
                        Condition::Eq(name, value)
                    } else {
                        Condition::StartsWith(name, value)
                    })
                }
                _ => Err(Error::invalid(
                    "InvalidCondition",
                    "conditions",
                    ["unknown policy condition \"", op, "\""].concat(),
                )),
            }
        }
        _ => Err(bad(shape)),
    }
}
