//! OSS multipart signing (V1 for `version: v2`, V4 for `version: v4`; header-signed and
//! presigned; create, uploadPart, complete, listParts, abort) against what ali-oss 6.23.0 sent
//! and signed for the same inputs, recorded in tests/vectors/multipart-oss/*.json by
//! tests/node/multipart-oss-record.mjs (re-checked against the live SDK by
//! tests/node/multipart-oss.test.mjs). Per case, version and operation:
//! - header-signed: method, URL, every header (Authorization included), the body, and the
//!   intermediate strings ali-oss built (V1 string to sign; V4 canonical request and string to
//!   sign), the session token redacted as our module redacts it;
//! - presigned: the URL and the same intermediate strings.
//!
//! Normalisations (tests/multipart_support): URL query parameters compared as a sorted set,
//! `uploads=` (ali-oss's querystring) read as the documented bare `?uploads`; `!'()*` in paths.

mod multipart_support;

use bucket_upload::core::multipart::sign_multipart;
use multipart_support::*;
use serde_json::{json, Value};

const DIR: &str = "multipart-oss";

fn check(name: &str) {
    let f = fixture(DIR, name);
    for version in ["v2", "v4"] {
        for op in OPERATIONS {
            let rec = &f["sdk"][version][op];
            let what = format!("{name} {version} {op}");

            let sdk = &rec["header"]["request"];
            let ours = sign(&f, &rec["header"]["options"]);
            assert_eq!(
                ours.method,
                sdk["method"].as_str().unwrap(),
                "{what}: method"
            );
            assert_eq!(
                split_url(&ours.url, false),
                split_url(sdk["url"].as_str().unwrap(), false),
                "{what}: URL"
            );
            assert_eq!(
                our_headers(&ours),
                json_headers(&sdk["headers"]),
                "{what}: headers"
            );
            assert_eq!(ours.body.as_deref(), sdk["body"].as_str(), "{what}: body");
            strings(&f, &ours, &sdk["strings"], &what);

            let sdk = &rec["presigned"];
            let ours = sign(&f, &sdk["options"]);
            assert_eq!(
                split_url(&ours.url, false),
                split_url(sdk["url"].as_str().unwrap(), false),
                "{what}: presigned URL"
            );
            strings(&f, &ours, &sdk["strings"], &format!("{what} presigned"));
        }
    }
}

fn strings(
    f: &Value,
    ours: &bucket_upload::core::multipart::SignedMultipart,
    sdk: &Value,
    what: &str,
) {
    let sts = sdk["stringToSign"].as_str().unwrap();
    match sdk["canonicalRequest"].as_str() {
        // V4: the string to sign holds the hash of the unredacted canonical request.
        Some(creq) => {
            assert_eq!(
                ours.canonical_request.as_deref(),
                Some(redact(f, creq).as_str()),
                "{what}: canonical request"
            );
            assert_eq!(ours.string_to_sign, sts, "{what}: string to sign");
        }
        None => assert_eq!(
            ours.string_to_sign,
            redact(f, sts),
            "{what}: string to sign"
        ),
    }
}

macro_rules! cases {
    ($($fn_name:ident => $file:literal),* $(,)?) => { $( #[test] fn $fn_name() { check($file) } )* };
}
cases! {
    unicode_and_reserved_characters_in_key => "unicode-and-reserved-characters-in-key",
    cjk_key_path_style_oss_prefixed_region => "cjk-key-with-a-space-path-style-region-with-the-oss-prefix",
    session_token_part_with_content_md5 => "session-token-part-with-content-md5",
    content_type_and_metadata_on_create => "content-type-and-mixed-case-metadata-on-create",
    compatible_server_on_a_port => "oss-compatible-server-on-a-port-path-style",
}

/// The rules written out for one case (path-style, no token), every operation: V1 signs
/// `uploads`, `partNumber`, `uploadId` as sub-resources of `/bucket/key` (the key as it is) and
/// not `max-parts` / `part-number-marker`; V4 signs every parameter, `uploads` bare. The expected
/// strings are the ones ali-oss built (copied from the fixture).
#[test]
fn intermediate_strings_of_every_operation() {
    let f = fixture(
        DIR,
        "cjk-key-with-a-space-path-style-region-with-the-oss-prefix",
    );
    let date = "Fri, 02 Jan 2026 03:04:05 GMT";
    let id = "0004B999EF5A239BB9138C6227D69F95";
    let v1 = [
        ("create", format!("POST\n\napplication/octet-stream\n{date}\nx-oss-date:{date}\n/example-bucket/uploads/空 格.bin?uploads")),
        ("uploadPart", format!("PUT\n\napplication/octet-stream\n{date}\nx-oss-date:{date}\n/example-bucket/uploads/空 格.bin?partNumber=10000&uploadId={id}")),
        ("complete", format!("POST\nNLfEWL8hPZ+Ajt4jnG/uKg==\napplication/xml\n{date}\nx-oss-date:{date}\n/example-bucket/uploads/空 格.bin?uploadId={id}")),
        ("listParts", format!("GET\n\napplication/octet-stream\n{date}\nx-oss-date:{date}\n/example-bucket/uploads/空 格.bin?uploadId={id}")),
        ("abort", format!("DELETE\n\napplication/octet-stream\n{date}\nx-oss-date:{date}\n/example-bucket/uploads/空 格.bin?uploadId={id}")),
    ];
    for (op, expected) in v1 {
        let ours = sign(&f, &f["sdk"]["v2"][op]["header"]["options"]);
        assert_eq!(ours.string_to_sign, expected, "V1 {op}");
        assert_eq!(ours.canonical_request, None);
    }
    let tail = "host:oss-cn-shanghai.aliyuncs.com\nx-oss-content-sha256:UNSIGNED-PAYLOAD\nx-oss-date:20260102T030405Z\n\nhost\nUNSIGNED-PAYLOAD";
    let uri = "/example-bucket/uploads/%E7%A9%BA%20%E6%A0%BC.bin";
    let v4 = [
        ("create", format!("POST\n{uri}\nuploads\ncontent-type:application/octet-stream\n{tail}")),
        ("uploadPart", format!("PUT\n{uri}\npartNumber=10000&uploadId={id}\ncontent-type:application/octet-stream\n{tail}")),
        ("complete", format!("POST\n{uri}\nuploadId={id}\ncontent-md5:NLfEWL8hPZ+Ajt4jnG/uKg==\ncontent-type:application/xml\n{tail}")),
        ("listParts", format!("GET\n{uri}\nmax-parts=100&part-number-marker=5&uploadId={id}\ncontent-type:application/octet-stream\n{tail}")),
        ("abort", format!("DELETE\n{uri}\nuploadId={id}\ncontent-type:application/octet-stream\n{tail}")),
    ];
    for (op, expected) in v4 {
        let ours = sign(&f, &f["sdk"]["v4"][op]["header"]["options"]);
        assert_eq!(
            ours.canonical_request.as_deref(),
            Some(expected.as_str()),
            "V4 {op}"
        );
        assert!(ours.string_to_sign.starts_with(
            "OSS4-HMAC-SHA256\n20260102T030405Z\n20260102/cn-shanghai/oss/aliyun_v4_request\n"
        ));
    }
}

fn base(operation: &str, version: &str) -> Value {
    json!({
        "operation": operation, "dialect": "oss", "version": version,
        "endpoint": "https://oss-cn-hangzhou.aliyuncs.com", "bucket": "demo", "region": "cn-hangzhou",
        "key": "uploads/a.txt", "uploadId": "0004B9894A22E5B1888A1E29F8236E2D", "partNumber": 1,
        "parts": [{ "partNumber": 1, "etag": "\"3349DC700140D7F86A0784842780AB2D\"" }],
    })
}

fn try_sign(
    v: Value,
) -> Result<bucket_upload::core::multipart::SignedMultipart, bucket_upload::Error> {
    let f = json!({ "accessKeyId": "LTAIEXAMPLE", "secretAccessKey": "not-a-real-secret", "nowUnixSeconds": 1_700_000_000, "case": {} });
    sign_multipart(&options(&f, &v))
}

#[test]
fn part_numbers_outside_1_to_10000_are_refused() {
    for version in ["v2", "v4"] {
        for n in [0, 10_001] {
            let mut o = base("uploadPart", version);
            o["partNumber"] = json!(n);
            refused(try_sign(o), "InvalidPartNumber", "partNumber");
        }
        for n in [1, 10_000] {
            let mut o = base("uploadPart", version);
            o["partNumber"] = json!(n);
            assert!(try_sign(o).is_ok(), "part {n}");
        }
        let mut o = base("uploadPart", version);
        o.as_object_mut().unwrap().remove("partNumber");
        refused(try_sign(o), "InvalidPartNumber", "partNumber");
        let mut o = base("complete", version);
        o["parts"] = json!([{ "partNumber": 10_001, "etag": "\"A\"" }]);
        refused(try_sign(o), "InvalidPartNumber", "parts");
    }
}

#[test]
fn every_operation_but_create_needs_the_upload_id() {
    for version in ["v2", "v4"] {
        for op in ["uploadPart", "complete", "listParts", "abort"] {
            for id in [Value::Null, json!(""), json!("  ")] {
                let mut o = base(op, version);
                o["uploadId"] = id;
                refused(try_sign(o), "MissingUploadId", "uploadId");
            }
        }
    }
}

#[test]
fn checksum_algorithm_is_an_s3_option() {
    for version in ["v2", "v4"] {
        for op in ["create", "uploadPart", "complete"] {
            let mut o = base(op, version);
            o["checksumAlgorithm"] = json!("CRC32C");
            refused(try_sign(o), "UnsupportedOption", "checksumAlgorithm");
        }
    }
}

#[test]
fn signer_headers_cannot_be_given_and_tokens_stay_out_of_the_strings() {
    for version in ["v2", "v4"] {
        let mut o = base("listParts", version);
        o["headers"] = json!({ "x-oss-date": "20260102T030405Z" });
        refused(try_sign(o), "ReservedHeader", "x-oss-date");
        for presign in [false, true] {
            let mut o = base("uploadPart", version);
            o["presign"] = json!(presign);
            let f = json!({ "accessKeyId": "LTAIEXAMPLE", "secretAccessKey": "not-a-real-secret", "nowUnixSeconds": 1_700_000_000, "case": { "sessionToken": "STS.tok/with+chars==" } });
            let s = sign_multipart(&options(&f, &o)).unwrap();
            for text in [
                s.string_to_sign.as_str(),
                s.canonical_request.as_deref().unwrap_or(""),
            ] {
                assert!(
                    !text.contains("STS.tok") && !text.contains("not-a-real-secret"),
                    "{text}"
                );
            }
        }
    }
}
