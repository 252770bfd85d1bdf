//! The OSS dialect's own rules, each refused before anything is signed with the rule's code and
//! the offending field, and the secrets-stay-secret rule for the strings it returns.

use bucket_upload::{
    presign, sign_post_form, sign_put_headers, ErrorKind, Fields, PostFormOptions, PutOptions,
    UtcTime,
};
use serde_json::json;

const SECRET: &str = "not-a-real-secret";
const TOKEN: &str = "STS.token/with+chars==";

fn put(version: &str) -> PutOptions {
    let mut o: PutOptions = serde_json::from_value(json!({
        "dialect": "oss", "version": version,
        "endpoint": "https://oss-cn-hangzhou.aliyuncs.com", "bucket": "demo",
        "region": "cn-hangzhou",
        "credentials": { "accessKeyId": "LTAIEXAMPLE", "secretAccessKey": SECRET, "sessionToken": TOKEN },
        "key": "uploads/a.txt", "expiresIn": 600,
    }))
    .unwrap();
    o.now = Some(UtcTime::from_unix_seconds(1_700_000_000));
    o
}

fn post(version: &str) -> PostFormOptions {
    let mut o: PostFormOptions = serde_json::from_value(json!({
        "dialect": "oss", "version": version,
        "endpoint": "https://oss-cn-hangzhou.aliyuncs.com", "bucket": "demo",
        "region": "cn-hangzhou",
        "credentials": { "accessKeyId": "LTAIEXAMPLE", "secretAccessKey": SECRET, "sessionToken": TOKEN },
        "key": "uploads/${filename}",
    }))
    .unwrap();
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
    assert!(!e.message.contains(SECRET), "{e}");
}

#[test]
fn signer_headers_are_reserved() {
    for name in ["x-oss-date", "X-Oss-Security-Token", "x-oss-content-sha256"] {
        let mut o = put("v4");
        o.headers = Fields(vec![(name.into(), "x".into())]);
        refused(sign_put_headers(&o), "ReservedHeader", name);
    }
}

#[test]
fn signer_fields_are_reserved() {
    for name in ["OSSAccessKeyId", "Signature", "x-oss-credential", "policy"] {
        let mut o = post("v4");
        o.fields = Fields(vec![(name.into(), "x".into())]);
        refused(sign_post_form(&o), "ReservedField", name);
    }
}

#[test]
fn region_must_be_a_region_id() {
    let mut o = put("v4");
    o.region = "cn hangzhou".into();
    refused(sign_put_headers(&o), "InvalidRegion", "region");
    o.region = "oss-".into();
    refused(presign("PUT", &o), "InvalidRegion", "region");
}

#[test]
fn v4_urls_live_at_most_7_days() {
    let mut o = put("v4");
    o.expires_in = 7 * 24 * 3600 + 1;
    refused(presign("PUT", &o), "ExpiresTooLong", "expiresIn");
    o.expires_in = 7 * 24 * 3600;
    assert!(presign("PUT", &o).is_ok());
}

#[test]
fn returned_strings_never_show_the_token_or_secret() {
    for v in ["v2", "v4"] {
        let o = put(v);
        let r = sign_put_headers(&o).unwrap();
        let p = presign("PUT", &o).unwrap();
        for s in [
            Some(r.string_to_sign),
            r.canonical_request,
            Some(p.string_to_sign),
            p.canonical_request,
        ]
        .into_iter()
        .flatten()
        {
            assert!(
                !s.contains(TOKEN) && !s.contains("STS.token%2Fwith"),
                "{v}: {s}"
            );
            assert!(!s.contains(SECRET), "{v}: {s}");
        }
    }
}

#[test]
fn v4_form_pins_its_signature_fields_and_the_filename_prefix() {
    let form = sign_post_form(&post("v4")).unwrap();
    let get = |n: &str| {
        form.fields
            .iter()
            .find(|(k, _)| k == n)
            .map(|(_, v)| v.clone())
            .unwrap()
    };
    let policy = String::from_utf8(base64_decode(&get("policy"))).unwrap();
    for needle in [
        r#"{"bucket":"demo"}"#.to_string(),
        r#"["starts-with","$key","uploads/"]"#.to_string(),
        r#"{"x-oss-signature-version":"OSS4-HMAC-SHA256"}"#.to_string(),
        format!(r#"{{"x-oss-credential":"{}"}}"#, get("x-oss-credential")),
        format!(r#"{{"x-oss-date":"{}"}}"#, get("x-oss-date")),
        format!(r#"{{"x-oss-security-token":"{TOKEN}"}}"#),
    ] {
        assert!(policy.contains(&needle), "{needle} missing from {policy}");
    }
    let names: Vec<&str> = form.fields.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        names,
        [
            "key",
            "x-oss-signature-version",
            "x-oss-credential",
            "x-oss-date",
            "x-oss-security-token",
            "policy",
            "x-oss-signature"
        ]
    );
    assert_eq!(
        get("x-oss-credential"),
        "LTAIEXAMPLE/20231114/cn-hangzhou/oss/aliyun_v4_request"
    );
}

fn base64_decode(s: &str) -> Vec<u8> {
    bucket_upload::core::encode::base64_decode(s).unwrap()
}
