//! The S3 listener's service stack: CORS, then body draining, then s3s with signature checks on an
//! s3s-fs folder behind a key check (bucket_fs.rs).

use std::path::Path;
use std::time::Duration;

use hyper::header::{HeaderName, DATE, ETAG, LOCATION};
use hyper::Method;
use s3s::auth::SimpleAuth;
use s3s::service::S3ServiceBuilder;
use s3s_fs::FileSystem;
use std::sync::atomic::{AtomicU64, Ordering};

use hyper::header::HeaderValue;
use tower::Layer;
use tower_http::cors::{AllowHeaders, Any, Cors, CorsLayer};
use tower_http::set_header::{SetResponseHeader, SetResponseHeaderLayer};

use crate::bucket_fs::BucketFs;
use crate::drain::DrainService;

/// The service answering on the bucket port.
pub type BucketService =
    Cors<SetResponseHeader<DrainService, fn(&hyper::Response<s3s::Body>) -> Option<HeaderValue>>>;

/// s3s 0.14 sends no `x-amz-request-id`; real S3 always does, and clients report it with errors.
/// A process-unique counter stands in for it.
fn request_id(_: &hyper::Response<s3s::Body>) -> Option<HeaderValue> {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    HeaderValue::from_str(&format!(
        "LOCAL{:016X}",
        NEXT.fetch_add(1, Ordering::Relaxed)
    ))
    .ok()
}

/// Builds the bucket service over `data_dir` (which must exist), accepting requests signed with the
/// one key pair given. Unsigned requests are refused by s3s's default access check.
pub fn service(
    data_dir: &Path,
    access_key: &str,
    secret_key: &str,
) -> std::io::Result<BucketService> {
    // The same canonical root s3s-fs computes, so both name the same upload files.
    let root = data_dir.canonicalize()?;
    let fs = FileSystem::new(&root).map_err(|e| std::io::Error::other(format!("{e:?}")))?;
    let mut builder = S3ServiceBuilder::new(BucketFs::new(fs, &root));
    builder.set_auth(SimpleAuth::from_single(access_key, secret_key));
    let id = SetResponseHeaderLayer::if_not_present(
        HeaderName::from_static("x-amz-request-id"),
        request_id as fn(&hyper::Response<s3s::Body>) -> Option<HeaderValue>,
    );
    Ok(cors().layer(id.layer(DrainService::new(builder.build()))))
}

/// CORS for a page on another origin (the www port) uploading straight to the bucket.
///
/// s3s answers OPTIONS with 501, so the layer answers every OPTIONS itself as a preflight.
fn cors() -> CorsLayer {
    CorsLayer::new()
        // No cookies or HTTP auth are used, so `*` is enough for any page origin.
        .allow_origin(Any)
        .allow_methods([
            Method::GET,
            Method::PUT,
            Method::POST,
            Method::HEAD,
            Method::DELETE,
            Method::OPTIONS,
        ])
        // Echo the requested headers instead of `*`: browsers never let `*` cover `Authorization`,
        // which the signed-header PUT flow sends.
        .allow_headers(AllowHeaders::mirror_request())
        // Without these, page scripts cannot read the upload's ETag, version or request id, the
        // server's clock (`Date`, to correct skew) or the checksums S3 echoes for a part.
        .expose_headers([
            ETAG,
            DATE,
            HeaderName::from_static("x-amz-request-id"),
            HeaderName::from_static("x-amz-id-2"),
            HeaderName::from_static("x-amz-version-id"),
            HeaderName::from_static("x-amz-checksum-crc32"),
            HeaderName::from_static("x-amz-checksum-crc32c"),
            HeaderName::from_static("x-amz-checksum-crc64nvme"),
            HeaderName::from_static("x-amz-checksum-sha256"),
            HeaderName::from_static("x-amz-checksum-type"),
            LOCATION,
        ])
        // Harmless when not asked for; lets Chrome's private-network preflight through.
        .allow_private_network(true)
        .max_age(Duration::from_secs(600))
}
