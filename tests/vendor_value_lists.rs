//! The value lists as the vendors document them today (issue 9), beyond the seeds: every value
//! newly accepted becomes the documented header (PUT) and form field (POST) carrying the literal
//! the vendor's page gives, and values the vendors do not document for that header are still
//! refused with the typed error naming the option. The quotes and URLs are beside each list in
//! src/core/object_options/ (storage_class.rs, acl.rs, encryption.rs).
//!
//! Expected names and values are literals from the docs (AWS PutObject "Valid Values", OSS's
//! x-oss-storage-class page, Huawei's OBS PUT Object and SSE-OBS pages), never computed by the
//! code under test.

mod object_options_support;

use bucket_upload::core::object_options::{self, form_fields, headers, ObjectOptions};
use bucket_upload::{
    presign_put, sign_post_form, Credentials, Dialect, Fields, PostFormOptions, PutOptions,
    SigVersion, UtcTime,
};
use object_options_support::{now, refused, s};

fn pair(name: &str, value: &str) -> Vec<(String, String)> {
    vec![(name.to_string(), value.to_string())]
}

fn class(c: &str) -> ObjectOptions {
    ObjectOptions {
        storage_class: s(c),
        ..Default::default()
    }
}

fn acl(a: &str) -> ObjectOptions {
    ObjectOptions {
        acl: s(a),
        ..Default::default()
    }
}

fn sse(v: &str) -> ObjectOptions {
    ObjectOptions {
        server_side_encryption: s(v),
        ..Default::default()
    }
}

/// Both targets give exactly this one pair: the header of a PUT, the field of a POST form.
#[track_caller]
fn sent_as(o: &ObjectOptions, d: Dialect, name: &str, value: &str) {
    assert_eq!(headers(o, d, now()).unwrap(), pair(name, value), "PUT");
    assert_eq!(form_fields(o, d, now()).unwrap(), pair(name, value), "POST");
}

#[test]
fn s3_storage_classes_of_the_putobject_page() {
    // AWS PutObject x-amz-storage-class, "Valid Values: ... OUTPOSTS | GLACIER_IR | SNOW |
    // EXPRESS_ONEZONE | FSX_OPENZFS | FSX_ONTAP" (POST Object: the same name as a form field).
    for c in [
        "OUTPOSTS",
        "SNOW",
        "EXPRESS_ONEZONE",
        "FSX_OPENZFS",
        "FSX_ONTAP",
    ] {
        sent_as(&class(c), Dialect::S3, "x-amz-storage-class", c);
    }
    // Those of the seeds stay.
    sent_as(
        &class("GLACIER_IR"),
        Dialect::S3,
        "x-amz-storage-class",
        "GLACIER_IR",
    );
}

#[test]
fn s3_storage_classes_the_putobject_page_does_not_list_are_refused() {
    // AWS_BACKUP_WARM is in @aws-sdk/client-s3's StorageClass enum, not in PutObject's list;
    // the values are case-sensitive; OBS's native WARM is no S3 class.
    for c in ["AWS_BACKUP_WARM", "express_onezone", "WARM"] {
        let e = refused(
            headers(&class(c), Dialect::S3, now()),
            "InvalidStorageClass",
            "storageClass",
        );
        assert!(
            e.message
                .contains("EXPRESS_ONEZONE, FSX_OPENZFS, FSX_ONTAP"),
            "{e}"
        );
        refused(
            form_fields(&class(c), Dialect::S3, now()),
            "InvalidStorageClass",
            "storageClass",
        );
    }
}

#[test]
fn oss_deep_cold_archive() {
    // OSS: "Valid values: Standard | IA | Archive | ColdArchive | DeepColdArchive".
    sent_as(
        &class("DeepColdArchive"),
        Dialect::Oss,
        "x-oss-storage-class",
        "DeepColdArchive",
    );
    for c in ["DEEP_ARCHIVE", "DeepArchive", "deepcoldarchive"] {
        let e = refused(
            headers(&class(c), Dialect::Oss, now()),
            "InvalidStorageClass",
            "storageClass",
        );
        assert!(
            e.message
                .contains("Standard, IA, Archive, ColdArchive, DeepColdArchive"),
            "{e}"
        );
    }
}

#[test]
fn obs_deep_archive() {
    // Huawei PUT Object, x-obs-storage-class "取值范围: WARM COLD DEEP_ARCHIVE"; the native
    // spelling is sent as it is (WARM and COLD too), the S3-compatible names as WARM and COLD.
    sent_as(
        &class("DEEP_ARCHIVE"),
        Dialect::Obs,
        "x-obs-storage-class",
        "DEEP_ARCHIVE",
    );
    sent_as(&class("WARM"), Dialect::Obs, "x-obs-storage-class", "WARM");
    sent_as(&class("COLD"), Dialect::Obs, "x-obs-storage-class", "COLD");
    sent_as(
        &class("GLACIER"),
        Dialect::Obs,
        "x-obs-storage-class",
        "COLD",
    );
    // Case-sensitive, and neither OSS's nor S3's other names.
    for c in ["deep_archive", "DeepColdArchive", "EXPRESS_ONEZONE"] {
        let e = refused(
            headers(&class(c), Dialect::Obs, now()),
            "InvalidStorageClass",
            "storageClass",
        );
        assert!(e.message.contains("DEEP_ARCHIVE"), "{e}");
    }
}

#[test]
fn obs_acl_is_the_native_x_obs_acl_list() {
    // Huawei, "Configuring an ACL Using Header Fields": x-obs-acl takes private, public-read,
    // public-read-write, public-read-delivered, public-read-write-delivered,
    // bucket-owner-full-control, the -delivered ones not on objects.
    for a in [
        "private",
        "public-read",
        "public-read-write",
        "bucket-owner-full-control",
    ] {
        sent_as(&acl(a), Dialect::Obs, "x-obs-acl", a);
    }
    // x-amz-acl values of OBS's S3-compatible API (seed 003), not x-obs-acl ones; bucket-only.
    for a in [
        "authenticated-read",
        "bucket-owner-read",
        "public-read-delivered",
        "public-read-write-delivered",
    ] {
        let e = refused(headers(&acl(a), Dialect::Obs, now()), "InvalidAcl", "acl");
        assert!(
            e.message
                .contains("private, public-read, public-read-write, bucket-owner-full-control"),
            "{e}"
        );
        refused(
            form_fields(&acl(a), Dialect::Obs, now()),
            "InvalidAcl",
            "acl",
        );
    }
    // S3 keeps them (AWS PutObject x-amz-acl "Valid Values").
    assert_eq!(
        headers(&acl("authenticated-read"), Dialect::S3, now()).unwrap(),
        pair("x-amz-acl", "authenticated-read")
    );
    assert_eq!(
        form_fields(&acl("bucket-owner-read"), Dialect::S3, now()).unwrap(),
        pair("acl", "bucket-owner-read")
    );
}

#[test]
fn s3_aws_fsx_encryption() {
    // AWS PutObject x-amz-server-side-encryption "Valid Values: AES256 | aws:fsx | aws:kms |
    // aws:kms:dsse".
    sent_as(
        &sse("aws:fsx"),
        Dialect::S3,
        "x-amz-server-side-encryption",
        "aws:fsx",
    );
    // Not a KMS algorithm: no key id with it.
    let o = ObjectOptions {
        server_side_encryption_key_id: s("key-1"),
        ..sse("aws:fsx")
    };
    refused(
        headers(&o, Dialect::S3, now()),
        "RequiresKms",
        "serverSideEncryptionKeyId",
    );
    // aws:backup is in @aws-sdk/client-s3's ServerSideEncryption enum, not PutObject's list.
    for v in ["aws:backup", "AWS:FSX", "aes256"] {
        let e = refused(
            headers(&sse(v), Dialect::S3, now()),
            "InvalidEncryptionAlgorithmError",
            "serverSideEncryption",
        );
        assert!(e.message.contains("aws:fsx"), "{e}");
    }
}

#[test]
fn obs_sse_obs_aes256() {
    // Huawei SSE-OBS: "Example: x-obs-server-side-encryption:AES256", and for POST "should be
    // put in the form, instead of the header" (same name).
    sent_as(
        &sse("AES256"),
        Dialect::Obs,
        "x-obs-server-side-encryption",
        "AES256",
    );
    // SSE-KMS as before: kms, and seed 002's aws:kms sent as kms (esdk's SseKmsAdapter).
    sent_as(
        &sse("kms"),
        Dialect::Obs,
        "x-obs-server-side-encryption",
        "kms",
    );
    sent_as(
        &sse("aws:kms"),
        Dialect::Obs,
        "x-obs-server-side-encryption",
        "kms",
    );
    // The key id belongs to SSE-KMS only.
    let o = ObjectOptions {
        server_side_encryption_key_id: s("key-1"),
        ..sse("AES256")
    };
    refused(
        headers(&o, Dialect::Obs, now()),
        "RequiresKms",
        "serverSideEncryptionKeyId",
    );
    // "obs" is the value for creating a bucket, not uploading an object; case-sensitive;
    // OSS's KMS spelling and S3's DSSE are not OBS values.
    for v in ["obs", "aes256", "KMS", "aws:kms:dsse"] {
        let e = refused(
            headers(&sse(v), Dialect::Obs, now()),
            "InvalidEncryptionAlgorithmError",
            "serverSideEncryption",
        );
        assert!(e.message.contains("kms, AES256"), "{e}");
        refused(
            form_fields(&sse(v), Dialect::Obs, now()),
            "InvalidEncryptionAlgorithmError",
            "serverSideEncryption",
        );
    }
}

fn put(dialect: Dialect, version: SigVersion, object: ObjectOptions) -> PutOptions {
    PutOptions {
        dialect,
        version,
        endpoint: "https://obs.example.com".into(),
        bucket: "demo".into(),
        region: "us-east-1".into(),
        path_style: false,
        credentials: Credentials::new("AKIDEXAMPLE", "not-a-real-secret"),
        key: "a.txt".into(),
        expires_in: 600,
        now: Some(UtcTime::from_unix_seconds(1_767_323_045)),
        headers: Fields(vec![]),
        content_length: None,
        signed_headers: Default::default(),
        object,
    }
}

#[test]
fn a_new_storage_class_is_signed_into_a_presigned_put() {
    let o = put(Dialect::S3, SigVersion::V4, class("EXPRESS_ONEZONE"));
    let url = presign_put(&o).unwrap();
    assert!(
        url.contains("X-Amz-SignedHeaders=host%3Bx-amz-storage-class"),
        "{url}"
    );
    assert_eq!(
        object_options::put_headers(&o).unwrap(),
        pair("x-amz-storage-class", "EXPRESS_ONEZONE")
    );
}

#[test]
fn sse_obs_is_pinned_in_an_obs_post_policy() {
    let p = put(Dialect::Obs, SigVersion::V2, sse("AES256"));
    let form = sign_post_form(&PostFormOptions {
        dialect: p.dialect,
        version: p.version,
        endpoint: p.endpoint,
        bucket: p.bucket,
        region: p.region,
        path_style: p.path_style,
        credentials: p.credentials,
        key: p.key,
        expires_in: p.expires_in,
        now: p.now,
        conditions: vec![],
        fields: p.headers,
        object: p.object,
    })
    .unwrap();
    let field = |name: &str| {
        form.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    };
    assert_eq!(
        field("x-obs-server-side-encryption").as_deref(),
        Some("AES256")
    );
    use base64::Engine;
    let policy = base64::engine::general_purpose::STANDARD
        .decode(field("policy").unwrap())
        .unwrap();
    let policy = String::from_utf8(policy).unwrap();
    assert!(
        policy.contains(r#"{"x-obs-server-side-encryption":"AES256"}"#),
        "{policy}"
    );
}
