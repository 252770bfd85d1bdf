//! One test per size or format limit of the typed object options: tags, user metadata per
//! dialect and the website redirect location, each on both sides of its boundary; each refusal
//! names its rule and option. WORM: tests/object_options_worm.rs.

mod object_options_support;

use bucket_upload::core::object_options::{form_fields, headers, ObjectOptions, Tagging};
use bucket_upload::{presign_put, Credentials, Dialect, Fields, PutOptions, SigVersion};
use object_options_support::{now, refused};

fn tagged(t: Tagging) -> ObjectOptions {
    ObjectOptions {
        tagging: Some(t),
        ..Default::default()
    }
}

fn text(t: &str) -> ObjectOptions {
    tagged(Tagging::Text(t.into()))
}

#[test]
fn tagging_text_is_decoded_then_encoded_once_and_a_bare_key_has_an_empty_value() {
    // Seed 001: "If a key-value pair does not contain an equal sign (=), the tag value is
    // considered as an empty string." Expected text: Python's
    // urllib.parse.quote(k, safe='') + '=' + quote(v, safe='') per pair.
    let h = headers(&text("TagA=A&TagC&a%20b=c%26d&x=1+1"), Dialect::Oss, now()).unwrap();
    assert_eq!(h[0].1, "TagA=A&TagC=&a%20b=c%26d&x=1%2B1");
}

#[test]
fn tagging_escape_must_be_well_formed() {
    refused(
        headers(&text("a=%zz"), Dialect::S3, now()),
        "InvalidTagging",
        "tagging",
    );
    refused(
        headers(&text("a=%+1"), Dialect::S3, now()),
        "InvalidTagging",
        "tagging",
    );
    refused(
        headers(&text("a=%ff"), Dialect::S3, now()),
        "InvalidTagging",
        "tagging",
    );
}

#[test]
fn at_most_10_tags() {
    let tags = |n: usize| {
        (0..n)
            .map(|i| format!("k{i}=v"))
            .collect::<Vec<_>>()
            .join("&")
    };
    assert!(headers(&text(&tags(10)), Dialect::S3, now()).is_ok());
    refused(
        headers(&text(&tags(11)), Dialect::S3, now()),
        "TooManyTags",
        "tagging",
    );
}

#[test]
fn tag_keys_have_1_to_128_characters() {
    let ok = Fields(vec![("键".repeat(128), "v".into())]);
    assert!(headers(&tagged(Tagging::Pairs(ok)), Dialect::Oss, now()).is_ok());
    let long = Fields(vec![("k".repeat(129), "v".into())]);
    refused(
        headers(&tagged(Tagging::Pairs(long)), Dialect::Oss, now()),
        "InvalidTagKey",
        "tagging",
    );
    refused(
        headers(&text("=v"), Dialect::S3, now()),
        "InvalidTagKey",
        "tagging",
    );
}

#[test]
fn tag_values_have_at_most_256_characters() {
    let v = |n: usize| Fields(vec![("k".into(), "值".repeat(n))]);
    assert!(headers(&tagged(Tagging::Pairs(v(256))), Dialect::S3, now()).is_ok());
    refused(
        headers(&tagged(Tagging::Pairs(v(257))), Dialect::S3, now()),
        "InvalidTagValue",
        "tagging",
    );
}

#[test]
fn tag_keys_are_unique() {
    refused(
        headers(&text("a=1&a=2"), Dialect::Oss, now()),
        "DuplicateTagKey",
        "tagging",
    );
}

fn with_meta(value_len: usize) -> ObjectOptions {
    ObjectOptions {
        metadata: Fields(vec![("note".into(), "x".repeat(value_len))]),
        ..Default::default()
    }
}

#[test]
fn metadata_limit_per_dialect() {
    // "note" (4 bytes) + the value. S3 and OBS (seed 003): "cannot exceed 2 KB"; OSS (seed 001):
    // "cannot exceed 8 KB"; CMS (seed 000): "长度不能超过8KB".
    for (d, limit) in [
        (Dialect::S3, 2048),
        (Dialect::Obs, 2048),
        (Dialect::Oss, 8192),
        (Dialect::Cms, 8192),
    ] {
        assert!(headers(&with_meta(limit - 4), d, now()).is_ok(), "{d:?}");
        refused(
            headers(&with_meta(limit - 3), d, now()),
            "MetadataTooLarge",
            "metadata",
        );
    }
    refused(
        form_fields(&with_meta(2045), Dialect::S3, now()),
        "MetadataTooLarge",
        "metadata",
    );
}

fn put(dialect: Dialect, raw: &[(&str, &str)], object: ObjectOptions) -> PutOptions {
    PutOptions {
        dialect,
        version: SigVersion::V4,
        endpoint: "http://127.0.0.1:9000".into(),
        bucket: "demo".into(),
        region: "us-east-1".into(),
        path_style: true,
        credentials: Credentials::new("AKIDEXAMPLE", "not-a-real-secret"),
        key: "a.txt".into(),
        expires_in: 600,
        now: Some(now()),
        headers: Fields(
            raw.iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
        ),
        content_length: None,
        signed_headers: Default::default(),
        object,
    }
}

#[test]
fn metadata_limit_counts_raw_headers_too() {
    // "raw" + 997 bytes = 1,000 from the raw header, "note" + 1,045 = 1,049 typed: 2,049.
    let raw = "y".repeat(997);
    let o = put(Dialect::S3, &[("x-amz-meta-raw", &raw)], with_meta(1045));
    refused(presign_put(&o), "MetadataTooLarge", "metadata");
    let o = put(Dialect::S3, &[("x-amz-meta-raw", &raw)], with_meta(1044));
    assert!(presign_put(&o).is_ok());
}

#[test]
fn metadata_in_a_put_header_is_printable_ascii() {
    let o = ObjectOptions {
        metadata: Fields(vec![("city".into(), "Zürich".into())]),
        ..Default::default()
    };
    refused(
        headers(&o, Dialect::S3, now()),
        "NonAsciiHeaderValue",
        "metadata.city",
    );
    assert!(form_fields(&o, Dialect::S3, now()).is_ok());
}

fn redirect(v: &str) -> ObjectOptions {
    ObjectOptions {
        website_redirect_location: Some(v.into()),
        ..Default::default()
    }
}

#[test]
fn redirect_starts_with_slash_http_or_https() {
    // Seed 003's own sample request sends "www.example.com", which its constraint forbids.
    refused(
        headers(&redirect("www.example.com"), Dialect::S3, now()),
        "InvalidRedirectLocation",
        "websiteRedirectLocation",
    );
    refused(
        form_fields(&redirect("ftp://example.com/"), Dialect::Obs, now()),
        "InvalidRedirectLocation",
        "websiteRedirectLocation",
    );
}

#[test]
fn redirect_at_most_2_k() {
    let at = |n: usize| format!("/{}", "a".repeat(n - 1));
    assert!(headers(&redirect(&at(2048)), Dialect::S3, now()).is_ok());
    refused(
        headers(&redirect(&at(2049)), Dialect::Obs, now()),
        "RedirectLocationTooLong",
        "websiteRedirectLocation",
    );
}
