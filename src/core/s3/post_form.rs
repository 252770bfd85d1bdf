//! S3's POST Object form (also OBS's S3-compatible form, seed 002).
//! Spec: <https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTForms.html>.

use super::sign_policy::{sign, v2_policy_fields, v4_policy_fields};
use crate::core::error::Error;
use crate::core::form_conditions::{unsigned_form, UnsignedForm};
use crate::core::options::{PostFormOptions, SigVersion};
use crate::core::policy::PostPolicy;
use crate::core::post_form::PostForm;
use crate::core::url::BucketAddress;
use crate::core::validate;

/// The S3 form (also OBS's S3-compatible form, seed 002).
pub(crate) fn sign_post_form(o: &PostFormOptions) -> Result<PostForm, Error> {
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
    form.extend(sign(&policy, &o.credentials, o.version, &o.region, now));
    Ok(PostForm {
        url: address.post_url(),
        fields: form,
    })
}
