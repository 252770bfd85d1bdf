//! What each multipart operation sends, before any dialect signs it: method, the operation's
//! query parameters (sub-resources), headers and body. Every rule is checked here, once, so the
//! dialect signers only sign.

use super::complete_xml;
use super::limits::{MAX_LIST_PARTS, MAX_PARTS};
use super::options::{MultipartOptions, Operation};
use crate::core::encode::base64_decode;
use crate::core::error::Error;
use crate::core::object_options::{self, ObjectOptions};
use crate::core::options::Dialect;
use crate::core::signed_headers::{self, Extra};
use crate::core::time::UtcTime;
use crate::core::url::BucketAddress;
use crate::core::validate;

/// A multipart request ready for a dialect's signer.
#[derive(Debug, Clone)]
pub struct Unsigned {
    pub method: &'static str,
    /// Raw (unencoded) query pairs of the operation; `None` is a bare name (`?uploads`).
    pub query: Vec<(&'static str, Option<String>)>,
    /// Every header sent besides the signer's own.
    pub headers: Vec<(String, String)>,
    pub body: Option<String>,
    pub now: UtcTime,
    pub address: BucketAddress,
    pub presign: bool,
    /// What the caller asked to sign besides (`content-length`, OSS V4's AdditionalHeaders).
    pub(crate) extra: Extra,
}

impl Unsigned {
    /// Checks `o` and lays out its request.
    pub fn new(o: &MultipartOptions) -> Result<Unsigned, Error> {
        if o.dialect == Dialect::Cms {
            return Err(o.dialect.unsupported("a multipart upload"));
        }
        validate::credentials(&o.credentials)?;
        let now = validate::now(o.now)?;
        validate::key(&o.key)?;
        if o.version == crate::core::options::SigVersion::V4 && o.dialect == Dialect::S3 {
            validate::region(&o.region)?;
        }
        validate::key_in_path(&o.key)?;
        // Presigned by default where the browser sends the request with nothing else to sign:
        // no preflight for HEAD, and a part's URL can be signed ahead.
        let presign = o.presign.unwrap_or(matches!(
            o.operation,
            Operation::UploadPart | Operation::HeadObject
        ));
        if presign {
            validate::expires_in(now, o.expires_in, Some(validate::MAX_PRESIGN_SECONDS))?;
        }
        validate::raw_headers(&o.headers.0)?;
        let upload_id = || upload_id(o);
        let (method, query, object, body) = match o.operation {
            Operation::Create => {
                if o.object.content_md5.is_some() {
                    return Err(not_here("contentMd5", o.operation));
                }
                // A multipart upload declares checksumAlgorithm here; values go on each part.
                if let Some(option) = o.object.checksum_option() {
                    return Err(Error::invalid(
                        "UnsupportedOption",
                        option,
                        format!("{option} is a single upload's checksum; a multipart upload declares checksumAlgorithm on create and sends each part's checksum"),
                    ));
                }
                ("POST", vec![("uploads", None)], o.object.clone(), None)
            }
            Operation::UploadPart => {
                let n = part_number(o.part_number)?;
                let q = vec![
                    ("partNumber", Some(n.to_string())),
                    ("uploadId", Some(upload_id()?)),
                ];
                ("PUT", q, part_options(o)?, None)
            }
            Operation::Complete => {
                only_upload_options(o)?;
                complete_xml::check_parts(&o.parts, o.checksum_algorithm)?;
                let body = match o.dialect {
                    Dialect::Oss => complete_xml::oss_body(&o.parts),
                    _ => complete_xml::s3_body(&o.parts, o.checksum_algorithm),
                };
                (
                    "POST",
                    vec![("uploadId", Some(upload_id()?))],
                    ObjectOptions::default(),
                    Some(body),
                )
            }
            Operation::ListParts => {
                only_upload_options(o)?;
                let mut q = vec![("uploadId", Some(upload_id()?))];
                if let Some(m) = o.max_parts {
                    if m == 0 || m > MAX_LIST_PARTS {
                        return Err(Error::invalid(
                            "InvalidArgument",
                            "maxParts",
                            format!("maxParts is {m}; it must be 1 to {MAX_LIST_PARTS}"),
                        ));
                    }
                    q.push(("max-parts", Some(m.to_string())));
                }
                if let Some(p) = o.part_number_marker {
                    if p > MAX_PARTS {
                        return Err(Error::invalid(
                            "InvalidArgument",
                            "partNumberMarker",
                            format!("partNumberMarker is {p}; part numbers end at {MAX_PARTS}"),
                        ));
                    }
                    q.push(("part-number-marker", Some(p.to_string())));
                }
                ("GET", q, ObjectOptions::default(), None)
            }
            Operation::HeadObject => {
                if o.object.content_md5.is_some() {
                    return Err(not_here("contentMd5", o.operation));
                }
                if o.checksum.is_some() {
                    return Err(not_here("checksum", o.operation));
                }
                // Only the SSE-C key, which a HEAD of such an object needs.
                ("HEAD", vec![], part_options(o)?, None)
            }
            Operation::Abort => {
                only_upload_options(o)?;
                (
                    "DELETE",
                    vec![("uploadId", Some(upload_id()?))],
                    ObjectOptions::default(),
                    None,
                )
            }
        };
        let mut headers = object_options::request_headers(&o.headers.0, &object, o.dialect, now)?;
        checksum_headers(o, &mut headers)?;
        if body.is_some() {
            headers.push(("Content-Type".into(), "application/xml".into()));
        }
        let length = signed_headers::multipart_length(o, body.as_deref())?;
        let extra =
            signed_headers::check(&o.signed_headers, o.dialect, o.version, length, &headers)?;
        Ok(Unsigned {
            method,
            query,
            headers,
            body,
            now,
            address: BucketAddress::new(&o.endpoint, &o.bucket, o.path_style)?,
            presign,
            extra,
        })
    }
}

fn upload_id(o: &MultipartOptions) -> Result<String, Error> {
    match o.upload_id.as_deref().map(str::trim) {
        Some(id) if !id.is_empty() => {
            validate::header_value("uploadId", id)?;
            Ok(id.to_string())
        }
        _ => Err(Error::invalid(
            "MissingUploadId",
            "uploadId",
            format!(
                "{} needs the uploadId that create answered",
                o.operation.name()
            ),
        )),
    }
}

fn part_number(n: Option<u32>) -> Result<u32, Error> {
    match n {
        Some(n) if (1..=MAX_PARTS).contains(&n) => Ok(n),
        Some(n) => Err(Error::invalid(
            "InvalidPartNumber",
            "partNumber",
            format!("partNumber is {n}; part numbers run from 1 to {MAX_PARTS}"),
        )),
        None => Err(Error::invalid(
            "InvalidPartNumber",
            "partNumber",
            "uploadPart needs a partNumber",
        )),
    }
}

fn not_here(option: &str, op: Operation) -> Error {
    Error::invalid(
        "UnsupportedOption",
        option,
        format!(
            "{option} does not apply to {}; object options go on create",
            op.name()
        ),
    )
}

/// UploadPart takes the part's Content-MD5 and, for an SSE-C object, the key again; every other
/// object option belongs on Create.
fn part_options(o: &MultipartOptions) -> Result<ObjectOptions, Error> {
    let kept = ObjectOptions {
        content_md5: o.object.content_md5.clone(),
        sse_customer_algorithm: o.object.sse_customer_algorithm.clone(),
        sse_customer_key: o.object.sse_customer_key.clone(),
        ..ObjectOptions::default()
    };
    let rest = ObjectOptions {
        content_md5: None,
        sse_customer_algorithm: None,
        sse_customer_key: None,
        ..o.object.clone()
    };
    if rest != ObjectOptions::default() {
        return Err(not_here("object options", o.operation));
    }
    Ok(kept)
}

fn only_upload_options(o: &MultipartOptions) -> Result<(), Error> {
    if o.object != ObjectOptions::default() {
        return Err(not_here("object options", o.operation));
    }
    if o.checksum.is_some() {
        return Err(not_here("checksum", o.operation));
    }
    Ok(())
}

/// S3's additional checksums: declared on Create (`x-amz-checksum-algorithm`, and the type),
/// the part's value on UploadPart. OSS and OBS have none (they check Content-MD5 and OSS adds
/// CRC-64 by itself). Spec: <https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateMultipartUpload.html>.
fn checksum_headers(
    o: &MultipartOptions,
    headers: &mut Vec<(String, String)>,
) -> Result<(), Error> {
    let Some(a) = o.checksum_algorithm else {
        if o.checksum.is_some() {
            return Err(Error::invalid(
                "InvalidRequest",
                "checksumAlgorithm",
                "a checksum needs its checksumAlgorithm",
            ));
        }
        return Ok(());
    };
    if o.dialect != Dialect::S3 {
        return Err(Error::invalid(
            "UnsupportedOption",
            "checksumAlgorithm",
            format!(
                "checksumAlgorithm is an S3 option, not one of dialect \"{}\"",
                o.dialect.name()
            ),
        ));
    }
    match o.operation {
        Operation::Create => {
            headers.push(("x-amz-checksum-algorithm".into(), a.name().into()));
            headers.push(("x-amz-checksum-type".into(), a.checksum_type().into()));
        }
        Operation::UploadPart => {
            let Some(value) = o.checksum.as_deref() else {
                return Err(Error::invalid(
                    "MissingChecksum",
                    "checksum",
                    format!(
                        "an upload declared with {} needs each part's checksum",
                        a.name()
                    ),
                ));
            };
            if base64_decode(value).map(|b| b.len()) != Some(a.value_len()) {
                return Err(Error::invalid(
                    "InvalidChecksum",
                    "checksum",
                    format!(
                        "a {} checksum is the base64 of {} bytes",
                        a.name(),
                        a.value_len()
                    ),
                ));
            }
            headers.push((a.header().into(), value.trim().into()));
        }
        _ => {}
    }
    Ok(())
}
