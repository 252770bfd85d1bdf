//! Makes a PUT whose body does not match its `Content-MD5` store nothing, as S3 does.
//!
//! s3s-fs 0.14.1 compares Content-MD5 only after it has renamed its temp file into place, so a
//! `BadDigest` PUT still stores (or overwrites) the object. Here the body is hashed as s3s reads
//! it and, on a mismatch, the stream ends in an error instead of EOF: s3s-fs then drops its temp
//! file, and the wrapper answers 400 `BadDigest` as S3 would.

use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{ready, Context, Poll};

use bytes::Bytes;
use hyper::body::{Body, Frame, SizeHint};
use hyper::header::{HeaderValue, CONTENT_TYPE};
use hyper::{Response, StatusCode};
use md5::{Digest, Md5};

/// A body that checks its bytes against an expected MD5 at the end.
pub struct Md5Guard<B> {
    inner: B,
    expected: [u8; 16],
    hasher: Md5,
    finished: bool,
    mismatch: Arc<AtomicBool>,
}

impl<B> Md5Guard<B> {
    /// Guards `inner` when `content_md5` is a valid base64 MD5; returns the flag set on mismatch.
    /// An invalid header is left for s3s to refuse.
    pub fn new(inner: B, content_md5: &str) -> Result<(Self, Arc<AtomicBool>), B> {
        use base64::Engine;
        let decoded = base64::engine::general_purpose::STANDARD.decode(content_md5.trim());
        let Some(expected) = decoded.ok().and_then(|d| <[u8; 16]>::try_from(d).ok()) else {
            return Err(inner);
        };
        let mismatch = Arc::new(AtomicBool::new(false));
        let guard = Md5Guard {
            inner,
            expected,
            hasher: Md5::new(),
            finished: false,
            mismatch: Arc::clone(&mismatch),
        };
        Ok((guard, mismatch))
    }
}

impl<B> Body for Md5Guard<B>
where
    B: Body<Data = Bytes> + Unpin,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    type Data = Bytes;
    type Error = Box<dyn std::error::Error + Send + Sync>;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        if self.finished {
            return Poll::Ready(None);
        }
        match ready!(Pin::new(&mut self.inner).poll_frame(cx)) {
            Some(Ok(frame)) => {
                if let Some(data) = frame.data_ref() {
                    self.hasher.update(data);
                }
                Poll::Ready(Some(Ok(frame)))
            }
            Some(Err(e)) => Poll::Ready(Some(Err(e.into()))),
            None => {
                self.finished = true;
                let digest: [u8; 16] = std::mem::take(&mut self.hasher).finalize().into();
                if digest == self.expected {
                    Poll::Ready(None)
                } else {
                    self.mismatch.store(true, Ordering::SeqCst);
                    Poll::Ready(Some(Err("the body does not match Content-MD5".into())))
                }
            }
        }
    }

    // Never claim the end before the digest was checked at the real end.
    fn is_end_stream(&self) -> bool {
        self.finished
    }

    // s3s uses the size hint as the object's content length, so it must pass through.
    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

/// S3's answer to a body that does not match its Content-MD5.
pub fn bad_digest() -> Response<s3s::Body> {
    let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>BadDigest</Code>\
               <Message>The Content-MD5 you specified did not match what we received.</Message></Error>";
    let mut resp = Response::new(s3s::Body::from(xml.to_string()));
    *resp.status_mut() = StatusCode::BAD_REQUEST;
    resp.headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/xml"));
    resp
}

/// Whether a guard saw a mismatch.
pub fn tripped(flag: &Option<Arc<AtomicBool>>) -> bool {
    flag.as_ref().is_some_and(|f| f.load(Ordering::SeqCst))
}
