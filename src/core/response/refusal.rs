//! A refusal as the one error type: the server's code, message, request id and (OSS) `EC`, from
//! the XML error body every dialect sends —
//! `<Error><Code/><Message/><RequestId/><HostId/>[<EC/>]</Error>` (S3:
//! <https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html>; OSS, with `EC` and the
//! `x-oss-ec` header: <https://www.alibabacloud.com/help/en/oss/user-guide/overview-14>; OBS: the
//! same elements) — or from a JSON body (`{"message": …}` in seed 000's CMS examples; OBS's JSON
//! errors `{"code", "message", "request_id"}`). When the body says nothing, OSS's `x-oss-err`
//! header (the error XML in base64, what ali-oss reads for body-less answers) is used.

use super::codes::PutObjectErrorCode;
use super::dialect::request_id_headers;
use super::json_fields::{member, top_level_strings};
use super::xml::tag_text;
use super::HttpResponse;
use crate::core::encode::base64_decode;
use crate::core::error::{Error, ErrorKind};
use crate::core::options::Dialect;

/// What an error body says; every part optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ErrorBody {
    pub code: Option<String>,
    pub message: Option<String>,
    pub request_id: Option<String>,
    pub host_id: Option<String>,
    pub ec: Option<String>,
}

impl ErrorBody {
    /// Reads an XML or JSON error body; empty parts are `None`.
    pub fn parse(body: &str) -> ErrorBody {
        let keep = |v: Option<String>| v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
        let trimmed = body.trim_start_matches('\u{feff}').trim_start();
        if trimmed.starts_with('{') {
            let Some(f) = top_level_strings(trimmed) else {
                return ErrorBody::default();
            };
            let get = |names: &[&str]| keep(member(&f, names).map(String::from));
            return ErrorBody {
                code: get(&["code", "Code"]),
                message: get(&["message", "Message"]),
                request_id: get(&["request_id", "requestId", "RequestId"]),
                host_id: get(&["hostId", "HostId"]),
                ec: get(&["ec", "EC"]),
            };
        }
        ErrorBody {
            code: keep(tag_text(body, "Code")),
            message: keep(tag_text(body, "Message")),
            request_id: keep(tag_text(body, "RequestId")),
            host_id: keep(tag_text(body, "HostId")),
            ec: keep(tag_text(body, "EC")),
        }
    }
}

/// The error `r` (a refusal, or a 2xx carrying an `<Error>` document such as OSS's 203
/// `CallbackFailed`) stands for, read the way `dialect` answers.
///
/// The code is the server's `<Code>` verbatim (see [`PutObjectErrorCode`] for seed 001's table);
/// without one it is `MissingContentLength` for 411 (the code S3 and OSS give that status) and
/// `Http<status>` otherwise. The message is the server's, else the table's cause for a known
/// code, else the status.
pub fn server_error_for(dialect: Dialect, r: &HttpResponse) -> Error {
    let mut doc = ErrorBody::parse(&r.body);
    let header_id = header_in(r, request_id_headers(dialect));
    if doc.code.is_none() {
        let from_header = r
            .header("x-oss-err")
            .and_then(|b64| base64_decode(b64.trim()))
            .and_then(|xml| String::from_utf8(xml).ok())
            .map(|xml| ErrorBody::parse(&xml));
        if let Some(mut h) = from_header.filter(|h| h.code.is_some()) {
            // As ali-oss does for this header: the response's own request id wins.
            h.request_id = header_id.clone().or(h.request_id);
            doc = h;
        }
    }
    let code = doc.code.unwrap_or_else(|| {
        if r.status == 411 {
            PutObjectErrorCode::MissingContentLength.as_str().into()
        } else {
            format!("Http{}", r.status)
        }
    });
    let message = doc
        .message
        .unwrap_or_else(|| match PutObjectErrorCode::from_code(&code) {
            Some(known) => format!("{} (HTTP {})", known.cause(), r.status),
            None => format!("the server answered HTTP {}", r.status),
        });
    let mut e = Error::new(ErrorKind::Server, &code, message);
    e.status = Some(r.status);
    e.request_id = doc.request_id.or(header_id);
    e.ec = doc
        .ec
        .or_else(|| r.header("x-oss-ec").map(|v| v.trim().to_string()))
        .filter(|v| !v.is_empty())
        .map(String::into_boxed_str);
    e
}

/// The first of `names` present in `r`, non-empty.
pub(super) fn header_in(r: &HttpResponse, names: &[&str]) -> Option<String> {
    names
        .iter()
        .find_map(|n| r.header(n).map(str::trim).filter(|v| !v.is_empty()))
        .map(String::from)
}
