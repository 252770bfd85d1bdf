//! One test per rule of the typed object options' values: each dialect's own list of ACLs,
//! storage classes and encryption algorithms, options a dialect does not have, the rules that tie
//! the KMS options together, and the POST-only fields. Each bad input is refused with the rule's
//! code and the offending option. SSE-C: tests/object_options_sse_c.rs; value formats:
//! tests/object_options_values.rs; size and format limits: tests/object_options_limits.rs.

mod object_options_support;

use bucket_upload::core::object_options::{
    form_fields, headers, Callback, ObjectOptions, SuccessActionStatus, Tagging,
};
use bucket_upload::Dialect;
use object_options_support::{now, refused, s};

#[test]
fn acl_outside_the_dialects_list() {
    let o = |acl: &str| ObjectOptions {
        acl: s(acl),
        ..Default::default()
    };
    // Seed 001 lists public-read, private and public-read-write for OSS; not S3's others.
    let e = refused(
        headers(&o("authenticated-read"), Dialect::Oss, now()),
        "InvalidAcl",
        "acl",
    );
    assert!(
        e.message
            .contains("private, public-read, public-read-write, default"),
        "{e}"
    );
    refused(
        headers(&o("default"), Dialect::S3, now()),
        "InvalidAcl",
        "acl",
    );
    refused(
        headers(&o("Private"), Dialect::Obs, now()),
        "InvalidAcl",
        "acl",
    );
    assert!(headers(&o("aws-exec-read"), Dialect::S3, now()).is_ok());
    // OBS's native x-obs-acl list has bucket-owner-full-control, not S3's bucket-owner-read
    // (tests/vendor_value_lists.rs).
    assert!(headers(&o("bucket-owner-full-control"), Dialect::Obs, now()).is_ok());
    refused(
        headers(&o("bucket-owner-read"), Dialect::Obs, now()),
        "InvalidAcl",
        "acl",
    );
}

#[test]
fn storage_class_in_another_dialects_spelling() {
    let o = |c: &str| ObjectOptions {
        storage_class: s(c),
        ..Default::default()
    };
    // OSS spells Standard/IA (seed 001); S3 and OBS spell STANDARD/STANDARD_IA ("case-sensitive").
    let e = refused(
        headers(&o("STANDARD"), Dialect::Oss, now()),
        "InvalidStorageClass",
        "storageClass",
    );
    assert!(
        e.message.contains("Standard, IA, Archive, ColdArchive"),
        "{e}"
    );
    refused(
        headers(&o("IA"), Dialect::S3, now()),
        "InvalidStorageClass",
        "storageClass",
    );
    refused(
        headers(&o("Standard"), Dialect::Obs, now()),
        "InvalidStorageClass",
        "storageClass",
    );
    // Deep archive is DeepColdArchive for OSS and DEEP_ARCHIVE for OBS (and S3), each refused in
    // the other's spelling.
    refused(
        headers(&o("DEEP_ARCHIVE"), Dialect::Oss, now()),
        "InvalidStorageClass",
        "storageClass",
    );
    refused(
        headers(&o("DeepColdArchive"), Dialect::Obs, now()),
        "InvalidStorageClass",
        "storageClass",
    );
}

#[test]
fn options_a_dialect_does_not_have() {
    type Set = fn(&mut ObjectOptions);
    let cases: Vec<(Dialect, &str, Set)> = vec![
        (Dialect::Cms, "acl", |o| o.acl = s("private")),
        (Dialect::Cms, "storageClass", |o| {
            o.storage_class = s("STANDARD")
        }),
        (Dialect::Cms, "cacheControl", |o| {
            o.cache_control = s("no-cache")
        }),
        (Dialect::Cms, "serverSideEncryption", |o| {
            o.server_side_encryption = s("AES256")
        }),
        (Dialect::S3, "forbidOverwrite", |o| {
            o.forbid_overwrite = Some(true)
        }),
        (Dialect::Obs, "forbidOverwrite", |o| {
            o.forbid_overwrite = Some(true)
        }),
        (Dialect::Oss, "isEncrypt", |o| o.is_encrypt = Some(true)),
        (Dialect::S3, "serverSideDataEncryption", |o| {
            o.server_side_encryption = s("aws:kms");
            o.server_side_data_encryption = s("SM4");
        }),
        (Dialect::Oss, "sseCustomerAlgorithm", |o| {
            o.sse_customer_algorithm = s("AES256")
        }),
        (Dialect::Obs, "tagging", |o| {
            o.tagging = Some(Tagging::Text("a=b".into()))
        }),
        (Dialect::Cms, "tagging", |o| {
            o.tagging = Some(Tagging::Text("a=b".into()))
        }),
        (Dialect::Oss, "websiteRedirectLocation", |o| {
            o.website_redirect_location = s("/a")
        }),
        (Dialect::Oss, "objectLockMode", |o| {
            o.object_lock_mode = s("COMPLIANCE")
        }),
        (Dialect::S3, "callback", |o| {
            o.callback = Some(Callback::Url("https://e.com".into()))
        }),
    ];
    for (d, option, set) in cases {
        let mut o = ObjectOptions::default();
        set(&mut o);
        let e = refused(headers(&o, d, now()), "UnsupportedOption", option);
        assert!(e.message.contains(d.name()), "{e}");
    }
    // CMS has no POST form at all.
    refused(
        form_fields(&ObjectOptions::default(), Dialect::Cms, now()),
        "UnsupportedDialect",
        "dialect",
    );
}

#[test]
fn encryption_algorithm_outside_the_dialects_list() {
    let o = |v: &str| ObjectOptions {
        server_side_encryption: s(v),
        ..Default::default()
    };
    // Seed 001's InvalidEncryptionAlgorithmError: "Valid values: AES256 and KMS".
    refused(
        headers(&o("aws:kms"), Dialect::Oss, now()),
        "InvalidEncryptionAlgorithmError",
        "serverSideEncryption",
    );
    refused(
        headers(&o("KMS"), Dialect::S3, now()),
        "InvalidEncryptionAlgorithmError",
        "serverSideEncryption",
    );
    // OBS objects take kms or AES256 (SSE-OBS); "obs" is the bucket-creation value.
    refused(
        headers(&o("obs"), Dialect::Obs, now()),
        "InvalidEncryptionAlgorithmError",
        "serverSideEncryption",
    );
    let sm4 = ObjectOptions {
        server_side_data_encryption: s("AES256"),
        ..o("KMS")
    };
    refused(
        headers(&sm4, Dialect::Oss, now()),
        "InvalidEncryptionAlgorithmError",
        "serverSideDataEncryption",
    );
}

#[test]
fn kms_key_id_and_sm4_only_with_kms() {
    // Seed 001: the key id "is valid only when x-oss-server-side-encryption is set to KMS".
    let o = ObjectOptions {
        server_side_encryption: s("AES256"),
        server_side_encryption_key_id: s("key-1"),
        ..Default::default()
    };
    refused(
        headers(&o, Dialect::Oss, now()),
        "RequiresKms",
        "serverSideEncryptionKeyId",
    );
    let o = ObjectOptions {
        server_side_encryption_key_id: s("key-1"),
        ..Default::default()
    };
    refused(
        headers(&o, Dialect::S3, now()),
        "RequiresKms",
        "serverSideEncryptionKeyId",
    );
    let o = ObjectOptions {
        server_side_data_encryption: s("SM4"),
        ..Default::default()
    };
    refused(
        headers(&o, Dialect::Oss, now()),
        "RequiresKms",
        "serverSideDataEncryption",
    );
}

#[test]
fn post_only_fields_in_a_put() {
    let o = ObjectOptions {
        success_action_status: Some(SuccessActionStatus("201".into())),
        ..Default::default()
    };
    refused(
        headers(&o, Dialect::S3, now()),
        "UnsupportedOption",
        "successActionStatus",
    );
    let o = ObjectOptions {
        success_action_redirect: s("https://example.com/"),
        ..Default::default()
    };
    refused(
        headers(&o, Dialect::Oss, now()),
        "UnsupportedOption",
        "successActionRedirect",
    );
}

#[test]
fn success_action_status_is_200_201_or_204() {
    let o = |v: &str| ObjectOptions {
        success_action_status: Some(SuccessActionStatus(v.into())),
        ..Default::default()
    };
    refused(
        form_fields(&o("202"), Dialect::S3, now()),
        "InvalidSuccessActionStatus",
        "successActionStatus",
    );
    // Seed 002's 303 is the answer to success_action_redirect, not a status to ask for.
    let e = refused(
        form_fields(&o("303"), Dialect::Obs, now()),
        "InvalidSuccessActionStatus",
        "successActionStatus",
    );
    assert!(e.message.contains("successActionRedirect"), "{e}");
    for ok in ["200", "201", "204"] {
        assert!(form_fields(&o(ok), Dialect::Oss, now()).is_ok());
    }
}

#[test]
fn success_action_redirect_is_an_http_url() {
    let o = ObjectOptions {
        success_action_redirect: s("ftp://example.com/"),
        ..Default::default()
    };
    refused(
        form_fields(&o, Dialect::S3, now()),
        "InvalidSuccessActionRedirect",
        "successActionRedirect",
    );
}
