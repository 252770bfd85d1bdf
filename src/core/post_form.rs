//! A signed POST Object form: the bucket URL and the ordered fields; the file goes last.
//! Spec: <https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTForms.html>.

use crate::core::error::Error;
use crate::core::form_conditions::{unsigned_form, UnsignedForm};
use crate::core::options::{Dialect, PostFormOptions, SigVersion, SignPolicyOptions};
use crate::core::policy::PostPolicy;
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
    let address = BucketAddress::new(&o.endpoint, &o.bucket, o.path_style)?;
    let signer_fields = match o.version {
        SigVersion::V4 => v4_policy_fields(&o.credentials, &o.region, now),
        SigVersion::V2 => v2_policy_fields(&o.credentials),
    };
    let reserved = [
        "policy",
        "signature",
        "awsaccesskeyid",
        "file",
        "x-amz-signature",
    ];
    let UnsignedForm {
        fields: mut form,
        conditions,
    } = unsigned_form(o, now, &reserved, &signer_fields)?;

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
