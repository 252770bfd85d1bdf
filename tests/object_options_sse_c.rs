//! SSE-C, one test per rule: the key's MD5 is computed by the module, algorithm and key go
//! together, AES256 only, the key is base64 of 256 bits (OBS also 512: seed 002), SSE-C excludes
//! SSE, and the key never shows in `Debug` or an error.

mod object_options_support;

use bucket_upload::core::object_options::{headers, CustomerKey, ObjectOptions};
use bucket_upload::Dialect;
use object_options_support::{now, refused, s};

/// A 256-bit key (bytes 0..31) and its MD5, from Python:
/// python3 -c "import base64,hashlib; k=bytes(range(32)); print(base64.b64encode(k).decode(),
/// base64.b64encode(hashlib.md5(k).digest()).decode())"
const KEY_256: &str = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
const KEY_256_MD5: &str = "tP/LI3N87DFaSk0aoqYgzg==";

fn sse_c(algorithm: Option<&str>, key: Option<&str>) -> ObjectOptions {
    ObjectOptions {
        sse_customer_algorithm: algorithm.map(str::to_string),
        sse_customer_key: key.map(|k| CustomerKey(k.to_string())),
        ..Default::default()
    }
}

#[test]
fn sse_c_key_md5_is_computed() {
    let h = headers(&sse_c(Some("AES256"), Some(KEY_256)), Dialect::S3, now()).unwrap();
    assert_eq!(
        h.last().unwrap(),
        &(
            "x-amz-server-side-encryption-customer-key-MD5".to_string(),
            KEY_256_MD5.to_string()
        )
    );
}

#[test]
fn sse_c_needs_algorithm_and_key_together() {
    refused(
        headers(&sse_c(Some("AES256"), None), Dialect::S3, now()),
        "IncompleteSseCustomer",
        "sseCustomerKey",
    );
    refused(
        headers(&sse_c(None, Some(KEY_256)), Dialect::Obs, now()),
        "IncompleteSseCustomer",
        "sseCustomerAlgorithm",
    );
}

#[test]
fn sse_c_algorithm_is_aes256() {
    refused(
        headers(&sse_c(Some("AES128"), Some(KEY_256)), Dialect::S3, now()),
        "InvalidSseCustomerAlgorithm",
        "sseCustomerAlgorithm",
    );
}

#[test]
fn sse_c_key_is_base64_of_256_bits_or_for_obs_512() {
    let short = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHg=="; // 31 bytes
    let e = refused(
        headers(&sse_c(Some("AES256"), Some(short)), Dialect::S3, now()),
        "InvalidSseCustomerKey",
        "sseCustomerKey",
    );
    assert!(!e.message.contains(short), "the key leaked into: {e}");
    refused(
        headers(
            &sse_c(Some("AES256"), Some("not base64!")),
            Dialect::S3,
            now(),
        ),
        "InvalidSseCustomerKey",
        "sseCustomerKey",
    );
    // Seed 002: "a base64-encoded 256-bit or 512-bit key" (OBS); AWS takes 256 bits only.
    let key_512 =
        "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw==";
    assert!(headers(&sse_c(Some("AES256"), Some(key_512)), Dialect::Obs, now()).is_ok());
    refused(
        headers(&sse_c(Some("AES256"), Some(key_512)), Dialect::S3, now()),
        "InvalidSseCustomerKey",
        "sseCustomerKey",
    );
}

#[test]
fn sse_c_and_sse_exclude_each_other() {
    let o = ObjectOptions {
        server_side_encryption: s("AES256"),
        ..sse_c(Some("AES256"), Some(KEY_256))
    };
    refused(
        headers(&o, Dialect::S3, now()),
        "ConflictingEncryption",
        "sseCustomerKey",
    );
}

#[test]
fn sse_c_key_never_shows_in_debug() {
    let o = sse_c(Some("AES256"), Some(KEY_256));
    assert!(!format!("{o:?}").contains(KEY_256));
}
