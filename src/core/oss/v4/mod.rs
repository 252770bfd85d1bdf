//! OSS V4 (`OSS4-HMAC-SHA256`): canonical request → string to sign → signature, each a printable
//! value. The shape of AWS SigV4 with OSS's own rules: the bucket is always in the canonical URI,
//! only `content-type`, `content-md5`, `x-oss-*` and the listed *additional* headers are signed,
//! header values are trimmed but not collapsed, and the key chain starts from `aliyun_v4` + secret.
//! Spec: <https://www.alibabacloud.com/help/en/oss/developer-reference/recommend-to-use-signature-version-4>.

mod canonical;
mod signing_key;
mod string_to_sign;

pub use canonical::{additional_headers, is_default_signed, query_pairs, CanonicalRequest};
pub use signing_key::{signature, signing_key};
pub use string_to_sign::{Scope, StringToSign};

/// The algorithm name, also the value of `x-oss-signature-version`.
pub const ALGORITHM: &str = "OSS4-HMAC-SHA256";

/// The payload hash of a body that is not hashed up front (browsers stream Files).
pub const UNSIGNED_PAYLOAD: &str = "UNSIGNED-PAYLOAD";

/// `OSS4-HMAC-SHA256 Credential=…,AdditionalHeaders=…,Signature=…`, the `Authorization` value
/// (`AdditionalHeaders=` only when there are some), with ali-oss's comma-only separators.
pub fn authorization(credential: &str, additional_headers: &str, signature: &str) -> String {
    let additional = if additional_headers.is_empty() {
        String::new()
    } else {
        format!("AdditionalHeaders={additional_headers},")
    };
    format!("{ALGORITHM} Credential={credential},{additional}Signature={signature}")
}
