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
        // Filled in place, one field at a time: an early error then drops one value, not the
        // partial struct literal at each `?` (a third of this reader's size in wasm).
        let mut out = ObjectOptions::default();
        for (name, slot) in [
            ("acl", &mut out.acl),
            ("storageClass", &mut out.storage_class),
            ("cacheControl", &mut out.cache_control),
            ("contentDisposition", &mut out.content_disposition),
            ("contentEncoding", &mut out.content_encoding),
            ("contentType", &mut out.content_type),
            ("expires", &mut out.expires),
            ("serverSideEncryption", &mut out.server_side_encryption),
            (
                "serverSideEncryptionKeyId",
                &mut out.server_side_encryption_key_id,
            ),
            (
                "serverSideDataEncryption",
                &mut out.server_side_data_encryption,
            ),
            ("sseCustomerAlgorithm", &mut out.sse_customer_algorithm),
            (
                "websiteRedirectLocation",
                &mut out.website_redirect_location,
            ),
            ("objectLockMode", &mut out.object_lock_mode),
            (
                "objectLockRetainUntilDate",
                &mut out.object_lock_retain_until_date,
            ),
            ("successActionRedirect", &mut out.success_action_redirect),
        ] {
            // An empty string is "not given" (a form input left blank), here once for every
            // operation, so no check downstream can mistake it for a value.
            *slot = o.text(name)?.filter(|s| !s.is_empty());
        }
        out.content_md5 = digest(&o, "contentMd5")?.map(ContentMd5Value);
        for (name, slot) in [
            ("checksumCrc32", &mut out.checksum_crc32),
            ("checksumCrc32c", &mut out.checksum_crc32c),
            ("checksumCrc64nvme", &mut out.checksum_crc64nvme),
            ("checksumSha256", &mut out.checksum_sha256),
        ] {
            *slot = digest(&o, name)?.map(ChecksumValue);
        }
        if !taken.contains(&"checksumAlgorithm") {
            out.checksum_algorithm = o
                .get("checksumAlgorithm")
                .map(ChecksumAlgorithm::read)
                .transpose()?;
        }
        out.forbid_overwrite = o.flag("forbidOverwrite")?;
        out.is_encrypt = o.flag("isEncrypt")?;
        out.sse_customer_key = o.text("sseCustomerKey")?.map(CustomerKey);
        out.tagging = o.get("tagging").map(tagging).transpose()?;
        out.metadata = o.fields("metadata")?;
        out.success_action_status = o
            .get("successActionStatus")
            .map(success_action_status)
            .transpose()?;
        out.callback = o.get("callback").map(callback).transpose()?;
        Ok(out)
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
