//! Signing an encoded POST policy (`signPolicy`): the fields a form needs besides the caller's
//! own, by dialect (each dialect's folder has its `sign_policy`).
//! SigV4: <https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-authentication-HTTPPOST.html>;
//! SigV2: <https://docs.aws.amazon.com/AmazonS3/latest/userguide/HTTPPOSTForms.html>.

use crate::core::error::Error;
use crate::core::options::{Dialect, SignPolicyOptions};

pub use crate::core::s3::sign_policy::{v2_policy_fields, v4_policy_fields};

/// Signs `policy_base64` (the exact string the form will carry) and returns the signature
/// fields in form order, ending with `policy` and the signature:
/// - V4: `x-amz-algorithm`, `x-amz-credential`, `x-amz-date`, [`x-amz-security-token`], `policy`,
///   `x-amz-signature` (hex HMAC-SHA256 of the policy with the AWS4 signing key);
/// - V2: `AWSAccessKeyId`, [`x-amz-security-token`], `policy`, `signature` (base64 HMAC-SHA1).
pub fn sign_policy(
    policy_base64: &str,
    o: &SignPolicyOptions,
) -> Result<Vec<(String, String)>, Error> {
    match o.dialect {
        Dialect::S3 => crate::core::s3::sign_policy::sign_policy(policy_base64, o),
        Dialect::Oss => crate::core::oss::sign_policy(policy_base64, o),
        Dialect::Obs => crate::core::obs::sign_policy(policy_base64, o),
        Dialect::Cms => Err(o.dialect.unsupported("a POST policy")),
    }
}
