//! Checks an upload's `x-amz-checksum-*` header (or POST form field) against its body while the
//! body streams, as S3 does: UploadPart and PutObject (which POST Object becomes in s3s).
//!
//! s3s-fs 0.14.1 ignores these headers on UploadPart, and on PutObject compares them only after
//! it renamed its temp file into place, so a `BadDigest` PutObject still replaced the object that
//! was there. Here the body is hashed as s3s-fs reads it and, on a mismatch, the stream ends in an
//! error instead of EOF, so s3s-fs drops its temp file and nothing is stored or replaced (a part
//! or object already stored under that name stays); the wrapper then answers 400 `BadDigest`.
//! Spec: <https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html>.

use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{ready, Context, Poll};

use base64::Engine;
use bytes::Bytes;
use futures_core::Stream;
use s3s::checksum::ChecksumHasher;
use s3s::dto::{PutObjectInput, StreamingBlob, UploadPartInput, UploadPartOutput};
use s3s::stream::{ByteStream, RemainingLength};
use s3s::{S3Error, S3ErrorCode, StdError};

/// The one checksum an UploadPart asked for: header name, S3's name for it, base64 value.
pub struct Claimed {
    header: &'static str,
    algorithm: &'static str,
    value: String,
}

/// A body hashed with one algorithm, failing at its end when the digest differs from `value`.
struct Checked {
    inner: StreamingBlob,
    hasher: Option<ChecksumHasher>,
    algorithm: &'static str,
    value: String,
    mismatch: Arc<AtomicBool>,
}

/// Checks an UploadPart's claimed checksum (if any) and wraps its body so the claim is verified.
/// Returns the claim and the flag set on a mismatch.
pub fn guard(input: &mut UploadPartInput) -> Result<Option<(Claimed, Arc<AtomicBool>)>, S3Error> {
    let values = [
        input.checksum_crc32.clone(),
        input.checksum_crc32c.clone(),
        input.checksum_crc64nvme.clone(),
        input.checksum_sha1.clone(),
        input.checksum_sha256.clone(),
    ];
    guard_body(values, &mut input.body)
}

/// The same for a PutObject (or POST Object). The claim stays on `input`, so s3s-fs, which
/// checks it again after storing, finds it matching and records it.
pub fn guard_put(
    input: &mut PutObjectInput,
) -> Result<Option<(Claimed, Arc<AtomicBool>)>, S3Error> {
    let values = [
        input.checksum_crc32.clone(),
        input.checksum_crc32c.clone(),
        input.checksum_crc64nvme.clone(),
        input.checksum_sha1.clone(),
        input.checksum_sha256.clone(),
    ];
    guard_body(values, &mut input.body)
}

/// `values`: the claimed crc32, crc32c, crc64nvme, sha1 and sha256, in that order.
fn guard_body(
    values: [Option<String>; 5],
    body: &mut Option<StreamingBlob>,
) -> Result<Option<(Claimed, Arc<AtomicBool>)>, S3Error> {
    const ALGORITHMS: [(&str, &str, usize); 5] = [
        ("x-amz-checksum-crc32", "CRC32", 4),
        ("x-amz-checksum-crc32c", "CRC32C", 4),
        ("x-amz-checksum-crc64nvme", "CRC64NVME", 8),
        ("x-amz-checksum-sha1", "SHA1", 20),
        ("x-amz-checksum-sha256", "SHA256", 32),
    ];
    // (header, S3's algorithm name, digest length in bytes, value)
    let claims: Vec<(&'static str, &'static str, usize, String)> = ALGORITHMS
        .into_iter()
        .zip(values)
        .filter_map(|((h, a, n), v)| v.map(|v| (h, a, n, v)))
        .collect();
    let (header, algorithm, len, value) = match claims.len() {
        0 => return Ok(None),
        1 => claims.into_iter().next().expect("one claim"),
        _ => return Err(invalid_request(
            "Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.",
        )),
    };
    let decoded = base64::engine::general_purpose::STANDARD.decode(&value);
    if decoded.map_or(true, |d| d.len() != len) {
        return Err(invalid_request(format!(
            "Value for {header} header is invalid."
        )));
    }
    let Some(inner) = body.take() else {
        return Ok(None);
    };
    let mut hasher = ChecksumHasher::default();
    match algorithm {
        "CRC32" => hasher.crc32 = Some(Default::default()),
        "CRC32C" => hasher.crc32c = Some(Default::default()),
        "CRC64NVME" => hasher.crc64nvme = Some(Default::default()),
        "SHA1" => hasher.sha1 = Some(Default::default()),
        _ => hasher.sha256 = Some(Default::default()),
    }
    let mismatch = Arc::new(AtomicBool::new(false));
    *body = Some(StreamingBlob::new(Checked {
        inner,
        hasher: Some(hasher),
        algorithm,
        value: value.clone(),
        mismatch: Arc::clone(&mismatch),
    }));
    let claim = Claimed {
        header,
        algorithm,
        value,
    };
    Ok(Some((claim, mismatch)))
}

impl Claimed {
    /// S3 echoes the checksum of a stored part in the UploadPart response.
    pub fn echo(self, out: &mut UploadPartOutput) {
        let slot = match self.header {
            "x-amz-checksum-crc32" => &mut out.checksum_crc32,
            "x-amz-checksum-crc32c" => &mut out.checksum_crc32c,
            "x-amz-checksum-crc64nvme" => &mut out.checksum_crc64nvme,
            "x-amz-checksum-sha1" => &mut out.checksum_sha1,
            _ => &mut out.checksum_sha256,
        };
        *slot = Some(self.value);
    }

    /// S3's answer when the body does not match the claim.
    pub fn bad_digest(&self) -> S3Error {
        S3Error::with_message(
            S3ErrorCode::BadDigest,
            format!(
                "The {} you specified did not match the calculated checksum.",
                self.algorithm
            ),
        )
    }
}

fn invalid_request(message: impl Into<std::borrow::Cow<'static, str>>) -> S3Error {
    S3Error::with_message(S3ErrorCode::InvalidRequest, message)
}

impl Stream for Checked {
    type Item = Result<Bytes, StdError>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        // The digest was checked at the end already.
        if self.hasher.is_none() {
            return Poll::Ready(None);
        }
        match ready!(Pin::new(&mut self.inner).poll_next(cx)) {
            Some(Ok(bytes)) => {
                if let Some(h) = self.hasher.as_mut() {
                    h.update(&bytes);
                }
                Poll::Ready(Some(Ok(bytes)))
            }
            Some(Err(e)) => Poll::Ready(Some(Err(e))),
            None => {
                let sum = self.hasher.take().expect("checked above").finalize();
                let got = [
                    sum.checksum_crc32,
                    sum.checksum_crc32c,
                    sum.checksum_crc64nvme,
                    sum.checksum_sha1,
                    sum.checksum_sha256,
                ]
                .into_iter()
                .flatten()
                .next();
                if got.as_deref() == Some(self.value.as_str()) {
                    Poll::Ready(None)
                } else {
                    self.mismatch.store(true, Ordering::SeqCst);
                    let message = format!("the body does not match its {}", self.algorithm);
                    Poll::Ready(Some(Err(message.into())))
                }
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

// s3s-fs and s3s read the content length from here; it must pass through.
impl ByteStream for Checked {
    fn remaining_length(&self) -> RemainingLength {
        self.inner.remaining_length()
    }
}

/// Whether a guard saw a mismatch.
pub fn tripped(flag: &AtomicBool) -> bool {
    flag.load(Ordering::SeqCst)
}
