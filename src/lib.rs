//! bucket-upload: upload files from a browser straight to object-storage buckets.
//!
//! The [`core`] builds signed POST Object forms, presigned PUT URLs, signed PUT headers and
//! Content-MD5 digests, natively or in wasm, without IO or a clock. The `wasm` shell (wasm32 only)
//! exposes it to JavaScript and adds File hashing and uploads.

pub mod core;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use crate::core::checksum::ChecksumAlgorithm;
pub use crate::core::credentials::Credentials;
pub use crate::core::digest::{DigestSet, Digests, MultiDigest};
pub use crate::core::error::{Error, ErrorKind};
pub use crate::core::md5::{ContentMd5, Md5Digest};
pub use crate::core::object_options::{
    Callback, ChecksumValue, ContentMd5Value, CustomerKey, ObjectOptions, OssCallback,
    SuccessActionStatus, Tagging,
};
pub use crate::core::options::{
    Dialect, Fields, GetOptions, PostFormOptions, PutOptions, ResponseOverrides, SigVersion,
    SignPolicyOptions, SignedHeaderOptions,
};
pub use crate::core::policy::{Condition, PostPolicy};
pub use crate::core::post_form::{sign_post_form, PostForm};
pub use crate::core::presign::{presign, presign_put, presign_put_parts, Presigned};
pub use crate::core::presign_get::{presign_get, presign_get_parts};
pub use crate::core::put_headers::{sign_put_headers, SignedRequest};
pub use crate::core::sign_policy::sign_policy;
pub use crate::core::time::UtcTime;
