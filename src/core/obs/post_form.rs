//! OBS POST Object forms (browser uploads) and the signing of their policy:
//! `signature = base64(HMAC-SHA1(SK, base64(policy)))`.
//! Spec: <https://support.huaweicloud.com/intl/en-us/api-obs/obs_04_0012.html>.

use crate::core::credentials::Credentials;
use crate::core::error::Error;
use crate::core::form_conditions::{non_empty_policy, unsigned_form};
use crate::core::options::{PostFormOptions, SignPolicyOptions};
use crate::core::policy::PostPolicy;
use crate::core::post_form::PostForm;
use crate::core::url::BucketAddress;
use crate::core::{sigv2, validate};

/// Fields only the signer sets (compared lower-cased). OBS exempts `AccessKeyId`, `signature`,
/// `file`, `policy` and `token` from the policy; the token is pinned anyway.
const RESERVED: [&str; 6] = [
    "policy",
    "signature",
    "accesskeyid",
    "file",
    "token",
    "x-obs-security-token",
];

/// The security token of temporary credentials, which the policy must name.
fn policy_fields(c: &Credentials) -> Vec<(String, String)> {
    c.token()
        .map(|t| vec![("x-obs-security-token".to_string(), t.to_string())])
        .unwrap_or_default()
}

/// Builds the policy (every form field pinned by a condition), signs it and returns the form.
pub fn sign_post_form(o: &PostFormOptions) -> Result<PostForm, Error> {
    validate::credentials(&o.credentials)?;
    let now = validate::now(o.now)?;
    let form = unsigned_form(o, now, &RESERVED, &policy_fields(&o.credentials))?;
    let address = BucketAddress::new(&o.endpoint, &o.bucket, o.path_style)?;
    let policy = PostPolicy {
        expiration: now.plus_seconds(o.expires_in),
        conditions: form.conditions,
    }
    .to_base64();
    let mut fields = form.fields;
    fields.extend(sign(&policy, &o.credentials));
    Ok(PostForm {
        url: address.post_url(),
        fields,
    })
}

/// `AccessKeyId`, [`x-obs-security-token`], `policy`, `signature` for `policy_base64` (the exact
/// text the form carries, which is the string to sign).
pub fn sign_policy(
    policy_base64: &str,
    o: &SignPolicyOptions,
) -> Result<Vec<(String, String)>, Error> {
    validate::credentials(&o.credentials)?;
    validate::now(o.now)?;
    non_empty_policy(policy_base64)?;
    Ok(sign(policy_base64, &o.credentials))
}

fn sign(policy_base64: &str, c: &Credentials) -> Vec<(String, String)> {
    let mut fields = vec![("AccessKeyId".to_string(), c.access_key_id.clone())];
    fields.extend(policy_fields(c));
    fields.push(("policy".into(), policy_base64.into()));
    fields.push((
        "signature".into(),
        sigv2::signature(&c.secret_access_key, policy_base64),
    ));
    fields
}
