//! One object request as the OSS and OBS signers see it, whatever the operation: a PutObject
//! (no query) or a multipart operation (`?uploads`, `?partNumber=1&uploadId=ID`, …). The PUT and
//! multipart entry points validate their own options and hand the signers this view, so each
//! signing rule is written once.

use crate::core::credentials::Credentials;
use crate::core::encode::uri_encode;
use crate::core::multipart::options::MultipartOptions;
use crate::core::multipart::request::Unsigned;
use crate::core::multipart::SignedMultipart;
use crate::core::presign::Presigned;
use crate::core::put_headers::SignedRequest;
use crate::core::put_request::PutRequest;
use crate::core::signed_headers::Extra;
use crate::core::time::UtcTime;
use crate::core::url::BucketAddress;

/// A validated request, ready to be signed.
pub(crate) struct ObjectRequest<'a> {
    pub method: &'a str,
    pub bucket: &'a str,
    pub key: &'a str,
    /// The operation's raw query pairs in the order sent; `None` is a bare name (`uploads`).
    pub query: &'a [(&'static str, Option<String>)],
    /// Every header sent besides the signer's own.
    pub headers: &'a [(String, String)],
    pub now: UtcTime,
    pub address: &'a BucketAddress,
    pub credentials: &'a Credentials,
    pub region: &'a str,
    /// Seconds a presigned URL stays valid.
    pub expires_in: i64,
    /// What the caller asked to sign besides (`content-length`, OSS V4's AdditionalHeaders).
    pub extra: &'a Extra,
}

impl<'a> ObjectRequest<'a> {
    /// A PUT (or, presigned, any `method`) of the object, without a query.
    pub fn put(r: &'a PutRequest<'a>, method: &'a str) -> Self {
        let o = r.options;
        ObjectRequest {
            method,
            bucket: &o.bucket,
            key: &o.key,
            query: &[],
            headers: &r.headers,
            now: r.now,
            address: &r.address,
            credentials: &o.credentials,
            region: &o.region,
            expires_in: o.expires_in,
            extra: &r.extra,
        }
    }

    /// A GET of the object with the operation's `query` (GetObject's overrides and `versionId`).
    pub fn get(r: &'a PutRequest<'a>, query: &'a [(&'static str, Option<String>)]) -> Self {
        ObjectRequest {
            query,
            ..Self::put(r, "GET")
        }
    }

    /// One multipart operation laid out by [`Unsigned::new`].
    pub fn multipart(o: &'a MultipartOptions, r: &'a Unsigned) -> Self {
        ObjectRequest {
            method: r.method,
            bucket: &o.bucket,
            key: &o.key,
            query: &r.query,
            headers: &r.headers,
            now: r.now,
            address: &r.address,
            credentials: &o.credentials,
            region: &o.region,
            expires_in: o.expires_in,
            extra: &r.extra,
        }
    }

    /// The operation's query as sent, values percent-encoded (RFC 3986): `uploads`,
    /// `partNumber=1&uploadId=ID`; empty without a query.
    pub fn query_string(&self) -> String {
        let parts: Vec<String> = self
            .query
            .iter()
            .map(|(k, v)| match v {
                Some(v) => format!("{k}={}", uri_encode(v, false)),
                None => k.to_string(),
            })
            .collect();
        parts.join("&")
    }

    /// The object's URL with the operation's query, as a header-signed request goes to it.
    pub fn url(&self) -> String {
        let url = self.address.object_url(self.key);
        if self.query.is_empty() {
            url
        } else {
            format!("{url}?{}", self.query_string())
        }
    }

    /// The query pairs whose names `is_sub_resource` accepts, raw values, in the order sent.
    pub fn sub_resources(
        &self,
        is_sub_resource: fn(&str) -> bool,
    ) -> Vec<(&'a str, Option<&'a str>)> {
        self.query
            .iter()
            .filter(|(k, _)| is_sub_resource(k))
            .map(|(k, v)| (*k, v.as_deref()))
            .collect()
    }
}

/// What a signer returns: where to send the request, every header it must carry (the caller's and
/// the signer's; for a presigned URL only the caller's), and the intermediate strings.
pub(crate) struct Signed {
    pub url: String,
    pub headers: Vec<(String, String)>,
    /// OSS V4 only; tokens redacted.
    pub canonical_request: Option<String>,
    /// Tokens redacted.
    pub string_to_sign: String,
}

impl Signed {
    pub fn into_request(self, method: &str) -> SignedRequest {
        SignedRequest {
            method: method.into(),
            url: self.url,
            headers: self.headers,
            canonical_request: self.canonical_request,
            string_to_sign: self.string_to_sign,
        }
    }

    pub fn into_presigned(self) -> Presigned {
        Presigned {
            url: self.url,
            canonical_request: self.canonical_request,
            string_to_sign: self.string_to_sign,
        }
    }

    pub fn into_multipart(self, r: Unsigned) -> SignedMultipart {
        SignedMultipart {
            method: r.method.into(),
            url: self.url,
            headers: self.headers,
            body: r.body,
            canonical_request: self.canonical_request,
            string_to_sign: self.string_to_sign,
        }
    }
}
