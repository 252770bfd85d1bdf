//! The reader of [`ObjectOptions`]: flat in the operation's options object, so it reads only
//! its own names and leaves the rest (and unknown names) to the operation's reader.

use super::{Obj, Value};
use crate::core::checksum::ChecksumAlgorithm;
use crate::core::error::Error;
use crate::core::object_options::{
    Callback, ChecksumValue, ContentMd5Value, CustomerKey, ObjectOptions, OssCallback,
    SuccessActionStatus, Tagging,
};
use crate::core::option_names::wrong_type;

impl ObjectOptions {
    pub fn read(v: &Value) -> Result<Self, Error> {
        Self::read_besides(v, &[])
    }

    /// Reads the object options of an operation whose own options `taken` share names with
    /// them (multipart's `checksumAlgorithm` is the upload's, not a single-upload checksum).
    pub(crate) fn read_besides(v: &Value, taken: &[&str]) -> Result<Self, Error> {
        let o = Obj::new(v, "", "options")?;
        let text = |name: &str| o.text(name);
        Ok(ObjectOptions {
            acl: text("acl")?,
            storage_class: text("storageClass")?,
            cache_control: text("cacheControl")?,
            content_disposition: text("contentDisposition")?,
            content_encoding: text("contentEncoding")?,
            content_type: text("contentType")?,
            expires: text("expires")?,
            content_md5: digest(&o, "contentMd5")?.map(ContentMd5Value),
            checksum_crc32: digest(&o, "checksumCrc32")?.map(ChecksumValue),
            checksum_crc32c: digest(&o, "checksumCrc32c")?.map(ChecksumValue),
            checksum_crc64nvme: digest(&o, "checksumCrc64nvme")?.map(ChecksumValue),
            checksum_sha256: digest(&o, "checksumSha256")?.map(ChecksumValue),
            checksum_algorithm: o
                .get("checksumAlgorithm")
                .filter(|_| !taken.contains(&"checksumAlgorithm"))
                .map(ChecksumAlgorithm::read)
                .transpose()?,
            forbid_overwrite: o.flag("forbidOverwrite")?,
            server_side_encryption: text("serverSideEncryption")?,
            server_side_encryption_key_id: text("serverSideEncryptionKeyId")?,
            server_side_data_encryption: text("serverSideDataEncryption")?,
            sse_customer_algorithm: text("sseCustomerAlgorithm")?,
            sse_customer_key: text("sseCustomerKey")?.map(CustomerKey),
            tagging: o.get("tagging").map(tagging).transpose()?,
            metadata: o.fields("metadata")?,
            website_redirect_location: text("websiteRedirectLocation")?,
            object_lock_mode: text("objectLockMode")?,
            object_lock_retain_until_date: text("objectLockRetainUntilDate")?,
            success_action_redirect: text("successActionRedirect")?,
            success_action_status: o
                .get("successActionStatus")
                .map(success_action_status)
                .transpose()?,
            callback: o.get("callback").map(callback).transpose()?,
            is_encrypt: o.flag("isEncrypt")?,
        })
    }
}

/// A digest option: a string, or the `{ base64, … }` object `contentMd5()` / `digests()`
/// resolve to (its `base64` taken).
fn digest(o: &Obj, name: &str) -> Result<Option<String>, Error> {
    let what = "a base64 (or hex) digest string, or { base64 }";
    match o.get(name) {
        None => Ok(None),
        Some(Value::Text(s)) => Ok(Some(s.clone())),
        Some(v @ Value::Map(_)) => match v.get("base64") {
            Some(Value::Text(s)) => Ok(Some(s.clone())),
            _ => Err(wrong_type(&o.field(name), what)),
        },
        Some(_) => Err(wrong_type(&o.field(name), what)),
    }
}

/// `"TagA=A&TagB=B"` or `{ TagA: 'A' }`.
fn tagging(v: &Value) -> Result<Tagging, Error> {
    match v {
        Value::Text(s) => Ok(Tagging::Text(s.clone())),
        Value::Map(_) => super::obj::fields(v, "tagging").map(Tagging::Pairs),
        _ => Err(wrong_type(
            "tagging",
            "\"TagA=A&TagB=B\" or an object of tag values",
        )),
    }
}

/// `200`, `"201"`, … (which values are allowed is the POST field's own check).
fn success_action_status(v: &Value) -> Result<SuccessActionStatus, Error> {
    match v {
        Value::Text(s) => Ok(SuccessActionStatus(s.trim().to_string())),
        v => v
            .as_whole()
            .map(|n| SuccessActionStatus(n.to_string()))
            .ok_or_else(|| wrong_type("successActionStatus", "200, 201 or 204")),
    }
}

/// A callback URL (CMS) or ali-oss's `{ url, body, host?, contentType?, callbackSNI?,
/// customValue? }` (OSS).
fn callback(v: &Value) -> Result<Callback, Error> {
    if let Value::Text(s) = v {
        return Ok(Callback::Url(s.clone()));
    }
    let o = Obj::new(v, "callback.", "callback")?;
    o.only(&[&[
        "url",
        "body",
        "host",
        "contentType",
        "callbackSNI",
        "customValue",
    ]])?;
    Ok(Callback::Oss(OssCallback {
        url: o.text("url")?.unwrap_or_default(),
        body: o.text("body")?.unwrap_or_default(),
        host: o.text("host")?,
        content_type: o.text("contentType")?,
        callback_sni: o.flag("callbackSNI")?,
        custom_value: o.fields("customValue")?,
    }))
}
