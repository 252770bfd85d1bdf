//! Huawei Cloud OBS native API: `OBS AK:signature` (HMAC-SHA1) signing of POST forms, PUT
//! headers and presigned URLs with `x-obs-*` headers. Seeds 002 and 003 (whose S3-compatible
//! API is the `s3` dialect).
//!
//! **Versions.** The native API has one signature, the SigV2-shaped HMAC-SHA1 with `x-obs-*`
//! headers: it is `version: "v2"`. OBS signs V4 only through its S3-compatible API
//! (`AWS4-HMAC-SHA256`, `x-amz-*`), which is the `s3` dialect; `dialect: "obs"` with
//! `version: "v4"` is refused with `UnsupportedSignatureVersion` rather than silently signed
//! another way.
//!
//! **Dates and tokens.** Browsers cannot set `Date`: PUT headers carry `x-obs-date`, which
//! empties the Date line of the string to sign. Temporary credentials add
//! `x-obs-security-token` (a header, a query parameter that is also a sub-resource of the
//! canonical resource, or a form field pinned by the policy).
//!
//! Specs: <https://support.huaweicloud.com/intl/en-us/api-obs/obs_04_0010.html> (header),
//! <https://support.huaweicloud.com/intl/en-us/api-obs/obs_04_0011.html> (URL),
//! <https://support.huaweicloud.com/intl/en-us/api-obs/obs_04_0012.html> (POST form).

pub mod multipart;
mod post_form;
mod presign;
mod presign_get;
mod put_headers;

use crate::core::error::Error;
use crate::core::options::{PostFormOptions, PutOptions, SigVersion, SignPolicyOptions};
use crate::core::post_form::PostForm;
use crate::core::presign::Presigned;
use crate::core::put_headers::SignedRequest;
use crate::core::sigv2::StringToSignV2;

/// The prefix of the headers the OBS signature covers (CanonicalizedHeaders).
pub const HEADER_PREFIX: &str = "x-obs-";

/// A signed OBS POST Object form: `key`, the caller's fields, `AccessKeyId`,
/// [`x-obs-security-token`], `policy`, `signature`.
pub fn sign_post_form(o: &PostFormOptions) -> Result<PostForm, Error> {
    native_only(o.version)?;
    post_form::sign_post_form(o)
}

/// The signature fields of an OBS POST Object policy (see [`sign_post_form`]).
pub fn sign_policy(
    policy_base64: &str,
    o: &SignPolicyOptions,
) -> Result<Vec<(String, String)>, Error> {
    native_only(o.version)?;
    post_form::sign_policy(policy_base64, o)
}

/// An OBS presigned URL: `AccessKeyId`, `Expires`, [`x-obs-security-token`], `Signature`.
pub fn presign(method: &str, o: &PutOptions) -> Result<Presigned, Error> {
    native_only(o.version)?;
    presign::presign(method, o)
}

/// An OBS presigned GetObject URL with its overrides and `versionId`.
pub fn presign_get(o: &crate::core::options::GetOptions) -> Result<Presigned, Error> {
    presign_get::presign_get(o)
}

/// An OBS PutObject signed with an `Authorization: OBS AK:signature` header.
pub fn sign_put_headers(o: &PutOptions) -> Result<SignedRequest, Error> {
    native_only(o.version)?;
    put_headers::sign_put_headers(o)
}

/// `VERB\nContent-MD5\nContent-Type\nDate\nCanonicalizedHeaders` + `CanonicalizedResource`, the
/// `x-obs-*` headers lower-cased, trimmed ("meaningless spaces … must be discarded") and sorted.
/// Spec: "StringToSign" in <https://support.huaweicloud.com/intl/en-us/api-obs/obs_04_0010.html>.
pub fn string_to_sign(
    method: &str,
    headers: &[(String, String)],
    date: &str,
    resource: &str,
) -> StringToSignV2 {
    StringToSignV2::with_header_prefix(method, headers, date, resource, HEADER_PREFIX)
}

/// Whether a query parameter is one of the sub-resources OBS signs in the CanonicalizedResource
/// (ListParts' `max-parts` and `part-number-marker` are not, so they travel unsigned): the list
/// of "CanonicalizedResource" in <https://support.huaweicloud.com/intl/en-us/api-obs/obs_04_0010.html>
/// (esdk-obs-browserjs `allowedResourceParameterNames` holds the same names, lower-cased).
pub fn is_sub_resource(name: &str) -> bool {
    const SUB_RESOURCES: &str = "CDNNotifyConfiguration acl append attname backtosource cors \
        customdomain delete deletebucket directcoldaccess encryption inventory length lifecycle \
        location logging metadata modify name notification orchestration partNumber policy \
        position quota rename replication requestPayment response-cache-control \
        response-content-disposition response-content-encoding response-content-language \
        response-content-type response-expires restore select storageClass storagePolicy \
        storageinfo tagging torrent truncate uploadId uploads versionId versioning versions \
        website x-image-process x-image-save-bucket x-image-save-object x-obs-security-token";
    SUB_RESOURCES.split_ascii_whitespace().any(|n| n == name)
}

/// `/bucket/key` with the key percent-encoded (RFC 3986, `/` kept) in either addressing style,
/// then the request's sub-resources and `extra` (a presigned URL's `x-obs-security-token`),
/// sorted by name, as `?name=value&name2` with the values as they are: "sub-resources sorted
/// lexicographically by name and joined with &", e.g.
/// `/bucket-test/object-test?response-content-type=text/plain&versionId=xxx` (obs_04_0010).
pub(crate) fn canonicalized_resource(
    r: &crate::core::object_request::ObjectRequest,
    extra: &[(&str, Option<&str>)],
) -> String {
    let mut sub = r.sub_resources(is_sub_resource);
    sub.extend_from_slice(extra);
    crate::core::sigv2::with_sub_resources(r.address.v2_resource(r.key), &sub)
}

/// `OBS <AccessKeyId>:<Signature>`, the `Authorization` value.
pub fn authorization(access_key_id: &str, signature: &str) -> String {
    format!("OBS {access_key_id}:{signature}")
}

pub(crate) fn native_only(version: SigVersion) -> Result<(), Error> {
    match version {
        SigVersion::V2 => Ok(()),
        SigVersion::V4 => Err(Error::invalid(
            "UnsupportedSignatureVersion",
            "version",
            "OBS's native API signs with the OBS signature only (version \"v2\"); for V4 use \
             dialect \"s3\", which OBS's S3-compatible API speaks",
        )),
    }
}

/// Headers the signer sets.
pub(crate) fn check_reserved_headers(headers: &[(String, String)]) -> Result<(), Error> {
    match headers.iter().find(|(n, _)| {
        let lower = n.to_ascii_lowercase();
        lower == "x-obs-date" || lower == "x-obs-security-token"
    }) {
        Some((name, _)) => Err(Error::invalid(
            "ReservedHeader",
            name,
            format!("\"{name}\" is set by the signer, not by the caller"),
        )),
        None => Ok(()),
    }
}
