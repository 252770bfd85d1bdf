//! Alibaba Cloud OSS: V1 (`OSS AK:signature`, HMAC-SHA1) and V4 (`OSS4-HMAC-SHA256`) signing of
//! POST forms, PUT headers and presigned URLs. Seeds 001 and 004.
//!
//! **Versions.** The `version` option keeps its two values: `v2` selects OSS **V1** (the
//! HMAC-SHA1 family SigV2 belongs to) and `v4` selects OSS **V4** (`OSS4-HMAC-SHA256`, the
//! `aliyun_v4` key chain). There is no separate `v1` value.
//!
//! **Region.** V4 scopes use the region id without the `oss-` prefix (`cn-hangzhou`); a region
//! given as `oss-cn-hangzhou` is accepted and the prefix dropped, as ali-oss does.
//!
//! **Addresses.** Virtual-hosted `bucket.oss-REGION.aliyuncs.com` by default; `pathStyle` for
//! compatible servers. Both V1's canonical resource and V4's canonical URI are `/bucket/key`
//! either way.
//!
//! **Dates.** Browsers cannot set `Date`, so PUT headers carry `x-oss-date`: the HTTP date for V1
//! (which then stands on the string to sign's Date line, as ali-oss signs it), the
//! `YYYYMMDDTHHMMSSZ` form for V4.
//!
//! Specs: V1 <https://www.alibabacloud.com/help/en/oss/developer-reference/include-signatures-in-the-authorization-header>,
//! V4 <https://www.alibabacloud.com/help/en/oss/developer-reference/recommend-to-use-signature-version-4>.

pub mod multipart;
mod post_form;
mod presign;
mod presign_get;
mod put_headers;
pub mod v1;
pub mod v4;

use crate::core::error::Error;
use crate::core::options::{PostFormOptions, PutOptions, SignPolicyOptions};
use crate::core::post_form::PostForm;
use crate::core::presign::Presigned;
use crate::core::put_headers::SignedRequest;

/// A signed OSS PostObject form: `key`, the caller's fields, then V1 `OSSAccessKeyId`,
/// [`x-oss-security-token`], `policy`, `Signature` or V4 `x-oss-signature-version`,
/// `x-oss-credential`, `x-oss-date`, [`x-oss-security-token`], `policy`, `x-oss-signature`.
pub fn sign_post_form(o: &PostFormOptions) -> Result<PostForm, Error> {
    post_form::sign_post_form(o)
}

/// The signature fields of an OSS PostObject policy (see [`sign_post_form`] for their order).
pub fn sign_policy(
    policy_base64: &str,
    o: &SignPolicyOptions,
) -> Result<Vec<(String, String)>, Error> {
    post_form::sign_policy(policy_base64, o)
}

/// An OSS presigned URL: V1 `OSSAccessKeyId`/`Expires`/`Signature`[/`security-token`], or V4
/// `x-oss-signature-version`/`x-oss-credential`/`x-oss-date`/`x-oss-expires`/`x-oss-signature`.
pub fn presign(method: &str, o: &PutOptions) -> Result<Presigned, Error> {
    presign::presign(method, o)
}

/// An OSS presigned GetObject URL with its overrides, `versionId` and `x-oss-traffic-limit`.
pub fn presign_get(o: &crate::core::options::GetOptions) -> Result<Presigned, Error> {
    presign_get::presign_get(o)
}

/// An OSS PutObject signed with an `Authorization` header.
pub fn sign_put_headers(o: &PutOptions) -> Result<SignedRequest, Error> {
    put_headers::sign_put_headers(o)
}

/// The region id a V4 scope carries: `oss-cn-hangzhou` → `cn-hangzhou`.
/// Spec: the `SignRegion` of <https://www.alibabacloud.com/help/en/oss/developer-reference/recommend-to-use-signature-version-4>.
pub fn sign_region(region: &str) -> Result<String, Error> {
    let r = region.trim();
    let r = r.strip_prefix("oss-").unwrap_or(r);
    if r.is_empty() || !r.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return Err(Error::invalid(
            "InvalidRegion",
            "region",
            format!("\"{region}\" is not an OSS region id (like cn-hangzhou)"),
        ));
    }
    Ok(r.to_string())
}

/// Headers the signer sets: a caller's copy would be sent twice or contradict the signature.
pub(crate) fn check_reserved_headers(headers: &[(String, String)]) -> Result<(), Error> {
    const RESERVED: [&str; 7] = [
        "x-oss-date",
        "x-oss-security-token",
        "x-oss-content-sha256",
        "x-oss-signature",
        "x-oss-signature-version",
        "x-oss-credential",
        "x-oss-expires",
    ];
    match headers
        .iter()
        .find(|(n, _)| RESERVED.contains(&n.to_ascii_lowercase().as_str()))
    {
        Some((name, _)) => Err(Error::invalid(
            "ReservedHeader",
            name,
            format!("\"{name}\" is set by the signer, not by the caller"),
        )),
        None => Ok(()),
    }
}
