//! Reading what the server said. The dialect-aware reader lives in [`crate::core::response`];
//! this module keeps the S3-only entry points the bucket-server tests and the CLI use.
//! Spec: <https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html>.

use crate::core::error::Error;
use crate::core::options::Dialect;
use crate::core::response::HttpResponse;

pub use crate::core::response::outcome::{etag_hex, post_response, PostResponse};
pub use crate::core::response::xml::tag_text;
pub use crate::core::response::{
    server_error_for, upload_outcome, Expected, PutObjectErrorCode, UploadOutcome,
};

/// The error a failed S3 response stands for: code, message and request id from the XML body
/// when there is one, else a code made from the status (`Http403`). `header_request_id` is the
/// `x-amz-request-id` header, used when the body has none.
pub fn server_error(status: u16, body: &str, header_request_id: Option<String>) -> Error {
    let headers = header_request_id
        .map(|id| vec![("x-amz-request-id".to_string(), id)])
        .unwrap_or_default();
    server_error_for(Dialect::S3, &HttpResponse::new(status, headers, body))
}
