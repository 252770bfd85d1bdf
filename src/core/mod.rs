//! The sans-IO core: builds policies, strings to sign, signatures, forms, signed requests and
//! digests. No IO, no clock, no async, no web-sys; time and credentials are arguments.

pub mod checksum;
pub mod cms;
pub mod credentials;
pub mod digest;
pub mod encode;
pub mod error;
mod form_conditions;
pub mod json;
pub mod mac;
pub mod md5;
pub mod multipart;
pub mod object_options;
mod object_request;
pub mod obs;
pub mod option_names;
pub mod options;
pub mod oss;
pub mod policy;
pub mod post_form;
pub mod presign;
pub mod put_headers;
mod put_request;
pub mod read;
pub mod response;
pub mod s3;
pub mod server_response;
pub mod sign_policy;
pub mod signed_headers;
pub mod sigv2;
pub mod sigv4;
pub mod small_sort;
pub mod time;
pub mod time_parse;
pub mod url;
pub mod validate;
