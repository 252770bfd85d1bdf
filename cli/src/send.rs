//! Sends the signed PUT with a blocking HTTP/1.1 client, the body streamed from a reader with
//! the Content-Length that was validated (S3 and OSS refuse a chunked PUT without one:
//! `MissingContentLength`). Returns whatever status the server answered; judging it is
//! `response.rs`'s job.

use crate::body::BodyChanged;
use bucket_upload::{Error, ErrorKind, SignedRequest};
use std::io::Read;
use std::time::Duration;

/// An error body larger than this is cut: the XML of an S3/OSS/OBS error is a few hundred bytes,
/// and the body of an unexpected answer (an HTML proxy page) need not be held whole.
const MAX_RESPONSE_BODY: u64 = 64 * 1024;

/// What the server answered.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    /// Lower-cased names.
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Answer {
    /// The first value of header `name` (lower case).
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    }
}

/// Sends `request` with `body` (exactly `length` bytes).
pub fn put(
    request: &SignedRequest,
    body: impl Read + Send + 'static,
    length: u64,
) -> Result<Answer, Error> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        // A 4xx/5xx is an answer to report (with its XML), not a transport failure.
        .http_status_as_error(false)
        // A redirect would need the body again, and a signature for another host: S3's 301
        // PermanentRedirect names the right endpoint, so show it instead of following it.
        .max_redirects(0)
        // Only the connection gets a deadline: a multi-gigabyte body legitimately takes long.
        .timeout_connect(Some(Duration::from_secs(30)))
        .build()
        .into();
    let mut builder = agent.put(&request.url);
    for (name, value) in &request.headers {
        builder = builder.header(name.as_str(), value.as_str());
    }
    // Set here, not left to the client: without it ureq would send a reader chunked.
    builder = builder.header("content-length", length.to_string());
    let mut response = builder
        .send(ureq::SendBody::from_owned_reader(body))
        .map_err(failure)?;
    let status = response.status().as_u16();
    let headers = response
        .headers()
        .iter()
        .filter_map(|(n, v)| Some((n.as_str().to_string(), v.to_str().ok()?.to_string())))
        .collect();
    // A body that cannot be read is reported as empty: the status still says what happened.
    let body = response
        .body_mut()
        .with_config()
        .limit(MAX_RESPONSE_BODY)
        .read_to_vec()
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default();
    Ok(Answer {
        status,
        headers,
        body,
    })
}

/// A transport failure as the core's error type. The body reader's own complaint (the file
/// changed under us) comes back wrapped in the client's IO error and keeps its meaning.
fn failure(e: ureq::Error) -> Error {
    if let ureq::Error::Io(io) = &e {
        if let Some(changed) = io.get_ref().and_then(|r| r.downcast_ref::<BodyChanged>()) {
            return Error::new(ErrorKind::Read, "BodyChanged", changed.to_string());
        }
    }
    // ureq's messages name the host and the failure; the URL carries no secret (the signature
    // is in a header), and headers are not part of the message.
    Error::new(ErrorKind::Network, "NetworkError", e.to_string())
}
