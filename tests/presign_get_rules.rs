//! One test per rule of `presign_get`: each bad input is refused before anything is signed, with
//! the rule's code and the offending field (and what is allowed stays allowed).

use bucket_upload::core::read::Value;
use bucket_upload::{presign_get, Dialect, Error, ErrorKind, GetOptions, SigVersion, UtcTime};
use serde_json::json;

fn get(dialect: &str, version: &str) -> GetOptions {
    let mut o: GetOptions = serde_json::from_value(json!({
        "dialect": dialect,
        "version": version,
        "endpoint": "http://127.0.0.1:9000",
        "bucket": "demo",
        "pathStyle": true,
        "region": "us-east-1",
        "credentials": { "accessKeyId": "AKIDEXAMPLE", "secretAccessKey": "not-a-real-secret" },
        "key": "downloads/report.pdf",
    }))
    .unwrap();
    o.now = Some(UtcTime::from_unix_seconds(1_700_000_000));
    o
}

/// Every dialect and version that presigns a GET.
fn all() -> Vec<GetOptions> {
    vec![
        get("s3", "v4"),
        get("s3", "v2"),
        get("oss", "v2"),
        get("oss", "v4"),
        get("obs", "v2"),
    ]
}

#[track_caller]
fn refused(r: Result<String, Error>, code: &str, field: &str) {
    let e = r.expect_err("must be refused");
    assert_eq!(e.kind, ErrorKind::Validation, "{e}");
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        (code, Some(field)),
        "{e}"
    );
}

#[test]
fn an_override_with_a_control_character_is_refused() {
    for o in all() {
        for (field, bad) in [
            ("responseContentType", "text/plain\r\nX-Evil: 1"),
            ("responseContentLanguage", "en\n"),
            ("responseCacheControl", "no-cache\u{0}"),
            (
                "responseContentDisposition",
                "attachment; filename=\"a\u{7f}.txt\"",
            ),
            ("responseContentEncoding", "gzip\u{85}"),
            ("responseExpires", "Fri, 02 Jan 2026 04:04:05 GMT\r"),
        ] {
            let mut o = o.clone();
            let slot = match field {
                "responseContentType" => &mut o.response.content_type,
                "responseContentLanguage" => &mut o.response.content_language,
                "responseCacheControl" => &mut o.response.cache_control,
                "responseContentDisposition" => &mut o.response.content_disposition,
                "responseContentEncoding" => &mut o.response.content_encoding,
                _ => &mut o.response.expires,
            };
            *slot = Some(bad.into());
            refused(presign_get(&o), "InvalidHeaderValue", field);
        }
    }
}

#[test]
fn tabs_unicode_and_reserved_characters_are_allowed() {
    for mut o in all() {
        o.response.content_disposition =
            Some("attachment;\tfilename=\"naïve résumé & co (1).pdf\"".into());
        let url = presign_get(&o).unwrap();
        assert!(url.contains("response-content-disposition=attachment%3B%09filename%3D%22na%C3%AFve%20r%C3%A9sum%C3%A9%20%26%20co%20%281%29.pdf%22"), "{url}");
    }
}

#[test]
fn response_expires_must_be_an_http_date() {
    for bad in [
        "2026-01-02T04:04:05Z",
        "tomorrow",
        "Fri, 02 Jan 2026 04:04:05 UTC",
        " Fri, 02 Jan 2026 04:04:05 GMT",
    ] {
        let mut o = get("s3", "v4");
        o.response.expires = Some(bad.into());
        refused(presign_get(&o), "InvalidResponseExpires", "responseExpires");
    }
    let mut o = get("s3", "v4");
    o.response.expires = Some("Fri, 02 Jan 2026 04:04:05 GMT".into());
    assert!(presign_get(&o)
        .unwrap()
        .contains("&response-expires=Fri%2C%2002%20Jan%202026%2004%3A04%3A05%20GMT"));
}

#[test]
fn traffic_limit_is_within_the_oss_range() {
    for version in ["v2", "v4"] {
        for bad in [0, 819_199, 838_860_801] {
            let mut o = get("oss", version);
            o.traffic_limit = Some(bad);
            refused(presign_get(&o), "InvalidTrafficLimit", "trafficLimit");
        }
        for good in [819_200, 838_860_800] {
            let mut o = get("oss", version);
            o.traffic_limit = Some(good);
            assert!(presign_get(&o)
                .unwrap()
                .contains(&format!("x-oss-traffic-limit={good}")));
        }
    }
}

#[test]
fn traffic_limit_is_an_oss_option() {
    for mut o in [get("s3", "v4"), get("s3", "v2"), get("obs", "v2")] {
        o.traffic_limit = Some(819_200);
        refused(presign_get(&o), "UnsupportedOption", "trafficLimit");
    }
}

#[test]
fn a_version_id_with_a_control_character_is_refused() {
    for mut o in all() {
        o.version_id = Some("3HL4kqt\nJlcp".into());
        refused(presign_get(&o), "InvalidVersionId", "versionId");
    }
}

#[test]
fn empty_values_are_left_out() {
    for o in all() {
        let mut empty = o.clone();
        empty.version_id = Some(String::new());
        empty.response.content_type = Some(String::new());
        assert_eq!(presign_get(&empty).unwrap(), presign_get(&o).unwrap());
    }
}

#[test]
fn cms_has_no_presigned_get() {
    let mut o = get("s3", "v4");
    o.dialect = Dialect::Cms;
    refused(presign_get(&o), "UnsupportedDialect", "dialect");
}

#[test]
fn obs_signs_natively_only() {
    let mut o = get("obs", "v2");
    o.version = SigVersion::V4;
    refused(presign_get(&o), "UnsupportedSignatureVersion", "version");
}

#[test]
fn expiry_limits_are_the_dialects() {
    for mut o in [get("s3", "v4"), get("oss", "v4")] {
        o.expires_in = 7 * 24 * 3600 + 1;
        refused(presign_get(&o), "ExpiresTooLong", "expiresIn");
    }
    for mut o in [get("s3", "v2"), get("oss", "v2")] {
        o.expires_in = 30 * 24 * 3600;
        presign_get(&o).unwrap();
    }
    let mut o = get("obs", "v2");
    o.credentials.session_token = Some("token".into());
    o.expires_in = 24 * 3600 + 1;
    refused(presign_get(&o), "ExpiresTooLong", "expiresIn");
    for mut o in all() {
        o.expires_in = 0;
        refused(presign_get(&o), "ExpirationNotInFuture", "expiresIn");
    }
}

#[test]
fn the_target_rules_of_every_presigned_url_apply() {
    for o in all() {
        let mut bad = o.clone();
        bad.now = None;
        refused(presign_get(&bad), "MissingTime", "now");
        let mut bad = o.clone();
        bad.key = "a/../b".into();
        refused(presign_get(&bad), "InvalidObjectName", "key");
        let mut bad = o.clone();
        bad.credentials.secret_access_key = String::new();
        refused(
            presign_get(&bad),
            "MissingCredentials",
            "credentials.secretAccessKey",
        );
    }
}

#[test]
fn the_reader_names_unknown_and_mistyped_options() {
    let read = |extra: serde_json::Value| {
        let mut v = json!({ "endpoint": "http://h", "bucket": "b", "key": "k",
            "credentials": { "accessKeyId": "a", "secretAccessKey": "s" } });
        v.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        GetOptions::read(&serde_json::from_value::<Value>(v).unwrap())
    };
    let e = read(json!({ "responseContentTyp": "text/plain" })).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        ("UnknownOption", Some("responseContentTyp"))
    );
    assert!(e.message.contains("`responseContentType`"), "{}", e.message);
    let e = read(json!({ "contentType": "text/plain" })).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        ("UnknownOption", Some("contentType"))
    );
    let e = read(json!({ "trafficLimit": "fast" })).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        ("InvalidOptionType", Some("trafficLimit"))
    );
    let e = read(json!({ "versionId": 7 })).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        ("InvalidOptionType", Some("versionId"))
    );
}
