//! The CMS token PUT of seed 000 (`/work/shared/seeds/000_*.txt`): `PUT /object/{bucket}/{objectName}`
//! with `Authentication: <token>`, `Content-MD5`, `x-cms-isEncrypt`, `x-cms-callback` and
//! `x-cms-meta-*` headers; metadata at most 8 KB. Expected URLs are written out by hand from the
//! seed's path template; nothing is signed, so there is no signature to compare.

use bucket_upload::{sign_put_headers, ErrorKind, Fields, PutOptions, UtcTime};
use serde_json::json;

const TOKEN: &str = "cms-token-0123456789";

fn put(key: &str, headers: &[(&str, &str)]) -> PutOptions {
    // The token is the whole credential: `credentials: { sessionToken }` is enough.
    let mut o: PutOptions = serde_json::from_value(json!({
        "dialect": "cms",
        "endpoint": "https://cms.example.com",
        "bucket": "media",
        "credentials": { "sessionToken": TOKEN },
        "key": key,
    }))
    .unwrap();
    o.now = Some(UtcTime::from_unix_seconds(1_767_323_045));
    o.headers = Fields(
        headers
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect(),
    );
    o
}

#[track_caller]
fn refused(o: &PutOptions, code: &str, field: &str) {
    let e = sign_put_headers(o).expect_err("must be refused");
    assert_eq!(e.kind, ErrorKind::Validation, "{e}");
    assert_eq!(e.code, code, "{e}");
    assert_eq!(e.field.as_deref(), Some(field), "{e}");
    assert!(!e.message.contains(TOKEN), "the token leaked into: {e}");
}

#[test]
fn put_object_url_and_headers() {
    let o = put(
        "reports/2026 Q1.pdf",
        &[
            ("Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg=="),
            ("x-cms-isEncrypt", "true"),
            ("x-cms-callback", "https://app.example.com/uploaded"),
            ("x-cms-meta-Owner", "ann"),
        ],
    );
    let r = sign_put_headers(&o).unwrap();
    assert_eq!(r.method, "PUT");
    assert_eq!(
        r.url,
        "https://cms.example.com/object/media/reports/2026%20Q1.pdf"
    );
    assert_eq!(
        r.headers,
        vec![
            (
                "Content-MD5".to_string(),
                "1B2M2Y8AsgTpgAmY7PhCfg==".to_string()
            ),
            ("x-cms-isEncrypt".into(), "true".into()),
            (
                "x-cms-callback".into(),
                "https://app.example.com/uploaded".into()
            ),
            ("x-cms-meta-Owner".into(), "ann".into()),
            ("Authentication".into(), TOKEN.into()),
        ]
    );
    assert_eq!(r.string_to_sign, "", "nothing is signed");
    assert!(r.canonical_request.is_none());
}

#[test]
fn url_is_the_seed_path_whatever_path_style_says() {
    let mut o = put("a/ü.txt", &[]);
    o.path_style = false;
    o.endpoint = "http://127.0.0.1:8080".into();
    assert_eq!(
        sign_put_headers(&o).unwrap().url,
        "http://127.0.0.1:8080/object/media/a/%C3%BC.txt"
    );
}

#[test]
fn token_is_required() {
    let mut o = put("a.txt", &[]);
    o.credentials.session_token = None;
    refused(&o, "MissingCredentials", "credentials.sessionToken");
}

#[test]
fn metadata_over_8_kb() {
    let big = "x".repeat(8 * 1024 - 3);
    // "abc" (3 bytes after the prefix) + 8189 bytes = 8192: allowed; one more byte is not.
    assert!(sign_put_headers(&put("a.txt", &[("x-cms-meta-abc", &big)])).is_ok());
    let over = format!("{big}y");
    let e = sign_put_headers(&put("a.txt", &[("x-cms-meta-abc", &over)])).unwrap_err();
    assert_eq!(e.code, "MetadataTooLarge", "{e}");
    assert_eq!(e.field.as_deref(), Some("x-cms-meta-*"), "{e}");
    assert!(e.message.contains("8192"), "the limit is named: {e}");
}

#[test]
fn is_encrypt_is_a_boolean() {
    refused(
        &put("a.txt", &[("x-cms-isEncrypt", "yes")]),
        "InvalidArgument",
        "x-cms-isEncrypt",
    );
}

#[test]
fn callback_is_an_http_url() {
    refused(
        &put("a.txt", &[("x-cms-callback", "ftp://x")]),
        "InvalidArgument",
        "x-cms-callback",
    );
}

#[test]
fn the_token_header_is_the_signer_s() {
    refused(
        &put("a.txt", &[("Authentication", "other")]),
        "ReservedHeader",
        "Authentication",
    );
}

#[test]
fn no_presigned_url_or_form() {
    let e = bucket_upload::presign_put(&put("a.txt", &[])).unwrap_err();
    assert_eq!(e.code, "UnsupportedDialect");
}
