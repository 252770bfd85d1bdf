//! Policy serialization: the JSON and base64 a form carries, checked against text produced
//! outside this crate (Python's `json.dumps(ensure_ascii=False, separators=(",", ":"))` and
//! `base64.b64encode` over the same document), so UTF-8 keys survive without Latin-1 traps.

use bucket_upload::{
    sign_post_form, Condition, Credentials, Fields, PostFormOptions, PostPolicy, SigVersion,
    UtcTime,
};

fn sample() -> PostPolicy {
    PostPolicy {
        expiration: UtcTime::from_unix_seconds(1_767_323_645), // 2026-01-02T03:14:05Z
        conditions: vec![
            Condition::Eq("bucket".into(), "demo".into()),
            Condition::StartsWith("$key".into(), "uploads/naïve 文件 ☃".into()),
            Condition::ContentLengthRange(0, 10_485_760),
            Condition::Eq("x-amz-meta-note".into(), "say \"hi\"\\ \n".into()),
        ],
    }
}

#[test]
fn json_is_compact_ordered_and_utf8() {
    assert_eq!(
        sample().to_json(),
        r#"{"expiration":"2026-01-02T03:14:05.000Z","conditions":[{"bucket":"demo"},["starts-with","$key","uploads/naïve 文件 ☃"],["content-length-range",0,10485760],{"x-amz-meta-note":"say \"hi\"\\ \n"}]}"#
    );
}

#[test]
fn base64_is_of_the_utf8_bytes() {
    assert_eq!(
        sample().to_base64(),
        "eyJleHBpcmF0aW9uIjoiMjAyNi0wMS0wMlQwMzoxNDowNS4wMDBaIiwiY29uZGl0aW9ucyI6W3siYnVja2V0IjoiZGVtbyJ9LFsic3RhcnRzLXdpdGgiLCIka2V5IiwidXBsb2Fkcy9uYcOvdmUg5paH5Lu2IOKYgyJdLFsiY29udGVudC1sZW5ndGgtcmFuZ2UiLDAsMTA0ODU3NjBdLHsieC1hbXotbWV0YS1ub3RlIjoic2F5IFwiaGlcIlxcIFxuIn1dfQ=="
    );
}

fn form_policy(
    version: SigVersion,
    token: Option<&str>,
    key: &str,
) -> (Vec<(String, String)>, serde_json::Value) {
    let mut credentials = Credentials::new("AKIDEXAMPLE", "not-a-real-secret");
    credentials.session_token = token.map(String::from);
    let form = sign_post_form(&PostFormOptions {
        dialect: Default::default(),
        version,
        endpoint: "http://127.0.0.1:9000".into(),
        bucket: "demo".into(),
        region: "us-east-1".into(),
        path_style: true,
        credentials,
        key: key.into(),
        expires_in: 600,
        now: Some(UtcTime::from_unix_seconds(1_767_323_045)), // 2026-01-02T03:04:05Z
        conditions: vec![Condition::ContentLengthRange(0, 100)],
        fields: Fields(vec![
            ("Content-Type".into(), "text/plain".into()),
            ("x-amz-meta-Owner".into(), "Ann".into()),
        ]),
        object: Default::default(),
    })
    .unwrap();
    let policy = form
        .fields
        .iter()
        .find(|(n, _)| n == "policy")
        .unwrap()
        .1
        .clone();
    use base64::Engine;
    let json = base64::engine::general_purpose::STANDARD
        .decode(policy)
        .unwrap();
    (form.fields, serde_json::from_slice(&json).unwrap())
}

/// Every field the form sends (but the signature fields S3 exempts) has a policy condition
/// (s3s refuses a form otherwise), and the file comes after the signature.
#[test]
fn every_form_field_is_in_the_policy_v4() {
    let (fields, policy) = form_policy(SigVersion::V4, Some("TOKEN/+="), "uploads/${filename}");
    let names: Vec<&str> = fields.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "key",
            "Content-Type",
            "x-amz-meta-Owner",
            "x-amz-algorithm",
            "x-amz-credential",
            "x-amz-date",
            "x-amz-security-token",
            "policy",
            "x-amz-signature"
        ]
    );
    assert_eq!(policy["expiration"], "2026-01-02T03:14:05.000Z");
    let conditions = policy["conditions"].as_array().unwrap();
    let expected = serde_json::json!([
        {"bucket": "demo"},
        ["starts-with", "$key", "uploads/"],
        {"Content-Type": "text/plain"},
        {"x-amz-meta-Owner": "Ann"},
        ["content-length-range", 0, 100],
        {"x-amz-algorithm": "AWS4-HMAC-SHA256"},
        {"x-amz-credential": "AKIDEXAMPLE/20260102/us-east-1/s3/aws4_request"},
        {"x-amz-date": "20260102T030405Z"},
        {"x-amz-security-token": "TOKEN/+="}
    ]);
    assert_eq!(conditions, expected.as_array().unwrap());
}

#[test]
fn every_form_field_is_in_the_policy_v2() {
    let (fields, policy) = form_policy(SigVersion::V2, None, "uploads/a b.txt");
    let names: Vec<&str> = fields.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "key",
            "Content-Type",
            "x-amz-meta-Owner",
            "AWSAccessKeyId",
            "policy",
            "signature"
        ]
    );
    assert_eq!(
        policy["conditions"][1],
        serde_json::json!({"key": "uploads/a b.txt"})
    );
}
