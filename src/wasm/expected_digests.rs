//! The digests `putObject` and `postObject` check the server's answer against: `contentMd5`
//! (`{ base64, hex }` or a string) and `crc64ecma`, or the `digests` object `digests()`
//! resolves to, read and checked to agree where both are given. Either may still be a Promise
//! while the file hashes in a worker; `settle_digests` awaits it.

use super::js_options::{get, set};
use crate::core::encode;
use crate::core::error::Error;
use crate::core::response::{parse_crc64, Expected};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// An MD5 as lower-case hex from `{ hex }`, `{ base64 }`, or a base64 or hex string;
/// `Ok(None)` when absent, an error naming `field` when given but not an MD5.
pub fn md5_hex(v: &JsValue, field: &str) -> Result<Option<String>, Error> {
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    let is_hex = |s: &str| s.len() == 32 && s.bytes().all(|b| b.is_ascii_hexdigit());
    let from_b64 = |b: &str| {
        encode::base64_decode(b.trim())
            .filter(|d| d.len() == 16)
            .map(|d| encode::hex(&d))
    };
    let hex = get(v, "hex").as_string().filter(|h| is_hex(h));
    let found = match (hex, get(v, "base64").as_string(), v.as_string()) {
        (Some(h), _, _) => Some(h),
        (None, Some(b), _) => from_b64(&b),
        (None, None, Some(s)) if is_hex(s.trim()) => Some(s.trim().to_string()),
        (None, None, Some(s)) => from_b64(&s),
        _ => None,
    };
    found.map(|h| Some(h.to_ascii_lowercase())).ok_or_else(|| {
        Error::invalid(
            "InvalidOptions",
            field,
            format!("{field} must be an MD5: {{ base64, hex }} as contentMd5()/digests() give it, or a base64 or hex string"),
        )
    })
}

/// A CRC-64 from a decimal string (what `digests()` gives), a BigInt or a safe integer.
fn crc64(v: &JsValue, field: &str) -> Result<Option<u64>, Error> {
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    let bad = || {
        Error::invalid(
            "InvalidOptions",
            field,
            format!("{field} must be the unsigned decimal CRC-64 digests() gives (a string), a BigInt or a safe integer"),
        )
    };
    let text = if let Some(s) = v.as_string() {
        s
    } else if let Some(b) = v.dyn_ref::<js_sys::BigInt>() {
        b.to_string(10).map_err(|_| bad())?.into()
    } else if let Some(n) = v.as_f64() {
        if n.fract() != 0.0 || !(0.0..=9_007_199_254_740_991.0).contains(&n) {
            return Err(bad());
        }
        (n as u64).to_string()
    } else {
        return Err(bad());
    };
    parse_crc64(&text).map(Some).ok_or_else(bad)
}

/// One value from two places that must agree when both are given.
fn agree<T: PartialEq>(a: Option<T>, b: Option<T>, field: &str) -> Result<Option<T>, Error> {
    match (a, b) {
        (Some(a), Some(b)) if a != b => Err(Error::invalid(
            "InvalidOptions",
            field,
            format!("{field} differs from the digest given in the digests option"),
        )),
        (a, b) => Ok(a.or(b)),
    }
}

/// The digests to check the answer against: `contentMd5` / `crc64ecma`, or the `digests`
/// object (`{ md5, crc64ecma }`, as `digests()` resolves).
pub fn expected(options: &JsValue) -> Result<Expected, Error> {
    let d = get(options, "digests");
    Ok(Expected {
        md5_hex: agree(
            md5_hex(&get(options, "contentMd5"), "contentMd5")?,
            md5_hex(&get(&d, "md5"), "digests.md5")?,
            "contentMd5",
        )?,
        crc64ecma: agree(
            crc64(&get(options, "crc64ecma"), "crc64ecma")?,
            crc64(&get(&d, "crc64ecma"), "digests.crc64ecma")?,
            "crc64ecma",
        )?,
    })
}

/// `options` with a `contentMd5` / `digests` that is still a Promise (`contentMd5(file)` hashing
/// in a worker while the form uploads) replaced by its value. Awaited after a POST is sent, so
/// hashing and sending overlap; a hash that fails leaves the upload unverified, which is an error.
pub async fn settle_digests(options: &JsValue) -> Result<JsValue, Error> {
    let pending: Vec<(&str, js_sys::Promise)> = ["contentMd5", "digests"]
        .into_iter()
        .filter_map(|k| {
            get(options, k)
                .dyn_into::<js_sys::Promise>()
                .ok()
                .map(|p| (k, p))
        })
        .collect();
    if pending.is_empty() {
        return Ok(options.clone());
    }
    let copy = js_sys::Object::assign(&js_sys::Object::new(), options.unchecked_ref());
    for (k, p) in pending {
        let value = wasm_bindgen_futures::JsFuture::from(p).await.map_err(|e| {
            let mut err = super::js_error::from_thrown(&e, "hashing the file");
            err.message = format!(
                "the upload was sent but could not be verified: {}",
                err.message
            );
            err
        })?;
        set(&copy, k, value);
    }
    Ok(copy.into())
}

/// Whether `contentMd5` / `digests` is still being computed.
pub fn digests_pending(options: &JsValue) -> bool {
    ["contentMd5", "digests"]
        .iter()
        .any(|k| get(options, k).is_instance_of::<js_sys::Promise>())
}
