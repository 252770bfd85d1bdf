//! Headers the caller chooses to sign beyond the ones the request sets itself: `content-length`
//! (`signContentLength`, SigV4 and OSS V4) and OSS V4's AdditionalHeaders (`additionalHeaders`),
//! for a PutObject (presigned or header-signed) and the multipart requests: uploadPart signs the
//! part's size (`contentLength`), complete the length of its XML; the others send no body.
//!
//! **Content-Length.** A signed `content-length` pins the body size: the server refuses a body
//! of any other size with `SignatureDoesNotMatch`. The module never sends Content-Length itself
//! (XMLHttpRequest and fetch forbid setting it; the browser writes the body's size), so it is
//! signed with the value of `contentLength` and left out of every header list it returns: the
//! body the browser sends must be exactly `contentLength` bytes. SigV4 signs whichever headers
//! the SignedHeaders list names (<https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html#create-canonical-request>);
//! OSS V4 signs `content-type`, `content-md5` and `x-oss-*` always and any other header only
//! when AdditionalHeaders names it
//! (<https://www.alibabacloud.com/help/en/oss/developer-reference/recommend-to-use-signature-version-4>).
//! SigV2, OSS V1 and OBS have no place for it in their string to sign: `signContentLength` is
//! refused there.
//!
//! **Opt-in, not implied by `contentLength`.** AWS SDK v3 signs `content-length` whenever the
//! request carries it: S3Client's PutObject always (its content-length middleware sets it from
//! the body), and `getSignedUrl` when `ContentLength` is given (the presigner only unsigns
//! `content-type` and hoists `x-amz-*`; @smithy/signature-v4's `ALWAYS_UNSIGNABLE_HEADERS` do not
//! name it). ali-oss signs it only when listed in `additionalHeaders`. `contentLength` already
//! meant "check against the single-PUT limit" here, and backends pass it for that alone; so
//! signing is asked for by name, and `contentLength` stays the value.
//!
//! **AdditionalHeaders.** By default OSS V4 requests list `host` and every header they send that
//! V4 does not sign anyway. `additionalHeaders` replaces that list, as ali-oss's option of the
//! same name does: names lower-cased, each a header the request sends (`host` and
//! `content-length` included), none twice. Names V4 signs anyway are accepted and left out of
//! the list (ali-oss `fixAdditionalHeaders`).

use crate::core::error::Error;
use crate::core::multipart::limits::MAX_PART_BYTES;
use crate::core::multipart::{MultipartOptions, Operation};
use crate::core::options::{Dialect, SigVersion};
use crate::core::validate;

/// The caller's choice (`signContentLength`, `additionalHeaders`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SignedHeaderOptions {
    /// `signContentLength`; `None` when not given.
    pub sign_content_length: Option<bool>,
    /// `additionalHeaders` as given; `None`: the default list.
    pub additional_headers: Option<Vec<String>>,
}

/// What a signer adds for one request, once the options are checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Extra {
    /// `content-length` with its value: signed, never sent by the module.
    pub content_length: Option<String>,
    /// OSS V4: the AdditionalHeaders names (lower-case, `content-length` among them when it is
    /// signed); `None`: every header the request sends, and `host`.
    pub additional: Option<Vec<String>>,
}

impl Extra {
    /// `signed` (the headers a signer signs) with `content-length` when it is signed.
    pub fn with_length(&self, mut signed: Vec<(String, String)>) -> Vec<(String, String)> {
        if let Some(n) = &self.content_length {
            signed.push(("content-length".into(), n.clone()));
        }
        signed
    }

    /// OSS V4: the names to list as AdditionalHeaders among `signed` (which
    /// [`with_length`](Self::with_length) made).
    pub fn additional_names(&self, signed: &[(String, String)]) -> Vec<String> {
        match &self.additional {
            Some(list) => list.clone(),
            None => signed.iter().map(|(n, _)| n.clone()).collect(),
        }
    }
}

fn unsupported(field: &str, what: &str, dialect: Dialect, version: SigVersion) -> Error {
    let v = if version == SigVersion::V4 {
        "v4"
    } else {
        "v2"
    };
    Error::invalid(
        "UnsupportedOption",
        field,
        format!(
            "{field} is {what}; dialect \"{}\" version \"{v}\" does not sign it",
            dialect.name()
        ),
    )
}

/// Checks `o` for a request in `dialect`/`version` that sends `sent` (the caller's and the typed
/// options' headers) with a body of `content_length` bytes, if known.
pub(crate) fn check(
    o: &SignedHeaderOptions,
    dialect: Dialect,
    version: SigVersion,
    content_length: Option<u64>,
    sent: &[(String, String)],
) -> Result<Extra, Error> {
    let v4 = version == SigVersion::V4;
    let mut listed_length = false;
    let additional = match &o.additional_headers {
        None => None,
        Some(_) if !(dialect == Dialect::Oss && v4) => {
            let what = "OSS V4's (dialect \"oss\", version \"v4\")";
            return Err(unsupported("additionalHeaders", what, dialect, version));
        }
        Some(names) => {
            let mut out: Vec<String> = Vec::with_capacity(names.len() + 1);
            for name in names {
                let field = "additionalHeaders";
                validate::header_name(field, name)?;
                let lower = name.to_ascii_lowercase();
                if out.contains(&lower) {
                    return Err(Error::invalid(
                        "DuplicateHeader",
                        field,
                        format!("additionalHeaders names \"{lower}\" twice (names are compared lower-cased)"),
                    ));
                }
                listed_length |= lower == "content-length";
                let is_sent = sent.iter().any(|(n, _)| n.eq_ignore_ascii_case(&lower));
                if !is_sent && lower != "host" && lower != "content-length" {
                    return Err(Error::invalid(
                        "HeaderNotSent",
                        field,
                        format!("additionalHeaders names \"{lower}\", which this request does not send (it sends host, content-length and the headers of `headers` and the object options)"),
                    ));
                }
                out.push(lower);
            }
            Some(out)
        }
    };
    if listed_length && o.sign_content_length == Some(false) {
        return Err(Error::invalid(
            "ConflictingOption",
            "additionalHeaders",
            "additionalHeaders names content-length but signContentLength is false",
        ));
    }
    let sign = listed_length || o.sign_content_length == Some(true);
    if !sign {
        return Ok(Extra {
            content_length: None,
            additional,
        });
    }
    if !(v4 && matches!(dialect, Dialect::S3 | Dialect::Oss)) {
        let what = "signed by SigV4 (s3) and OSS V4 only (version \"v4\")";
        return Err(unsupported("signContentLength", what, dialect, version));
    }
    let Some(n) = content_length else {
        return Err(Error::invalid(
            "MissingOption",
            "contentLength",
            "signing Content-Length needs `contentLength`, the exact size of the body the browser will send",
        ));
    };
    let additional = additional.map(|mut names| {
        if !listed_length {
            names.push("content-length".into());
        }
        names
    });
    Ok(Extra {
        content_length: Some(n.to_string()),
        additional,
    })
}

/// The body size a signed Content-Length takes: `contentLength` on uploadPart (the part's
/// size, at most 5 GiB), the XML's on complete; the other operations send no body.
pub(crate) fn multipart_length(
    o: &MultipartOptions,
    body: Option<&str>,
) -> Result<Option<u64>, Error> {
    if o.content_length.is_some() && o.operation != Operation::UploadPart {
        return Err(Error::invalid(
            "UnsupportedOption",
            "contentLength",
            format!(
                "contentLength is the part's size, an uploadPart option; {} does not take it",
                o.operation.name()
            ),
        ));
    }
    match (o.operation, body) {
        (Operation::UploadPart, _) => {
            if let Some(n) = o.content_length.filter(|n| *n > MAX_PART_BYTES) {
                return Err(Error::invalid(
                    "EntityTooLarge",
                    "contentLength",
                    format!("{n} bytes is over the {MAX_PART_BYTES}-byte (5 GiB) limit of a part"),
                ));
            }
            Ok(o.content_length)
        }
        (_, Some(xml)) => Ok(Some(xml.len() as u64)),
        _ if o.signed_headers.sign_content_length == Some(true) => Err(Error::invalid(
            "UnsupportedOption",
            "signContentLength",
            format!(
                "{} sends no body: there is no Content-Length to sign",
                o.operation.name()
            ),
        )),
        _ => Ok(None),
    }
}
