//! Judging the server's answer. Nothing counts as uploaded unless the status is 2xx and the
//! checksums the server reports match the ones computed from the file: the ETag against the MD5
//! (where it is one), and OSS's `x-oss-hash-crc64ecma` against the CRC-64.

use crate::body::Hashed;
use crate::send::Answer;
use bucket_upload::core::server_response::{etag_hex, server_error, tag_text};
use bucket_upload::{Dialect, Error, ErrorKind};

/// A stored object, as the server describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uploaded {
    pub etag: Option<String>,
    pub version_id: Option<String>,
    pub request_id: Option<String>,
    /// OSS's CRC-64, when it sent one (then it equals the file's).
    pub crc64ecma: Option<String>,
    /// The MD5 sent as Content-MD5, hex.
    pub md5: String,
    /// Bytes sent.
    pub size: u64,
}

/// A refusal with what a caller needs to look it up: the OSS `EC` detail code rides along.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub error: Error,
    pub ec: Option<String>,
}

/// The dialects' header prefixes, the asked one first: a server answers in its own dialect, and
/// an S3-compatible server asked in another dialect (as in the tests) still in `x-amz-`.
fn prefixes(dialect: Dialect) -> [&'static str; 3] {
    match dialect {
        Dialect::Oss => ["x-oss-", "x-amz-", "x-obs-"],
        Dialect::Obs => ["x-obs-", "x-amz-", "x-oss-"],
        _ => ["x-amz-", "x-oss-", "x-obs-"],
    }
}

fn vendor_header(a: &Answer, dialect: Dialect, suffix: &str) -> Option<String> {
    prefixes(dialect)
        .iter()
        .find_map(|p| a.header(&format!("{p}{suffix}")))
}

/// The upload's result, or why it is not one. `kms` says the object was encrypted with a KMS
/// key, whose ETag is not the MD5 of the data (AWS PutObject: "Objects encrypted by SSE-KMS
/// have ETags that are not an MD5 digest"); the server checked Content-MD5 then, as always.
pub fn judge(
    a: &Answer,
    dialect: Dialect,
    hashed: &Hashed,
    kms: bool,
) -> Result<Uploaded, Refused> {
    let request_id = vendor_header(a, dialect, "request-id");
    if !(200..300).contains(&a.status) {
        return Err(Refused {
            error: server_error(a.status, &a.body, request_id),
            ec: tag_text(&a.body, "EC").filter(|ec| !ec.is_empty()),
        });
    }
    let integrity = |message: String| {
        let mut e = Error::new(ErrorKind::Integrity, "ChecksumMismatch", message);
        e.status = Some(a.status);
        e.request_id = request_id.clone();
        Refused { error: e, ec: None }
    };
    let md5 = hashed.md5.hex();
    let etag = a.header("etag");
    if let Some(etag) = &etag {
        // Only a plain 32-hex-digit ETag is an MD5 (a multipart one ends in -N).
        let hex = etag_hex(etag);
        let is_md5 = hex.len() == 32 && hex.bytes().all(|b| b.is_ascii_hexdigit());
        if is_md5 && !kms && hex != md5 {
            return Err(integrity(format!(
                "the server stored ETag {etag}, but the body's MD5 is {md5}"
            )));
        }
    }
    let crc64ecma = a.header("x-oss-hash-crc64ecma");
    if let Some(theirs) = &crc64ecma {
        if theirs.trim() != hashed.crc64ecma.to_string() {
            return Err(integrity(format!(
                "the server computed CRC-64 {theirs}, but the body's is {}",
                hashed.crc64ecma
            )));
        }
    }
    Ok(Uploaded {
        etag,
        version_id: vendor_header(a, dialect, "version-id"),
        request_id,
        crc64ecma,
        md5,
        size: hashed.size,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use bucket_upload::Md5Digest;

    fn hashed() -> Hashed {
        // MD5 and CRC-64/XZ of "123456789" (the algorithms' published check values).
        let mut md5 = [0u8; 16];
        for (i, b) in md5.iter_mut().enumerate() {
            *b = u8::from_str_radix(&"25f9e794323b453885f5181f1b624d0b"[2 * i..2 * i + 2], 16)
                .unwrap();
        }
        Hashed {
            size: 9,
            md5: Md5Digest(md5),
            crc64ecma: 0x995d_c9bb_df19_39fa,
        }
    }

    fn answer(status: u16, headers: &[(&str, &str)], body: &str) -> Answer {
        Answer {
            status,
            headers: headers
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
            body: body.into(),
        }
    }

    #[test]
    fn oss_success_checks_etag_and_crc64() {
        let crc = 0x995d_c9bb_df19_39fa_u64.to_string();
        let a = answer(
            200,
            &[
                ("etag", "\"25F9E794323B453885F5181F1B624D0B\""),
                ("x-oss-request-id", "5C06A3B67B8B5A3DA422299D"),
                ("x-oss-hash-crc64ecma", &crc),
                ("x-oss-version-id", "CAEQ"),
            ],
            "",
        );
        let u = judge(&a, Dialect::Oss, &hashed(), false).unwrap();
        assert_eq!(u.request_id.as_deref(), Some("5C06A3B67B8B5A3DA422299D"));
        assert_eq!(u.version_id.as_deref(), Some("CAEQ"));
        assert_eq!(u.crc64ecma, Some(crc));
    }

    #[test]
    fn a_wrong_crc64_or_etag_is_never_a_success() {
        let a = answer(200, &[("x-oss-hash-crc64ecma", "12345")], "");
        let e = judge(&a, Dialect::Oss, &hashed(), false).unwrap_err();
        assert_eq!(e.error.code, "ChecksumMismatch");
        let a = answer(200, &[("etag", "\"00000000000000000000000000000000\"")], "");
        assert_eq!(
            judge(&a, Dialect::S3, &hashed(), false)
                .unwrap_err()
                .error
                .code,
            "ChecksumMismatch"
        );
        // A KMS object's ETag is not its MD5.
        assert!(judge(&a, Dialect::S3, &hashed(), true).is_ok());
    }

    #[test]
    fn oss_error_with_ec() {
        let body =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>FileAlreadyExists</Code>\
            <Message>The object you specified already exists and can not be overwritten.</Message>\
            <RequestId>5C3D9175B6FC201293AD****</RequestId><EC>0026-00000001</EC></Error>";
        let e = judge(&answer(409, &[], body), Dialect::Oss, &hashed(), false).unwrap_err();
        assert_eq!(e.error.code, "FileAlreadyExists");
        assert_eq!(e.error.status, Some(409));
        assert_eq!(
            e.error.request_id.as_deref(),
            Some("5C3D9175B6FC201293AD****")
        );
        assert_eq!(e.ec.as_deref(), Some("0026-00000001"));
    }
}
