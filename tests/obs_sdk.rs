//! The `obs` dialect against what esdk-obs-browserjs 3.25.6 signed (native OBS signature) for the
//! same inputs, recorded in tests/vectors/obs-sdk/*.json by tests/node/obs-record.mjs (and
//! re-checked against the live SDK by tests/node/obs-sdk.test.mjs). One test per recorded case:
//! the PUT `Authorization`, the presigned URL, and the POST signature over the SDK's policy.
//!
//! The one normalisation: the SDK writes the scheme's default port into URLs (`:443`); browsers
//! and our module leave it out.

use bucket_upload::{
    presign, sign_policy, sign_put_headers, Fields, PutOptions, SigVersion, SignPolicyOptions,
    UtcTime,
};
use serde_json::{json, Value};
use std::path::PathBuf;

fn fixture(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/vectors/obs-sdk")
        .join(format!("{name}.json"));
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

fn credentials(f: &Value) -> Value {
    let mut c = json!({ "accessKeyId": f["accessKeyId"], "secretAccessKey": f["secretAccessKey"] });
    if let Some(t) = f["case"]["sessionToken"].as_str() {
        c["sessionToken"] = json!(t);
    }
    c
}

fn now(f: &Value) -> UtcTime {
    UtcTime::from_unix_seconds(f["nowUnixSeconds"].as_i64().unwrap())
}

fn put_options(f: &Value) -> PutOptions {
    let c = &f["case"];
    let mut o: PutOptions = serde_json::from_value(json!({
        "dialect": "obs",
        "version": "v2",
        "endpoint": c["endpoint"],
        "bucket": c["bucket"],
        "region": c["region"],
        "credentials": credentials(f),
        "key": c["key"],
        "expiresIn": c["expiresIn"],
    }))
    .unwrap();
    o.now = Some(now(f));
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

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

fn drop_default_port(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap();
    let (authority, path) = rest.split_once('/').unwrap();
    let default = if scheme == "https" { ":443" } else { ":80" };
    format!(
        "{scheme}://{}/{path}",
        authority.strip_suffix(default).unwrap_or(authority)
    )
}

fn check(name: &str) {
    let f = fixture(name);
    let sdk = &f["sdk"];
    let o = put_options(&f);
    let signed = sign_put_headers(&o).unwrap();
    for h in ["Authorization", "x-obs-date", "x-obs-security-token"] {
        assert_eq!(
            header(&signed.headers, h),
            sdk["put"][h].as_str(),
            "{name}: header {h}"
        );
    }
    let host = signed.url.split('/').nth(2).unwrap();
    assert_eq!(Some(host), sdk["put"]["Host"].as_str(), "{name}: host");

    let p = presign("PUT", &o).unwrap();
    assert_eq!(
        p.url,
        drop_default_port(sdk["url"].as_str().unwrap()),
        "{name}: presigned URL"
    );

    // The SDK cannot base64 a non-Latin-1 policy (window.btoa); such cases have no POST vector.
    if let Some(policy) = sdk["post"]["policy"].as_str() {
        let mut po: SignPolicyOptions = serde_json::from_value(json!({
            "dialect": "obs",
            "version": "v2",
            "credentials": credentials(&f),
        }))
        .unwrap();
        po.now = Some(now(&f));
        assert_eq!(po.version, SigVersion::V2);
        let fields = sign_policy(policy, &po).unwrap();
        assert_eq!(
            header(&fields, "signature"),
            sdk["post"]["signature"].as_str(),
            "{name}: POST signature"
        );
        assert_eq!(header(&fields, "AccessKeyId"), f["accessKeyId"].as_str());
    } else {
        assert_eq!(sdk["post"]["throws"], "InvalidCharacterError");
    }
}

macro_rules! cases {
    ($($fn_name:ident => $file:literal),* $(,)?) => { $( #[test] fn $fn_name() { check($file) } )* };
}
cases! {
    plain => "plain",
    unicode_key => "unicode-key",
    reserved_characters => "reserved-characters-in-key",
    mixed_case_metadata => "mixed-case-metadata",
    session_token => "session-token",
    every_seed_002_003_header => "every-putobject-header-of-seeds-002-and-003-on-a-custom-port-with-a-session-token",
}
