//! The wasm-bindgen shell: converts JS values to core options and back, slices Files for
//! hashing and sends uploads. No signing logic lives here.

mod api_diagnose;
mod api_digests;
mod api_hasher;
mod api_multipart;
mod api_resume;
mod api_sign;
mod api_upload;
mod api_upload_file;
mod blob_reader;
mod byob_reader;
mod checkpoint;
mod checksum_option;
mod clock;
mod exchange;
mod expected_digests;
mod js_error;
mod js_options;
mod js_value;
mod multipart_upload;
mod resume;
mod retry_option;
mod single_retry;
mod stall;
mod typescript;
mod typescript_multipart;
mod upload_begin;
mod upload_driver;
mod upload_report;
mod upload_shared;
mod upload_tasks;
mod worker;
mod xhr;

pub use api_diagnose::diagnose;
pub use api_digests::{content_md5, digests};
pub use api_multipart::sign_multipart;
pub use api_resume::{forget_upload, list_uploads};
pub use api_sign::{
    presign_put, presign_put_request, sign_policy, sign_post_form, sign_put_headers,
};
pub use api_upload::{post_object, put_object};
pub use api_upload_file::upload_file;
pub use multipart_upload::MultipartUpload;
