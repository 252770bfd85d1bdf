//! The `oss` dialect against what ali-oss 6.23.0 signed for the same inputs, recorded in
//! tests/vectors/oss-sdk/*.json by tests/node/oss-record.mjs (and re-checked against the live SDK
//! by tests/node/oss-sdk.test.mjs). One test per recorded case; each compares the V1 and V4 PUT
//! headers, both presigned URLs and both POST policy signatures.
//!
//! The one normalisation (as in the Node test): ali-oss escapes URL paths with
//! encodeURIComponent, so `!'()*` are literal there and `%21 %27 %28 %29 %2A` here; the same key.

use bucket_upload::{
    presign, sign_policy, sign_put_headers, Dialect, Fields, PutOptions, SigVersion,
    SignPolicyOptions, UtcTime,
};
use serde_json::{json, Value};
use std::path::PathBuf;

fn fixture(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/vectors/oss-sdk")
        .join(format!("{name}.json"));
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

fn credentials(f: &Value) -> Value {
    let mut c = json!({
        "accessKeyId": f["accessKeyId"],
        "secretAccessKey": f["secretAccessKey"],
    });
    if let Some(t) = f["case"]["sessionToken"].as_str() {
        c["sessionToken"] = json!(t);
    }
    c
}

fn now(f: &Value) -> UtcTime {
    UtcTime::from_unix_seconds(f["nowUnixSeconds"].as_i64().unwrap())
}

fn put_options(f: &Value, version: SigVersion) -> PutOptions {
    let c = &f["case"];
    let mut o: PutOptions = serde_json::from_value(json!({
        "dialect": "oss",
        "endpoint": c["endpoint"],
        "bucket": c["bucket"],
        "region": c["region"],
        "pathStyle": c["pathStyle"],
        "credentials": credentials(f),
        "key": c["key"],
        "expiresIn": c["expiresIn"],
    }))
    .unwrap();
    o.version = version;
    o.now = Some(now(f));
    // Headers in the recorded order (a JSON object here would lose it).
    o.headers = Fields(
        c["headers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (p[0].as_str().unwrap().into(), p[1].as_str().unwrap().into()))
            .collect(),
    );
    o
}

fn policy_options(f: &Value, version: SigVersion) -> SignPolicyOptions {
    let mut o: SignPolicyOptions = serde_json::from_value(json!({
        "dialect": "oss",
        "credentials": credentials(f),
        "region": f["case"]["region"],
    }))
    .unwrap();
    o.version = version;
    o.now = Some(now(f));
    assert_eq!(o.dialect, Dialect::Oss);
    o
}

/// `!'()*` in the path as literal characters (see the module comment).
fn normalize(url: &str) -> String {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let mut p = path.to_string();
    for (esc, ch) in [
        ("%21", "!"),
        ("%27", "'"),
        ("%28", "("),
        ("%29", ")"),
        ("%2A", "*"),
    ] {
        p = p.replace(esc, ch);
    }
    if query.is_empty() {
        p
    } else {
        format!("{p}?{query}")
    }
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

fn check(name: &str) {
    let f = fixture(name);
    let sdk = &f["sdk"];
    for (version, put, url) in [
        (SigVersion::V2, "v1Put", "v1Url"),
        (SigVersion::V4, "v4Put", "v4Url"),
    ] {
        let o = put_options(&f, version);
        let signed = sign_put_headers(&o).unwrap();
        assert_eq!(
            normalize(&signed.url),
            normalize(sdk[put]["url"].as_str().unwrap()),
            "{name} {put} URL"
        );
        for h in [
            "authorization",
            "x-oss-date",
            "x-oss-content-sha256",
            "x-oss-security-token",
        ] {
            assert_eq!(
                header(&signed.headers, h),
                sdk[put]["headers"][h].as_str(),
                "{name} {put} header {h}"
            );
        }
        let p = presign("PUT", &o).unwrap();
        assert_eq!(
            normalize(&p.url),
            normalize(sdk[url].as_str().unwrap()),
            "{name} {url}"
        );
    }
    let v1 = sign_policy(
        sdk["v1Post"]["policy"].as_str().unwrap(),
        &policy_options(&f, SigVersion::V2),
    )
    .unwrap();
    assert_eq!(
        header(&v1, "Signature"),
        sdk["v1Post"]["Signature"].as_str(),
        "{name} V1 POST"
    );
    let v4 = sign_policy(
        sdk["v4Post"]["policy"].as_str().unwrap(),
        &policy_options(&f, SigVersion::V4),
    )
    .unwrap();
    assert_eq!(
        header(&v4, "x-oss-signature"),
        sdk["v4Post"]["signature"].as_str(),
        "{name} V4 POST"
    );
}

macro_rules! cases {
    ($($fn_name:ident => $file:literal),* $(,)?) => { $( #[test] fn $fn_name() { check($file) } )* };
}
cases! {
    plain => "plain",
    unicode_key_region_with_oss_prefix => "unicode-key-region-given-with-the-oss-prefix",
    reserved_characters_path_style => "reserved-characters-in-key-path-style",
    mixed_case_metadata => "mixed-case-metadata",
    session_token => "session-token",
    every_seed_001_header => "every-putobject-header-of-seed-001-with-a-session-token",
    compatible_server_on_a_port => "oss-compatible-server-on-a-port-path-style-key-with-filename",
}
