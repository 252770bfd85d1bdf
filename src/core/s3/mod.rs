//! Amazon S3 and S3-compatible stores (MinIO, Ceph, s3s, and Huawei OBS's S3-compatible API):
//! the same verbs as every dialect's folder — `post_form`, `sign_policy`, `presign`,
//! `presign_get`, `put_headers`, `multipart` — signed with SigV4 (`core::sigv4`) or SigV2
//! (`core::sigv2`).

pub mod multipart;
mod post_form;
pub mod presign;
pub mod presign_get;
mod put_headers;
pub mod sign_policy;

pub(crate) use post_form::sign_post_form;
pub(crate) use put_headers::sign_put_headers;
