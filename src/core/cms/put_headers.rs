//! The CMS token PUT (`sign_put_headers`): the URL, the token header and the `x-cms-*` headers.

use crate::core::encode::uri_encode;
use crate::core::error::Error;
use crate::core::object_options;
use crate::core::options::{Dialect, PutOptions};
use crate::core::put_headers::SignedRequest;
use crate::core::url::BucketAddress;
use crate::core::validate;

use super::{MAX_METADATA_BYTES, META_PREFIX, TOKEN_HEADER};

/// A CMS PutObject request carrying its token.
pub fn sign_put_headers(o: &PutOptions) -> Result<SignedRequest, Error> {
    let token = o.credentials.token().ok_or_else(|| {
        Error::invalid(
            "MissingCredentials",
            "credentials.sessionToken",
            "the CMS token (credentials.sessionToken) is empty",
        )
    })?;
    validate::header_value("credentials.sessionToken", token)?;
    // Nothing is signed, but `now` is still an argument like everywhere else (typed options
    // such as a WORM date are checked against it).
    let now = validate::now(o.now)?;
    validate::key(&o.key)?;
    validate::key_in_path(&o.key)?;
    if let Some(size) = o.content_length {
        validate::object_size("contentLength", size)?;
    }
    check_headers(&o.headers.0)?;
    // The typed options (`isEncrypt`, `callback`, `metadata`, …) after the raw headers; the
    // metadata limit is checked again over both.
    let headers = object_options::request_headers(&o.headers.0, &o.object, Dialect::Cms, now)?;
    // Nothing is signed: `signContentLength` and `additionalHeaders` are refused.
    crate::core::signed_headers::check(&o.signed_headers, Dialect::Cms, o.version, None, &headers)?;
    // The bucket is a path segment of seed 000's URL, never a host name.
    let address = BucketAddress::new(&o.endpoint, &o.bucket, true)?;
    let url = format!(
        "{}://{}/object{}/{}",
        address.scheme,
        address.host,
        address.bucket_path,
        uri_encode(&o.key, true)
    );
    let mut headers = headers;
    headers.push((TOKEN_HEADER.into(), token.into()));
    Ok(SignedRequest {
        method: "PUT".into(),
        url,
        headers,
        canonical_request: None,
        // Nothing is signed: there is no string to sign.
        string_to_sign: String::new(),
    })
}

/// Header names and values, the headers the browser or this module set, the two `x-cms-` flags
/// and the metadata total.
fn check_headers(headers: &[(String, String)]) -> Result<(), Error> {
    let mut metadata = 0;
    for (name, value) in headers {
        validate::header_name(name, name)?;
        validate::header_value(name, value)?;
        let lower = name.to_ascii_lowercase();
        match lower.as_str() {
            "authentication" | "authorization" | "host" | "date" | "content-length" => {
                return Err(Error::invalid(
                    "ReservedHeader",
                    name,
                    format!("\"{name}\" is set by the signer or the browser, not by the caller"),
                ))
            }
            "x-cms-isencrypt" if !matches!(value.as_str(), "true" | "false") => {
                return Err(Error::invalid(
                    "InvalidArgument",
                    name,
                    format!("{name} is a boolean: \"true\" or \"false\", not \"{value}\""),
                ))
            }
            "x-cms-callback"
                if !(value.starts_with("http://") || value.starts_with("https://")) =>
            {
                return Err(Error::invalid(
                    "InvalidArgument",
                    name,
                    format!("{name} is the callback address: an http:// or https:// URL"),
                ))
            }
            _ => {}
        }
        if let Some(meta_name) = lower.strip_prefix(META_PREFIX) {
            metadata += meta_name.len() + value.len();
        }
    }
    if metadata > MAX_METADATA_BYTES {
        return Err(Error::invalid(
            "MetadataTooLarge",
            "x-cms-meta-*",
            format!("CMS metadata is {metadata} bytes; the limit is {MAX_METADATA_BYTES} bytes (names after x-cms-meta- plus values)"),
        ));
    }
    Ok(())
}
