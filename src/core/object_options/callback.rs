//! Upload callbacks.
//! - OSS: the callback parameters as base64 JSON in `x-oss-callback` (PUT) or the `callback`
//!   form field (POST), custom variables as base64 JSON `{"x:name": value}` in
//!   `x-oss-callback-var` (PUT) or as `x:name` form fields (POST).
//!   <https://www.alibabacloud.com/help/en/oss/developer-reference/callback>. The option has
//!   ali-oss's shape (`{ url, body, host, contentType, callbackSNI, customValue }`) and the JSON
//!   is byte-identical to its `encodeCallback` (key order, `encodeURI` of the URL).
//! - CMS: `x-cms-callback`, "the callback address" (seed 000): a URL string.

use super::{check_value, unsupported, ObjectOptions, Pairs, Target};
use crate::core::error::Error;
use crate::core::options::{Dialect, Fields};
use crate::core::{encode, json};

/// `callback`: a URL (CMS) or OSS callback parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Callback {
    Url(String),
    Oss(OssCallback),
}

/// OSS callback parameters, named as ali-oss names them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OssCallback {
    /// `callbackUrl`.
    pub url: String,
    /// `callbackBody`, e.g. `bucket=${bucket}&object=${object}`.
    pub body: String,
    /// `callbackHost`.
    pub host: Option<String>,
    /// `callbackBodyType`.
    pub content_type: Option<String>,
    pub callback_sni: Option<bool>,
    /// Custom variables, names without `x:`.
    pub custom_value: Fields,
}

/// The body types OSS accepts.
pub(crate) const BODY_TYPES: &[&str] = &["application/x-www-form-urlencoded", "application/json"];

pub(super) fn expand(
    o: &ObjectOptions,
    d: Dialect,
    t: Target,
    out: &mut Pairs,
) -> Result<(), Error> {
    let Some(callback) = &o.callback else {
        return Ok(());
    };
    let bad = |why: &str| Error::invalid("InvalidCallback", "callback", why.to_string());
    match (d, callback) {
        (Dialect::Oss, Callback::Oss(c)) => oss(c, t, out),
        (Dialect::Oss, Callback::Url(_)) => Err(bad(
            "an OSS callback is { url, body, host?, contentType?, callbackSNI?, customValue? }",
        )),
        (Dialect::Cms, Callback::Url(url)) => {
            if !(url.starts_with("http://") || url.starts_with("https://")) {
                return Err(bad("the CMS callback is an http:// or https:// URL"));
            }
            check_value("callback", url, t)?;
            out.push("callback", "x-cms-callback", url.clone());
            Ok(())
        }
        (Dialect::Cms, Callback::Oss(_)) => Err(bad("the CMS callback is a URL string")),
        _ => Err(unsupported("callback", d)),
    }
}

fn oss(c: &OssCallback, t: Target, out: &mut Pairs) -> Result<(), Error> {
    let bad = |field: &str, why: &str| Error::invalid("InvalidCallback", field, why.to_string());
    if c.url.trim().is_empty() {
        return Err(bad("callback.url", "callback.url is required"));
    }
    if c.body.is_empty() {
        return Err(bad("callback.body", "callback.body is required"));
    }
    if let Some(ct) = c
        .content_type
        .as_deref()
        .filter(|ct| !BODY_TYPES.contains(ct))
    {
        return Err(bad(
            "callback.contentType",
            &format!(
                "callback.contentType \"{ct}\" is not one of {}",
                BODY_TYPES.join(", ")
            ),
        ));
    }
    let mut s = String::from("{\"callbackUrl\":");
    json::write_string(&mut s, &encode_uri(&c.url));
    s.push_str(",\"callbackBody\":");
    json::write_string(&mut s, &c.body);
    if let Some(host) = c.host.as_deref().filter(|h| !h.is_empty()) {
        s.push_str(",\"callbackHost\":");
        json::write_string(&mut s, host);
    }
    if let Some(ct) = c.content_type.as_deref().filter(|ct| !ct.is_empty()) {
        s.push_str(",\"callbackBodyType\":");
        json::write_string(&mut s, ct);
    }
    if c.callback_sni == Some(true) {
        s.push_str(",\"callbackSNI\":true");
    }
    s.push('}');
    let name = if t == Target::Put {
        "x-oss-callback"
    } else {
        "callback"
    };
    out.push("callback", name, encode::base64(s.as_bytes()));

    if c.custom_value.0.is_empty() {
        return Ok(());
    }
    for (k, v) in &c.custom_value.0 {
        let field = format!("callback.customValue.{k}");
        if k.is_empty() {
            return Err(bad(&field, "a custom callback variable has an empty name"));
        }
        check_value(&field, k, Target::Post)?;
        check_value(&field, v, Target::Post)?;
    }
    if t == Target::Post {
        for (k, v) in &c.custom_value.0 {
            out.push("callback", format!("x:{k}"), v.clone());
        }
    } else {
        let mut s = String::from("{");
        for (i, (k, v)) in c.custom_value.0.iter().enumerate() {
            if i > 0 {
                s.push(',');
            }
            json::write_string(&mut s, &format!("x:{k}"));
            s.push(':');
            json::write_string(&mut s, v);
        }
        s.push('}');
        out.push(
            "callback",
            "x-oss-callback-var",
            encode::base64(s.as_bytes()),
        );
    }
    Ok(())
}

/// JavaScript's `encodeURI`: UTF-8 percent-encoding of everything but letters, digits and
/// `;,/?:@&=+$-_.!~*'()#`.
pub(crate) fn encode_uri(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || b";,/?:@&=+$-_.!~*'()#".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
