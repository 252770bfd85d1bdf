//! OSS presigned URLs: the signature in the query, so a browser sends a plain request that
//! carries only the signed headers. PutObject here; the multipart operations
//! (`core::oss::multipart`) through the same two functions.
//! V1: <https://www.alibabacloud.com/help/en/oss/developer-reference/ddd-signatures-to-urls>;
//! V4: <https://www.alibabacloud.com/help/en/oss/developer-reference/add-signatures-to-urls>.

use super::v4::{self, CanonicalRequest, Scope, StringToSign};
use super::{check_reserved_headers, sign_region, v1};
use crate::core::encode::uri_encode;
use crate::core::error::Error;
use crate::core::object_request::{ObjectRequest, Signed};
use crate::core::options::{PutOptions, SigVersion};
use crate::core::presign::Presigned;
use crate::core::put_request::PutRequest;
use crate::core::redact::redact_token;
use crate::core::validate::MAX_PRESIGN_SECONDS;

/// A presigned URL for `method`; V1 for `version: v2`, V4 for `version: v4`. The request must
/// send exactly `o.headers`.
pub fn presign(method: &str, o: &PutOptions) -> Result<Presigned, Error> {
    // V4's `x-oss-expires` is at most 604800 s (7 days), as for S3.
    let max = match o.version {
        SigVersion::V2 => None,
        SigVersion::V4 => Some(MAX_PRESIGN_SECONDS),
    };
    let r = PutRequest::new(o, max)?;
    check_reserved_headers(&r.headers)?;
    let request = ObjectRequest::put(&r, method);
    let signed = match o.version {
        SigVersion::V2 => v1_presigned(&request),
        SigVersion::V4 => v4_presigned(&request)?,
    };
    Ok(signed.into_presigned())
}

/// V1: the string to sign has the `Expires` seconds on the Date line; a session token is the
/// `security-token` sub-resource, so it is both a query parameter and part of the
/// CanonicalizedResource, next to the operation's own sub-resources. Parameters in ali-oss
/// `signatureUrl` order: `OSSAccessKeyId`, `Expires`, `Signature`, the operation's query,
/// [`security-token`].
pub(crate) fn v1_presigned(r: &ObjectRequest) -> Signed {
    let c = r.credentials;
    let expires = r.now.plus_seconds(r.expires_in).unix_seconds().to_string();
    let token = c.token();
    let mut sub = r.sub_resources(v1::is_sub_resource);
    if let Some(t) = token {
        sub.push(("security-token", Some(t)));
    }
    let resource = v1::canonicalized_resource(r.bucket, r.key, &sub);
    let sts = v1::string_to_sign(r.method, r.headers, &expires, &resource).to_string();
    let signature = v1::signature(&c.secret_access_key, &sts);
    let mut url = format!(
        "{}?OSSAccessKeyId={}&Expires={expires}&Signature={}",
        r.address.object_url(r.key),
        uri_encode(&c.access_key_id, false),
        uri_encode(&signature, false)
    );
    if !r.query.is_empty() {
        url.push('&');
        url.push_str(&r.query_string());
    }
    if let Some(t) = token {
        url.push_str(&format!("&security-token={}", uri_encode(t, false)));
    }
    Signed {
        url,
        headers: r.headers.to_vec(),
        canonical_request: None,
        string_to_sign: redact_token(&sts, token),
    }
}

/// V4: the signature parameters are themselves in the canonical query (all but
/// `x-oss-signature`), with the operation's own parameters; `host` and every caller header V4
/// does not sign by default are listed in `x-oss-additional-headers` (or the caller's
/// `additionalHeaders`, see `core::signed_headers`). Parameters in ali-oss `signatureUrlV4`
/// order: the operation's query, [`x-oss-additional-headers`],
/// `x-oss-credential`, `x-oss-date`, `x-oss-expires`, `x-oss-signature-version`,
/// [`x-oss-security-token`], `x-oss-signature`.
pub(crate) fn v4_presigned(r: &ObjectRequest) -> Result<Signed, Error> {
    let c = r.credentials;
    let scope = Scope::new(r.now, &sign_region(r.region)?);
    let mut headers = r.headers.to_vec();
    headers.push(("host".into(), r.address.host.clone()));
    // A signed content-length is sent by the browser, not listed among the headers to send.
    let headers = r.extra.with_length(headers);
    let names = r.extra.additional_names(&headers);
    let additional = v4::additional_headers(&names);
    let mut query = v4::query_pairs(r.query);
    if !additional.is_empty() {
        query.push(("x-oss-additional-headers".into(), additional.join(";")));
    }
    query.push((
        "x-oss-credential".into(),
        scope.credential(&c.access_key_id),
    ));
    query.push(("x-oss-date".into(), r.now.amz_date()));
    query.push(("x-oss-expires".into(), r.expires_in.to_string()));
    query.push(("x-oss-signature-version".into(), v4::ALGORITHM.into()));
    if let Some(token) = c.token() {
        query.push(("x-oss-security-token".into(), token.into()));
    }
    let creq = CanonicalRequest::new(r.method, r.bucket, r.key, &query, &headers, &names);
    let sts = StringToSign::new(r.now, scope.clone(), &creq.to_string()).to_string();
    query.push((
        "x-oss-signature".into(),
        v4::signature(&c.secret_access_key, &scope, &sts),
    ));
    let pairs: Vec<String> = query
        .iter()
        .map(|(k, v)| match v.as_str() {
            "" => uri_encode(k, false),
            v => format!("{}={}", uri_encode(k, false), uri_encode(v, false)),
        })
        .collect();
    Ok(Signed {
        url: format!("{}?{}", r.address.object_url(r.key), pairs.join("&")),
        headers: r.headers.to_vec(),
        canonical_request: Some(creq.redacted()),
        string_to_sign: sts,
    })
}
