//! The rules of `signContentLength` and `additionalHeaders` (core::signed_headers), one test per
//! rule: each refused before anything is signed, with its code and the option named as `field`;
//! and what is accepted (lower-casing, the header never returned to be set).

use bucket_upload::core::multipart::{sign_multipart, MultipartOptions};
use bucket_upload::core::read::Value;
use bucket_upload::{presign, sign_put_headers, Error, ErrorKind, PutOptions, UtcTime};
use serde_json::{json, Value as Json};

fn base(dialect: &str, version: &str) -> Json {
    json!({
        "dialect": dialect, "version": version,
        "endpoint": if dialect == "oss" { "https://oss-cn-hangzhou.aliyuncs.com" } else { "https://s3.eu-west-1.amazonaws.com" },
        "bucket": "demo", "region": if dialect == "oss" { "cn-hangzhou" } else { "eu-west-1" },
        "credentials": { "accessKeyId": "AKIDEXAMPLE", "secretAccessKey": "not-a-real-secret", "sessionToken": "tok" },
        "key": "uploads/naïve 文件 ☃ a+b=c&d.txt", "expiresIn": 600,
        "headers": { "Content-Type": "text/plain", "Cache-Control": "no-cache", "x-oss-meta-a": "1" },
    })
}

fn with(mut o: Json, extra: Json) -> Json {
    for (k, v) in extra.as_object().unwrap() {
        o[k] = v.clone();
    }
    o
}

/// The options read as a backend reads them, with the reader's own errors.
fn put(o: Json) -> Result<PutOptions, Error> {
    let mut o = PutOptions::read(&serde_json::from_value::<Value>(o).unwrap())?;
    o.now = Some(UtcTime::from_unix_seconds(1_767_323_045));
    Ok(o)
}

/// Both PUT signers, header-signed and presigned.
fn both(o: Json) -> [Result<(), Error>; 2] {
    let a = put(o.clone()).and_then(|o| sign_put_headers(&o).map(drop));
    let b = put(o).and_then(|o| presign("PUT", &o).map(drop));
    [a, b]
}

#[track_caller]
fn refused(results: impl IntoIterator<Item = Result<(), Error>>, code: &str, field: &str) {
    for r in results {
        let e = r.expect_err("must be refused");
        assert_eq!(e.kind, ErrorKind::Validation, "{e}");
        assert_eq!(
            (e.code.as_str(), e.field.as_deref()),
            (code, Some(field)),
            "{e}"
        );
    }
}

fn multipart(o: Json) -> Result<(), Error> {
    let mut o = MultipartOptions::read(&serde_json::from_value::<Value>(o).unwrap())?;
    o.now = Some(UtcTime::from_unix_seconds(1_767_323_045));
    sign_multipart(&o).map(drop)
}

/// PUT options of `dialect` and `version` with `extra`.
fn o(dialect: &str, version: &str, extra: Json) -> Json {
    with(base(dialect, version), extra)
}

fn part(dialect: &str, extra: Json) -> Json {
    let p = json!({ "operation": "uploadPart", "uploadId": "u1", "partNumber": 1, "headers": {} });
    with(o(dialect, "v4", p), extra)
}

const GIB5: u64 = 5 << 30;

#[test]
fn sign_content_length_needs_content_length() {
    let ask = json!({ "signContentLength": true });
    refused(
        both(o("s3", "v4", ask.clone())),
        "MissingOption",
        "contentLength",
    );
    refused(
        both(o("oss", "v4", ask.clone())),
        "MissingOption",
        "contentLength",
    );
    refused(
        [multipart(part("s3", ask))],
        "MissingOption",
        "contentLength",
    );
}

#[test]
fn sign_content_length_only_where_the_string_to_sign_has_a_place_for_it() {
    let ask = json!({ "signContentLength": true, "contentLength": 5, "headers": {} });
    for (dialect, version) in [("s3", "v2"), ("oss", "v2"), ("obs", "v2"), ("cms", "v4")] {
        // CMS has no presigned URL at all (UnsupportedDialect): its header PUT is the case.
        let n = if dialect == "cms" { 1 } else { 2 };
        let results = both(o(dialect, version, ask.clone())).into_iter().take(n);
        refused(results, "UnsupportedOption", "signContentLength");
    }
}

#[test]
fn additional_headers_only_for_oss_v4() {
    let list = json!({ "additionalHeaders": ["host"], "headers": {} });
    for (dialect, version) in [("s3", "v4"), ("s3", "v2"), ("oss", "v2"), ("obs", "v2")] {
        let results = both(o(dialect, version, list.clone()));
        refused(results, "UnsupportedOption", "additionalHeaders");
    }
    let r = multipart(part("s3", json!({ "additionalHeaders": [] })));
    refused([r], "UnsupportedOption", "additionalHeaders");
}

#[test]
fn wrong_types_name_the_option() {
    for (extra, field) in [
        (json!({ "additionalHeaders": "host" }), "additionalHeaders"),
        (
            json!({ "additionalHeaders": ["host", 7] }),
            "additionalHeaders",
        ),
        (json!({ "signContentLength": "yes" }), "signContentLength"),
        (json!({ "contentLength": -1 }), "contentLength"),
    ] {
        refused(
            [put(o("oss", "v4", extra)).map(drop)],
            "InvalidOptionType",
            field,
        );
    }
}

#[test]
fn misspelled_names_are_unknown_options() {
    for (extra, field) in [
        (json!({ "signContentLenght": true }), "signContentLenght"),
        (json!({ "additionalHeader": [] }), "additionalHeader"),
    ] {
        refused(
            [put(o("oss", "v4", extra)).map(drop)],
            "UnknownOption",
            field,
        );
    }
}

#[test]
fn each_name_is_an_http_header_name() {
    let list = json!({ "additionalHeaders": ["cache control"] });
    refused(
        both(o("oss", "v4", list)),
        "InvalidHeaderName",
        "additionalHeaders",
    );
}

#[test]
fn no_name_twice_compared_lower_cased() {
    let list = json!({ "additionalHeaders": ["Host", "cache-control", "host"] });
    refused(
        both(o("oss", "v4", list)),
        "DuplicateHeader",
        "additionalHeaders",
    );
}

#[test]
fn each_name_is_sent_by_the_request() {
    for name in [
        "content-disposition",
        "x-oss-meta-b",
        "authorization",
        "x-oss-date",
    ] {
        let list = json!({ "additionalHeaders": ["host", name] });
        refused(
            both(o("oss", "v4", list)),
            "HeaderNotSent",
            "additionalHeaders",
        );
    }
}

#[test]
fn listing_content_length_signs_it_so_needs_content_length() {
    let list = json!({ "additionalHeaders": ["content-length"] });
    refused(both(o("oss", "v4", list)), "MissingOption", "contentLength");
}

#[test]
fn listing_content_length_contradicts_sign_content_length_false() {
    let list = json!({ "additionalHeaders": ["content-length"], "contentLength": 3, "signContentLength": false });
    refused(
        both(o("oss", "v4", list)),
        "ConflictingOption",
        "additionalHeaders",
    );
}

#[test]
fn content_length_belongs_to_upload_part_and_bodies() {
    let create = o(
        "s3",
        "v4",
        json!({ "operation": "create", "contentLength": 5, "headers": {} }),
    );
    refused([multipart(create)], "UnsupportedOption", "contentLength");
    let abort =
        json!({ "operation": "abort", "uploadId": "u1", "signContentLength": true, "headers": {} });
    refused(
        [multipart(o("s3", "v4", abort))],
        "UnsupportedOption",
        "signContentLength",
    );
    let big = json!({ "contentLength": GIB5 + 1, "signContentLength": true });
    refused(
        [multipart(part("s3", big.clone()))],
        "EntityTooLarge",
        "contentLength",
    );
    refused(both(o("s3", "v4", big)), "EntityTooLarge", "contentLength");
}

#[test]
fn names_are_lower_cased_and_default_signed_ones_left_out() {
    let sign = |list: Json| {
        let extra =
            json!({ "additionalHeaders": list, "contentLength": 3, "signContentLength": true });
        let o = put(o("oss", "v4", extra)).unwrap();
        (
            sign_put_headers(&o).unwrap().headers,
            presign("PUT", &o).unwrap().url,
        )
    };
    let (headers, url) = sign(json!([
        "HOST",
        "Cache-Control",
        "X-OSS-META-A",
        "Content-Type"
    ]));
    assert_eq!(
        (headers.clone(), url.clone()),
        sign(json!(["cache-control", "host"]))
    );
    let authorization = &headers
        .iter()
        .find(|(n, _)| n == "Authorization")
        .unwrap()
        .1;
    let want = ",AdditionalHeaders=cache-control;content-length;host,";
    assert!(authorization.contains(want), "{authorization}");
    let want = "x-oss-additional-headers=cache-control%3Bcontent-length%3Bhost&";
    assert!(url.contains(want), "{url}");
}

#[test]
fn an_empty_list_signs_no_additional_header() {
    let o = put(o("oss", "v4", json!({ "additionalHeaders": [] }))).unwrap();
    let h = sign_put_headers(&o).unwrap().headers;
    let authorization = &h.iter().find(|(n, _)| n == "Authorization").unwrap().1;
    assert!(
        !authorization.contains("AdditionalHeaders"),
        "{authorization}"
    );
    let url = presign("PUT", &o).unwrap().url;
    assert!(!url.contains("x-oss-additional-headers"), "{url}");
}

#[test]
fn content_length_is_signed_never_returned_to_set() {
    let not_set = |h: &[(String, String)]| {
        h.iter()
            .all(|(n, _)| !n.eq_ignore_ascii_case("content-length"))
    };
    for dialect in ["s3", "oss"] {
        let ask = json!({ "contentLength": 0, "signContentLength": true });
        let o = put(o(dialect, "v4", ask)).unwrap();
        let s = sign_put_headers(&o).unwrap();
        assert!(not_set(&s.headers));
        assert!(s
            .canonical_request
            .unwrap()
            .contains("\ncontent-length:0\n"));
        let p = presign("PUT", &o).unwrap();
        assert!(p
            .canonical_request
            .unwrap()
            .contains("\ncontent-length:0\n"));
        assert!(not_set(
            &bucket_upload::core::object_options::put_headers(&o).unwrap()
        ));
    }
    // Not asked: not signed, as before.
    let o = put(o("s3", "v4", json!({ "contentLength": 9 }))).unwrap();
    let creq = sign_put_headers(&o).unwrap().canonical_request.unwrap();
    assert!(!creq.contains("content-length"), "{creq}");
}
