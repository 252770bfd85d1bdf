//! The SigV4 credential scope and string to sign.
//! Spec: <https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-string-to-sign>.

use super::ALGORITHM;
use crate::core::time::UtcTime;
use std::fmt;

/// `date/region/service/aws4_request`: what a signing key is valid for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    pub date: String,
    pub region: String,
    pub service: String,
}

impl Scope {
    /// The scope of a request signed at `now`.
    pub fn new(now: UtcTime, region: &str, service: &str) -> Self {
        Scope {
            date: now.date_stamp(),
            region: region.to_string(),
            service: service.to_string(),
        }
    }

    /// `AKID/date/region/service/aws4_request`, the `Credential` value.
    pub fn credential(&self, access_key_id: &str) -> String {
        format!("{access_key_id}/{self}")
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}/{}/{}/aws4_request",
            self.date, self.region, self.service
        )
    }
}

/// `AWS4-HMAC-SHA256\n<amz date>\n<scope>\n<hex sha256 of canonical request>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StringToSign {
    pub amz_date: String,
    pub scope: Scope,
    pub canonical_request_hash: String,
}

impl StringToSign {
    /// The string to sign for `canonical_request` (its exact text) at `now`.
    pub fn new(now: UtcTime, scope: Scope, canonical_request: &str) -> Self {
        StringToSign {
            amz_date: now.amz_date(),
            scope,
            canonical_request_hash: super::sha256_hex(canonical_request.as_bytes()),
        }
    }
}

impl fmt::Display for StringToSign {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{ALGORITHM}\n{}\n{}\n{}",
            self.amz_date, self.scope, self.canonical_request_hash
        )
    }
}
