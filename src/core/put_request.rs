//! What every PUT signer starts from: validated options, the object's address, the headers.

use crate::core::error::Error;
use crate::core::object_options;
use crate::core::options::PutOptions;
use crate::core::signed_headers::{self, Extra};
use crate::core::time::UtcTime;
use crate::core::url::BucketAddress;
use crate::core::validate;

/// A PUT that passed validation, ready for a signer.
pub(crate) struct PutRequest<'a> {
    pub options: &'a PutOptions,
    pub now: UtcTime,
    pub address: BucketAddress,
    /// Every header the request sends besides the signer's own: the caller's raw `headers` as
    /// given, then those of the typed object options ([`object_options::request_headers`]).
    pub headers: Vec<(String, String)>,
    /// What the caller asked to sign besides (`content-length`, OSS V4's AdditionalHeaders).
    pub extra: Extra,
}

impl<'a> PutRequest<'a> {
    /// Checks every rule a PUT must meet before anything is signed.
    pub fn new(o: &'a PutOptions, max_expiry: Option<i64>) -> Result<Self, Error> {
        validate::credentials(&o.credentials)?;
        let now = validate::now(o.now)?;
        validate::key(&o.key)?;
        if o.version == crate::core::options::SigVersion::V4
            && o.dialect == crate::core::options::Dialect::S3
        {
            validate::region(&o.region)?;
        }
        validate::key_in_path(&o.key)?;
        validate::expires_in(now, o.expires_in, max_expiry)?;
        if let Some(size) = o.content_length {
            validate::object_size("contentLength", size)?;
        }
        validate::raw_headers(&o.headers.0)?;
        let headers = object_options::request_headers(&o.headers.0, &o.object, o.dialect, now)?;
        let extra = signed_headers::check(
            &o.signed_headers,
            o.dialect,
            o.version,
            o.content_length,
            &headers,
        )?;
        Ok(PutRequest {
            options: o,
            now,
            address: BucketAddress::new(&o.endpoint, &o.bucket, o.path_style)?,
            headers,
            extra,
        })
    }
}
