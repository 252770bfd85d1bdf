//! OBS presigned URLs: `AccessKeyId`, `Expires`, the operation's query,
//! [`x-obs-security-token`], `Signature`. PutObject here; the multipart operations
//! (`core::obs::multipart`) through the same function.
//! Spec: <https://support.huaweicloud.com/intl/en-us/api-obs/obs_04_0011.html>.

use super::{canonicalized_resource, check_reserved_headers, string_to_sign};
use crate::core::encode::uri_encode;
use crate::core::error::Error;
use crate::core::object_request::{ObjectRequest, Signed};
use crate::core::options::PutOptions;
use crate::core::presign::Presigned;
use crate::core::put_request::PutRequest;
use crate::core::redact::redact_token;
use crate::core::sigv2;

/// "The validity period of a URL with permanent keys is at most one year."
const MAX_EXPIRES_SECONDS: i64 = 365 * 24 * 3600;
/// "…and with a temporary AK/SK and security token at most 24 hours."
const MAX_EXPIRES_WITH_TOKEN_SECONDS: i64 = 24 * 3600;

/// A presigned URL for `method`; the request must send exactly `o.headers`.
pub fn presign(method: &str, o: &PutOptions) -> Result<Presigned, Error> {
    check_expiry(o.expires_in, o.credentials.token().is_some())?;
    let r = PutRequest::new(o, None)?;
    check_reserved_headers(&r.headers)?;
    Ok(presigned(&ObjectRequest::put(&r, method)).into_presigned())
}

/// OBS's own limits on a URL's validity (the caller checks the general ones).
pub(crate) fn check_expiry(expires_in: i64, with_token: bool) -> Result<(), Error> {
    let max = if with_token {
        MAX_EXPIRES_WITH_TOKEN_SECONDS
    } else {
        MAX_EXPIRES_SECONDS
    };
    if expires_in > max {
        return Err(Error::invalid(
            "ExpiresTooLong",
            "expiresIn",
            format!(
                "expiresIn is {expires_in} s; OBS allows at most {max} s{}",
                if with_token {
                    " with temporary credentials"
                } else {
                    ""
                }
            ),
        ));
    }
    Ok(())
}

/// The string to sign has the `Expires` seconds on the Date line; a session token is the
/// `x-obs-security-token` sub-resource (listed among OBS's sub-resources), so it is part of the
/// canonical resource as well as of the query: obs_04_0011's Table 4 signs
/// `/examplebucket/objectkey?x-obs-security-token=YwkaRTbdY8g7q....` (tests/obs_v2_token.rs). Parameters in esdk-obs-browserjs order (sorted by
/// name, a bare `uploads` without `=`, `Signature` last); values are percent-encoded with `/`
/// kept, as that SDK does.
pub(crate) fn presigned(r: &ObjectRequest) -> Signed {
    let c = r.credentials;
    let token = c.token();
    let expires = r.now.plus_seconds(r.expires_in).unix_seconds().to_string();
    let extra: Vec<(&str, Option<&str>)> = token
        .map(|t| vec![("x-obs-security-token", Some(t))])
        .unwrap_or_default();
    let resource = canonicalized_resource(r, &extra);
    let sts = string_to_sign(r.method, r.headers, &expires, &resource).to_string();
    let signature = sigv2::signature(&c.secret_access_key, &sts);
    let mut params: Vec<(&str, Option<&str>)> = vec![
        ("AccessKeyId", Some(c.access_key_id.as_str())),
        ("Expires", Some(expires.as_str())),
    ];
    params.extend(r.query.iter().map(|(k, v)| (*k, v.as_deref())));
    params.extend(extra);
    crate::core::small_sort::sort_by(&mut params, |a, b| a.0 < b.0);
    let mut url = format!("{}?", r.address.object_url(r.key));
    for (k, v) in params {
        url.push_str(&uri_encode(k, true));
        if let Some(v) = v {
            url.push('=');
            url.push_str(&uri_encode(v, true));
        }
        url.push('&');
    }
    url.push_str(&format!("Signature={}", uri_encode(&signature, true)));
    Signed {
        url,
        headers: r.headers.to_vec(),
        canonical_request: None,
        string_to_sign: redact_token(&sts, token),
    }
}
