//! OBS PutObject with `Authorization: OBS AK:signature`. The date travels in `x-obs-date` (a
//! browser may set it, not `Date`), so the string to sign's Date line is empty.
//! Spec: <https://support.huaweicloud.com/intl/en-us/api-obs/obs_04_0010.html>.

use super::{authorization, check_reserved_headers, string_to_sign};
use crate::core::error::Error;
use crate::core::options::PutOptions;
use crate::core::oss::redact_token;
use crate::core::put_headers::SignedRequest;
use crate::core::put_request::PutRequest;
use crate::core::sigv2;

/// Signs a PUT of `o.key` carrying `o.headers`, plus `x-obs-date` and, for temporary
/// credentials, `x-obs-security-token`. The canonical resource is `/bucket/key` with the key
/// percent-encoded (RFC 3986, `/` kept), in either addressing style.
pub fn sign_put_headers(o: &PutOptions) -> Result<SignedRequest, Error> {
    let r = PutRequest::new(o, None)?;
    check_reserved_headers(&r.headers)?;
    let c = &o.credentials;
    let mut headers = r.headers.clone();
    headers.push(("x-obs-date".into(), r.now.http_date()));
    if let Some(token) = c.token() {
        headers.push(("x-obs-security-token".into(), token.into()));
    }
    // "When x-obs-date is present, Date is the empty string."
    let sts = string_to_sign("PUT", &headers, "", &r.address.v2_resource(&o.key)).to_string();
    let signature = sigv2::signature(&c.secret_access_key, &sts);
    headers.push((
        "Authorization".into(),
        authorization(&c.access_key_id, &signature),
    ));
    Ok(SignedRequest {
        method: "PUT".into(),
        url: r.address.object_url(&o.key),
        headers,
        canonical_request: None,
        string_to_sign: redact_token(&sts, c.token()),
    })
}
