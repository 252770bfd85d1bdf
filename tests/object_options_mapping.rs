//! Which header (PUT) or form field (POST) each typed object option becomes, for OSS and S3.
//! The expected names are copied from the seed documents (quoted in the comments) and from
//! AWS's PutObject / POST Object pages for plain S3; never from the code under test.
//! OBS and CMS: tests/object_options_mapping_obs_cms.rs.

mod object_options_support;

use bucket_upload::core::object_options::{
    form_fields, headers, ContentMd5Value, CustomerKey, ObjectOptions, SuccessActionStatus, Tagging,
};
use bucket_upload::{Dialect, Fields};
use object_options_support::{now, s};

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect()
}

fn meta(list: &[(&str, &str)]) -> Fields {
    Fields(pairs(list))
}

/// The HTTP headers every dialect but CMS keeps with the object (seed 001: "OSS supports five
/// HTTP request headers: Cache-Control, Expires, Content-Encoding, Content-Disposition, and
/// Content-Type"; seed 002's form fields "Cache-Control, Content-Type, Content-Disposition,
/// Content-Encoding" and "expires"), and Content-MD5 (RFC 1864; seeds 000, 001, 003).
fn standard() -> ObjectOptions {
    ObjectOptions {
        cache_control: s("no-cache"),
        content_disposition: s("attachment;filename=oss_download.jpg"),
        content_encoding: s("utf-8"),
        content_type: s("image/jpg"),
        expires: s("Fri, 28 Feb 2012 05:38:42 GMT"),
        // The MD5 of "hello": python3 -c "import hashlib,base64;
        // print(base64.b64encode(hashlib.md5(b'hello').digest()).decode())"
        content_md5: Some(ContentMd5Value("XUFAKrxLKna5cZ2REBfFkg==".into())),
        ..Default::default()
    }
}

const STANDARD: [(&str, &str); 6] = [
    ("Cache-Control", "no-cache"),
    (
        "Content-Disposition",
        "attachment;filename=oss_download.jpg",
    ),
    ("Content-Encoding", "utf-8"),
    ("Content-Type", "image/jpg"),
    ("Expires", "Fri, 28 Feb 2012 05:38:42 GMT"),
    ("Content-MD5", "XUFAKrxLKna5cZ2REBfFkg=="),
];

#[test]
fn oss_put_headers_from_seed_001_and_004() {
    let o = ObjectOptions {
        acl: s("private"),
        storage_class: s("Archive"),
        server_side_encryption: s("KMS"),
        server_side_data_encryption: s("SM4"),
        server_side_encryption_key_id: s("9468da86-3509-4f8d-a61e-6eab1eac****"),
        tagging: Some(Tagging::Text("TagA=A&TagB=B".into())),
        metadata: meta(&[("Location", "hangzhou")]),
        forbid_overwrite: Some(true),
        ..standard()
    };
    let mut expected = pairs(&STANDARD);
    expected.extend(pairs(&[
        ("x-oss-object-acl", "private"),
        ("x-oss-storage-class", "Archive"),
        ("x-oss-server-side-encryption", "KMS"),
        ("x-oss-server-side-data-encryption", "SM4"),
        (
            "x-oss-server-side-encryption-key-id",
            "9468da86-3509-4f8d-a61e-6eab1eac****",
        ),
        ("x-oss-tagging", "TagA=A&TagB=B"),
        // "Uppercase letters are converted to lowercase letters."
        ("x-oss-meta-location", "hangzhou"),
        ("x-oss-forbid-overwrite", "true"),
    ]));
    assert_eq!(headers(&o, Dialect::Oss, now()).unwrap(), expected);
}

#[test]
fn oss_post_fields_are_the_header_names_plus_success_action() {
    let o = ObjectOptions {
        acl: s("public-read"),
        forbid_overwrite: Some(false),
        success_action_redirect: s("https://example.com/done"),
        success_action_status: Some(SuccessActionStatus("201".into())),
        metadata: meta(&[("uuid", "myuuid")]),
        ..Default::default()
    };
    assert_eq!(
        form_fields(&o, Dialect::Oss, now()).unwrap(),
        pairs(&[
            ("x-oss-object-acl", "public-read"),
            ("x-oss-meta-uuid", "myuuid"),
            ("x-oss-forbid-overwrite", "false"),
            ("success_action_redirect", "https://example.com/done"),
            ("success_action_status", "201"),
        ])
    );
}

#[test]
fn s3_put_headers_from_seed_003_and_aws() {
    let o = ObjectOptions {
        acl: s("bucket-owner-full-control"),
        storage_class: s("STANDARD_IA"),
        server_side_encryption: s("aws:kms"),
        server_side_encryption_key_id: s(
            "arn:aws:kms:sichuan:domainiddomainiddomainiddoma0001:key/4f1cd4de-ab64-4807-920a-47fc42e7f0d0",
        ),
        tagging: Some(Tagging::Pairs(meta(&[("a b", "c&d")]))),
        metadata: meta(&[("Test", "test metadata")]),
        website_redirect_location: s("/anotherPage.html"),
        object_lock_mode: s("COMPLIANCE"),
        object_lock_retain_until_date: s("2030-09-24T16:10:25Z"),
        ..standard()
    };
    let mut expected = pairs(&STANDARD);
    expected.extend(pairs(&[
        ("x-amz-acl", "bucket-owner-full-control"),
        ("x-amz-storage-class", "STANDARD_IA"),
        ("x-amz-server-side-encryption", "aws:kms"),
        (
            "x-amz-server-side-encryption-aws-kms-key-id",
            "arn:aws:kms:sichuan:domainiddomainiddomainiddoma0001:key/4f1cd4de-ab64-4807-920a-47fc42e7f0d0",
        ),
        // python3 -c "from urllib.parse import quote; print(quote('a b', safe='') + '=' + quote('c&d', safe=''))"
        ("x-amz-tagging", "a%20b=c%26d"),
        ("x-amz-meta-Test", "test metadata"),
        ("x-amz-website-redirect-location", "/anotherPage.html"),
        ("x-amz-object-lock-mode", "COMPLIANCE"),
        ("x-amz-object-lock-retain-until-date", "2030-09-24T16:10:25Z"),
    ]));
    assert_eq!(headers(&o, Dialect::S3, now()).unwrap(), expected);
}

#[test]
fn s3_post_fields_from_seed_002() {
    let o = ObjectOptions {
        acl: s("public-read"),
        storage_class: s("GLACIER"),
        content_type: s("text/plain"),
        success_action_redirect: s("http://123458.com"),
        success_action_status: Some(SuccessActionStatus("200".into())),
        metadata: meta(&[("uuid", "14365123651274")]),
        website_redirect_location: s("http://www.example.com/"),
        tagging: Some(Tagging::Text("k=<v>".into())),
        ..Default::default()
    };
    assert_eq!(
        form_fields(&o, Dialect::S3, now()).unwrap(),
        pairs(&[
            ("Content-Type", "text/plain"),
            // Seed 002: `HTML: <input type="text" name="acl" value="public-read" />`.
            ("acl", "public-read"),
            ("x-amz-storage-class", "GLACIER"),
            // AWS POST Object: "tagging — the tag set as XML".
            (
                "tagging",
                "<Tagging><TagSet><Tag><Key>k</Key><Value>&lt;v&gt;</Value></Tag></TagSet></Tagging>",
            ),
            ("x-amz-meta-uuid", "14365123651274"),
            ("x-amz-website-redirect-location", "http://www.example.com/"),
            ("success_action_redirect", "http://123458.com"),
            ("success_action_status", "200"),
        ])
    );
}

#[test]
fn s3_sse_c_headers_with_the_md5_of_seed_002s_example_key() {
    // Seed 002 prints this key and, as the MD5 example, 4XvB3tbNTN+tIEVa0/fGaQ== — which is
    // indeed base64(md5(base64decode(key))): checked with python3 hashlib.
    let o = ObjectOptions {
        sse_customer_algorithm: s("AES256"),
        sse_customer_key: Some(CustomerKey(
            "K7QkYpBkM5+hcs27fsNkUnNVaobncnLht/rCB2o/9Cw=".into(),
        )),
        ..Default::default()
    };
    let expected = pairs(&[
        ("x-amz-server-side-encryption-customer-algorithm", "AES256"),
        (
            "x-amz-server-side-encryption-customer-key",
            "K7QkYpBkM5+hcs27fsNkUnNVaobncnLht/rCB2o/9Cw=",
        ),
        (
            "x-amz-server-side-encryption-customer-key-MD5",
            "4XvB3tbNTN+tIEVa0/fGaQ==",
        ),
    ]);
    assert_eq!(headers(&o, Dialect::S3, now()).unwrap(), expected);
    assert_eq!(form_fields(&o, Dialect::S3, now()).unwrap(), expected);
}
