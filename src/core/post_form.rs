//! A signed POST Object form: the bucket URL and the ordered fields; the file goes last.
//! Spec: <https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTForms.html>.

use crate::core::error::Error;
use crate::core::object_options;
use crate::core::options::{Dialect, PostFormOptions, SigVersion, SignPolicyOptions};
use crate::core::policy::{Condition, PostPolicy};
use crate::core::sign_policy::{sign_policy, v2_policy_fields, v4_policy_fields};
use crate::core::url::BucketAddress;
use crate::core::validate;

/// What a browser needs to upload: `url` (the form action) and `fields`, in order. The file is
/// appended after the last field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostForm {
    pub url: String,
    pub fields: Vec<(String, String)>,
}

/// The variable S3 replaces with the uploaded file's name.
const FILENAME_VARIABLE: &str = "${filename}";

/// Builds the policy (every field the form sends appears in a condition), signs it, and returns
/// the form. Validation happens first: nothing is signed for input a server would refuse.
pub fn sign_post_form(o: &PostFormOptions) -> Result<PostForm, Error> {
    match o.dialect {
        Dialect::S3 => s3_post_form(o),
        Dialect::Oss => crate::core::oss::sign_post_form(o),
        Dialect::Obs => crate::core::obs::sign_post_form(o),
        Dialect::Cms => Err(o.dialect.unsupported("a POST form")),
    }
}

/// The S3 form (also OBS's S3-compatible form, seed 002).
fn s3_post_form(o: &PostFormOptions) -> Result<PostForm, Error> {
    validate::credentials(&o.credentials)?;
    let now = validate::now(o.now)?;
    validate::key(&o.key)?;
    validate::expires_in(o.expires_in, None)?;
    for c in &o.conditions {
        if let Condition::ContentLengthRange(min, max) = c {
            validate::length_range(*min, *max)?;
        }
    }
    for (name, value) in &o.fields.0 {
        validate::header_name(name, name)?;
        validate::header_value(name, value)?;
    }
    let fields = object_options::request_fields(&o.fields.0, &o.object, o.dialect, now)?;
    let address = BucketAddress::new(&o.endpoint, &o.bucket, o.path_style)?;

    let signer_fields = match o.version {
        SigVersion::V4 => v4_policy_fields(&o.credentials, &o.region, now),
        SigVersion::V2 => v2_policy_fields(&o.credentials),
    };
    let mut form: Vec<(String, String)> = vec![("key".into(), o.key.clone())];
    form.extend(fields);
    let reserved = [
        "key",
        "policy",
        "signature",
        "awsaccesskeyid",
        "file",
        "x-amz-signature",
    ];
    if let Some((name, _)) = form[1..].iter().find(|(n, _)| {
        reserved.contains(&n.to_ascii_lowercase().as_str())
            || signer_fields.iter().any(|(s, _)| s.eq_ignore_ascii_case(n))
    }) {
        return Err(Error::invalid(
            "ReservedField",
            name,
            format!("\"{name}\" is set by the signer; pass it as an option instead"),
        ));
    }

    // Every field the form sends is pinned to its exact value, as the AWS SDKs do: a caller's
    // own `starts-with` condition narrows what a backend accepts, it does not loosen the form.
    let mut conditions = vec![Condition::Eq("bucket".into(), o.bucket.clone())];
    for (name, value) in &form {
        // The browser replaces ${filename}, so only the prefix before it is known here.
        let c = match value.find(FILENAME_VARIABLE) {
            Some(at) => Condition::StartsWith(name.clone(), value[..at].to_string()),
            None => Condition::Eq(name.clone(), value.clone()),
        };
        if !o.conditions.contains(&c) {
            conditions.push(c);
        }
    }
    conditions.extend(o.conditions.iter().cloned());
    conditions.extend(
        signer_fields
            .iter()
            .map(|(n, v)| Condition::Eq(n.clone(), v.clone())),
    );

    let policy = PostPolicy {
        expiration: now.plus_seconds(o.expires_in),
        conditions,
    }
    .to_base64();
    let signed = sign_policy(
        &policy,
        &SignPolicyOptions {
            dialect: o.dialect,
            version: o.version,
            credentials: o.credentials.clone(),
            region: o.region.clone(),
            now: Some(now),
        },
    )?;
    form.extend(signed);
    Ok(PostForm {
        url: address.post_url(),
        fields: form,
    })
}
