//! A signed POST Object form: the bucket URL and the ordered fields; the file goes last. Each
//! dialect's folder builds its own (`s3/post_form.rs`, `oss/post_form.rs`, `obs/post_form.rs`).

use crate::core::error::Error;
use crate::core::options::{Dialect, PostFormOptions};

/// What a browser needs to upload: `url` (the form action) and `fields`, in order. The file is
/// appended after the last field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostForm {
    pub url: String,
    pub fields: Vec<(String, String)>,
}

/// Builds the policy (every field the form sends appears in a condition), signs it, and returns
/// the form. Validation happens first: nothing is signed for input a server would refuse.
pub fn sign_post_form(o: &PostFormOptions) -> Result<PostForm, Error> {
    match o.dialect {
        Dialect::S3 => crate::core::s3::sign_post_form(o),
        Dialect::Oss => crate::core::oss::sign_post_form(o),
        Dialect::Obs => crate::core::obs::sign_post_form(o),
        Dialect::Cms => Err(o.dialect.unsupported("a POST form")),
    }
}
