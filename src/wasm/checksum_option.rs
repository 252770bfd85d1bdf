//! `checksumAlgorithm: 'CRC32C'` with `digests: await digests(file, { algorithms: ['crc32c'] })`
//! in the options of `presignPut`, `presignPutRequest`, `signPutHeaders` and `signPostForm`: the
//! value is taken from `digests` into `checksumCrc32c` (…`Crc32`, `Crc64nvme`, `Sha256`), which
//! the core turns into S3's `x-amz-checksum-*` header or form field
//! (core/object_options/checksums.rs). Giving `checksumCrc32c: d.crc32c` directly is the same.
//! Spec: <https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html>.

use super::js_options::{get, set};
use crate::core::checksum::ChecksumAlgorithm;
use crate::core::error::Error;
use wasm_bindgen::{JsCast, JsValue};

/// `options`, or a copy with the named checksum filled in from `options.digests` (and
/// `digests` left out). A `digests` without `checksumAlgorithm`, still a Promise, or without the
/// named digest is an error: the signature would otherwise silently lack the checksum.
pub fn with_digest(options: &JsValue) -> Result<JsValue, Error> {
    let digests = get(options, "digests");
    if digests.is_undefined() || digests.is_null() {
        return Ok(options.clone());
    }
    if digests.is_instance_of::<js_sys::Promise>() {
        return Err(Error::invalid(
            "InvalidOptions",
            "digests",
            "digests is still a Promise; await digests(file, …) before signing",
        ));
    }
    let named = get(options, "checksumAlgorithm").as_string();
    let Some(name) = named else {
        return Err(Error::invalid(
            "InvalidOptions",
            "digests",
            "digests in signing options needs checksumAlgorithm ('CRC32', 'CRC32C', 'CRC64NVME' or 'SHA256') to say which checksum to send",
        ));
    };
    let Some(a) = ChecksumAlgorithm::ALL
        .into_iter()
        .find(|a| a.name() == name)
    else {
        return Ok(options.clone()); // the core names the allowed values
    };
    let found = match a {
        ChecksumAlgorithm::Sha256 => get(&get(&digests, "sha256"), "base64"),
        _ => get(&digests, a.digest_name()),
    }
    .as_string();
    let Some(value) = found else {
        return Err(Error::invalid(
            "MissingChecksum",
            &format!("digests.{}", a.digest_name()),
            format!(
                "digests has no {0}; compute it with digests(file, {{ algorithms: ['{0}'] }})",
                a.digest_name()
            ),
        ));
    };
    let given = get(options, a.option());
    let given = given
        .as_string()
        .or_else(|| get(&given, "base64").as_string());
    if given.is_some_and(|g| g.trim() != value) {
        return Err(Error::invalid(
            "ConflictingOption",
            a.option(),
            format!("{} differs from digests.{}", a.option(), a.digest_name()),
        ));
    }
    let copy = js_sys::Object::assign(&js_sys::Object::new(), options.unchecked_ref());
    set(&copy, a.option(), JsValue::from_str(&value));
    let _ = js_sys::Reflect::delete_property(&copy, &JsValue::from_str("digests"));
    Ok(copy.into())
}
