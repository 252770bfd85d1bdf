//! Successful answers read per dialect (core::response) and verified: the seeds' own sample
//! responses (request ids, version ids, ETags, `x-oss-hash-crc64ecma`), ETag vs MD5 and OSS CRC-64
//! vs the client's, and the dialect inferred from what was signed.
//!
//! Expected values come from outside the code: the seeds' samples, RFC 1321's MD5 of "" and the
//! CRC-64/XZ catalogue check value of "123456789".

use bucket_upload::core::response::{upload_outcome, Expected, HttpResponse};
use bucket_upload::{Dialect, DigestSet, ErrorKind, MultiDigest};

fn resp(status: u16, headers: &[(&str, &str)], body: &str) -> HttpResponse {
    HttpResponse::new(
        status,
        headers
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect(),
        body,
    )
}

fn digests(bytes: &[u8]) -> Expected {
    let mut h = MultiDigest::new(DigestSet {
        md5: true,
        crc64ecma: true,
        ..Default::default()
    });
    h.update(bytes);
    let d = h.finalize();
    Expected {
        md5_hex: Some(d.md5.unwrap().hex()),
        crc64ecma: d.crc64ecma,
    }
}

#[test]
fn seed_001_sample_response_verifies_md5_and_crc64() {
    // Seed 001's first sample: an empty object, ETag = MD5("") (RFC 1321; the seed masks its last
    // four digits), x-oss-hash-crc64ecma: 0.
    let expected = digests(b"");
    assert_eq!(
        expected.md5_hex.as_deref(),
        Some("d41d8cd98f00b204e9800998ecf8427e")
    );
    assert_eq!(expected.crc64ecma, Some(0));
    let r = resp(
        200,
        &[
            ("Server", "AliyunOSS"),
            ("x-oss-request-id", "5C06A3B67B8B5A3DA422299D"),
            ("ETag", "\"D41D8CD98F00B204E9800998ECF8427E\""),
            ("x-oss-hash-crc64ecma", "0"),
            ("Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg=="),
        ],
        "",
    );
    let o = upload_outcome(Dialect::Oss, &r, &expected).unwrap();
    assert_eq!(o.request_id.as_deref(), Some("5C06A3B67B8B5A3DA422299D"));
    assert_eq!(
        o.etag.as_deref(),
        Some("\"D41D8CD98F00B204E9800998ECF8427E\"")
    );
    assert_eq!(
        (o.crc64ecma, o.md5_verified, o.crc64_verified),
        (Some(0), true, true)
    );
    // Without client digests nothing is claimed verified.
    let o = upload_outcome(Dialect::Oss, &r, &Expected::default()).unwrap();
    assert_eq!(
        (o.md5_verified, o.crc64_verified, o.crc64ecma),
        (false, false, Some(0))
    );
}

#[test]
fn crc64_mismatch_is_an_integrity_error_never_a_success() {
    // CRC-64/XZ check value of "123456789" (reveng catalogue): 0x995DC9BBDF1939FA.
    let expected = digests(b"123456789");
    assert_eq!(expected.crc64ecma, Some(0x995D_C9BB_DF19_39FA));
    assert_eq!(
        expected.crc64ecma.unwrap().to_string(),
        "11051210869376104954"
    );
    let ok = resp(
        200,
        &[
            ("x-oss-request-id", "R"),
            ("x-oss-hash-crc64ecma", "11051210869376104954"),
        ],
        "",
    );
    let o = upload_outcome(
        Dialect::Oss,
        &ok,
        &Expected {
            md5_hex: None,
            ..expected.clone()
        },
    )
    .unwrap();
    assert!(o.crc64_verified && !o.md5_verified);
    for bad in ["11051210869376104955", "0", "18446744073709551615"] {
        let r = resp(
            200,
            &[
                ("x-oss-request-id", "RID-CRC"),
                ("x-oss-hash-crc64ecma", bad),
            ],
            "",
        );
        let e = upload_outcome(Dialect::Oss, &r, &expected).unwrap_err();
        assert_eq!(
            (e.kind, e.code.as_str(), e.status, e.request_id.as_deref()),
            (
                ErrorKind::Integrity,
                "Crc64Mismatch",
                Some(200),
                Some("RID-CRC")
            )
        );
        assert!(
            e.message.contains(bad) && e.message.contains("11051210869376104954"),
            "{}",
            e.message
        );
    }
    // A header that is not a CRC-64 is not a success either.
    for junk in ["-1", "0x995DC9BBDF1939FA", "18446744073709551616", ""] {
        let r = resp(200, &[("x-oss-hash-crc64ecma", junk)], "");
        let e = upload_outcome(Dialect::Oss, &r, &Expected::default()).unwrap_err();
        assert_eq!(
            (e.kind, e.code.as_str()),
            (ErrorKind::Integrity, "Crc64Mismatch"),
            "{junk:?}"
        );
    }
    // The header is checked whatever the dialect (an OSS-compatible server spoken to as s3).
    let r = resp(200, &[("x-oss-hash-crc64ecma", "1")], "");
    assert_eq!(
        upload_outcome(Dialect::S3, &r, &expected).unwrap_err().code,
        "Crc64Mismatch"
    );
}

#[test]
fn etag_mismatch_is_checksum_mismatch() {
    let expected = digests(b"123456789");
    let r = resp(
        200,
        &[
            ("ETag", "\"D41D8CD98F00B204E9800998ECF8427E\""),
            ("x-oss-hash-crc64ecma", "11051210869376104954"),
        ],
        "",
    );
    let e = upload_outcome(Dialect::Oss, &r, &expected).unwrap_err();
    assert_eq!(
        (e.kind, e.code.as_str()),
        (ErrorKind::Integrity, "ChecksumMismatch")
    );
}

#[test]
fn version_and_request_ids_per_dialect_from_the_seeds_samples() {
    // Seed 001, versioning-enabled bucket.
    let r = resp(
        200,
        &[
            ("x-oss-request-id", "5CAC0A3DB7AEADE01700****"),
            (
                "x-oss-version-id",
                "CAEQNhiBgMDJgZCA0BYiIDc4MGZjZGI2OTBjOTRmNTE5NmU5NmFhZjhjYmY0****",
            ),
            ("ETag", "\"4F345B1F066DB1444775AA97D5D2****\""),
        ],
        "",
    );
    let o = upload_outcome(Dialect::Oss, &r, &Expected::default()).unwrap();
    assert_eq!(
        o.version_id.as_deref(),
        Some("CAEQNhiBgMDJgZCA0BYiIDc4MGZjZGI2OTBjOTRmNTE5NmU5NmFhZjhjYmY0****")
    );
    assert_eq!(o.request_id.as_deref(), Some("5CAC0A3DB7AEADE01700****"));
    // Seed 003 (OBS PUT, S3-compatible headers), versioning enabled.
    let r = resp(
        200,
        &[
            ("Server", "OBS"),
            ("x-amz-request-id", "DCD2FC9CAB78000001438AB633CF1A73"),
            ("ETag", "\"ba1f2511fc30423bdbb183fe33f3dd0f\""),
            ("x-amz-version-id", "AAABQ4q2M9_c0vycq3gAAAAAVURTRkha"),
        ],
        "",
    );
    for d in [Dialect::S3, Dialect::Obs] {
        let o = upload_outcome(
            d,
            &r,
            &Expected {
                md5_hex: Some("BA1F2511FC30423BDBB183FE33F3DD0F".into()),
                crc64ecma: None,
            },
        )
        .unwrap();
        assert_eq!(
            (
                o.version_id.as_deref(),
                o.request_id.as_deref(),
                o.md5_verified
            ),
            (
                Some("AAABQ4q2M9_c0vycq3gAAAAAVURTRkha"),
                Some("DCD2FC9CAB78000001438AB633CF1A73"),
                true
            ),
            "{d:?}"
        );
    }
    // OBS native headers.
    let r = resp(
        200,
        &[
            ("x-obs-request-id", "0000018A2A73"),
            ("x-obs-version-id", "G001118A"),
            ("x-amz-request-id", "other"),
        ],
        "",
    );
    let o = upload_outcome(Dialect::Obs, &r, &Expected::default()).unwrap();
    assert_eq!(
        (o.version_id.as_deref(), o.request_id.as_deref()),
        (Some("G001118A"), Some("0000018A2A73"))
    );
    // Seed 002 (OBS POST), 204 with Location and a suspended-versioning "null" version id.
    let r = resp(
        204,
        &[
            ("x-amz-request-id", "DCD2FC9CAB780000014394F041CA8F94"),
            ("Location", "http://192.168.69.11/example/testfile.txt"),
            ("ETag", "\"cc03e747a6afbbcbf8be7668acfebee5\""),
            ("x-amz-version-id", "null"),
        ],
        "",
    );
    let o = upload_outcome(Dialect::S3, &r, &Expected::default()).unwrap();
    assert_eq!(
        (o.status, o.location.as_deref(), o.version_id.as_deref()),
        (
            204,
            Some("http://192.168.69.11/example/testfile.txt"),
            Some("null")
        )
    );
    // A 201 PostResponse body fills location, bucket, key and ETag.
    let body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PostResponse><Location>https://b.example.com/a%20b.txt</Location><Bucket>b</Bucket><Key>a b.txt</Key><ETag>\"cc03e747a6afbbcbf8be7668acfebee5\"</ETag></PostResponse>";
    let o = upload_outcome(
        Dialect::Obs,
        &resp(201, &[], body),
        &Expected {
            md5_hex: Some("cc03e747a6afbbcbf8be7668acfebee5".into()),
            crc64ecma: None,
        },
    )
    .unwrap();
    assert_eq!(
        (o.bucket.as_deref(), o.key.as_deref(), o.md5_verified),
        (Some("b"), Some("a b.txt"), true)
    );
    // CMS (seed 000): no request id header of its own.
    let o = upload_outcome(
        Dialect::Cms,
        &resp(
            200,
            &[("x-amz-request-id", "x")],
            r#"{"name": "Cake's name"}"#,
        ),
        &Expected::default(),
    )
    .unwrap();
    assert_eq!((o.status, o.request_id), (200, None));
}

#[test]
fn header_blocks_as_browsers_return_them() {
    let r = HttpResponse::from_header_block(
        200,
        "etag: \"abc\"\r\nx-oss-request-id: 5C06\r\nx-oss-hash-crc64ecma: 0\r\n",
        "",
    );
    assert_eq!(r.header("ETag"), Some("\"abc\""));
    assert_eq!(r.header("X-OSS-Request-Id"), Some("5C06"));
    let o = upload_outcome(
        Dialect::Oss,
        &r,
        &Expected {
            md5_hex: None,
            crc64ecma: Some(0),
        },
    )
    .unwrap();
    assert!(o.crc64_verified);
}

#[test]
fn dialects_are_inferred_from_what_was_signed() {
    use bucket_upload::core::response::{infer_from_form, infer_from_request};
    let p = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    assert_eq!(
        infer_from_form(&p(&[
            ("key", "k"),
            ("OSSAccessKeyId", "AK"),
            ("policy", "p"),
            ("Signature", "s")
        ]))
        .unwrap(),
        Some(Dialect::Oss)
    );
    assert_eq!(
        infer_from_form(&p(&[
            ("key", "k"),
            ("AccessKeyId", "AK"),
            ("policy", "p"),
            ("signature", "s")
        ]))
        .unwrap(),
        Some(Dialect::Obs)
    );
    assert_eq!(
        infer_from_form(&p(&[
            ("key", "k"),
            ("AWSAccessKeyId", "AK"),
            ("policy", "p"),
            ("signature", "s")
        ]))
        .unwrap(),
        None
    );
    assert_eq!(
        infer_from_form(&p(&[
            ("key", "k"),
            ("x-amz-credential", "c"),
            ("x-amz-signature", "s")
        ]))
        .unwrap(),
        None
    );
    assert_eq!(
        infer_from_request(
            "https://cms.example.com/object/media/a.pdf",
            &p(&[("Authentication", "t"), ("x-cms-isEncrypt", "false")])
        )
        .unwrap(),
        Some(Dialect::Cms)
    );
    assert_eq!(
        infer_from_request(
            "https://b.obs.example.com/k",
            &p(&[("Authorization", "OBS AK:sig"), ("x-obs-date", "d")])
        )
        .unwrap(),
        Some(Dialect::Obs)
    );
    assert_eq!(
        infer_from_request("https://b.s3.amazonaws.com/k?X-Amz-Signature=s", &[]).unwrap(),
        None
    );
}
