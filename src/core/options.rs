//! The options of each operation, shaped like the JavaScript options (camelCase) so one
//! reader serves the browser module and a backend reading JSON.

use crate::core::object_options::ObjectOptions;
pub use crate::core::signed_headers::SignedHeaderOptions;
use crate::core::{credentials::Credentials, policy::Condition, time::UtcTime};

/// Which vendor's protocol to speak.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Dialect {
    /// Amazon S3 and S3-compatible stores (MinIO, Ceph, s3s, and Huawei OBS's S3-compatible API).
    #[default]
    S3,
    /// Alibaba Cloud OSS (`x-oss-*`; V1 HMAC-SHA1 and V4 OSS4-HMAC-SHA256).
    Oss,
    /// Huawei Cloud OBS's native API (`x-obs-*`, `OBS AK:sig`).
    Obs,
    /// The CMS token PUT of seed 000 (`Authentication` header).
    Cms,
}

impl Dialect {
    /// The name used in options and messages.
    pub fn name(self) -> &'static str {
        match self {
            Dialect::S3 => "s3",
            Dialect::Oss => "oss",
            Dialect::Obs => "obs",
            Dialect::Cms => "cms",
        }
    }

    /// The dialect of an option's exact name (`"oss"`).
    pub fn from_name(name: &str) -> Option<Dialect> {
        [Dialect::S3, Dialect::Oss, Dialect::Obs, Dialect::Cms]
            .into_iter()
            .find(|d| d.name() == name)
    }

    /// The typed error for an operation this dialect does not have (yet).
    pub fn unsupported(self, operation: &str) -> crate::core::error::Error {
        crate::core::error::Error::invalid(
            "UnsupportedDialect",
            "dialect",
            format!(
                "{operation} is not available for dialect \"{}\"",
                self.name()
            ),
        )
    }
}

/// Which signature version to sign with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SigVersion {
    /// HMAC-SHA1 (legacy; still the only one some S3-compatible stores speak).
    V2,
    /// AWS4-HMAC-SHA256.
    #[default]
    V4,
}

pub(crate) fn default_region() -> String {
    "us-east-1".into()
}
pub(crate) fn default_post_expiry() -> i64 {
    3600
}
pub(crate) fn default_put_expiry() -> i64 {
    900
}

/// Options of [`sign_post_form`](crate::sign_post_form).
#[derive(Debug, Clone)]
pub struct PostFormOptions {
    pub dialect: Dialect,
    pub version: SigVersion,
    pub endpoint: String,
    pub bucket: String,
    pub region: String,
    pub path_style: bool,
    pub credentials: Credentials,
    pub key: String,
    /// Seconds from `now` until the policy expires.
    pub expires_in: i64,
    /// The signing instant. The core never reads a clock: a missing `now` is an error, not "now".
    /// (The browser module fills it from the `now` option or the page's clock.)
    pub now: Option<UtcTime>,
    pub conditions: Vec<Condition>,
    /// Extra form fields, in order (Content-Type, success_action_status, x-amz-meta-*, acl, ...).
    pub fields: Fields,
    /// The typed object options (acl, storageClass, metadata, tagging, ...), flat in the JS
    /// object; they become form fields after `fields`.
    pub object: ObjectOptions,
}

/// Options of [`presign_put`](crate::presign_put) and [`sign_put_headers`](crate::sign_put_headers).
#[derive(Debug, Clone)]
pub struct PutOptions {
    pub dialect: Dialect,
    pub version: SigVersion,
    pub endpoint: String,
    pub bucket: String,
    pub region: String,
    pub path_style: bool,
    pub credentials: Credentials,
    pub key: String,
    /// Seconds from `now` until a presigned URL expires (at most 7 days for SigV4).
    pub expires_in: i64,
    /// The signing instant; see [`PostFormOptions::now`].
    pub now: Option<UtcTime>,
    /// Headers the upload will send and the signature covers (Content-Type, Content-MD5, x-amz-meta-*, ...).
    pub headers: Fields,
    /// The body size, when known, checked against the single-PUT limit (and signed as
    /// Content-Length when `signed_headers` asks).
    pub content_length: Option<u64>,
    /// `signContentLength` and OSS V4's `additionalHeaders`.
    pub signed_headers: SignedHeaderOptions,
    /// The typed object options (acl, storageClass, metadata, tagging, ...), flat in the JS
    /// object; they become headers after `headers`.
    pub object: ObjectOptions,
}

/// Options of [`presign_get`](crate::presign_get): a download link to share, optionally of one
/// version of the object, with the response headers the bucket is to answer with.
#[derive(Debug, Clone)]
pub struct GetOptions {
    pub dialect: Dialect,
    pub version: SigVersion,
    pub endpoint: String,
    pub bucket: String,
    pub region: String,
    pub path_style: bool,
    pub credentials: Credentials,
    pub key: String,
    /// Seconds from `now` until the link expires (the dialect's presigned-URL limits apply).
    pub expires_in: i64,
    /// The signing instant; see [`PostFormOptions::now`].
    pub now: Option<UtcTime>,
    /// `versionId`: that version instead of the current one (an empty string is not given).
    pub version_id: Option<String>,
    /// The `response-*` overrides.
    pub response: ResponseOverrides,
    /// OSS only: `x-oss-traffic-limit`, the download's speed limit in bits per second.
    pub traffic_limit: Option<u64>,
}

/// The response headers a presigned GET makes the bucket send instead of the stored ones (the
/// `response-*` query parameters of GetObject). An empty string is the same as leaving one out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResponseOverrides {
    pub content_type: Option<String>,
    pub content_language: Option<String>,
    /// An HTTP-date (RFC 9110 IMF-fixdate: `Fri, 02 Jan 2026 03:04:05 GMT`).
    pub expires: Option<String>,
    pub cache_control: Option<String>,
    pub content_disposition: Option<String>,
    pub content_encoding: Option<String>,
}

impl ResponseOverrides {
    /// Each override as (option name, query parameter, value), in the order of the vendors'
    /// GetObject tables.
    pub fn entries(&self) -> [(&'static str, &'static str, &Option<String>); 6] {
        [
            (
                "responseContentType",
                "response-content-type",
                &self.content_type,
            ),
            (
                "responseContentLanguage",
                "response-content-language",
                &self.content_language,
            ),
            ("responseExpires", "response-expires", &self.expires),
            (
                "responseCacheControl",
                "response-cache-control",
                &self.cache_control,
            ),
            (
                "responseContentDisposition",
                "response-content-disposition",
                &self.content_disposition,
            ),
            (
                "responseContentEncoding",
                "response-content-encoding",
                &self.content_encoding,
            ),
        ]
    }
}

/// Options of [`sign_policy`](crate::sign_policy): only what the signature needs.
#[derive(Debug, Clone)]
pub struct SignPolicyOptions {
    pub dialect: Dialect,
    pub version: SigVersion,
    pub credentials: Credentials,
    pub region: String,
    /// The signing instant; see [`PostFormOptions::now`].
    pub now: Option<UtcTime>,
}

/// Name/value pairs in the caller's order (a JS object keeps insertion order; so does this).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fields(pub Vec<(String, String)>);
