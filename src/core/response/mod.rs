//! Reading what the server answered to an upload, per dialect: success (ETag, version id, request
//! id, OSS CRC-64, `<PostResponse>`), verified against the client's digests, or the refusal as
//! the one [`Error`](crate::core::error::Error) type with code, message, status, request id and
//! OSS `EC`. Sans-IO: the shell hands over status, headers and body text.

pub mod codes;
pub mod dialect;
mod json_fields;
pub mod outcome;
pub mod refusal;
pub mod xml;

pub use codes::PutObjectErrorCode;
pub use dialect::{infer_from_form, infer_from_request, parse_dialect};
pub use outcome::{
    etag_hex, parse_crc64, post_response, upload_outcome, Expected, PostResponse, UploadOutcome,
};
pub use refusal::{server_error_for, ErrorBody};

/// An HTTP answer as the shell saw it (in a browser: only the headers CORS exposes).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HttpResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl HttpResponse {
    pub fn new(status: u16, headers: Vec<(String, String)>, body: impl Into<String>) -> Self {
        HttpResponse {
            status,
            headers,
            body: body.into(),
        }
    }

    /// From a raw header block (`name: value` lines, as `getAllResponseHeaders()` returns them).
    pub fn from_header_block(status: u16, block: &str, body: impl Into<String>) -> Self {
        let headers = block
            .split(['\r', '\n'])
            .filter_map(|line| line.split_once(':'))
            .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
            .filter(|(n, _)| !n.is_empty())
            .collect();
        HttpResponse::new(status, headers, body)
    }

    /// The first header named `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}
