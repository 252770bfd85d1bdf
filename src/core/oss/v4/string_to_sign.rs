//! The OSS V4 scope (`date/region/oss/aliyun_v4_request`) and string to sign.
//! Spec: "Step 2: Create a string to sign" in <https://www.alibabacloud.com/help/en/oss/developer-reference/recommend-to-use-signature-version-4>.

use super::ALGORITHM;
use crate::core::time::UtcTime;
use std::fmt;

/// What a signing key is valid for: `SignDate/SignRegion/oss/aliyun_v4_request`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    pub date: String,
    /// The region id without `oss-` (see [`sign_region`](crate::core::oss::sign_region)).
    pub region: String,
    /// `oss` (the product; OSS on CloudBox signs `oss-cloudbox`, not supported here).
    pub product: String,
}

impl Scope {
    /// The scope of a request signed at `now` in `region` (already without `oss-`).
    pub fn new(now: UtcTime, region: &str) -> Self {
        Scope {
            date: now.date_stamp(),
            region: region.to_string(),
            product: "oss".to_string(),
        }
    }

    /// `AccessKeyId/SignDate/SignRegion/oss/aliyun_v4_request`: the `Credential` value and the
    /// `x-oss-credential` field or parameter.
    pub fn credential(&self, access_key_id: &str) -> String {
        format!("{access_key_id}/{self}")
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}/{}/{}/aliyun_v4_request",
            self.date, self.region, self.product
        )
    }
}

/// `OSS4-HMAC-SHA256\n<YYYYMMDDTHHMMSSZ>\n<scope>\n<hex sha256 of the canonical request>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StringToSign {
    pub timestamp: String,
    pub scope: Scope,
    pub canonical_request_hash: String,
}

impl StringToSign {
    /// The string to sign for `canonical_request` (its exact text) at `now`.
    pub fn new(now: UtcTime, scope: Scope, canonical_request: &str) -> Self {
        StringToSign {
            timestamp: now.amz_date(),
            scope,
            canonical_request_hash: crate::core::sigv4::sha256_hex(canonical_request.as_bytes()),
        }
    }
}

impl fmt::Display for StringToSign {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{ALGORITHM}\n{}\n{}\n{}",
            self.timestamp, self.scope, self.canonical_request_hash
        )
    }
}
