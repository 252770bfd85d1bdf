//! The OBS dialect's own rules: the native API signs with the OBS signature only, the URL
//! lifetimes of the OBS document, the signer's headers, and no token in returned strings.

use bucket_upload::{
    presign, sign_policy, sign_put_headers, ErrorKind, Fields, PutOptions, SignPolicyOptions,
    UtcTime,
};
use serde_json::json;

const SECRET: &str = "not-a-real-secret";
const TOKEN: &str = "obs-token/with+chars==";

fn put(version: &str, token: bool) -> PutOptions {
    let mut o: PutOptions = serde_json::from_value(json!({
        "dialect": "obs", "version": version,
        "endpoint": "https://obs.cn-north-4.myhuaweicloud.com", "bucket": "demo",
        "credentials": { "accessKeyId": "AKEXAMPLE", "secretAccessKey": SECRET },
        "key": "uploads/a.txt", "expiresIn": 600,
    }))
    .unwrap();
    if token {
        o.credentials.session_token = Some(TOKEN.into());
    }
    o.now = Some(UtcTime::from_unix_seconds(1_700_000_000));
    o
}

#[track_caller]
fn refused<T: std::fmt::Debug>(r: Result<T, bucket_upload::Error>, code: &str, field: &str) {
    let e = r.expect_err("must be refused");
    assert_eq!(e.kind, ErrorKind::Validation, "{e}");
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        (code, Some(field)),
        "{e}"
    );
}

#[test]
fn v4_is_the_s3_dialect() {
    refused(
        sign_put_headers(&put("v4", false)),
        "UnsupportedSignatureVersion",
        "version",
    );
    refused(
        presign("PUT", &put("v4", false)),
        "UnsupportedSignatureVersion",
        "version",
    );
    let mut p: SignPolicyOptions = serde_json::from_value(json!({
        "dialect": "obs", "version": "v4",
        "credentials": { "accessKeyId": "AKEXAMPLE", "secretAccessKey": SECRET },
    }))
    .unwrap();
    p.now = Some(UtcTime::from_unix_seconds(1_700_000_000));
    refused(
        sign_policy("eyJ9", &p),
        "UnsupportedSignatureVersion",
        "version",
    );
}

#[test]
fn url_lifetimes() {
    let mut o = put("v2", false);
    o.expires_in = 365 * 24 * 3600;
    assert!(presign("PUT", &o).is_ok());
    o.expires_in += 1;
    refused(presign("PUT", &o), "ExpiresTooLong", "expiresIn");
    let mut o = put("v2", true);
    o.expires_in = 24 * 3600 + 1;
    refused(presign("PUT", &o), "ExpiresTooLong", "expiresIn");
}

#[test]
fn signer_headers_are_reserved() {
    for name in ["x-obs-date", "x-obs-security-token"] {
        let mut o = put("v2", false);
        o.headers = Fields(vec![(name.into(), "x".into())]);
        refused(sign_put_headers(&o), "ReservedHeader", name);
    }
}

#[test]
fn returned_strings_never_show_the_token() {
    let o = put("v2", true);
    let sts = [
        sign_put_headers(&o).unwrap().string_to_sign,
        presign("PUT", &o).unwrap().string_to_sign,
    ];
    for s in sts {
        assert!(!s.contains(TOKEN) && s.contains("<redacted>"), "{s}");
    }
}
