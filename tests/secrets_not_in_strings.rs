//! Regression: the SigV2 strings to sign (S3 V2 presigned and header-signed PUTs, S3 V2
//! multipart requests) carried the session token in clear, and the demo page and logs print
//! them. Every signer's returned intermediate strings are checked here for the secret key and
//! the token, in every dialect and version that has them.

use bucket_upload::core::multipart::{sign_multipart, MultipartOptions};
use bucket_upload::core::options::PutOptions;
use bucket_upload::core::time::UtcTime;
use bucket_upload::core::{presign, put_headers};
use serde_json::json;

const SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const TOKEN: &str = "FQoGZXIvYXdzE+token/with=reserved";

fn target(dialect: &str, version: &str) -> serde_json::Value {
    json!({
        "dialect": dialect, "version": version,
        "endpoint": "https://s3.example.com", "bucket": "demo", "region": "us-east-1",
        "key": "uploads/a b.txt",
        "credentials": { "accessKeyId": "AKIDEXAMPLE", "secretAccessKey": SECRET, "sessionToken": TOKEN },
    })
}

fn now() -> UtcTime {
    UtcTime::from_unix_seconds(1_767_323_045)
}

fn assert_clean(what: &str, text: &str) {
    let encoded = bucket_upload::core::encode::uri_encode(TOKEN, false);
    assert!(
        !text.contains(SECRET),
        "{what}: the secret key is in {text:?}"
    );
    assert!(
        !text.contains(TOKEN) && !text.contains(&encoded),
        "{what}: the token is in {text:?}"
    );
}

#[test]
fn sigv2_strings_to_sign_do_not_carry_the_session_token() {
    for (dialect, version) in [
        ("s3", "v2"),
        ("s3", "v4"),
        ("oss", "v2"),
        ("oss", "v4"),
        ("obs", "v2"),
    ] {
        let mut o: PutOptions = serde_json::from_value(target(dialect, version)).unwrap();
        o.now = Some(now());
        let p = presign::presign_put_parts(&o).unwrap();
        assert_clean(
            &format!("{dialect} {version} presign sts"),
            &p.string_to_sign,
        );
        assert_clean(
            &format!("{dialect} {version} presign creq"),
            p.canonical_request.as_deref().unwrap_or(""),
        );
        let h = put_headers::sign_put_headers(&o).unwrap();
        assert_clean(
            &format!("{dialect} {version} header sts"),
            &h.string_to_sign,
        );
        assert_clean(
            &format!("{dialect} {version} header creq"),
            h.canonical_request.as_deref().unwrap_or(""),
        );
        // The request itself must carry the token, or the test proves nothing.
        let in_url = p.url.contains("security-token=FQoGZXIvYXdzE")
            || p.url.contains("Security-Token=FQoGZXIvYXdzE");
        let in_headers = h.headers.iter().any(|(_, v)| v == TOKEN);
        assert!(
            in_url && in_headers,
            "{dialect} {version}: the token is not in {} / {:?}",
            p.url,
            h.headers
        );
    }
}

#[test]
fn sigv2_multipart_strings_to_sign_do_not_carry_the_session_token() {
    for presign in [true, false] {
        let mut v = target("s3", "v2");
        v["operation"] = json!("uploadPart");
        v["uploadId"] = json!("upload-1");
        v["partNumber"] = json!(1);
        v["presign"] = json!(presign);
        let mut o: MultipartOptions = serde_json::from_value(v).unwrap();
        o.now = Some(now());
        let s = sign_multipart(&o).unwrap();
        assert_clean(
            &format!("multipart v2 presign={presign}"),
            &s.string_to_sign,
        );
    }
}
