//! A backend reading options from JSON gets the browser's checks and messages: the readers of
//! `core::read` are the one path (serde only turns JSON into a `Value`). Expected codes and
//! messages are the documented ones (README "Strict options").

use bucket_upload::core::multipart::MultipartOptions;
use bucket_upload::core::read::Value;
use bucket_upload::{PostFormOptions, PutOptions};
use serde_json::json;

fn base() -> serde_json::Value {
    json!({ "endpoint": "https://s3.example.com", "bucket": "demo", "key": "uploads/a.txt",
            "credentials": { "accessKeyId": "AK", "secretAccessKey": "SK" } })
}

fn read_put(v: serde_json::Value) -> Result<PutOptions, bucket_upload::Error> {
    let v: Value = serde_json::from_value(v).unwrap();
    PutOptions::read(&v)
}

#[track_caller]
fn refused(r: Result<PutOptions, bucket_upload::Error>, code: &str, field: &str, words: &str) {
    let e = r.unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        (code, Some(field)),
        "{}",
        e.message
    );
    assert!(e.message.contains(words), "{}", e.message);
}

#[test]
fn unknown_names_are_refused_with_the_nearest_one() {
    let mut v = base();
    v["storageclass"] = json!("STANDARD_IA");
    refused(
        read_put(v),
        "UnknownOption",
        "storageclass",
        "did you mean `storageClass`?",
    );
    let mut v = base();
    v["credentials"]["sessiontoken"] = json!("t");
    refused(
        read_put(v),
        "UnknownOption",
        "credentials.sessiontoken",
        "`credentials.sessionToken`",
    );
}

#[test]
fn wrong_types_name_the_option_in_plain_words() {
    for (name, value, field, words) in [
        (
            "expiresIn",
            json!(1.5),
            "expiresIn",
            "a whole number of seconds",
        ),
        (
            "contentLength",
            json!(-1),
            "contentLength",
            "a non-negative integer",
        ),
        ("pathStyle", json!("yes"), "pathStyle", "true or false"),
        (
            "metadata",
            json!({ "owner": { "n": 1 } }),
            "metadata.owner",
            "a string or a number (a whole one)",
        ),
        (
            "dialect",
            json!("gcs"),
            "dialect",
            "\"s3\", \"oss\", \"obs\" or \"cms\"",
        ),
    ] {
        let mut v = base();
        v[name] = value;
        refused(read_put(v), "InvalidOptionType", field, words);
    }
    let mut v = base();
    v["credentials"]["sessionToken"] = json!(7);
    refused(
        read_put(v),
        "InvalidOptionType",
        "credentials.sessionToken",
        "must be a string",
    );
}

#[test]
fn a_missing_option_is_named() {
    let mut v = base();
    v.as_object_mut().unwrap().remove("bucket");
    refused(
        read_put(v),
        "MissingOption",
        "bucket",
        "`bucket` is required",
    );
}

#[test]
fn serde_deserialize_goes_through_the_same_reader() {
    let mut v = base();
    v["storageclass"] = json!("x");
    let e = serde_json::from_value::<PutOptions>(v)
        .unwrap_err()
        .to_string();
    assert!(e.contains("did you mean `storageClass`?"), "{e}");
    let mut v = base();
    v["operation"] = json!("complete");
    v["parts"] = json!([{ "partNumber": 1, "etag": 5 }]);
    let e = serde_json::from_value::<MultipartOptions>(v)
        .unwrap_err()
        .to_string();
    assert!(e.contains("`parts[0].etag` must be a string"), "{e}");
    let mut v = base();
    v["conditions"] = json!([["eq", "$key"]]);
    let e = serde_json::from_value::<PostFormOptions>(v)
        .unwrap_err()
        .to_string();
    assert!(e.contains("three elements"), "{e}");
}
