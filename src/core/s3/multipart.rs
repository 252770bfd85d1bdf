//! Signing S3 multipart requests, SigV4 and SigV2, presigned or with an `Authorization` header.
//! The operation's query parameters are signed as S3 says:
//! - SigV4: every query parameter is in the canonical query string (`uploads=` with an empty
//!   value) — <https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html>;
//! - SigV2: `uploads`, `partNumber` and `uploadId` are sub-resources of the canonical resource
//!   (`/bucket/key?partNumber=1&uploadId=ID`), `max-parts` and `part-number-marker` are not —
//!   <https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html#ConstructingTheCanonicalizedResourceElement>.
//!
//! Payloads: UploadPart is `UNSIGNED-PAYLOAD` (the body is a File slice, hashed by Content-MD5
//! and the part checksum instead); the other operations' bodies are small and known, so a
//! header-signed request carries their real SHA-256, as the AWS SDK sends it.

use crate::core::encode::uri_encode;
use crate::core::error::Error;
use crate::core::multipart::options::MultipartOptions;
use crate::core::multipart::request::Unsigned;
use crate::core::multipart::SignedMultipart;
use crate::core::options::SigVersion;
use crate::core::sigv2::{self, StringToSignV2};
use crate::core::sigv4::{self, join_pairs, CanonicalRequest, Scope, StringToSign};

/// Signs `r` (laid out from `o`) for S3.
pub fn sign(o: &MultipartOptions, r: Unsigned) -> Result<SignedMultipart, Error> {
    match (o.version, r.presign) {
        (SigVersion::V4, true) => v4_presigned(o, r),
        (SigVersion::V4, false) => v4_header(o, r),
        (SigVersion::V2, true) => v2_presigned(o, r),
        (SigVersion::V2, false) => v2_header(o, r),
    }
}

fn raw_query(r: &Unsigned) -> Vec<(String, String)> {
    r.query
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone().unwrap_or_default()))
        .collect()
}

fn payload_hash(r: &Unsigned) -> String {
    if r.method == "PUT" {
        sigv4::UNSIGNED_PAYLOAD.into()
    } else {
        sigv4::sha256_hex(r.body.as_deref().unwrap_or("").as_bytes())
    }
}

fn done(
    r: Unsigned,
    url: String,
    headers: Vec<(String, String)>,
    creq: Option<String>,
    sts: String,
) -> SignedMultipart {
    SignedMultipart {
        method: r.method.into(),
        url,
        headers,
        body: r.body,
        canonical_request: creq,
        string_to_sign: sts,
    }
}

fn v4_presigned(o: &MultipartOptions, r: Unsigned) -> Result<SignedMultipart, Error> {
    let c = &o.credentials;
    let scope = Scope::new(r.now, &o.region, "s3");
    let mut signed = vec![("host".to_string(), r.address.host.clone())];
    signed.extend(r.headers.iter().cloned());
    let signed = r.extra.with_length(signed);
    let names = CanonicalRequest::new("", "", &[], &signed, "").signed_headers();
    let mut query = raw_query(&r);
    query.push(("X-Amz-Algorithm".into(), sigv4::ALGORITHM.into()));
    query.push((
        "X-Amz-Credential".into(),
        scope.credential(&c.access_key_id),
    ));
    query.push(("X-Amz-Date".into(), r.now.amz_date()));
    query.push(("X-Amz-Expires".into(), o.expires_in.to_string()));
    query.push(("X-Amz-SignedHeaders".into(), names));
    if let Some(token) = c.token() {
        query.push(("X-Amz-Security-Token".into(), token.into()));
    }
    let path = r.address.object_path(&o.key);
    let creq = CanonicalRequest::new(r.method, &path, &query, &signed, sigv4::UNSIGNED_PAYLOAD);
    let sts = StringToSign::new(r.now, scope.clone(), &creq.to_string()).to_string();
    let mut pairs = creq.query.clone();
    pairs.push((
        "X-Amz-Signature".into(),
        sigv4::signature(&c.secret_access_key, &scope, &sts),
    ));
    // Sorted with the rest, as the AWS SDK writes the URL.
    crate::core::small_sort::sort(&mut pairs);
    let url = format!("{}?{}", r.address.object_url(&o.key), join_pairs(&pairs));
    let headers = r.headers.clone();
    Ok(done(r, url, headers, Some(creq.redacted()), sts))
}

fn v4_header(o: &MultipartOptions, r: Unsigned) -> Result<SignedMultipart, Error> {
    let c = &o.credentials;
    let hash = payload_hash(&r);
    let mut headers = r.headers.clone();
    headers.push(("x-amz-content-sha256".into(), hash.clone()));
    headers.push(("x-amz-date".into(), r.now.amz_date()));
    if let Some(token) = c.token() {
        headers.push(("x-amz-security-token".into(), token.into()));
    }
    let mut signed = headers.clone();
    signed.push(("host".into(), r.address.host.clone()));
    // Signed, not sent: the browser sets Content-Length from the body.
    let signed = r.extra.with_length(signed);
    let path = r.address.object_path(&o.key);
    let creq = CanonicalRequest::new(r.method, &path, &raw_query(&r), &signed, &hash);
    let (authorization, sts) = sigv4::authorization(&creq, r.now, &o.region, c);
    headers.push(("Authorization".into(), authorization));
    let url = format!("{}?{}", r.address.object_url(&o.key), creq.query_string());
    Ok(done(r, url, headers, Some(creq.redacted()), sts))
}

/// The operation's query as sent: `uploads`, `partNumber=1&uploadId=ID`, in the given order.
fn v2_query(r: &Unsigned) -> String {
    let parts: Vec<String> = r
        .query
        .iter()
        .map(|(k, v)| match v {
            Some(v) => format!("{k}={}", uri_encode(v, false)),
            None => k.to_string(),
        })
        .collect();
    parts.join("&")
}

/// `/bucket/key?partNumber=1&uploadId=ID`: the sub-resources, sorted, values as sent.
fn v2_resource(o: &MultipartOptions, r: &Unsigned) -> String {
    let mut sub: Vec<(&str, Option<String>)> = r
        .query
        .iter()
        .filter(|(k, _)| matches!(*k, "uploads" | "partNumber" | "uploadId"))
        .map(|(k, v)| (*k, v.as_deref().map(|v| uri_encode(v, false))))
        .collect();
    crate::core::small_sort::sort(&mut sub);
    let mut out = r.address.v2_resource(&o.key);
    for (i, (k, v)) in sub.iter().enumerate() {
        out.push(if i == 0 { '?' } else { '&' });
        out.push_str(k);
        if let Some(v) = v {
            out.push('=');
            out.push_str(v);
        }
    }
    out
}

fn v2_header(o: &MultipartOptions, r: Unsigned) -> Result<SignedMultipart, Error> {
    let c = &o.credentials;
    let mut headers = r.headers.clone();
    headers.push(("x-amz-date".into(), r.now.http_date()));
    if let Some(token) = c.token() {
        headers.push(("x-amz-security-token".into(), token.into()));
    }
    let sts = StringToSignV2::new(r.method, &headers, "", &v2_resource(o, &r)).to_string();
    let signature = sigv2::signature(&c.secret_access_key, &sts);
    headers.push((
        "Authorization".into(),
        format!("AWS {}:{signature}", c.access_key_id),
    ));
    let url = format!("{}?{}", r.address.object_url(&o.key), v2_query(&r));
    Ok(done(r, url, headers, None, sts))
}

fn v2_presigned(o: &MultipartOptions, r: Unsigned) -> Result<SignedMultipart, Error> {
    let c = &o.credentials;
    let expires = r.now.plus_seconds(o.expires_in).unix_seconds().to_string();
    let mut signed = r.headers.clone();
    if let Some(token) = c.token() {
        signed.push(("x-amz-security-token".into(), token.into()));
    }
    let sts = StringToSignV2::new(r.method, &signed, &expires, &v2_resource(o, &r)).to_string();
    let signature = sigv2::signature(&c.secret_access_key, &sts);
    let mut url = format!(
        "{}?{}&AWSAccessKeyId={}&Expires={expires}&Signature={}",
        r.address.object_url(&o.key),
        v2_query(&r),
        uri_encode(&c.access_key_id, false),
        uri_encode(&signature, false)
    );
    if let Some(token) = c.token() {
        url.push_str(&format!(
            "&x-amz-security-token={}",
            uri_encode(token, false)
        ));
    }
    let headers = r.headers.clone();
    Ok(done(r, url, headers, None, sts))
}
