//! Works around an s3s 0.14.1 multipart bug that refuses valid POST uploads.
//!
//! s3s's file-part parser keeps a partial boundary match (a body frame that ends in `\r`, `\r\n`,
//! `\r\n-`, ...) and appends the whole next frame to it, refusing with `BoundaryBufferTooLarge`
//! (400 "failed to read file stream") when that exceeds 64 KiB. hyper hands over frames of
//! 256 KiB and more on loopback, so about one frame in 256 ending in `\r` makes random uploads fail
//! a few percent of the time (and a file of `\r` bytes always). Cutting frames to 16 KiB keeps the
//! buffer far below the limit; `Bytes::split_to` shares memory, so nothing is copied.

use std::pin::Pin;
use std::task::{ready, Context, Poll};

use bytes::Bytes;
use hyper::body::{Body, Frame, SizeHint};

/// Largest frame passed on: far below s3s's 64 KiB boundary buffer, even with a partial match.
const MAX_FRAME: usize = 16 * 1024;

/// A body whose data frames are at most [`MAX_FRAME`] bytes.
pub struct Rechunk<B> {
    inner: B,
    pending: Bytes,
}

impl<B> Rechunk<B> {
    pub fn new(inner: B) -> Self {
        Rechunk {
            inner,
            pending: Bytes::new(),
        }
    }
}

impl<B: Body<Data = Bytes> + Unpin> Body for Rechunk<B> {
    type Data = Bytes;
    type Error = B::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, B::Error>>> {
        loop {
            if !self.pending.is_empty() {
                let n = self.pending.len().min(MAX_FRAME);
                let piece = self.pending.split_to(n);
                return Poll::Ready(Some(Ok(Frame::data(piece))));
            }
            match ready!(Pin::new(&mut self.inner).poll_frame(cx)) {
                Some(Ok(frame)) => match frame.into_data() {
                    Ok(data) => self.pending = data,
                    Err(trailers) => return Poll::Ready(Some(Ok(trailers))),
                },
                other => return Poll::Ready(other),
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        self.pending.is_empty() && self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        let mut hint = self.inner.size_hint();
        let pending = self.pending.len() as u64;
        hint.set_lower(hint.lower() + pending);
        if let Some(upper) = hint.upper() {
            hint.set_upper(upper + pending);
        }
        hint
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body_util::{BodyExt, StreamBody};

    // Whether s3s refuses depends on how fast hyper reads (release builds saw it, debug builds
    // rarely do), so the guarantee is pinned here: whatever frames come in, none over 16 KiB goes
    // out, and every byte arrives in order.
    #[tokio::test]
    async fn frames_are_cut_to_16_kib_and_bytes_kept() {
        let sizes = [0usize, 1, 16 * 1024, 16 * 1024 + 1, 300 * 1024, 7];
        let input: Vec<Vec<u8>> = sizes
            .iter()
            .enumerate()
            .map(|(i, &n)| vec![i as u8; n])
            .collect();
        let frames = input
            .iter()
            .map(|v| Ok::<_, std::convert::Infallible>(Frame::data(Bytes::from(v.clone()))));
        let body = Rechunk::new(StreamBody::new(futures_util::stream::iter(frames)));
        let mut body = std::pin::pin!(body);
        let mut out = Vec::new();
        while let Some(frame) = body.frame().await {
            let data = frame.unwrap().into_data().unwrap();
            assert!(
                data.len() <= MAX_FRAME,
                "a {}-byte frame went through",
                data.len()
            );
            out.extend_from_slice(&data);
        }
        assert_eq!(out, input.concat());
    }
}
