//! One test per validation rule: each bad input is refused before anything is signed, with the
//! rule's code and the offending field.

use bucket_upload::{
    presign_put, sign_post_form, sign_put_headers, Condition, Credentials, ErrorKind, Fields,
    PostFormOptions, PutOptions, SigVersion, UtcTime,
};

fn post() -> PostFormOptions {
    PostFormOptions {
        dialect: Default::default(),
        version: SigVersion::V4,
        endpoint: "http://127.0.0.1:9000".into(),
        bucket: "demo".into(),
        region: "us-east-1".into(),
        path_style: true,
        credentials: Credentials::new("AKIDEXAMPLE", "not-a-real-secret"),
        key: "uploads/a.txt".into(),
        expires_in: 600,
        now: Some(UtcTime::from_unix_seconds(1_700_000_000)),
        conditions: vec![],
        fields: Fields::default(),
        object: Default::default(),
    }
}

fn put() -> PutOptions {
    PutOptions {
        dialect: Default::default(),
        version: SigVersion::V4,
        endpoint: "http://127.0.0.1:9000".into(),
        bucket: "demo".into(),
        region: "us-east-1".into(),
        path_style: true,
        credentials: Credentials::new("AKIDEXAMPLE", "not-a-real-secret"),
        key: "uploads/a.txt".into(),
        expires_in: 600,
        now: Some(UtcTime::from_unix_seconds(1_700_000_000)),
        headers: Fields::default(),
        content_length: None,
        signed_headers: Default::default(),
        object: Default::default(),
    }
}

#[track_caller]
fn refused<T: std::fmt::Debug>(r: Result<T, bucket_upload::Error>, code: &str, field: &str) {
    let e = r.expect_err("must be refused");
    assert_eq!(e.kind, ErrorKind::Validation, "{e}");
    assert_eq!(e.code, code, "{e}");
    assert_eq!(e.field.as_deref(), Some(field), "{e}");
    assert!(
        !e.message.contains("not-a-real-secret"),
        "the secret leaked into: {e}"
    );
}

#[test]
fn empty_key() {
    refused(
        sign_post_form(&PostFormOptions {
            key: "".into(),
            ..post()
        }),
        "EmptyKey",
        "key",
    );
    refused(
        presign_put(&PutOptions {
            key: "".into(),
            ..put()
        }),
        "EmptyKey",
        "key",
    );
}

#[test]
fn key_over_1023_bytes() {
    // 342 three-byte characters = 1,026 bytes, though only 342 characters.
    let key = "文".repeat(342);
    refused(
        sign_post_form(&PostFormOptions {
            key: key.clone(),
            ..post()
        }),
        "KeyTooLong",
        "key",
    );
    refused(
        presign_put(&PutOptions { key, ..put() }),
        "KeyTooLong",
        "key",
    );
    assert!(sign_post_form(&PostFormOptions {
        key: "k".repeat(1023),
        ..post()
    })
    .is_ok());
}

#[test]
fn key_with_dot_segments_in_a_url() {
    refused(
        presign_put(&PutOptions {
            key: "a/../b".into(),
            ..put()
        }),
        "InvalidObjectName",
        "key",
    );
    // A POST carries the key in the body, but file-backed servers resolve it as a path (see
    // post_key_traversal_bug_dot_segments_are_refused_before_signing): refused there too.
    refused(
        sign_post_form(&PostFormOptions {
            key: "a/../b".into(),
            ..post()
        }),
        "InvalidObjectName",
        "key",
    );
}

#[test]
fn object_over_5_gib_for_put() {
    let limit = 5 * 1024 * 1024 * 1024;
    refused(
        presign_put(&PutOptions {
            content_length: Some(limit + 1),
            ..put()
        }),
        "EntityTooLarge",
        "contentLength",
    );
    assert!(presign_put(&PutOptions {
        content_length: Some(limit),
        ..put()
    })
    .is_ok());
}

#[test]
fn content_length_range_min_over_max() {
    let o = PostFormOptions {
        conditions: vec![Condition::ContentLengthRange(10, 9)],
        ..post()
    };
    refused(
        sign_post_form(&o),
        "InvalidContentLengthRange",
        "content-length-range",
    );
}

#[test]
fn expiration_not_in_the_future() {
    refused(
        sign_post_form(&PostFormOptions {
            expires_in: 0,
            ..post()
        }),
        "ExpirationNotInFuture",
        "expiresIn",
    );
    refused(
        sign_post_form(&PostFormOptions {
            expires_in: -60,
            ..post()
        }),
        "ExpirationNotInFuture",
        "expiresIn",
    );
    refused(
        presign_put(&PutOptions {
            expires_in: 0,
            ..put()
        }),
        "ExpirationNotInFuture",
        "expiresIn",
    );
}

#[test]
fn presigned_url_over_7_days() {
    refused(
        presign_put(&PutOptions {
            expires_in: 604_801,
            ..put()
        }),
        "ExpiresTooLong",
        "expiresIn",
    );
    assert!(presign_put(&PutOptions {
        expires_in: 604_800,
        ..put()
    })
    .is_ok());
}

#[test]
fn user_metadata_over_2_kb() {
    let big = |n: usize| Fields(vec![("x-amz-meta-note".into(), "x".repeat(n))]);
    // "note" (4 bytes) + value: 2,044 is exactly 2 KB.
    assert!(sign_post_form(&PostFormOptions {
        fields: big(2044),
        ..post()
    })
    .is_ok());
    refused(
        sign_post_form(&PostFormOptions {
            fields: big(2045),
            ..post()
        }),
        "MetadataTooLarge",
        "x-amz-meta-*",
    );
    refused(
        presign_put(&PutOptions {
            headers: big(2045),
            ..put()
        }),
        "MetadataTooLarge",
        "x-amz-meta-*",
    );
}

#[test]
fn header_names_http_does_not_allow() {
    let bad = Fields(vec![("x-amz-meta-my key".into(), "v".into())]);
    refused(
        sign_post_form(&PostFormOptions {
            fields: bad.clone(),
            ..post()
        }),
        "InvalidHeaderName",
        "x-amz-meta-my key",
    );
    refused(
        sign_put_headers(&PutOptions {
            headers: bad,
            ..put()
        }),
        "InvalidHeaderName",
        "x-amz-meta-my key",
    );
    let unicode = Fields(vec![("x-amz-meta-naïve".into(), "v".into())]);
    refused(
        presign_put(&PutOptions {
            headers: unicode,
            ..put()
        }),
        "InvalidHeaderName",
        "x-amz-meta-naïve",
    );
}

#[test]
fn header_values_with_line_breaks() {
    let bad = Fields(vec![(
        "Content-Type".into(),
        "text/plain\r\nX-Evil: 1".into(),
    )]);
    refused(
        presign_put(&PutOptions {
            headers: bad,
            ..put()
        }),
        "InvalidHeaderValue",
        "Content-Type",
    );
}

#[test]
fn empty_access_key_or_secret() {
    let no_id = Credentials::new("", "not-a-real-secret");
    refused(
        sign_post_form(&PostFormOptions {
            credentials: no_id,
            ..post()
        }),
        "MissingCredentials",
        "credentials.accessKeyId",
    );
    let no_secret = Credentials::new("AKIDEXAMPLE", "");
    refused(
        presign_put(&PutOptions {
            credentials: no_secret,
            ..put()
        }),
        "MissingCredentials",
        "credentials.secretAccessKey",
    );
}

#[test]
fn missing_signing_time() {
    refused(
        sign_post_form(&PostFormOptions {
            now: None,
            ..post()
        }),
        "MissingTime",
        "now",
    );
}

#[test]
fn fields_the_signer_owns() {
    let f = Fields(vec![("policy".into(), "x".into())]);
    refused(
        sign_post_form(&PostFormOptions {
            fields: f,
            ..post()
        }),
        "ReservedField",
        "policy",
    );
    let h = Fields(vec![("Authorization".into(), "x".into())]);
    refused(
        sign_put_headers(&PutOptions {
            headers: h,
            ..put()
        }),
        "ReservedHeader",
        "Authorization",
    );
}

#[test]
fn endpoint_and_bucket() {
    refused(
        sign_post_form(&PostFormOptions {
            endpoint: "127.0.0.1:9000".into(),
            ..post()
        }),
        "InvalidEndpoint",
        "endpoint",
    );
    refused(
        sign_post_form(&PostFormOptions {
            endpoint: "ftp://h".into(),
            ..post()
        }),
        "InvalidEndpoint",
        "endpoint",
    );
    refused(
        sign_post_form(&PostFormOptions {
            bucket: "".into(),
            ..post()
        }),
        "InvalidBucketName",
        "bucket",
    );
    let o = PostFormOptions {
        bucket: "My_Bucket".into(),
        path_style: false,
        ..post()
    };
    refused(sign_post_form(&o), "InvalidBucketName", "bucket");
}

/// The bucket naming rules S3, OSS and OBS share, for a virtual-hosted URL (the bucket leads
/// the host name): each name here is one the vendors' naming pages refuse; path style keeps
/// them (a path can carry them, and the server judges).
#[test]
fn virtual_hosted_buckets_must_be_host_labels() {
    for (bucket, why) in [
        ("ab", "3 to 63"),
        (&"a".repeat(64)[..], "3 to 63"),
        ("My-Bucket", "lowercase"),
        ("my_bucket", "lowercase"),
        ("my bucket", "lowercase"),
        ("-bucket", "start and end"),
        ("bucket-", "start and end"),
        ("my..bucket", "dot-separated"),
        ("my.-bucket", "dot-separated"),
        ("192.168.5.4", "IP address"),
    ] {
        let o = PostFormOptions {
            bucket: bucket.into(),
            path_style: false,
            ..post()
        };
        let e = sign_post_form(&o).unwrap_err();
        assert_eq!(
            (e.code.as_str(), e.field.as_deref()),
            ("InvalidBucketName", Some("bucket")),
            "{bucket}"
        );
        assert!(e.message.contains(why), "{bucket}: {}", e.message);
        let path_style = PostFormOptions {
            bucket: bucket.into(),
            path_style: true,
            ..post()
        };
        assert!(
            sign_post_form(&path_style).is_ok(),
            "{bucket} in path style"
        );
    }
    for ok in [
        "abc",
        "my.bucket.example",
        "a-b-c",
        "123",
        &"a".repeat(63)[..],
        "1.2.3",
    ] {
        let o = PostFormOptions {
            bucket: ok.into(),
            path_style: false,
            ..post()
        };
        assert!(sign_post_form(&o).is_ok(), "{ok}");
    }
}

#[test]
fn post_key_traversal_bug_dot_segments_are_refused_before_signing() {
    // The form the demo's /sign once handed out for a key that escaped its folder on s3s-fs.
    for key in [
        "uploads/../../../../tmp/escaped-by-post.txt",
        "uploads/./../demo2/x.txt",
        "uploads/./a",
    ] {
        let mut o = post();
        o.key = key.into();
        let e = sign_post_form(&o).unwrap_err();
        assert_eq!(
            (e.code.as_str(), e.field.as_deref()),
            ("InvalidObjectName", Some("key")),
            "{key}"
        );
    }
    let mut o = post();
    o.key = "uploads/a..b/.hidden/x".into();
    assert!(sign_post_form(&o).is_ok(), "dots inside a segment are fine");
}

#[test]
fn header_injection_bug_crlf_in_credentials_is_refused() {
    // A CR/LF in the key id or the session token went straight into a request header.
    for (id, token, field) in [
        ("AKID\r\nx-evil: 1", None, "credentials.accessKeyId"),
        ("AKID", Some("token\nx-evil: 1"), "credentials.sessionToken"),
        ("AKID", Some("token\u{0}"), "credentials.sessionToken"),
    ] {
        let mut o = put();
        o.credentials = Credentials {
            access_key_id: id.into(),
            secret_access_key: "s".into(),
            session_token: token.map(Into::into),
        };
        for e in [
            sign_put_headers(&o).unwrap_err(),
            presign_put(&o).unwrap_err(),
        ] {
            assert_eq!(
                (e.code.as_str(), e.field.as_deref()),
                ("InvalidCredentials", Some(field))
            );
            assert!(!e.message.contains("evil"), "a credential value was echoed");
        }
    }
}

#[test]
fn a_region_no_server_has_is_refused() {
    for region in ["", "eu west 1", "us-east-1/x", "ü"] {
        let mut o = put();
        o.region = region.into();
        refused(presign_put(&o), "InvalidRegion", "region");
        let mut p = post();
        p.region = region.into();
        refused(sign_post_form(&p), "InvalidRegion", "region");
    }
    let mut o = put();
    o.region = "garage_local-1".into(); // S3-compatible stores name regions freely
    assert!(presign_put(&o).is_ok());
}

#[test]
fn misspelled_options_are_named_with_the_nearest_valid_one() {
    use bucket_upload::core::option_names::{check, nearest, OBJECT, PUT, TARGET};
    let allowed = &[TARGET, OBJECT, PUT];
    for (typo, meant) in [
        ("storageclass", "storageClass"),
        ("contentype", "contentType"),
        ("expiresin", "expiresIn"),
        ("metdata", "metadata"),
    ] {
        assert_eq!(nearest(typo, allowed), Some(meant), "{typo}");
        let e = check([typo], allowed, "").unwrap_err();
        assert_eq!(
            (e.code.as_str(), e.field.as_deref()),
            ("UnknownOption", Some(typo))
        );
        assert!(
            e.message.contains(&format!("did you mean `{meant}`?")),
            "{}",
            e.message
        );
    }
    let e = check(["zzzzzzzzzzzz"], allowed, "").unwrap_err();
    assert!(!e.message.contains("did you mean"), "{}", e.message);
    assert!(check(["key", "storageClass", "headers"], allowed, "").is_ok());
}

/// A signing time or an expiry outside the years a date header can carry (four digits) would
/// be written as a malformed date: refused before anything is signed, in every signer.
#[test]
fn signing_times_and_expiries_stay_within_four_digit_years() {
    let at = |secs: i64| Some(UtcTime::from_unix_seconds(secs));
    for now in [-1, 253_402_300_800, i64::MAX] {
        refused(
            sign_post_form(&PostFormOptions {
                now: at(now),
                ..post()
            }),
            "InvalidTime",
            "now",
        );
        refused(
            presign_put(&PutOptions {
                now: at(now),
                ..put()
            }),
            "InvalidTime",
            "now",
        );
        refused(
            sign_put_headers(&PutOptions {
                now: at(now),
                ..put()
            }),
            "InvalidTime",
            "now",
        );
    }
    // Signed 600 s before the end of 9999, expiring on its last second: still fine.
    let last = PutOptions {
        now: at(253_402_300_799 - 600),
        ..put()
    };
    assert!(sign_put_headers(&last)
        .unwrap()
        .headers
        .iter()
        .any(|(_, v)| v.starts_with("99991231T2349")));
    for expires_in in [253_402_300_799 - 1_700_000_000 + 1, i64::MAX] {
        refused(
            sign_post_form(&PostFormOptions {
                expires_in,
                ..post()
            }),
            "ExpiresTooLong",
            "expiresIn",
        );
    }
    assert!(sign_post_form(&PostFormOptions {
        expires_in: 253_402_300_799 - 1_700_000_000,
        ..post()
    })
    .is_ok());
}
