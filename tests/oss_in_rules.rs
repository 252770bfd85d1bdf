//! The rules of OSS's `in` / `not-in` policy conditions, one test per rule, each refused before
//! anything is signed with the rule's code and the offending field: OSS only (S3 and OBS document
//! neither), a list of strings, at least one value, a field name, and a form whose own fields
//! break one of them is refused rather than signed for an upload OSS would deny.

use bucket_upload::core::read::Value as Tree;
use bucket_upload::{
    sign_post_form, Condition, Error, ErrorKind, Fields, PostFormOptions, UtcTime,
};
use serde_json::{json, Value};

const SECRET: &str = "not-a-real-secret";

/// Options read as the module reads a backend's JSON or the browser's object (the typed error
/// of the reader, not serde's message).
fn read(dialect: &str, version: &str, conditions: Value) -> Result<PostFormOptions, Error> {
    let v: Tree = serde_json::from_value(json!({
        "dialect": dialect, "version": version,
        "endpoint": "https://oss-cn-hangzhou.aliyuncs.com", "bucket": "demo",
        "region": "cn-hangzhou",
        "credentials": { "accessKeyId": "LTAIEXAMPLE", "secretAccessKey": SECRET, "sessionToken": "STS.t" },
        "key": "uploads/a.txt", "conditions": conditions,
    }))
    .unwrap();
    let mut o = PostFormOptions::read(&v)?;
    o.now = Some(UtcTime::from_unix_seconds(1_700_000_000));
    o.fields = Fields(vec![
        ("Content-Type".into(), "image/png".into()),
        ("Cache-Control".into(), "no-cache".into()),
    ]);
    Ok(o)
}

fn sign(dialect: &str, version: &str, conditions: Value) -> Result<Vec<(String, String)>, Error> {
    sign_post_form(&read(dialect, version, conditions)?).map(|f| f.fields)
}

#[track_caller]
fn refused<T: std::fmt::Debug>(r: Result<T, Error>, code: &str, field: &str) -> String {
    let e = r.expect_err("must be refused");
    assert_eq!(e.kind, ErrorKind::Validation, "{e}");
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        (code, Some(field)),
        "{e}"
    );
    assert!(!e.message.contains(SECRET), "{e}");
    e.message
}

/// Refused by the options reader, with its message saying why.
#[track_caller]
fn refused_by_reader(conditions: Value, why: &str) {
    let message = refused(
        read("oss", "v4", conditions),
        "InvalidCondition",
        "conditions",
    );
    assert!(message.contains(why), "{message}");
}

#[test]
fn s3_and_obs_refuse_in_and_not_in_naming_the_dialect() {
    for (dialect, version) in [("s3", "v4"), ("s3", "v2"), ("obs", "v2")] {
        for op in ["in", "not-in"] {
            let m = refused(
                sign(
                    dialect,
                    version,
                    json!([[op, "$content-type", ["image/png"]]]),
                ),
                "UnsupportedOption",
                "conditions",
            );
            assert!(m.contains(&format!("\"{dialect}\"")), "{m}");
        }
    }
    // The same condition, built in Rust rather than read.
    let mut o = read("s3", "v4", json!([])).unwrap();
    o.conditions = vec![Condition::NotIn(
        "content-type".into(),
        vec!["text/html".into()],
    )];
    refused(sign_post_form(&o), "UnsupportedOption", "conditions");
}

#[test]
fn the_values_are_a_list_not_a_string() {
    // OSS's own wrong example (0006-00000224): a String where a List belongs.
    refused_by_reader(json!([["not-in", "cache-control", "no-cache"]]), "[values");
}

#[test]
fn the_values_are_strings() {
    refused_by_reader(
        json!([["in", "$content-type", ["image/png", 201]]]),
        "strings",
    );
    refused_by_reader(json!([["in", "$content-type", [["image/png"]]]]), "strings");
    refused_by_reader(json!([["in", "$content-type", [null]]]), "strings");
}

#[test]
fn the_field_name_is_a_string() {
    refused_by_reader(json!([["in", 7, ["image/png"]]]), "[values");
}

#[test]
fn at_least_one_value() {
    refused(
        sign("oss", "v4", json!([["in", "$content-type", []]])),
        "InvalidCondition",
        "conditions",
    );
    let mut o = read("oss", "v2", json!([])).unwrap();
    o.conditions = vec![Condition::NotIn("cache-control".into(), vec![])];
    refused(sign_post_form(&o), "InvalidCondition", "conditions");
}

#[test]
fn a_field_name_is_given() {
    for name in ["$", ""] {
        refused(
            sign("oss", "v4", json!([["not-in", name, ["x"]]])),
            "InvalidCondition",
            "conditions",
        );
    }
    let mut o = read("oss", "v4", json!([])).unwrap();
    o.conditions = vec![Condition::In(String::new(), vec!["x".into()])];
    refused(sign_post_form(&o), "InvalidCondition", "conditions");
}

#[test]
fn three_elements_only() {
    refused_by_reader(
        json!([["in", "$content-type", ["image/png"], "extra"]]),
        "three elements",
    );
}

/// The form's own value breaks its `in` condition: refused, naming the field as the form sends it
/// (names compare case-insensitively).
#[test]
fn a_field_outside_its_in_list_is_refused() {
    let m = refused(
        sign(
            "oss",
            "v4",
            json!([["in", "$content-type", ["image/jpeg", "image/gif"]]]),
        ),
        "ConditionNotMet",
        "Content-Type",
    );
    assert!(
        m.contains(r#"["in","$content-type",["image/jpeg","image/gif"]]"#),
        "{m}"
    );
    // Exact, case-sensitive values: "IMAGE/PNG" is not "image/png".
    refused(
        sign("oss", "v2", json!([["in", "content-type", ["IMAGE/PNG"]]])),
        "ConditionNotMet",
        "Content-Type",
    );
}

#[test]
fn a_field_in_its_not_in_list_is_refused() {
    refused(
        sign(
            "oss",
            "v4",
            json!([["not-in", "$Cache-Control", ["no-store", "no-cache"]]]),
        ),
        "ConditionNotMet",
        "Cache-Control",
    );
}

/// The pinned fields the caller does not list in `fields` count too: key, bucket, and the
/// signature fields (whose values the message leaves out).
#[test]
fn key_bucket_and_signer_fields_are_checked() {
    refused(
        sign("oss", "v4", json!([["in", "$key", ["uploads/b.txt"]]])),
        "ConditionNotMet",
        "key",
    );
    refused(
        sign("oss", "v4", json!([["not-in", "$bucket", ["demo"]]])),
        "ConditionNotMet",
        "bucket",
    );
    let m = refused(
        sign(
            "oss",
            "v4",
            json!([["not-in", "$x-oss-security-token", ["STS.t"]]]),
        ),
        "ConditionNotMet",
        "x-oss-security-token",
    );
    assert!(!m.contains("\"STS.t\" is"), "{m}");
    refused(
        sign(
            "oss",
            "v4",
            json!([["in", "$x-oss-signature-version", ["OSS2"]]]),
        ),
        "ConditionNotMet",
        "x-oss-signature-version",
    );
}

/// What cannot be known before the browser sends the form is left to OSS: a `${filename}` key,
/// a field the form does not send.
#[test]
fn unknown_values_are_left_to_oss() {
    let mut o = read(
        "oss",
        "v4",
        json!([["in", "$key", ["uploads/only-this.txt"]]]),
    )
    .unwrap();
    o.key = "uploads/${filename}".into();
    let form = sign_post_form(&o).unwrap();
    assert!(form.fields.iter().any(|(n, _)| n == "x-oss-signature"));
    let fields = sign("oss", "v2", json!([["in", "$x-oss-meta-absent", ["a"]]])).unwrap();
    assert!(fields.iter().any(|(n, _)| n == "Signature"));
}

#[test]
fn satisfied_conditions_sign() {
    let fields = sign(
        "oss",
        "v4",
        json!([
            ["in", "$content-type", ["image/jpeg", "image/png"]],
            ["not-in", "$cache-control", ["no-store"]]
        ]),
    )
    .unwrap();
    assert!(fields.iter().any(|(n, _)| n == "x-oss-signature"));
}
