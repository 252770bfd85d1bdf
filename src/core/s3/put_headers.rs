//! S3 PUT with an `Authorization` header, for callers that sign each request just before
//! sending. The date goes in `x-amz-date`: browsers forbid setting `Date`.
//! SigV4: <https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html>;
//! SigV2: <https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html>.

use crate::core::error::Error;
use crate::core::options::{PutOptions, SigVersion};
use crate::core::put_headers::SignedRequest;
use crate::core::put_request::PutRequest;
use crate::core::sigv2::{self, StringToSignV2};
use crate::core::sigv4::{self, CanonicalRequest};

/// Signs a PUT of `o.key` with the headers in `o.headers`, body unsigned (UNSIGNED-PAYLOAD).
pub(crate) fn sign_put_headers(o: &PutOptions) -> Result<SignedRequest, Error> {
    let r = PutRequest::new(o, None)?;
    let c = &o.credentials;
    let mut headers = r.headers.clone();
    match o.version {
        SigVersion::V4 => {
            headers.push((
                "x-amz-content-sha256".into(),
                sigv4::UNSIGNED_PAYLOAD.into(),
            ));
            headers.push(("x-amz-date".into(), r.now.amz_date()));
            if let Some(token) = c.token() {
                headers.push(("x-amz-security-token".into(), token.into()));
            }
            let mut signed = headers.clone();
            signed.push(("host".into(), r.address.host.clone()));
            // Signed, not sent: the browser sets Content-Length from the body.
            let signed = r.extra.with_length(signed);
            let path = r.address.object_path(&o.key);
            let creq = CanonicalRequest::new("PUT", &path, &[], &signed, sigv4::UNSIGNED_PAYLOAD);
            let (authorization, sts) = sigv4::authorization(&creq, r.now, &o.region, c);
            headers.push(("Authorization".into(), authorization));
            Ok(SignedRequest {
                method: "PUT".into(),
                url: r.address.object_url(&o.key),
                headers,
                canonical_request: Some(creq.redacted()),
                string_to_sign: sts,
            })
        }
        SigVersion::V2 => {
            headers.push(("x-amz-date".into(), r.now.http_date()));
            if let Some(token) = c.token() {
                headers.push(("x-amz-security-token".into(), token.into()));
            }
            let sts = StringToSignV2::new("PUT", &headers, "", &r.address.v2_resource(&o.key))
                .to_string();
            let signature = sigv2::signature(&c.secret_access_key, &sts);
            headers.push((
                "Authorization".into(),
                format!("AWS {}:{signature}", c.access_key_id),
            ));
            Ok(SignedRequest {
                method: "PUT".into(),
                url: r.address.object_url(&o.key),
                headers,
                canonical_request: None,
                string_to_sign: crate::core::redact::redact_token(&sts, c.token()),
            })
        }
    }
}
