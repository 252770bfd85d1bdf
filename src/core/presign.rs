//! Presigned PUT URLs: the signature travels in the query, so a browser can upload with a plain
//! PUT carrying only the signed headers.
//! SigV4: <https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html>;
//! SigV2: <https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html#RESTAuthenticationQueryStringAuth>.

use crate::core::encode::uri_encode;
use crate::core::error::Error;
use crate::core::options::{Dialect, PutOptions, SigVersion};
use crate::core::put_request::PutRequest;
use crate::core::sigv2::{self, StringToSignV2};
use crate::core::sigv4::{self, CanonicalRequest, Scope, StringToSign};
use crate::core::validate::MAX_PRESIGN_SECONDS;

/// A presigned URL with the strings that produced it, for debugging a `SignatureDoesNotMatch`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presigned {
    pub url: String,
    /// SigV4 only; security tokens redacted.
    pub canonical_request: Option<String>,
    pub string_to_sign: String,
}

/// The presigned URL of a PUT of `o.key`. The upload must send exactly the headers in
/// `o.headers` (they are signed); the body is not (UNSIGNED-PAYLOAD).
pub fn presign_put(o: &PutOptions) -> Result<String, Error> {
    presign_put_parts(o).map(|p| p.url)
}

/// [`presign_put`] with its intermediate strings.
pub fn presign_put_parts(o: &PutOptions) -> Result<Presigned, Error> {
    presign("PUT", o)
}

/// A presigned URL for `method` (`PUT`, or `GET`/`HEAD` to read an object back) with its
/// intermediate strings.
pub fn presign(method: &str, o: &PutOptions) -> Result<Presigned, Error> {
    match o.dialect {
        Dialect::S3 => s3_presign(method, o),
        Dialect::Oss => crate::core::oss::presign(method, o),
        Dialect::Obs => crate::core::obs::presign(method, o),
        Dialect::Cms => Err(o.dialect.unsupported("a presigned URL")),
    }
}

fn s3_presign(method: &str, o: &PutOptions) -> Result<Presigned, Error> {
    match o.version {
        SigVersion::V4 => presign_v4(method, &PutRequest::new(o, Some(MAX_PRESIGN_SECONDS))?),
        SigVersion::V2 => presign_v2(method, &PutRequest::new(o, None)?),
    }
}

fn presign_v4(method: &str, r: &PutRequest) -> Result<Presigned, Error> {
    let o = r.options;
    let scope = Scope::new(r.now, &o.region, "s3");
    let mut headers = vec![("host".to_string(), r.address.host.clone())];
    headers.extend(r.headers.iter().cloned());
    // A signed content-length is sent by the browser, not listed among the headers to send.
    let headers = r.extra.with_length(headers);
    // Signed header names come from the same canonicalization that signs them.
    let names = CanonicalRequest::new(method, "", &[], &headers, "").signed_headers();
    let mut query = vec![
        ("X-Amz-Algorithm".to_string(), sigv4::ALGORITHM.to_string()),
        (
            "X-Amz-Credential".to_string(),
            scope.credential(&o.credentials.access_key_id),
        ),
        ("X-Amz-Date".to_string(), r.now.amz_date()),
        ("X-Amz-Expires".to_string(), o.expires_in.to_string()),
        ("X-Amz-SignedHeaders".to_string(), names),
    ];
    if let Some(token) = o.credentials.token() {
        query.push(("X-Amz-Security-Token".to_string(), token.to_string()));
    }
    let path = r.address.object_path(&o.key);
    let creq = CanonicalRequest::new(method, &path, &query, &headers, sigv4::UNSIGNED_PAYLOAD);
    let sts = StringToSign::new(r.now, scope.clone(), &creq.to_string()).to_string();
    let signature = sigv4::signature(&o.credentials.secret_access_key, &scope, &sts);
    let mut pairs = creq.query.clone();
    pairs.push(("X-Amz-Signature".to_string(), signature));
    crate::core::small_sort::sort(&mut pairs);
    Ok(Presigned {
        url: format!(
            "{}?{}",
            r.address.object_url(&o.key),
            crate::core::sigv4::join_pairs(&pairs)
        ),
        canonical_request: Some(creq.redacted()),
        string_to_sign: sts,
    })
}

fn presign_v2(method: &str, r: &PutRequest) -> Result<Presigned, Error> {
    let o = r.options;
    let expires = r.now.plus_seconds(o.expires_in).unix_seconds().to_string();
    let mut headers = r.headers.clone();
    if let Some(token) = o.credentials.token() {
        headers.push(("x-amz-security-token".to_string(), token.to_string()));
    }
    let sts = StringToSignV2::new(method, &headers, &expires, &r.address.v2_resource(&o.key));
    let signature = sigv2::signature(&o.credentials.secret_access_key, &sts.to_string());
    let mut url = format!(
        "{}?AWSAccessKeyId={}&Expires={expires}&Signature={}",
        r.address.object_url(&o.key),
        uri_encode(&o.credentials.access_key_id, false),
        uri_encode(&signature, false)
    );
    if let Some(token) = o.credentials.token() {
        url.push_str(&format!(
            "&x-amz-security-token={}",
            uri_encode(token, false)
        ));
    }
    Ok(Presigned {
        url,
        canonical_request: None,
        string_to_sign: sts.to_string(),
    })
}
