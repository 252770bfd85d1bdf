//! Makes early S3 error responses reach browsers.
//!
//! s3s answers some requests before reading their whole body: a POST upload whose policy signature is
//! wrong or expired is refused as soon as the form fields before the file are parsed. hyper then drops
//! the unread body and closes the connection while the client is still sending; the kernel resets the
//! connection because unread bytes remain, and browsers (and Node's fetch) report a network error
//! instead of the 403 XML. Here the request body is shared with s3s, and whatever s3s did not read is
//! read and discarded before the response is handed to hyper, so the connection stays in a clean,
//! keep-alive state and the client reads the error.

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use http_body_util::BodyExt;
use hyper::body::{Body, Frame, Incoming, SizeHint};
use hyper::header::{HeaderValue, CONNECTION, CONTENT_TYPE};
use hyper::{Method, Request, Response, StatusCode};

use crate::md5_guard::{self, Md5Guard};
use crate::rechunk::Rechunk;
use s3s::service::S3Service;

/// Past this many unread bytes we give up draining and close the connection instead: more than the
/// 5 GiB single-request S3 limit, so every legitimate upload is drained.
const DRAIN_LIMIT: u64 = 6 << 30;
/// A client that stops sending for this long while we drain is abandoned.
const DRAIN_IDLE_TIMEOUT: Duration = Duration::from_secs(30);

/// A request body that s3s reads through while the wrapper keeps a second handle to it.
struct SharedBody(Arc<Mutex<Incoming>>);

impl Body for SharedBody {
    type Data = Bytes;
    type Error = hyper::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, hyper::Error>>> {
        let mut body = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        Pin::new(&mut *body).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .is_end_stream()
    }

    // s3s uses the size hint as the object's content length, so it must pass through.
    fn size_hint(&self) -> SizeHint {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .size_hint()
    }
}

/// Wraps the s3s service: drains unread request bodies and turns s3s's connection-aborting errors
/// into a 500 response, so the service never fails at the hyper level.
#[derive(Clone)]
pub struct DrainService {
    s3: S3Service,
}

impl DrainService {
    /// Wraps `s3`.
    pub fn new(s3: S3Service) -> Self {
        Self { s3 }
    }
}

impl tower::Service<Request<Incoming>> for DrainService {
    type Response = Response<s3s::Body>;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Infallible>> + Send>>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, req: Request<Incoming>) -> Self::Future {
        let s3 = self.s3.clone();
        Box::pin(async move {
            let (parts, body) = req.into_parts();
            let shared = Arc::new(Mutex::new(body));
            let body = SharedBody(Arc::clone(&shared));
            let content_md5 = parts
                .headers
                .get("content-md5")
                .and_then(|v| v.to_str().ok());
            let (body, md5_mismatch) = match content_md5.filter(|_| parts.method == Method::PUT) {
                Some(md5) => match Md5Guard::new(body, md5) {
                    Ok((guard, flag)) => (s3s::Body::http_body(guard), Some(flag)),
                    Err(body) => (s3s::Body::http_body(body), None),
                },
                // POST Object is multipart: see rechunk.rs for the s3s bug this avoids.
                None if parts.method == Method::POST => {
                    (s3s::Body::http_body(Rechunk::new(body)), None)
                }
                None => (s3s::Body::http_body(body), None),
            };
            let req = Request::from_parts(parts, body);
            let mut resp = match s3.call(req).await {
                _ if md5_guard::tripped(&md5_mismatch) => md5_guard::bad_digest(),
                Ok(resp) => resp,
                // s3s means "abort the connection" here; a plain 500 tells the client more.
                Err(_) => internal_error(),
            };
            // If s3s still holds the body (a response streaming from it), it is not ours to drain.
            if let Ok(body) = Arc::try_unwrap(shared) {
                let body = body.into_inner().unwrap_or_else(PoisonError::into_inner);
                if !drain(body).await {
                    // Say so, so hyper closes the connection after this response rather than
                    // trying to parse the rest of the body as the next request.
                    resp.headers_mut()
                        .insert(CONNECTION, HeaderValue::from_static("close"));
                }
            }
            Ok(resp)
        })
    }
}

/// Reads and discards what is left of `body`. Returns whether it reached the end cleanly.
async fn drain(mut body: Incoming) -> bool {
    let mut seen: u64 = 0;
    while !body.is_end_stream() {
        match tokio::time::timeout(DRAIN_IDLE_TIMEOUT, body.frame()).await {
            Ok(None) => return true,
            Ok(Some(Ok(frame))) => {
                seen += frame.data_ref().map_or(0, |d| d.len() as u64);
                if seen > DRAIN_LIMIT {
                    return false;
                }
            }
            Ok(Some(Err(_))) | Err(_) => return false,
        }
    }
    true
}

fn internal_error() -> Response<s3s::Body> {
    let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
               <Error><Code>InternalError</Code><Message>internal server error</Message></Error>";
    let mut resp = Response::new(s3s::Body::from(xml.to_string()));
    *resp.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
    resp.headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/xml"));
    resp
}
