//! OBS presigned URLs: `AccessKeyId`, `Expires`, [`x-obs-security-token`], `Signature`.
//! Spec: <https://support.huaweicloud.com/intl/en-us/api-obs/obs_04_0011.html>.

use super::{check_reserved_headers, string_to_sign};
use crate::core::encode::uri_encode;
use crate::core::error::Error;
use crate::core::options::PutOptions;
use crate::core::oss::redact_token;
use crate::core::presign::Presigned;
use crate::core::put_request::PutRequest;
use crate::core::sigv2;

/// "The validity period of a URL with permanent keys is at most one year."
const MAX_EXPIRES_SECONDS: i64 = 365 * 24 * 3600;
/// "…and with a temporary AK/SK and security token at most 24 hours."
const MAX_EXPIRES_WITH_TOKEN_SECONDS: i64 = 24 * 3600;

/// A presigned URL for `method`. The string to sign has the `Expires` seconds on the Date line;
/// a session token is the `x-obs-security-token` sub-resource (listed among OBS's
/// sub-resources), so it is part of the canonical resource as well as of the query. Parameters
/// in esdk-obs-browserjs order (sorted names, `Signature` last); values are percent-encoded with
/// `/` kept, as that SDK does.
pub fn presign(method: &str, o: &PutOptions) -> Result<Presigned, Error> {
    let c = &o.credentials;
    let token = c.token();
    let max = if token.is_some() {
        MAX_EXPIRES_WITH_TOKEN_SECONDS
    } else {
        MAX_EXPIRES_SECONDS
    };
    if o.expires_in > max {
        return Err(Error::invalid(
            "ExpiresTooLong",
            "expiresIn",
            format!(
                "expiresIn is {} s; OBS allows at most {max} s{}",
                o.expires_in,
                if token.is_some() {
                    " with temporary credentials"
                } else {
                    ""
                }
            ),
        ));
    }
    let r = PutRequest::new(o, None)?;
    check_reserved_headers(&r.headers)?;
    let expires = r.now.plus_seconds(o.expires_in).unix_seconds().to_string();
    let mut resource = r.address.v2_resource(&o.key);
    if let Some(t) = token {
        resource.push_str(&format!("?x-obs-security-token={t}"));
    }
    let sts = string_to_sign(method, &r.headers, &expires, &resource).to_string();
    let signature = sigv2::signature(&c.secret_access_key, &sts);
    let mut url = format!(
        "{}?AccessKeyId={}&Expires={expires}",
        r.address.object_url(&o.key),
        uri_encode(&c.access_key_id, true)
    );
    if let Some(t) = token {
        url.push_str(&format!("&x-obs-security-token={}", uri_encode(t, true)));
    }
    url.push_str(&format!("&Signature={}", uri_encode(&signature, true)));
    Ok(Presigned {
        url,
        canonical_request: None,
        string_to_sign: redact_token(&sts, token),
    })
}
