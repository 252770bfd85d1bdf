//! The OSS V4 signing key chain and the final HMAC.
//! Spec: "Calculate the signature" in <https://www.alibabacloud.com/help/en/oss/developer-reference/recommend-to-use-signature-version-4>.

use super::Scope;
use crate::core::encode::hex;
use crate::core::mac::hmac_sha256;

/// `HMAC(HMAC(HMAC(HMAC("aliyun_v4" + secret, date), region), "oss"), "aliyun_v4_request")`.
pub fn signing_key(access_key_secret: &str, scope: &Scope) -> [u8; 32] {
    let k_secret = format!("aliyun_v4{access_key_secret}");
    let k_date = hmac_sha256(k_secret.as_bytes(), scope.date.as_bytes());
    let k_region = hmac_sha256(&k_date, scope.region.as_bytes());
    let k_product = hmac_sha256(&k_region, scope.product.as_bytes());
    hmac_sha256(&k_product, b"aliyun_v4_request")
}

/// Hex HMAC-SHA256 of `string_to_sign` with the key derived for `scope` (for POST forms the
/// string to sign is the base64 policy itself).
pub fn signature(access_key_secret: &str, scope: &Scope, string_to_sign: &str) -> String {
    let key = signing_key(access_key_secret, scope);
    hex(&hmac_sha256(&key, string_to_sign.as_bytes()))
}
