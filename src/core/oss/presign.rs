//! OSS presigned URLs: the signature in the query, so a browser uploads with a plain PUT that
//! carries only the signed headers.
//! V1: <https://www.alibabacloud.com/help/en/oss/developer-reference/ddd-signatures-to-urls>;
//! V4: <https://www.alibabacloud.com/help/en/oss/developer-reference/add-signatures-to-urls>.

use super::v4::{self, CanonicalRequest, Scope, StringToSign};
use super::{check_reserved_headers, redact_token, sign_region, v1};
use crate::core::encode::uri_encode;
use crate::core::error::Error;
use crate::core::options::{PutOptions, SigVersion};
use crate::core::presign::Presigned;
use crate::core::put_request::PutRequest;
use crate::core::validate::MAX_PRESIGN_SECONDS;

/// A presigned URL for `method`; V1 for `version: v2`, V4 for `version: v4`. The request must
/// send exactly `o.headers`.
pub fn presign(method: &str, o: &PutOptions) -> Result<Presigned, Error> {
    match o.version {
        SigVersion::V2 => {
            let r = PutRequest::new(o, None)?;
            check_reserved_headers(&r.headers)?;
            presign_v1(method, &r)
        }
        // `x-oss-expires` is at most 604800 s (7 days), as for S3.
        SigVersion::V4 => {
            let r = PutRequest::new(o, Some(MAX_PRESIGN_SECONDS))?;
            check_reserved_headers(&r.headers)?;
            presign_v4(method, &r)
        }
    }
}

/// V1: the string to sign has the `Expires` seconds on the Date line; a session token is the
/// `security-token` sub-resource, so it is both a query parameter and part of the
/// CanonicalizedResource. Parameters in ali-oss `signatureUrl` order:
/// `OSSAccessKeyId`, `Expires`, `Signature`, [`security-token`].
fn presign_v1(method: &str, r: &PutRequest) -> Result<Presigned, Error> {
    let o = r.options;
    let c = &o.credentials;
    let expires = r.now.plus_seconds(o.expires_in).unix_seconds().to_string();
    let token = c.token();
    let sub: Vec<(&str, Option<&str>)> = token
        .map(|t| vec![("security-token", Some(t))])
        .unwrap_or_default();
    let resource = v1::canonicalized_resource(&o.bucket, &o.key, &sub);
    let sts = v1::string_to_sign(method, &r.headers, &expires, &resource).to_string();
    let signature = v1::signature(&c.secret_access_key, &sts);
    let mut url = format!(
        "{}?OSSAccessKeyId={}&Expires={expires}&Signature={}",
        r.address.object_url(&o.key),
        uri_encode(&c.access_key_id, false),
        uri_encode(&signature, false)
    );
    if let Some(t) = token {
        url.push_str(&format!("&security-token={}", uri_encode(t, false)));
    }
    Ok(Presigned {
        url,
        canonical_request: None,
        string_to_sign: redact_token(&sts, token),
    })
}

/// V4: the signature parameters are themselves in the canonical query (all but
/// `x-oss-signature`); `host` and every caller header V4 does not sign by default are listed in
/// `x-oss-additional-headers`. Parameters in ali-oss `signatureUrlV4` order:
/// [`x-oss-additional-headers`], `x-oss-credential`, `x-oss-date`, `x-oss-expires`,
/// `x-oss-signature-version`, [`x-oss-security-token`], `x-oss-signature`.
fn presign_v4(method: &str, r: &PutRequest) -> Result<Presigned, Error> {
    let o = r.options;
    let c = &o.credentials;
    let scope = Scope::new(r.now, &sign_region(&o.region)?);
    let mut headers = r.headers.clone();
    headers.push(("host".into(), r.address.host.clone()));
    let names: Vec<String> = headers.iter().map(|(n, _)| n.clone()).collect();
    let additional = v4::additional_headers(&names);
    let mut query: Vec<(String, String)> = Vec::new();
    if !additional.is_empty() {
        query.push(("x-oss-additional-headers".into(), additional.join(";")));
    }
    query.push((
        "x-oss-credential".into(),
        scope.credential(&c.access_key_id),
    ));
    query.push(("x-oss-date".into(), r.now.amz_date()));
    query.push(("x-oss-expires".into(), o.expires_in.to_string()));
    query.push(("x-oss-signature-version".into(), v4::ALGORITHM.into()));
    if let Some(token) = c.token() {
        query.push(("x-oss-security-token".into(), token.into()));
    }
    let creq = CanonicalRequest::new(method, &o.bucket, &o.key, &query, &headers, &names);
    let sts = StringToSign::new(r.now, scope.clone(), &creq.to_string()).to_string();
    query.push((
        "x-oss-signature".into(),
        v4::signature(&c.secret_access_key, &scope, &sts),
    ));
    let pairs: Vec<String> = query
        .iter()
        .map(|(k, v)| format!("{}={}", uri_encode(k, false), uri_encode(v, false)))
        .collect();
    Ok(Presigned {
        url: format!("{}?{}", r.address.object_url(&o.key), pairs.join("&")),
        canonical_request: Some(creq.redacted()),
        string_to_sign: sts,
    })
}
