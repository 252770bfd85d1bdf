//! The SigV4 signing key chain and the final HMAC.
//! Spec: <https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#derive-signing-key>.

use super::Scope;
use crate::core::encode::hex;
use crate::core::mac::hmac_sha256;

/// `HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")`.
pub fn signing_key(secret_access_key: &str, scope: &Scope) -> [u8; 32] {
    let k_secret = format!("AWS4{secret_access_key}");
    let k_date = hmac_sha256(k_secret.as_bytes(), scope.date.as_bytes());
    let k_region = hmac_sha256(&k_date, scope.region.as_bytes());
    let k_service = hmac_sha256(&k_region, scope.service.as_bytes());
    hmac_sha256(&k_service, b"aws4_request")
}

/// Hex HMAC-SHA256 of `string_to_sign` with the key derived for `scope`.
pub fn signature(secret_access_key: &str, scope: &Scope, string_to_sign: &str) -> String {
    let key = signing_key(secret_access_key, scope);
    hex(&hmac_sha256(&key, string_to_sign.as_bytes()))
}
