//! S3 presigned URLs of any object request — PutObject, GetObject with its overrides, the
//! multipart operations — from one [`ObjectRequest`], so each signing rule is written once:
//! - SigV4: every query parameter of the operation is in the canonical query string, next to the
//!   `X-Amz-*` authentication parameters ("CanonicalQueryString – The URI-encoded query string
//!   parameters. You URI-encode each name and value individually. You must also sort the
//!   parameters in the canonical query string alphabetically by key name" —
//!   <https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html>;
//!   <https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html>);
//! - SigV2: only the sub-resources and the response overrides are in the CanonicalizedResource
//!   ([`is_v2_sub_resource`]); the rest of the query (ListParts' `max-parts`) travels unsigned.

use crate::core::encode::uri_encode;
use crate::core::error::Error;
use crate::core::object_request::{ObjectRequest, Signed};
use crate::core::options::{PutOptions, SigVersion};
use crate::core::presign::Presigned;
use crate::core::put_request::PutRequest;
use crate::core::sigv2::{self, StringToSignV2};
use crate::core::sigv4::{self, join_pairs, CanonicalRequest, Scope, StringToSign};
use crate::core::validate::MAX_PRESIGN_SECONDS;

/// SigV4 query-string authentication: the operation's query, `X-Amz-Algorithm`,
/// `X-Amz-Credential`, `X-Amz-Date`, `X-Amz-Expires`, `X-Amz-SignedHeaders`,
/// [`X-Amz-Security-Token`] in the canonical query; `host` and the request's headers signed;
/// `UNSIGNED-PAYLOAD`. The URL's parameters are sorted with `X-Amz-Signature` among them, as the
/// AWS SDK writes them.
pub(crate) fn v4_presigned(r: &ObjectRequest) -> Signed {
    let c = r.credentials;
    let scope = Scope::new(r.now, r.region, "s3");
    let mut signed = vec![("host".to_string(), r.address.host.clone())];
    signed.extend(r.headers.iter().cloned());
    // A signed content-length is sent by the browser, not listed among the headers to send.
    let signed = r.extra.with_length(signed);
    // Signed header names come from the same canonicalization that signs them.
    let names = CanonicalRequest::new("", "", &[], &signed, "").signed_headers();
    let mut query: Vec<(String, String)> = r
        .query
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone().unwrap_or_default()))
        .collect();
    query.push(("X-Amz-Algorithm".into(), sigv4::ALGORITHM.into()));
    query.push((
        "X-Amz-Credential".into(),
        scope.credential(&c.access_key_id),
    ));
    query.push(("X-Amz-Date".into(), r.now.amz_date()));
    query.push(("X-Amz-Expires".into(), r.expires_in.to_string()));
    query.push(("X-Amz-SignedHeaders".into(), names));
    if let Some(token) = c.token() {
        query.push(("X-Amz-Security-Token".into(), token.into()));
    }
    let path = r.address.object_path(r.key);
    let creq = CanonicalRequest::new(r.method, &path, &query, &signed, sigv4::UNSIGNED_PAYLOAD);
    let sts = StringToSign::new(r.now, scope.clone(), &creq.to_string()).to_string();
    let mut pairs = creq.query.clone();
    pairs.push((
        "X-Amz-Signature".into(),
        sigv4::signature(&c.secret_access_key, &scope, &sts),
    ));
    crate::core::small_sort::sort(&mut pairs);
    Signed {
        url: format!("{}?{}", r.address.object_url(r.key), join_pairs(&pairs)),
        headers: r.headers.to_vec(),
        canonical_request: Some(creq.redacted()),
        string_to_sign: sts,
    }
}

/// SigV2 query-string authentication: the string to sign has the `Expires` seconds on the Date
/// line; the URL carries the operation's query, `AWSAccessKeyId`, `Expires`, `Signature`,
/// [`x-amz-security-token`] (also signed as an `x-amz-*` header).
/// Spec: <https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html#RESTAuthenticationQueryStringAuth>.
pub(crate) fn v2_presigned(r: &ObjectRequest) -> Signed {
    let c = r.credentials;
    let expires = r.now.plus_seconds(r.expires_in).unix_seconds().to_string();
    let mut signed = r.headers.to_vec();
    if let Some(token) = c.token() {
        signed.push(("x-amz-security-token".into(), token.into()));
    }
    let sts = StringToSignV2::new(r.method, &signed, &expires, &v2_resource(r)).to_string();
    let signature = sigv2::signature(&c.secret_access_key, &sts);
    let mut url = format!("{}?", r.address.object_url(r.key));
    if !r.query.is_empty() {
        url.push_str(&r.query_string());
        url.push('&');
    }
    url.push_str(&format!(
        "AWSAccessKeyId={}&Expires={expires}&Signature={}",
        uri_encode(&c.access_key_id, false),
        uri_encode(&signature, false)
    ));
    if let Some(token) = c.token() {
        url.push_str(&format!(
            "&x-amz-security-token={}",
            uri_encode(token, false)
        ));
    }
    Signed {
        url,
        headers: r.headers.to_vec(),
        canonical_request: None,
        // The token is in this string in clear (an amz header line): never returned so.
        string_to_sign: crate::core::redact::redact_token(&sts, c.token()),
    }
}

/// The query parameters SigV2 signs in the CanonicalizedResource: "The subresources that must be
/// included when constructing the CanonicalizedResource Element are acl, lifecycle, location,
/// logging, notification, partNumber, policy, requestPayment, torrent, uploadId, uploads,
/// versionId, versioning, versions, and website. If the request specifies query string
/// parameters overriding the response header values (see Get Object), append the query string
/// parameters and their values … response-content-type, response-content-language,
/// response-expires, response-cache-control, response-content-disposition, and
/// response-content-encoding."
/// (<https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html#ConstructingTheCanonicalizedResourceElement>;
/// only the names this module sends are listed.)
pub fn is_v2_sub_resource(name: &str) -> bool {
    matches!(name, "uploads" | "partNumber" | "uploadId" | "versionId")
        || is_response_override(name)
}

/// `response-content-type` and its five siblings.
pub fn is_response_override(name: &str) -> bool {
    matches!(
        name,
        "response-content-type"
            | "response-content-language"
            | "response-expires"
            | "response-cache-control"
            | "response-content-disposition"
            | "response-content-encoding"
    )
}

/// `/bucket/key?partNumber=1&uploadId=ID`: the sub-resources sorted by name. Response overrides
/// are signed as they are — "When signing, you do not encode these values; however, when making
/// the request, you must encode these parameter values" (the page above) — and the other
/// sub-resources as they appear in the URL, as aws-sdk v2 signs them (`AWS.Signers.S3`:
/// "sub resource params … with their NON-decoded values").
pub(crate) fn v2_resource(r: &ObjectRequest) -> String {
    let sub: Vec<(&str, Option<String>)> = r
        .query
        .iter()
        .filter(|(k, _)| is_v2_sub_resource(k))
        .map(|(k, v)| {
            let value = match v {
                Some(v) if is_response_override(k) => Some(v.clone()),
                Some(v) => Some(uri_encode(v, false)),
                None => None,
            };
            (*k, value)
        })
        .collect();
    let sub: Vec<(&str, Option<&str>)> = sub.iter().map(|(k, v)| (*k, v.as_deref())).collect();
    sigv2::with_sub_resources(r.address.v2_resource(r.key), &sub)
}

/// A presigned URL of `method` on the object of `o` (PutObject, or a GET/HEAD to read it back).
pub(crate) fn presign_object(method: &str, o: &PutOptions) -> Result<Presigned, Error> {
    let max = match o.version {
        SigVersion::V4 => Some(MAX_PRESIGN_SECONDS),
        SigVersion::V2 => None,
    };
    let r = PutRequest::new(o, max)?;
    let request = ObjectRequest::put(&r, method);
    let signed = match o.version {
        SigVersion::V4 => v4_presigned(&request),
        SigVersion::V2 => v2_presigned(&request),
    };
    Ok(signed.into_presigned())
}
