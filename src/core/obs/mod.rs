//! Huawei Cloud OBS native API: `OBS AK:signature` (HMAC-SHA1) signing of POST forms, PUT
//! headers and presigned URLs with `x-obs-*` headers. Seeds 002 and 003 (whose S3-compatible
//! API is the `s3` dialect).

use crate::core::error::Error;
use crate::core::options::{PostFormOptions, PutOptions, SignPolicyOptions};
use crate::core::post_form::PostForm;
use crate::core::presign::Presigned;
use crate::core::put_headers::SignedRequest;

/// A signed OBS POST Object form.
pub fn sign_post_form(o: &PostFormOptions) -> Result<PostForm, Error> {
    Err(o.dialect.unsupported("a POST form"))
}

/// The signature fields of an OBS POST Object policy.
pub fn sign_policy(
    _policy_base64: &str,
    o: &SignPolicyOptions,
) -> Result<Vec<(String, String)>, Error> {
    Err(o.dialect.unsupported("a POST policy"))
}

/// An OBS presigned URL.
pub fn presign(_method: &str, o: &PutOptions) -> Result<Presigned, Error> {
    Err(o.dialect.unsupported("a presigned URL"))
}

/// An OBS PutObject signed with an `Authorization` header.
pub fn sign_put_headers(o: &PutOptions) -> Result<SignedRequest, Error> {
    Err(o.dialect.unsupported("a signed PUT"))
}
