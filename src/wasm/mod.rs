//! The wasm-bindgen shell: converts JS values to core options and back, slices Files for
//! hashing and sends uploads. No signing logic lives here.

mod api_md5;
mod api_sign;
mod api_upload;
mod blob_reader;
mod js_error;
mod js_options;
mod typescript;
mod xhr;
