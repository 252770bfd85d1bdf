//! S3's POST policy signature: the fields a form needs besides the caller's own.
//! SigV4: <https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-authentication-HTTPPOST.html>;
//! SigV2: <https://docs.aws.amazon.com/AmazonS3/latest/userguide/HTTPPOSTForms.html>.

use crate::core::credentials::Credentials;
use crate::core::error::Error;
use crate::core::options::{SigVersion, SignPolicyOptions};
use crate::core::time::UtcTime;
use crate::core::{sigv2, sigv4, validate};

/// The fields a SigV4 policy must also constrain (as exact-match conditions), in form order:
/// algorithm, credential, date, and the security token of temporary credentials.
/// [`sign_post_form`](crate::sign_post_form) puts these very values into the policy, and
/// [`sign_policy`] into the form, so they cannot differ.
pub fn v4_policy_fields(c: &Credentials, region: &str, now: UtcTime) -> Vec<(String, String)> {
    let scope = sigv4::Scope::new(now, region, "s3");
    let mut fields = vec![
        ("x-amz-algorithm".to_string(), sigv4::ALGORITHM.to_string()),
        (
            "x-amz-credential".to_string(),
            scope.credential(&c.access_key_id),
        ),
        ("x-amz-date".to_string(), now.amz_date()),
    ];
    if let Some(token) = c.token() {
        fields.push(("x-amz-security-token".to_string(), token.to_string()));
    }
    fields
}

/// The fields a SigV2 policy must constrain: only the security token, when there is one.
pub fn v2_policy_fields(c: &Credentials) -> Vec<(String, String)> {
    c.token()
        .map(|t| vec![("x-amz-security-token".to_string(), t.to_string())])
        .unwrap_or_default()
}

/// `signPolicy` for S3: checks the options, then [`sign`].
pub(crate) fn sign_policy(
    policy_base64: &str,
    o: &SignPolicyOptions,
) -> Result<Vec<(String, String)>, Error> {
    validate::credentials(&o.credentials)?;
    let now = validate::now(o.now)?;
    if o.version == SigVersion::V4 {
        validate::region(&o.region)?;
    }
    if policy_base64.trim().is_empty() {
        return Err(Error::invalid(
            "InvalidPolicy",
            "policy",
            "the encoded policy is empty",
        ));
    }
    Ok(sign(
        policy_base64,
        &o.credentials,
        o.version,
        &o.region,
        now,
    ))
}

/// The signature fields of `policy_base64`, for options already checked (a form signs its own
/// policy with this, without checking the credentials a second time).
pub(crate) fn sign(
    policy_base64: &str,
    c: &Credentials,
    version: SigVersion,
    region: &str,
    now: UtcTime,
) -> Vec<(String, String)> {
    match version {
        SigVersion::V4 => {
            let mut fields = v4_policy_fields(c, region, now);
            let scope = sigv4::Scope::new(now, region, "s3");
            let signature = sigv4::signature(&c.secret_access_key, &scope, policy_base64);
            fields.push(("policy".into(), policy_base64.to_string()));
            fields.push(("x-amz-signature".into(), signature));
            fields
        }
        SigVersion::V2 => {
            let mut fields = vec![("AWSAccessKeyId".to_string(), c.access_key_id.clone())];
            fields.extend(v2_policy_fields(c));
            fields.push(("policy".into(), policy_base64.to_string()));
            fields.push((
                "signature".into(),
                sigv2::signature(&c.secret_access_key, policy_base64),
            ));
            fields
        }
    }
}
