//! OSS requests signed with an `Authorization` header: PutObject, and the multipart operations
//! (`core::oss::multipart`) through the same two functions. The date travels in `x-oss-date`,
//! which a browser may set (it forbids `Date`); temporary credentials add `x-oss-security-token`.
//! V1: <https://www.alibabacloud.com/help/en/oss/developer-reference/include-signatures-in-the-authorization-header>;
//! V4: <https://www.alibabacloud.com/help/en/oss/developer-reference/recommend-to-use-signature-version-4>.

use super::v4::{self, CanonicalRequest, Scope, StringToSign};
use super::{check_reserved_headers, sign_region, v1};
use crate::core::error::Error;
use crate::core::object_request::{ObjectRequest, Signed};
use crate::core::options::{PutOptions, SigVersion};
use crate::core::put_headers::SignedRequest;
use crate::core::put_request::PutRequest;
use crate::core::redact::redact_token;

/// Signs a PUT of `o.key` carrying `o.headers`; V1 for `version: v2`, V4 for `version: v4`.
pub fn sign_put_headers(o: &PutOptions) -> Result<SignedRequest, Error> {
    let r = PutRequest::new(o, None)?;
    check_reserved_headers(&r.headers)?;
    let request = ObjectRequest::put(&r, "PUT");
    let signed = match o.version {
        SigVersion::V2 => v1_header(&request),
        SigVersion::V4 => v4_header(&request)?,
    };
    Ok(signed.into_request("PUT"))
}

/// V1: `x-oss-date` holds the HTTP date and, being the request's date, also fills the string to
/// sign's Date line (ali-oss `buildCanonicalString`: `expires || headers['x-oss-date']`); as an
/// `x-oss-*` header it is signed among the CanonicalizedOSSHeaders as well. The operation's
/// sub-resources (`uploads`, `partNumber`, `uploadId`) follow the key in the
/// CanonicalizedResource, sorted, values as they are ([`v1::is_sub_resource`]).
pub(crate) fn v1_header(r: &ObjectRequest) -> Signed {
    let c = r.credentials;
    let date = r.now.http_date();
    let mut headers = r.headers.to_vec();
    headers.push(("x-oss-date".into(), date.clone()));
    if let Some(token) = c.token() {
        headers.push(("x-oss-security-token".into(), token.into()));
    }
    let sub = r.sub_resources(v1::is_sub_resource);
    let resource = v1::canonicalized_resource(r.bucket, r.key, &sub);
    let sts = v1::string_to_sign(r.method, &headers, &date, &resource).to_string();
    let signature = v1::signature(&c.secret_access_key, &sts);
    headers.push((
        "Authorization".into(),
        v1::authorization(&c.access_key_id, &signature),
    ));
    Signed {
        url: r.url(),
        headers,
        canonical_request: None,
        string_to_sign: redact_token(&sts, c.token()),
    }
}

/// V4: `x-oss-content-sha256: UNSIGNED-PAYLOAD` and `x-oss-date` are signed with the other
/// `x-oss-*` headers; `host` and every caller header that V4 does not sign by default
/// (Cache-Control, Content-Disposition, …) are signed as AdditionalHeaders, so the whole request
/// the browser sends is covered — unless the caller's `additionalHeaders` names the list
/// (`core::signed_headers`); a signed `content-length` is one more. Every query parameter is in
/// the canonical query (a bare `uploads` as the name alone, see [`CanonicalRequest`]).
pub(crate) fn v4_header(r: &ObjectRequest) -> Result<Signed, Error> {
    let c = r.credentials;
    let scope = Scope::new(r.now, &sign_region(r.region)?);
    let mut headers = r.headers.to_vec();
    headers.push(("x-oss-content-sha256".into(), v4::UNSIGNED_PAYLOAD.into()));
    headers.push(("x-oss-date".into(), r.now.amz_date()));
    if let Some(token) = c.token() {
        headers.push(("x-oss-security-token".into(), token.into()));
    }
    let mut signed = headers.clone();
    signed.push(("host".into(), r.address.host.clone()));
    // Signed, not sent: the browser sets Content-Length from the body.
    let signed = r.extra.with_length(signed);
    let additional = r.extra.additional_names(&signed);
    let query = v4::query_pairs(r.query);
    let creq = CanonicalRequest::new(r.method, r.bucket, r.key, &query, &signed, &additional);
    let sts = StringToSign::new(r.now, scope.clone(), &creq.to_string()).to_string();
    let signature = v4::signature(&c.secret_access_key, &scope, &sts);
    headers.push((
        "Authorization".into(),
        v4::authorization(
            &scope.credential(&c.access_key_id),
            &creq.additional_headers(),
            &signature,
        ),
    ));
    Ok(Signed {
        url: r.url(),
        headers,
        canonical_request: Some(creq.redacted()),
        string_to_sign: sts,
    })
}
