//! Which failures are worth another attempt, and how long to wait before it: exponential
//! backoff with full jitter, capped (the AWS SDKs' "full jitter":
//! <https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/>). The random draw
//! is an argument, so tests replay exact schedules.

use crate::core::error::{Error, ErrorKind};

/// How often and how patiently a request is retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts per request, the first included (1: no retry).
    pub attempts: u32,
    pub base_delay_ms: u64,
    pub max_delay_ms: u64,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            attempts: 5,
            base_delay_ms: 200,
            max_delay_ms: 20_000,
        }
    }
}

impl RetryPolicy {
    /// No retries.
    pub fn none() -> Self {
        RetryPolicy {
            attempts: 1,
            ..RetryPolicy::default()
        }
    }

    /// The wait before attempt `failed + 1`, after `failed` failures, for a draw `random` in
    /// `[0, 1)`: `random × min(max, base × 2^(failed-1))`.
    pub fn delay_ms(&self, failed: u32, random: f64) -> u64 {
        let exp = failed.saturating_sub(1).min(30);
        let ceiling = self
            .base_delay_ms
            .saturating_mul(1 << exp)
            .min(self.max_delay_ms);
        (random.clamp(0.0, 1.0) * ceiling as f64) as u64
    }
}

/// Codes the dialects answer for a transient condition (S3, OSS and OBS use the same words).
const TRANSIENT_CODES: [&str; 9] = [
    "SlowDown",
    "RequestTimeout",
    "InternalError",
    "ServiceUnavailable",
    "Throttling",
    "ThrottlingException",
    "RequestThrottled",
    "TooManyRequests",
    "OperationAborted",
];

/// Whether `e` may go away on its own: network failures, 408, 429, 5xx but 501, and the
/// throttling and transient codes. Validation errors, `AccessDenied`, `SignatureDoesNotMatch`,
/// `InvalidPart`, … fail at once.
pub fn is_retryable(e: &Error) -> bool {
    match e.kind {
        ErrorKind::Network => true,
        ErrorKind::Server => {
            matches!(e.status, Some(408 | 429 | 500 | 502 | 503 | 504))
                || TRANSIENT_CODES.contains(&e.code.as_str())
        }
        _ => false,
    }
}
