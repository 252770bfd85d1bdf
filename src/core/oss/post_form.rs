//! OSS PostObject forms and the signing of their policy.
//! V1: <https://www.alibabacloud.com/help/en/oss/developer-reference/signature-version-1>;
//! V4: <https://www.alibabacloud.com/help/en/oss/developer-reference/signature-version-4-recommend>.

use super::v4::{self, Scope};
use super::{sign_region, v1};
use crate::core::credentials::Credentials;
use crate::core::error::Error;
use crate::core::form_conditions::{non_empty_policy, unsigned_form};
use crate::core::options::{PostFormOptions, SigVersion, SignPolicyOptions};
use crate::core::policy::PostPolicy;
use crate::core::post_form::PostForm;
use crate::core::time::UtcTime;
use crate::core::url::BucketAddress;
use crate::core::validate;

/// Form fields only the signer sets (compared lower-cased).
const RESERVED: [&str; 9] = [
    "policy",
    "signature",
    "ossaccesskeyid",
    "file",
    "x-oss-signature",
    "x-oss-signature-version",
    "x-oss-credential",
    "x-oss-date",
    "x-oss-security-token",
];

/// The signature fields the policy must also pin, in form order. V4: `x-oss-signature-version`,
/// `x-oss-credential`, `x-oss-date` (the V4 page lists all three as required policy
/// conditions), then the security token; V1: only the security token.
fn policy_fields(
    c: &Credentials,
    version: SigVersion,
    region: &str,
    now: UtcTime,
) -> Result<Vec<(String, String)>, Error> {
    let mut fields = Vec::new();
    if version == SigVersion::V4 {
        let scope = Scope::new(now, &sign_region(region)?);
        fields.push(("x-oss-signature-version".into(), v4::ALGORITHM.into()));
        fields.push((
            "x-oss-credential".into(),
            scope.credential(&c.access_key_id),
        ));
        fields.push(("x-oss-date".into(), now.amz_date()));
    }
    if let Some(token) = c.token() {
        fields.push(("x-oss-security-token".into(), token.into()));
    }
    Ok(fields)
}

/// Builds the policy (every field the form sends is pinned by a condition), signs it and returns
/// the form: `key`, the caller's fields, the signature fields.
pub fn sign_post_form(o: &PostFormOptions) -> Result<PostForm, Error> {
    validate::credentials(&o.credentials)?;
    let now = validate::now(o.now)?;
    let signer = policy_fields(&o.credentials, o.version, &o.region, now)?;
    let form = unsigned_form(o, now, &RESERVED, &signer)?;
    let address = BucketAddress::new(&o.endpoint, &o.bucket, o.path_style)?;
    let policy = PostPolicy {
        expiration: now.plus_seconds(o.expires_in),
        conditions: form.conditions,
    }
    .to_base64();
    let mut fields = form.fields;
    fields.extend(sign(&policy, &o.credentials, o.version, &o.region, now)?);
    Ok(PostForm {
        url: address.post_url(),
        fields,
    })
}

/// Signs `policy_base64` (the exact text the form carries; it is the string to sign):
/// - V1: `OSSAccessKeyId`, [`x-oss-security-token`], `policy`, `Signature` (base64 HMAC-SHA1);
/// - V4: `x-oss-signature-version`, `x-oss-credential`, `x-oss-date`, [`x-oss-security-token`],
///   `policy`, `x-oss-signature` (hex HMAC-SHA256 with the `aliyun_v4` signing key).
pub fn sign_policy(
    policy_base64: &str,
    o: &SignPolicyOptions,
) -> Result<Vec<(String, String)>, Error> {
    validate::credentials(&o.credentials)?;
    let now = validate::now(o.now)?;
    non_empty_policy(policy_base64)?;
    sign(policy_base64, &o.credentials, o.version, &o.region, now)
}

fn sign(
    policy_base64: &str,
    c: &Credentials,
    version: SigVersion,
    region: &str,
    now: UtcTime,
) -> Result<Vec<(String, String)>, Error> {
    let mut fields = policy_fields(c, version, region, now)?;
    match version {
        SigVersion::V2 => {
            fields.insert(0, ("OSSAccessKeyId".into(), c.access_key_id.clone()));
            fields.push(("policy".into(), policy_base64.into()));
            fields.push((
                "Signature".into(),
                v1::signature(&c.secret_access_key, policy_base64),
            ));
        }
        SigVersion::V4 => {
            let scope = Scope::new(now, &sign_region(region)?);
            fields.push(("policy".into(), policy_base64.into()));
            fields.push((
                "x-oss-signature".into(),
                v4::signature(&c.secret_access_key, &scope, policy_base64),
            ));
        }
    }
    Ok(fields)
}
