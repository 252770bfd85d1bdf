//! AWS Signature Version 4: canonical request → string to sign → signature, each a value that can
//! be printed and compared with a server's `SignatureDoesNotMatch` message.
//! Spec: <https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html>.

mod canonical;
pub(crate) use canonical::join_pairs;
mod signing_key;
mod string_to_sign;

pub use canonical::CanonicalRequest;
pub use signing_key::{signature, signing_key};
pub use string_to_sign::{Scope, StringToSign};

/// The algorithm name of SigV4 with HMAC-SHA256.
pub const ALGORITHM: &str = "AWS4-HMAC-SHA256";

/// The payload hash S3 accepts when the body is not hashed up front (browsers stream Files).
pub const UNSIGNED_PAYLOAD: &str = "UNSIGNED-PAYLOAD";

/// Hex SHA-256 of `data`.
pub fn sha256_hex(data: &[u8]) -> String {
    use sha2::Digest;
    crate::core::encode::hex(&sha2::Sha256::digest(data))
}

/// The `Authorization` header value of `creq` signed for S3 in `region` at `now`, with the string
/// to sign it came from: `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`.
/// Spec: <https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-auth-using-authorization-header.html>.
pub fn authorization(
    creq: &CanonicalRequest,
    now: crate::core::time::UtcTime,
    region: &str,
    c: &crate::core::credentials::Credentials,
) -> (String, String) {
    let scope = Scope::new(now, region, "s3");
    let sts = StringToSign::new(now, scope.clone(), &creq.to_string()).to_string();
    let signature = signature(&c.secret_access_key, &scope, &sts);
    let value = format!(
        "{ALGORITHM} Credential={}, SignedHeaders={}, Signature={signature}",
        scope.credential(&c.access_key_id),
        creq.signed_headers()
    );
    (value, sts)
}
