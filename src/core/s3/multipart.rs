//! Signing S3 multipart requests, SigV4 and SigV2, presigned or with an `Authorization` header.
//! The operation's query parameters are signed as S3 says:
//! - SigV4: every query parameter is in the canonical query string (`uploads=` with an empty
//!   value) — <https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html>;
//! - SigV2: `uploads`, `partNumber` and `uploadId` are sub-resources of the canonical resource
//!   (`/bucket/key?partNumber=1&uploadId=ID`), `max-parts` and `part-number-marker` are not —
//!   <https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html#ConstructingTheCanonicalizedResourceElement>.
//!
//! Presigned URLs are made by `s3::presign`, which signs PutObject and GetObject the same way.
//!
//! Payloads: UploadPart is `UNSIGNED-PAYLOAD` (the body is a File slice, hashed by Content-MD5
//! and the part checksum instead); the other operations' bodies are small and known, so a
//! header-signed request carries their real SHA-256, as the AWS SDK sends it.

use super::presign;
use crate::core::error::Error;
use crate::core::multipart::options::MultipartOptions;
use crate::core::multipart::request::Unsigned;
use crate::core::multipart::SignedMultipart;
use crate::core::object_request::ObjectRequest;
use crate::core::options::SigVersion;
use crate::core::redact::redact_token;
use crate::core::sigv2::{self, StringToSignV2};
use crate::core::sigv4::{self, CanonicalRequest};

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
    let signed = presign::v4_presigned(&ObjectRequest::multipart(o, &r));
    Ok(signed.into_multipart(r))
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

fn v2_header(o: &MultipartOptions, r: Unsigned) -> Result<SignedMultipart, Error> {
    let c = &o.credentials;
    let mut headers = r.headers.clone();
    headers.push(("x-amz-date".into(), r.now.http_date()));
    if let Some(token) = c.token() {
        headers.push(("x-amz-security-token".into(), token.into()));
    }
    let request = ObjectRequest::multipart(o, &r);
    let sts = StringToSignV2::new(r.method, &headers, "", &presign::v2_resource(&request));
    let sts = sts.to_string();
    let signature = sigv2::signature(&c.secret_access_key, &sts);
    headers.push((
        "Authorization".into(),
        format!("AWS {}:{signature}", c.access_key_id),
    ));
    let url = request.url();
    Ok(done(
        r,
        url,
        headers,
        None,
        redact_token(&sts, o.credentials.token()),
    ))
}

fn v2_presigned(o: &MultipartOptions, r: Unsigned) -> Result<SignedMultipart, Error> {
    let signed = presign::v2_presigned(&ObjectRequest::multipart(o, &r));
    Ok(signed.into_multipart(r))
}
