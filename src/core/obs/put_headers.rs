//! OBS requests signed with `Authorization: OBS AK:signature`: PutObject, and the multipart
//! operations (`core::obs::multipart`) through the same function. The date travels in
//! `x-obs-date` (a browser may set it, not `Date`), so the string to sign's Date line is empty.
//! Spec: <https://support.huaweicloud.com/intl/en-us/api-obs/obs_04_0010.html>.

use super::{authorization, canonicalized_resource, check_reserved_headers, string_to_sign};
use crate::core::error::Error;
use crate::core::object_request::{ObjectRequest, Signed};
use crate::core::options::PutOptions;
use crate::core::put_headers::SignedRequest;
use crate::core::put_request::PutRequest;
use crate::core::redact::redact_token;
use crate::core::sigv2;

/// Signs a PUT of `o.key` carrying `o.headers`.
pub fn sign_put_headers(o: &PutOptions) -> Result<SignedRequest, Error> {
    let r = PutRequest::new(o, None)?;
    check_reserved_headers(&r.headers)?;
    Ok(header_signed(&ObjectRequest::put(&r, "PUT")).into_request("PUT"))
}

/// Adds `x-obs-date` and, for temporary credentials, `x-obs-security-token`, and signs the
/// request with its [`canonicalized_resource`] (the operation's sub-resources after the key).
pub(crate) fn header_signed(r: &ObjectRequest) -> Signed {
    let c = r.credentials;
    let mut headers = r.headers.to_vec();
    headers.push(("x-obs-date".into(), r.now.http_date()));
    if let Some(token) = c.token() {
        headers.push(("x-obs-security-token".into(), token.into()));
    }
    // "When x-obs-date is present, Date is the empty string."
    let resource = canonicalized_resource(r, &[]);
    let sts = string_to_sign(r.method, &headers, "", &resource).to_string();
    let signature = sigv2::signature(&c.secret_access_key, &sts);
    headers.push((
        "Authorization".into(),
        authorization(&c.access_key_id, &signature),
    ));
    Signed {
        url: r.url(),
        headers,
        canonical_request: None,
        string_to_sign: redact_token(&sts, c.token()),
    }
}
