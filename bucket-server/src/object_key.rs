//! Which object keys may reach s3s-fs.
//!
//! s3s-fs 0.14.1 stores `key` at `data_dir/bucket/key` after resolving `.` and `..` segments
//! against the data dir, not the bucket: `uploads/../../../../tmp/x` was written to
//! `data_dir/tmp/x`, and `uploads//../../x` to `data_dir/x`. S3 itself stores such keys verbatim,
//! but a folder cannot, so every key is refused before s3s-fs sees it unless each of its
//! `/`-separated segments is a plain name.

use hyper::StatusCode;
use s3s::{S3Error, S3ErrorCode};

/// Why `key` cannot be stored as a file under its bucket folder, or `None` if it can.
///
/// An empty segment (`a//b`, a leading or trailing `/`) is refused along with `.` and `..`:
/// path joining drops it or makes the key absolute, so it too changes where `..` leads.
pub fn unsafe_key_reason(key: &str) -> Option<&'static str> {
    if key.is_empty() {
        return Some("the key is empty");
    }
    if key.starts_with('/') {
        return Some("the key starts with \"/\"");
    }
    for segment in key.split('/') {
        match segment {
            "" => return Some("the key has an empty segment (\"//\" or a trailing \"/\")"),
            "." => return Some("the key has a \".\" segment"),
            ".." => return Some("the key has a \"..\" segment"),
            _ => {}
        }
    }
    None
}

/// `Ok` if `key` is safe to hand to s3s-fs, else an S3-style 400 `InvalidObjectName`: the code
/// the core uses for keys it cannot put in a URL (`src/core/validate.rs`). AWS S3 has no such
/// error, since it never maps keys to paths.
pub fn check(key: &str) -> Result<(), S3Error> {
    match unsafe_key_reason(key) {
        None => Ok(()),
        Some(reason) => {
            let mut e = S3Error::with_message(
                S3ErrorCode::Custom("InvalidObjectName".into()),
                format!("{reason}; this bucket stores keys as files and refuses it"),
            );
            e.set_status_code(StatusCode::BAD_REQUEST);
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::unsafe_key_reason;

    #[test]
    fn plain_names_pass_and_every_traversal_form_is_refused() {
        for ok in [
            "a",
            "uploads/a.txt",
            "uploads/..a/b..",
            "uploads/.hidden",
            "a b/☃",
        ] {
            assert_eq!(unsafe_key_reason(ok), None, "{ok}");
        }
        for bad in [
            "",
            "/uploads/a",
            "uploads/../../../../tmp/escaped-by-post.txt",
            "uploads/./../demo2/x.txt",
            "uploads//../../abs.txt",
            "uploads/dir/",
            "..",
            ".",
        ] {
            assert!(unsafe_key_reason(bad).is_some(), "{bad}");
        }
    }
}
