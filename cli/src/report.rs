//! What the user reads: the result on stdout, `name: value` a line (easy to grep and to parse),
//! and errors on stderr in one line. Nothing here has access to the credentials, so nothing
//! printed can contain the secret.

use crate::response::{Refused, Uploaded};
use bucket_upload::{Error, ErrorKind};

/// The result lines of a stored object.
pub fn uploaded(u: &Uploaded) -> String {
    let mut out = String::new();
    let mut line = |name: &str, value: Option<&str>| {
        if let Some(v) = value {
            out.push_str(&format!("{name}: {v}\n"));
        }
    };
    line("etag", u.etag.as_deref());
    line("version id", u.version_id.as_deref());
    line("request id", u.request_id.as_deref());
    line("crc64ecma", u.crc64ecma.as_deref());
    line("md5", Some(&u.md5));
    line("size", Some(&u.size.to_string()));
    out
}

/// `error: CODE (--flag): MESSAGE` for bad input; `error: CODE: MESSAGE (HTTP 403, request id
/// …, EC …)` for everything else.
pub fn error(e: &Error, ec: Option<&str>) -> String {
    if e.kind == ErrorKind::Validation {
        let field = e.field.as_deref().map(flag_of).unwrap_or_default();
        return format!("error: {} ({field}): {}", e.code, e.message);
    }
    let mut details = Vec::new();
    if let Some(status) = e.status {
        details.push(format!("HTTP {status}"));
    }
    if let Some(id) = &e.request_id {
        details.push(format!("request id {id}"));
    }
    if let Some(ec) = ec {
        details.push(format!("EC {ec}"));
    }
    let details = if details.is_empty() {
        String::new()
    } else {
        format!(" ({})", details.join(", "))
    };
    format!("error: {}: {}{details}", e.code, e.message)
}

/// A refusal from the server (or a checksum that did not match).
pub fn refused(r: &Refused) -> String {
    error(&r.error, r.ec.as_deref())
}

/// The core names fields as the JavaScript options do (`storageClass`); the user typed a flag.
fn flag_of(field: &str) -> String {
    let head = field.split(['.', '[']).next().unwrap_or(field);
    let flag = match head {
        "acl" => "--object-acl",
        "storageClass" => "--storage-class",
        "cacheControl" => "--cache-control",
        "contentDisposition" => "--content-disposition",
        "contentEncoding" => "--content-encoding",
        "contentType" => "--content-type",
        "expires" => "--expires",
        "forbidOverwrite" => "--forbid-overwrite",
        "serverSideEncryption" => "--server-side-encryption",
        "serverSideDataEncryption" => "--server-side-data-encryption",
        "serverSideEncryptionKeyId" => "--server-side-encryption-key-id",
        "tagging" => "--tagging",
        "metadata" => "--metadata",
        "key" => "--key",
        "bucket" => "--bucket",
        "endpoint" => "--endpoint",
        "region" => "--region",
        "dialect" => "--dialect",
        "version" => "--signature-version",
        "body" | "contentLength" => "--body",
        // Credentials, and a header name the core reports as the field.
        _ => return field.to_string(),
    };
    flag.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_names_the_flag() {
        let e = Error::invalid("InvalidStorageClass", "storageClass", "no such class");
        assert_eq!(
            error(&e, None),
            "error: InvalidStorageClass (--storage-class): no such class"
        );
        let e = Error::invalid("MissingCredentials", "credentials.secretAccessKey", "empty");
        assert!(error(&e, None).contains("(credentials.secretAccessKey)"));
    }

    #[test]
    fn server_errors_carry_status_request_id_and_ec() {
        let mut e = Error::new(ErrorKind::Server, "AccessDenied", "no");
        e.status = Some(403);
        e.request_id = Some("R1".into());
        assert_eq!(
            error(&e, Some("0003-00000001")),
            "error: AccessDenied: no (HTTP 403, request id R1, EC 0003-00000001)"
        );
    }
}
