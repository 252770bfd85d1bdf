//! OSS's `in` and `not-in` POST policy conditions, byte for byte:
//! - against the policy OSS documents (the example of
//!   <https://www.alibabacloud.com/help/en/oss/user-guide/0006-00000224>, as printed there);
//! - against what ali-oss 6.23.0 signs for an independently built policy (JSON.stringify of the
//!   conditions as OSS documents them), recorded in tests/vectors/oss-in/*.json by
//!   tests/node/oss-in-record.mjs and re-checked against the live SDK by tests/node/oss-in.test.mjs:
//!   the form's policy JSON, its base64, the V1 `Signature` and the V4 `x-oss-signature`.

use base64::Engine;
use bucket_upload::{
    sign_post_form, Condition, Fields, PostFormOptions, PostPolicy, SigVersion, UtcTime,
};
use serde_json::{json, Value};
use std::path::PathBuf;

/// The documented example as the page prints it, but for its `["eq", "$success_action_status",
/// "201"]` line: this module writes an exact match in the map form `{"name": "value"}`, which
/// OSS documents too (0006-00000222: `{"field": "value"}`).
const DOCUMENTED: &str = r#"{
    "expiration": "2023-02-19T13:19:00.000Z",
    "conditions": [
        ["content-length-range", 1, 1024],
        ["starts-with", "$key", "user/eric/"],
        ["in", "$content-type", ["image/jpeg", "image/png"]],
        ["not-in", "$cache-control", ["no-cache"]]
    ]
}"#;

/// The JSON text without the whitespace between tokens (the page's JSON, compact).
fn compact(text: &str) -> String {
    let (mut out, mut in_string, mut escaped) = (String::new(), false, false);
    for c in text.chars() {
        if in_string {
            out.push(c);
            (in_string, escaped) = (escaped || c != '"', !escaped && c == '\\');
        } else if !c.is_whitespace() {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}

fn documented_policy() -> PostPolicy {
    PostPolicy {
        expiration: UtcTime::from_unix_seconds(1_676_812_740), // 2023-02-19T13:19:00Z
        conditions: vec![
            Condition::ContentLengthRange(1, 1024),
            Condition::StartsWith("key".into(), "user/eric/".into()),
            Condition::In(
                "content-type".into(),
                vec!["image/jpeg".into(), "image/png".into()],
            ),
            Condition::NotIn("$cache-control".into(), vec!["no-cache".into()]),
        ],
    }
}

#[test]
fn the_documented_example_byte_for_byte() {
    assert_eq!(documented_policy().to_json(), compact(DOCUMENTED));
    // Expected: node -e 'console.log(Buffer.from(JSON.stringify(JSON.parse(doc))).toString("base64"))'
    assert_eq!(
        documented_policy().to_base64(),
        "eyJleHBpcmF0aW9uIjoiMjAyMy0wMi0xOVQxMzoxOTowMC4wMDBaIiwiY29uZGl0aW9ucyI6W1siY29udGVudC1sZW5ndGgtcmFuZ2UiLDEsMTAyNF0sWyJzdGFydHMtd2l0aCIsIiRrZXkiLCJ1c2VyL2VyaWMvIl0sWyJpbiIsIiRjb250ZW50LXR5cGUiLFsiaW1hZ2UvanBlZyIsImltYWdlL3BuZyJdXSxbIm5vdC1pbiIsIiRjYWNoZS1jb250cm9sIixbIm5vLWNhY2hlIl1dXX0="
    );
}

/// The options reader takes the documented text, any case of the operator, `$` optional.
#[test]
fn the_reader_takes_the_documented_spelling_and_its_variants() {
    let read = |conditions: Value| -> Vec<Condition> {
        let o: PostFormOptions = serde_json::from_value(json!({
            "dialect": "oss", "endpoint": "https://oss-cn-hangzhou.aliyuncs.com", "bucket": "b",
            "credentials": { "accessKeyId": "AK", "secretAccessKey": "SK" }, "key": "k",
            "conditions": conditions,
        }))
        .unwrap();
        o.conditions
    };
    let documented = read(json!([
        ["in", "$content-type", ["image/jpeg", "image/png"]],
        ["not-in", "$cache-control", ["no-cache"]]
    ]));
    let expected = vec![
        Condition::In(
            "content-type".into(),
            vec!["image/jpeg".into(), "image/png".into()],
        ),
        Condition::NotIn("cache-control".into(), vec!["no-cache".into()]),
    ];
    assert_eq!(documented, expected);
    let variants = read(json!([
        ["IN", "content-type", ["image/jpeg", "image/png"]],
        ["Not-In", "cache-control", ["no-cache"]]
    ]));
    assert_eq!(variants, expected);
}

fn fixture(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/vectors/oss-in")
        .join(format!("{name}.json"));
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

fn options(f: &Value, version: SigVersion) -> PostFormOptions {
    let c = &f["case"];
    let mut credentials = json!({
        "accessKeyId": f["accessKeyId"], "secretAccessKey": f["secretAccessKey"],
    });
    if let Some(t) = c["sessionToken"].as_str() {
        credentials["sessionToken"] = json!(t);
    }
    let mut o: PostFormOptions = serde_json::from_value(json!({
        "dialect": "oss", "endpoint": c["endpoint"], "bucket": c["bucket"], "region": c["region"],
        "pathStyle": c["pathStyle"], "credentials": credentials, "key": c["key"],
        "expiresIn": c["expiresIn"], "conditions": c["conditions"],
    }))
    .unwrap();
    o.version = version;
    o.now = Some(UtcTime::from_unix_seconds(
        f["nowUnixSeconds"].as_i64().unwrap(),
    ));
    // Fields in the recorded order (a JSON object here would lose it).
    o.fields = Fields(
        c["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (p[0].as_str().unwrap().into(), p[1].as_str().unwrap().into()))
            .collect(),
    );
    o
}

fn check(name: &str) {
    let f = fixture(name);
    for (version, sdk, signature, sdk_signature) in [
        (SigVersion::V2, &f["sdk"]["v1"], "Signature", "Signature"),
        (
            SigVersion::V4,
            &f["sdk"]["v4"],
            "x-oss-signature",
            "signature",
        ),
    ] {
        let form = sign_post_form(&options(&f, version)).unwrap();
        let get = |n: &str| {
            form.fields
                .iter()
                .find(|(k, _)| k == n)
                .map(|(_, v)| v.as_str())
        };
        let policy = get("policy").unwrap();
        let json = base64::engine::general_purpose::STANDARD
            .decode(policy)
            .unwrap();
        assert_eq!(
            String::from_utf8(json).unwrap(),
            sdk["policyJson"].as_str().unwrap(),
            "{name} {version:?} policy JSON"
        );
        assert_eq!(
            Some(policy),
            sdk["policy"].as_str(),
            "{name} {version:?} policy"
        );
        assert_eq!(
            get(signature),
            sdk[sdk_signature].as_str(),
            "{name} {version:?} {signature}"
        );
    }
}

macro_rules! cases {
    ($($fn_name:ident => $file:literal),* $(,)?) => { $( #[test] fn $fn_name() { check($file) } )* };
}
cases! {
    documented_example => "documented-example-image-types-in-no-cache-not-in",
    unicode_values => "unicode-values-region-given-with-the-oss-prefix",
    reserved_and_escaped_characters => "reserved-and-escaped-characters-path-style",
    session_token_and_filename_key => "session-token-key-with-filename-success-action-status-in-a-list",
    storage_class_acl_mixed_case => "storage-class-and-acl-mixed-case-field-names",
    empty_and_repeated_values => "oss-compatible-server-on-a-port-an-empty-string-and-a-repeated-value-listed",
}
