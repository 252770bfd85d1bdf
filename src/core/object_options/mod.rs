//! Every object option the seeds name — ACL, storage class, Cache-Control and friends,
//! Content-MD5, S3's additional checksums (`checksumCrc32c` …), server-side encryption (SSE, KMS key id, OSS SM4, SSE-C), tagging, user metadata,
//! website redirect, WORM object lock, OSS forbid-overwrite and callback, the CMS flags, and the
//! POST-only success_action_* fields — typed, validated per [`Dialect`], and expanded into the
//! headers of a PUT or the fields of a POST form before anything is signed.
//!
//! Sources, by dialect: S3 — AWS PutObject
//! <https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html> and POST Object
//! <https://docs.aws.amazon.com/AmazonS3/latest/API/RESTObjectPOST.html>, plus seeds 002 and 003
//! (Huawei OBS's S3-compatible API, which this dialect also speaks); OSS — seed 001 (PutObject)
//! and seed 004 (ossutil put-object); OBS native — seeds 002/003 for what exists, with the
//! `x-obs-` names and value spellings of the esdk-obs-browserjs model (`obsModel.js`,
//! `utils.js`), the OBS oracle; CMS — seed 000. An option a dialect's sources do not name is an
//! `UnsupportedOption` error, never a silently dropped header. The value lists (ACLs, storage
//! classes, encryption algorithms, lock modes) follow each vendor's current documentation rather
//! than the seeds alone, quoted beside each list.
//!
//! An empty string counts as "not given" for the single-valued string options, so a form input
//! left blank means no header.

mod acl;
mod callback;
mod checks;
mod checksums;
mod encryption;
mod flags;
mod metadata;
mod post_fields;
mod redirect;
mod sse_c;
mod standard;
mod storage_class;
mod tagging;
mod worm;

use checks::{check_value, given, one_of, unsupported, wrong_target};

pub use callback::{Callback, OssCallback};
pub use checksums::ChecksumValue;
pub use post_fields::SuccessActionStatus;
pub use sse_c::CustomerKey;
pub use standard::ContentMd5Value;
pub use tagging::Tagging;

use crate::core::checksum::ChecksumAlgorithm;
use crate::core::error::Error;
use crate::core::options::{Dialect, Fields};
use crate::core::time::UtcTime;

/// The object options of a PUT or POST upload. Flat in the JavaScript options object
/// (`{ key, acl: 'private', storageClass: 'IA', metadata: { owner: 'ann' } }`), hence
/// read beside [`PutOptions`](crate::PutOptions)' and
/// [`PostFormOptions`](crate::PostFormOptions)' own (`core::read::object`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ObjectOptions {
    /// Canned ACL, in the dialect's own list (`acl.rs`).
    pub acl: Option<String>,
    /// Storage class, in the dialect's own spelling (`storage_class.rs`).
    pub storage_class: Option<String>,
    pub cache_control: Option<String>,
    pub content_disposition: Option<String>,
    pub content_encoding: Option<String>,
    pub content_type: Option<String>,
    /// The HTTP `Expires` header of the stored object (RFC 9110 HTTP-date), not the signature's.
    pub expires: Option<String>,
    /// Base64 (RFC 1864) or hex of the body's MD5, or the `{ base64, hex }` of `contentMd5()`.
    pub content_md5: Option<ContentMd5Value>,
    /// S3 `x-amz-checksum-crc32`: base64 of the big-endian CRC-32 (`digests().crc32`).
    pub checksum_crc32: Option<ChecksumValue>,
    /// S3 `x-amz-checksum-crc32c` (`digests().crc32c`).
    pub checksum_crc32c: Option<ChecksumValue>,
    /// S3 `x-amz-checksum-crc64nvme` (`digests().crc64nvme`).
    pub checksum_crc64nvme: Option<ChecksumValue>,
    /// S3 `x-amz-checksum-sha256`: base64, or `digests().sha256` (`{ base64, hex }`).
    pub checksum_sha256: Option<ChecksumValue>,
    /// Names the algorithm of the one checksum given (`CRC32C`); must agree with it. (Multipart
    /// options read their own `checksumAlgorithm` before these.)
    pub checksum_algorithm: Option<ChecksumAlgorithm>,
    /// OSS `x-oss-forbid-overwrite`.
    pub forbid_overwrite: Option<bool>,
    /// SSE algorithm: S3 `AES256`/`aws:kms`/`aws:kms:dsse`/`aws:fsx`, OSS `AES256`/`KMS`, OBS
    /// `kms`/`AES256` (`encryption.rs`).
    pub server_side_encryption: Option<String>,
    /// The KMS key id; only with a KMS `serverSideEncryption`.
    pub server_side_encryption_key_id: Option<String>,
    /// OSS `x-oss-server-side-data-encryption` (`SM4`); only with `KMS`.
    pub server_side_data_encryption: Option<String>,
    /// SSE-C algorithm (`AES256`); with `sseCustomerKey`.
    pub sse_customer_algorithm: Option<String>,
    /// SSE-C key, base64; the module sends its MD5.
    pub sse_customer_key: Option<CustomerKey>,
    /// `"TagA=A&TagB=B"` or `{ TagA: 'A', TagB: 'B' }`; URL-encoded by the module.
    pub tagging: Option<Tagging>,
    /// User metadata, names without the dialect prefix (`{ owner: 'ann' }`).
    pub metadata: Fields,
    pub website_redirect_location: Option<String>,
    /// WORM mode (`COMPLIANCE`; S3 also `GOVERNANCE`), with `objectLockRetainUntilDate`.
    pub object_lock_mode: Option<String>,
    /// ISO 8601 UTC (`2015-07-01T04:11:15Z`), with `objectLockMode`.
    pub object_lock_retain_until_date: Option<String>,
    /// POST only.
    pub success_action_redirect: Option<String>,
    /// POST only: 200, 201 or 204.
    pub success_action_status: Option<SuccessActionStatus>,
    /// OSS: `{ url, body, host?, contentType?, callbackSNI?, customValue? }`; CMS: a URL.
    pub callback: Option<Callback>,
    /// CMS `x-cms-isEncrypt`.
    pub is_encrypt: Option<bool>,
}

impl ObjectOptions {
    /// The option name of the single-upload checksum given, if any (`checksumCrc32c`).
    pub(crate) fn checksum_option(&self) -> Option<&'static str> {
        let values = [
            &self.checksum_crc32,
            &self.checksum_crc32c,
            &self.checksum_crc64nvme,
            &self.checksum_sha256,
        ];
        ChecksumAlgorithm::ALL
            .into_iter()
            .zip(values)
            .find(|(_, v)| v.as_ref().is_some_and(|v| !v.0.trim().is_empty()))
            .map(|(a, _)| a.option())
    }
}

/// Where the options go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    /// Request headers of a PUT (browsers send ASCII header values only).
    Put,
    /// Fields of a POST form (UTF-8 values).
    Post,
}

/// Pairs being built, each remembering the option it came from (to name it in a conflict).
#[derive(Default)]
pub(crate) struct Pairs(Vec<(String, String, &'static str)>);

impl Pairs {
    fn push(&mut self, option: &'static str, name: impl Into<String>, value: impl Into<String>) {
        self.0.push((name.into(), value.into(), option));
    }
}

/// The headers the typed options add to a PUT in `dialect`, in a fixed order. `now` is the
/// signing instant (a WORM retain-until date must lie after it).
pub fn headers(
    o: &ObjectOptions,
    dialect: Dialect,
    now: UtcTime,
) -> Result<Vec<(String, String)>, Error> {
    Ok(strip(expand(o, dialect, Target::Put, now)?))
}

/// The fields the typed options add to a POST form in `dialect`, in a fixed order. (The form
/// signers call `request_fields`, which puts the caller's raw fields first.)
pub fn form_fields(
    o: &ObjectOptions,
    dialect: Dialect,
    now: UtcTime,
) -> Result<Vec<(String, String)>, Error> {
    Ok(strip(expand(o, dialect, Target::Post, now)?))
}

/// Every header a PUT of `o` sends besides the signer's own (the caller's raw `headers`, then
/// the typed options'), validated exactly as the signers validate them. A presigned URL is only
/// good with these headers, so whoever hands out the URL hands out these too.
pub fn put_headers(o: &crate::core::options::PutOptions) -> Result<Vec<(String, String)>, Error> {
    crate::core::put_request::PutRequest::new(o, None).map(|r| r.headers)
}

/// The final header list of a PUT: the caller's raw `headers` (already checked as HTTP names and
/// values), then the typed options' headers. A name set twice is refused, and the dialect's
/// metadata rules are checked over both.
pub(crate) fn request_headers(
    raw: &[(String, String)],
    o: &ObjectOptions,
    dialect: Dialect,
    now: UtcTime,
) -> Result<Vec<(String, String)>, Error> {
    merge(raw, expand(o, dialect, Target::Put, now)?, dialect)
}

/// The fields of a POST form after `key`: the caller's raw `fields`, then the typed options'.
pub(crate) fn request_fields(
    raw: &[(String, String)],
    o: &ObjectOptions,
    dialect: Dialect,
    now: UtcTime,
) -> Result<Vec<(String, String)>, Error> {
    merge(raw, expand(o, dialect, Target::Post, now)?, dialect)
}

fn expand(o: &ObjectOptions, d: Dialect, t: Target, now: UtcTime) -> Result<Pairs, Error> {
    if d == Dialect::Cms && t == Target::Post {
        return Err(d.unsupported("a POST form"));
    }
    let mut out = Pairs::default();
    standard::expand(o, d, t, &mut out)?;
    checksums::expand(o, d, t, &mut out)?;
    acl::expand(o, d, t, &mut out)?;
    storage_class::expand(o, d, t, &mut out)?;
    encryption::expand(o, d, t, &mut out)?;
    sse_c::expand(o, d, t, &mut out)?;
    tagging::expand(o, d, t, &mut out)?;
    metadata::expand(o, d, t, &mut out)?;
    redirect::expand(o, d, t, &mut out)?;
    worm::expand(o, d, t, now, &mut out)?;
    flags::expand(o, d, t, &mut out)?;
    callback::expand(o, d, t, &mut out)?;
    post_fields::expand(o, d, t, &mut out)?;
    Ok(out)
}

fn strip(p: Pairs) -> Vec<(String, String)> {
    p.0.into_iter().map(|(n, v, _)| (n, v)).collect()
}

fn merge(
    raw: &[(String, String)],
    typed: Pairs,
    dialect: Dialect,
) -> Result<Vec<(String, String)>, Error> {
    for (name, _, option) in &typed.0 {
        if raw.iter().any(|(r, _)| r.eq_ignore_ascii_case(name)) {
            return Err(Error::invalid(
                "ConflictingOption",
                option,
                format!(
                    "{option} sets \"{name}\", which the raw headers/fields also set; give it once"
                ),
            ));
        }
    }
    let typed_metadata = typed.0.iter().any(|(_, _, option)| *option == "metadata");
    let mut all = raw.to_vec();
    all.extend(strip(typed));
    metadata::check_all(dialect, &all, typed_metadata)?;
    Ok(all)
}
