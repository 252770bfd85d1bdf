//! Presigned GET URLs: the download link a user shares, optionally of one version of the object
//! (`versionId`), with the response headers the bucket answers with (`response-content-type`,
//! `response-content-disposition`, … — "You can override values for a set of response headers …
//! To override these header values in the GET response, you use the following request
//! parameters. You must sign the request, either using an Authorization header or a presigned
//! URL, when using these parameters",
//! <https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html>), and on OSS a speed
//! limit (`x-oss-traffic-limit`). Each dialect signs them its own way: `s3::presign_get`,
//! `oss::presign_get`, `obs::presign_get`. Every value is checked here first.

use crate::core::error::Error;
use crate::core::object_options::ObjectOptions;
use crate::core::options::{Dialect, Fields, GetOptions, PutOptions};
use crate::core::presign::Presigned;

/// OSS's range of `x-oss-traffic-limit`: "The value must be between 819200 and 838860800. The
/// unit is bit/s" (100 KB/s to 100 MB/s),
/// <https://www.alibabacloud.com/help/en/oss/user-guide/single-connection-bandwidth-throttling-4>.
pub const TRAFFIC_LIMIT_BITS_PER_SECOND: (u64, u64) = (819_200, 838_860_800);

/// The presigned URL of a GET of `o.key`: open it in a browser, or hand it to the user.
pub fn presign_get(o: &GetOptions) -> Result<String, Error> {
    presign_get_parts(o).map(|p| p.url)
}

/// [`presign_get`] with its intermediate strings.
pub fn presign_get_parts(o: &GetOptions) -> Result<Presigned, Error> {
    match o.dialect {
        Dialect::S3 => crate::core::s3::presign_get::presign_get(o),
        Dialect::Oss => crate::core::oss::presign_get(o),
        Dialect::Obs => crate::core::obs::presign_get(o),
        Dialect::Cms => Err(o.dialect.unsupported("a presigned GET")),
    }
}

/// The target of `o` as the PUT rules check it (credentials, `now`, key, region, expiry,
/// endpoint and bucket): a GET sends no headers and no object options.
pub(crate) fn target(o: &GetOptions) -> PutOptions {
    PutOptions {
        dialect: o.dialect,
        version: o.version,
        endpoint: o.endpoint.clone(),
        bucket: o.bucket.clone(),
        region: o.region.clone(),
        path_style: o.path_style,
        credentials: o.credentials.clone(),
        key: o.key.clone(),
        expires_in: o.expires_in,
        now: o.now,
        headers: Fields::default(),
        content_length: None,
        signed_headers: Default::default(),
        object: ObjectOptions::default(),
    }
}

/// GetObject's query parameters, checked, raw (unencoded), in the order sent: the response
/// overrides in the order of the GetObject tables, `versionId`, then `x-oss-traffic-limit` (OSS
/// only: any other dialect refuses `trafficLimit` with `UnsupportedOption`).
pub(crate) fn query(o: &GetOptions) -> Result<Vec<(&'static str, Option<String>)>, Error> {
    let mut out = Vec::new();
    for (option, param, value) in o.response.entries() {
        let Some(value) = given(value) else { continue };
        header_value(option, value)?;
        if param == "response-expires" {
            http_date(option, value)?;
        }
        out.push((param, Some(value.to_string())));
    }
    if let Some(id) = given(&o.version_id) {
        if id.chars().any(char::is_control) || id.trim() != id {
            return Err(Error::invalid(
                "InvalidVersionId",
                "versionId",
                "versionId has a control character or surrounding spaces; a version id is the \
                 x-amz-version-id (x-oss-version-id, x-obs-version-id) the bucket answered",
            ));
        }
        out.push(("versionId", Some(id.to_string())));
    }
    if let Some(limit) = o.traffic_limit {
        if o.dialect != Dialect::Oss {
            return Err(Error::invalid(
                "UnsupportedOption",
                "trafficLimit",
                format!(
                    "trafficLimit (x-oss-traffic-limit) is an OSS option, not one of dialect \"{}\"",
                    o.dialect.name()
                ),
            ));
        }
        let (min, max) = TRAFFIC_LIMIT_BITS_PER_SECOND;
        if !(min..=max).contains(&limit) {
            return Err(Error::invalid(
                "InvalidTrafficLimit",
                "trafficLimit",
                format!("trafficLimit is {limit} bit/s; OSS takes {min} to {max} bit/s (100 KB/s to 100 MB/s)"),
            ));
        }
        out.push(("x-oss-traffic-limit", Some(limit.to_string())));
    }
    Ok(out)
}

fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().filter(|v| !v.is_empty())
}

/// An override becomes a response header: no control characters but the horizontal tab (RFC 9110
/// §5.5 field values). Non-ASCII text is allowed: it travels percent-encoded in the query, and
/// the bucket writes it into the header as UTF-8 (for a portable file name, RFC 6266's
/// `filename*=UTF-8''…`).
fn header_value(option: &str, value: &str) -> Result<(), Error> {
    match value.chars().find(|c| c.is_control() && *c != '\t') {
        Some(c) => Err(Error::invalid(
            "InvalidHeaderValue",
            option,
            format!(
                "{option} contains the control character U+{:04X}; a response header value holds none (but tabs)",
                c as u32
            ),
        )),
        None => Ok(()),
    }
}

/// `response-expires` becomes the `Expires` header: "Expires = HTTP-date" (RFC 9111 §5.3), the
/// IMF-fixdate `Sun, 06 Nov 1994 08:49:37 GMT` (RFC 9110 §5.6.7), checked by the parser that
/// reads servers' `Date` headers (`time_parse`).
fn http_date(option: &str, value: &str) -> Result<(), Error> {
    if value.trim() != value || crate::core::time_parse::parse_http_date(value).is_none() {
        return Err(Error::invalid(
            "InvalidResponseExpires",
            option,
            format!("{option} must be an HTTP-date like \"Fri, 02 Jan 2026 03:04:05 GMT\" (RFC 9110 IMF-fixdate)"),
        ));
    }
    Ok(())
}
