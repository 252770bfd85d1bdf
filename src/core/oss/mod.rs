//! Alibaba Cloud OSS: V1 (`OSS AK:signature`, HMAC-SHA1) and V4 (`OSS4-HMAC-SHA256`) signing of
//! POST forms, PUT headers and presigned URLs. Seeds 001 and 004.

use crate::core::error::Error;
use crate::core::options::{PostFormOptions, PutOptions, SignPolicyOptions};
use crate::core::post_form::PostForm;
use crate::core::presign::Presigned;
use crate::core::put_headers::SignedRequest;

/// A signed OSS PostObject form.
pub fn sign_post_form(o: &PostFormOptions) -> Result<PostForm, Error> {
    Err(o.dialect.unsupported("a POST form"))
}

/// The signature fields of an OSS PostObject policy.
pub fn sign_policy(
    _policy_base64: &str,
    o: &SignPolicyOptions,
) -> Result<Vec<(String, String)>, Error> {
    Err(o.dialect.unsupported("a POST policy"))
}

/// An OSS presigned URL.
pub fn presign(_method: &str, o: &PutOptions) -> Result<Presigned, Error> {
    Err(o.dialect.unsupported("a presigned URL"))
}

/// An OSS PutObject signed with an `Authorization` header.
pub fn sign_put_headers(o: &PutOptions) -> Result<SignedRequest, Error> {
    Err(o.dialect.unsupported("a signed PUT"))
}
