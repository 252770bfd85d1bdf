//! One test per rule on option values: PUT header values are printable ASCII, Content-MD5 is
//! 16 bytes, the callback has each dialect's shape, metadata names follow the dialect's rules.

mod object_options_support;

use bucket_upload::core::object_options::{
    form_fields, headers, Callback, ContentMd5Value, ObjectOptions, OssCallback,
};
use bucket_upload::{Dialect, Fields};
use object_options_support::{now, refused, s};

#[test]
fn put_header_values_are_printable_ascii() {
    let o = ObjectOptions {
        content_disposition: s("attachment; filename=\"文.txt\""),
        ..Default::default()
    };
    refused(
        headers(&o, Dialect::S3, now()),
        "NonAsciiHeaderValue",
        "contentDisposition",
    );
    // A form field carries UTF-8.
    assert!(form_fields(&o, Dialect::S3, now()).is_ok());
    let o = ObjectOptions {
        cache_control: s("no-cache\r\nx-amz-acl: public-read"),
        ..Default::default()
    };
    refused(
        form_fields(&o, Dialect::S3, now()),
        "InvalidHeaderValue",
        "cacheControl",
    );
}

#[test]
fn content_md5_is_16_bytes_in_base64_or_hex() {
    let o = |v: &str| ObjectOptions {
        content_md5: Some(ContentMd5Value(v.into())),
        ..Default::default()
    };
    refused(
        headers(&o("abc"), Dialect::S3, now()),
        "InvalidContentMd5",
        "contentMd5",
    );
    // 15 bytes of base64.
    refused(
        headers(&o("XUFAKrxLKna5cZ2REBfF"), Dialect::Oss, now()),
        "InvalidContentMd5",
        "contentMd5",
    );
}

#[test]
fn callback_shape_per_dialect() {
    let oss = |url: &str, body: &str, ct: Option<&str>| ObjectOptions {
        callback: Some(Callback::Oss(OssCallback {
            url: url.into(),
            body: body.into(),
            content_type: ct.map(str::to_string),
            ..Default::default()
        })),
        ..Default::default()
    };
    refused(
        headers(&oss("https://e.com", "", None), Dialect::Oss, now()),
        "InvalidCallback",
        "callback.body",
    );
    refused(
        headers(&oss("", "a=b", None), Dialect::Oss, now()),
        "InvalidCallback",
        "callback.url",
    );
    refused(
        headers(
            &oss("https://e.com", "a=b", Some("text/xml")),
            Dialect::Oss,
            now(),
        ),
        "InvalidCallback",
        "callback.contentType",
    );
    refused(
        headers(&oss("https://e.com", "a=b", None), Dialect::Cms, now()),
        "InvalidCallback",
        "callback",
    );
    let url = |u: &str| ObjectOptions {
        callback: Some(Callback::Url(u.into())),
        ..Default::default()
    };
    refused(
        headers(&url("https://e.com"), Dialect::Oss, now()),
        "InvalidCallback",
        "callback",
    );
    refused(
        headers(&url("e.com/notify"), Dialect::Cms, now()),
        "InvalidCallback",
        "callback",
    );
}

#[test]
fn metadata_names_oss_allows() {
    // Seed 001: "Metadata supports hyphens (-), digits, and letters. ... Other characters such as
    // underscores (_) are not supported."
    let o = ObjectOptions {
        metadata: Fields(vec![("my_key".into(), "v".into())]),
        ..Default::default()
    };
    refused(
        headers(&o, Dialect::Oss, now()),
        "InvalidMetadataName",
        "metadata.my_key",
    );
    assert!(headers(&o, Dialect::S3, now()).is_ok());
    let o = ObjectOptions {
        metadata: Fields(vec![("".into(), "v".into())]),
        ..Default::default()
    };
    refused(
        headers(&o, Dialect::S3, now()),
        "InvalidMetadataName",
        "metadata.",
    );
}

#[test]
fn metadata_names_given_twice() {
    let o = ObjectOptions {
        metadata: Fields(vec![
            ("Owner".into(), "a".into()),
            ("owner".into(), "b".into()),
        ]),
        ..Default::default()
    };
    refused(
        headers(&o, Dialect::Obs, now()),
        "DuplicateMetadataName",
        "metadata.owner",
    );
}
