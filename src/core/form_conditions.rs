//! The POST-form rules the vendor dialects share with S3: every field the form sends is checked
//! and pinned to its exact value by a policy condition, so a signed form can be used for this one
//! upload only. Used by the S3, OSS and OBS forms alike.
//! OSS: <https://www.alibabacloud.com/help/en/oss/developer-reference/postobject>;
//! OBS: <https://support.huaweicloud.com/intl/en-us/api-obs/obs_04_0012.html>.

use crate::core::error::Error;
use crate::core::object_options;
use crate::core::options::{Dialect, PostFormOptions};
use crate::core::policy::Condition;
use crate::core::time::UtcTime;
use crate::core::validate;

/// The variable the server replaces with the uploaded file's name.
const FILENAME_VARIABLE: &str = "${filename}";

/// A form before it is signed: the fields in order (`key` first) and the policy's conditions.
pub(crate) struct UnsignedForm {
    pub fields: Vec<(String, String)>,
    pub conditions: Vec<Condition>,
}

/// Validates the caller's key, expiry, conditions and raw fields, adds the fields of the typed
/// object options ([`object_options::request_fields`]), refuses fields the signer sets
/// (`reserved`, lower-case, and the names in `signer_fields`), and pins every field:
/// `{"bucket": …}`, one condition per form field (`starts-with` up to a `${filename}`), the
/// caller's own conditions, then `signer_fields` — the values the signature fields will carry.
pub(crate) fn unsigned_form(
    o: &PostFormOptions,
    now: UtcTime,
    reserved: &[&str],
    signer_fields: &[(String, String)],
) -> Result<UnsignedForm, Error> {
    validate::key(&o.key)?;
    if o.version == crate::core::options::SigVersion::V4
        && o.dialect == crate::core::options::Dialect::S3
    {
        validate::region(&o.region)?;
    }
    validate::key_segments(&o.key)?;
    validate::expires_in(now, o.expires_in, None)?;
    for c in &o.conditions {
        if let Condition::ContentLengthRange(min, max) = c {
            validate::length_range(*min, *max)?;
        }
    }
    list_conditions(o)?;
    for (name, value) in &o.fields.0 {
        validate::header_name(name, name)?;
        validate::header_value(name, value)?;
    }
    let typed = object_options::request_fields(&o.fields.0, &o.object, o.dialect, now)?;
    for (name, _) in &typed {
        let lower = name.to_ascii_lowercase();
        if lower == "key"
            || reserved.contains(&lower.as_str())
            || signer_fields
                .iter()
                .any(|(s, _)| s.eq_ignore_ascii_case(name))
        {
            return Err(Error::invalid(
                "ReservedField",
                name,
                format!("\"{name}\" is set by the signer; pass it as an option instead"),
            ));
        }
    }
    let mut fields = vec![("key".to_string(), o.key.clone())];
    fields.extend(typed);

    let mut conditions = vec![Condition::Eq("bucket".into(), o.bucket.clone())];
    for (name, value) in &fields {
        // The browser replaces ${filename}, so only the prefix before it is known here.
        let c = match value.find(FILENAME_VARIABLE) {
            Some(at) => Condition::StartsWith(name.clone(), value[..at].to_string()),
            None => Condition::Eq(name.clone(), value.clone()),
        };
        if !o.conditions.contains(&c) {
            conditions.push(c);
        }
    }
    let bucket = [("bucket".to_string(), o.bucket.clone())];
    let sent = bucket.iter().chain(&fields).chain(signer_fields);
    list_conditions_hold(&o.conditions, sent)?;
    conditions.extend(o.conditions.iter().cloned());
    conditions.extend(
        signer_fields
            .iter()
            .map(|(n, v)| Condition::Eq(n.clone(), v.clone())),
    );
    Ok(UnsignedForm { fields, conditions })
}

/// `in` and `not-in` are OSS's alone (S3 and OBS document neither), and each names a field and
/// lists at least one value (the reader has already refused values that are not strings).
fn list_conditions(o: &PostFormOptions) -> Result<(), Error> {
    let bad = |why: &str| Error::invalid("InvalidCondition", "conditions", why.to_string());
    for c in &o.conditions {
        let Some((name, values, _)) = c.list() else {
            continue;
        };
        if o.dialect != Dialect::Oss {
            return Err(Error::invalid(
                "UnsupportedOption",
                "conditions",
                format!(
                    "conditions: in and not-in are OSS policy conditions, not supported by dialect \"{}\"",
                    o.dialect.name()
                ),
            ));
        }
        if name.is_empty() {
            return Err(bad("an in or not-in condition names a form field"));
        }
        if values.is_empty() {
            return Err(bad("an in or not-in condition lists at least one value"));
        }
    }
    Ok(())
}

/// The form's own values satisfy every `in` / `not-in` condition, or OSS would refuse the upload
/// after it was signed. Field names compare case-insensitively (OSS's example names
/// `$content-type` for the `Content-Type` field); a value holding `${filename}` is only known when
/// the browser sends it, and a field the form does not send is left to OSS.
fn list_conditions_hold<'a>(
    conditions: &[Condition],
    sent: impl Iterator<Item = &'a (String, String)> + Clone,
) -> Result<(), Error> {
    for c in conditions {
        let Some((name, values, inside)) = c.list() else {
            continue;
        };
        let hits = sent.clone().filter(|(n, _)| n.eq_ignore_ascii_case(name));
        for (field, value) in hits {
            if !value.contains(FILENAME_VARIABLE) && values.contains(value) != inside {
                return Err(Error::invalid(
                    "ConditionNotMet",
                    field,
                    format!(
                        "the form's field \"{field}\" does not satisfy its own policy condition {}",
                        c.to_json()
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// A policy to sign must not be empty (its text is the string to sign).
pub(crate) fn non_empty_policy(policy_base64: &str) -> Result<(), Error> {
    if policy_base64.trim().is_empty() {
        return Err(Error::invalid(
            "InvalidPolicy",
            "policy",
            "the encoded policy is empty",
        ));
    }
    Ok(())
}
