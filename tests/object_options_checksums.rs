//! S3's additional checksums on single uploads (core/object_options/checksums.rs): each option
//! becomes its `x-amz-checksum-*` header (PUT) or that form field plus `x-amz-checksum-algorithm`
//! (POST), values are checked for the algorithm's decoded length, at most one is given, other
//! dialects and multipart create refuse them. The values are the CRC catalogue's check values of
//! "123456789" (CRC-32 0xCBF43926, CRC-32C 0xE3069283, CRC-64/NVME 0xAE8B14860A799888) and
//! FIPS 180-2's SHA-256 of "abc", in S3's base64.

mod object_options_support;

use bucket_upload::core::multipart::{sign_multipart, MultipartOptions};
use bucket_upload::core::object_options::{form_fields, headers, ChecksumValue, ObjectOptions};
use bucket_upload::{ChecksumAlgorithm, Dialect};
use object_options_support::{now, refused};

const CRC32: &str = "y/Q5Jg==";
const CRC32C: &str = "4waSgw==";
const CRC64NVME: &str = "rosUhgp5mIg=";
const SHA256: &str = "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=";

fn v(s: &str) -> Option<ChecksumValue> {
    Some(ChecksumValue(s.to_string()))
}

fn each() -> [(ObjectOptions, &'static str, &'static str, &'static str); 4] {
    let d = ObjectOptions::default;
    [
        (
            ObjectOptions {
                checksum_crc32: v(CRC32),
                ..d()
            },
            "x-amz-checksum-crc32",
            CRC32,
            "CRC32",
        ),
        (
            ObjectOptions {
                checksum_crc32c: v(CRC32C),
                ..d()
            },
            "x-amz-checksum-crc32c",
            CRC32C,
            "CRC32C",
        ),
        (
            ObjectOptions {
                checksum_crc64nvme: v(CRC64NVME),
                ..d()
            },
            "x-amz-checksum-crc64nvme",
            CRC64NVME,
            "CRC64NVME",
        ),
        (
            ObjectOptions {
                checksum_sha256: v(SHA256),
                ..d()
            },
            "x-amz-checksum-sha256",
            SHA256,
            "SHA256",
        ),
    ]
}

fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
    p.iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect()
}

#[test]
fn put_sends_only_the_checksum_header_post_adds_the_algorithm_field() {
    for (o, header, value, name) in each() {
        assert_eq!(
            headers(&o, Dialect::S3, now()).unwrap(),
            pairs(&[(header, value)])
        );
        assert_eq!(
            form_fields(&o, Dialect::S3, now()).unwrap(),
            pairs(&[(header, value), ("x-amz-checksum-algorithm", name)])
        );
        // checksumAlgorithm may name it too, when it agrees.
        let named = ObjectOptions {
            checksum_algorithm: serde_json::from_str(&format!("\"{name}\"")).unwrap(),
            ..o
        };
        assert_eq!(
            headers(&named, Dialect::S3, now()).unwrap(),
            pairs(&[(header, value)])
        );
    }
}

#[test]
fn the_options_parse_from_camel_case_json_sha256_also_as_digests_object() {
    let o: ObjectOptions = serde_json::from_str(&format!(
        r#"{{ "checksumCrc64nvme": "{CRC64NVME}", "checksumAlgorithm": "CRC64NVME" }}"#
    ))
    .unwrap();
    assert_eq!(o.checksum_crc64nvme, v(CRC64NVME));
    assert_eq!(o.checksum_algorithm, Some(ChecksumAlgorithm::Crc64nvme));
    let o: ObjectOptions = serde_json::from_str(&format!(
        r#"{{ "checksumSha256": {{ "base64": "{SHA256}", "hex": "ba78" }} }}"#
    ))
    .unwrap();
    assert_eq!(o.checksum_sha256, v(SHA256));
    let o: ObjectOptions = serde_json::from_str(&format!(
        r#"{{ "checksumCrc32": "{CRC32}", "checksumCrc32c": "" }}"#
    ))
    .unwrap();
    assert_eq!(
        headers(&o, Dialect::S3, now()).unwrap(),
        pairs(&[("x-amz-checksum-crc32", CRC32)])
    );
}

#[test]
fn a_value_of_the_wrong_length_or_not_canonical_base64_is_refused() {
    let d = ObjectOptions::default;
    // An 8-byte value where 4 belong; a SHA-256 cut short; not base64; non-canonical padding bits.
    let cases = [
        (
            ObjectOptions {
                checksum_crc32c: v(CRC64NVME),
                ..d()
            },
            "checksumCrc32c",
        ),
        (
            ObjectOptions {
                checksum_crc64nvme: v(CRC32),
                ..d()
            },
            "checksumCrc64nvme",
        ),
        (
            ObjectOptions {
                checksum_sha256: v(&SHA256[..40]),
                ..d()
            },
            "checksumSha256",
        ),
        (
            ObjectOptions {
                checksum_crc32: v("not base64!"),
                ..d()
            },
            "checksumCrc32",
        ),
        (
            ObjectOptions {
                checksum_crc32: v("y/Q5Jh=="),
                ..d()
            },
            "checksumCrc32",
        ),
    ];
    for (o, field) in cases {
        let e = refused(headers(&o, Dialect::S3, now()), "InvalidChecksum", field);
        assert!(e.message.contains("base64"), "{e}");
    }
}

#[test]
fn at_most_one_checksum_and_the_named_algorithm_must_agree() {
    let two = ObjectOptions {
        checksum_crc32: v(CRC32),
        checksum_sha256: v(SHA256),
        ..Default::default()
    };
    let e = refused(
        headers(&two, Dialect::S3, now()),
        "ConflictingOption",
        "checksumSha256",
    );
    assert!(
        e.message.contains("checksumCrc32 and checksumSha256"),
        "{e}"
    );
    let other = ObjectOptions {
        checksum_crc32c: v(CRC32C),
        checksum_algorithm: Some(ChecksumAlgorithm::Sha256),
        ..Default::default()
    };
    refused(
        form_fields(&other, Dialect::S3, now()),
        "ConflictingOption",
        "checksumAlgorithm",
    );
    let alone = ObjectOptions {
        checksum_algorithm: Some(ChecksumAlgorithm::Crc32c),
        ..Default::default()
    };
    let e = refused(
        headers(&alone, Dialect::S3, now()),
        "MissingChecksum",
        "checksumCrc32c",
    );
    assert!(
        e.message
            .contains("digests(file, { algorithms: ['crc32c'] })"),
        "{e}"
    );
}

#[test]
fn other_dialects_refuse_the_checksum_options() {
    for (o, ..) in each() {
        let option = o.clone();
        let field = match () {
            _ if option.checksum_crc32.is_some() => "checksumCrc32",
            _ if option.checksum_crc32c.is_some() => "checksumCrc32c",
            _ if option.checksum_crc64nvme.is_some() => "checksumCrc64nvme",
            _ => "checksumSha256",
        };
        for d in [Dialect::Oss, Dialect::Obs, Dialect::Cms] {
            refused(headers(&o, d, now()), "UnsupportedOption", field);
        }
        refused(
            form_fields(&o, Dialect::Oss, now()),
            "UnsupportedOption",
            field,
        );
    }
}

#[test]
fn multipart_create_refuses_a_single_upload_checksum() {
    let mut o: MultipartOptions = serde_json::from_str(&format!(
        r#"{{ "operation": "create", "endpoint": "https://s3.eu-west-1.amazonaws.com",
             "bucket": "bkt", "key": "k", "credentials": {{ "accessKeyId": "AKIDEXAMPLE",
             "secretAccessKey": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" }},
             "checksumAlgorithm": "CRC32C", "checksumCrc32c": "{CRC32C}" }}"#
    ))
    .unwrap();
    o.now = Some(now());
    // The multipart options read checksumAlgorithm themselves (it declares the part checksums).
    assert_eq!(o.checksum_algorithm, Some(ChecksumAlgorithm::Crc32c));
    assert_eq!(o.object.checksum_algorithm, None);
    let e = refused(sign_multipart(&o), "UnsupportedOption", "checksumCrc32c");
    assert!(
        e.message.contains("declares checksumAlgorithm on create"),
        "{e}"
    );
    o.object.checksum_crc32c = None;
    assert!(sign_multipart(&o).is_ok());
}
