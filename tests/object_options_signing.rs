//! The typed object options end to end through the core: read flat from the JSON a backend (or,
//! through serde-wasm-bindgen, the browser) passes, expanded after the raw headers/fields, signed
//! (a header the signature does not cover would be refused by the server), pinned in POST
//! policies, and never in conflict with a raw header of the same name.

use bucket_upload::core::object_options::{self, Callback, ObjectOptions, Tagging};
use bucket_upload::{
    presign_put, sign_post_form, sign_put_headers, Credentials, Dialect, ErrorKind, Fields,
    PostFormOptions, PutOptions, SigVersion, UtcTime,
};

const KEY_256: &str = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

fn put(raw: &[(&str, &str)], object: ObjectOptions) -> PutOptions {
    PutOptions {
        dialect: Dialect::S3,
        version: SigVersion::V4,
        endpoint: "http://127.0.0.1:9000".into(),
        bucket: "demo".into(),
        region: "us-east-1".into(),
        path_style: true,
        credentials: Credentials::new("AKIDEXAMPLE", "not-a-real-secret"),
        key: "a.txt".into(),
        expires_in: 600,
        now: Some(UtcTime::from_unix_seconds(1_767_323_045)),
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

fn post(raw: &[(&str, &str)], object: ObjectOptions) -> PostFormOptions {
    let p = put(raw, object);
    PostFormOptions {
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
    }
}

fn options() -> ObjectOptions {
    ObjectOptions {
        acl: Some("private".into()),
        metadata: Fields(vec![("Owner".into(), "ann".into())]),
        sse_customer_algorithm: Some("AES256".into()),
        sse_customer_key: Some(object_options::CustomerKey(KEY_256.into())),
        ..Default::default()
    }
}

#[test]
fn header_signed_put_sends_and_signs_the_typed_headers_after_the_raw_ones() {
    let r = sign_put_headers(&put(&[("Content-Type", "text/plain")], options())).unwrap();
    let names: Vec<&str> = r.headers.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        &names[..6],
        [
            "Content-Type",
            "x-amz-acl",
            "x-amz-server-side-encryption-customer-algorithm",
            "x-amz-server-side-encryption-customer-key",
            "x-amz-server-side-encryption-customer-key-MD5",
            "x-amz-meta-Owner",
        ]
    );
    let creq = r.canonical_request.unwrap();
    assert!(creq.contains("content-type;host;x-amz-acl;x-amz-content-sha256;x-amz-date;x-amz-meta-owner;x-amz-server-side-encryption-customer-algorithm;x-amz-server-side-encryption-customer-key;x-amz-server-side-encryption-customer-key-md5"), "{creq}");
    // The SSE-C key is a secret: the printable canonical request redacts it, not its MD5.
    assert!(!creq.contains(KEY_256), "{creq}");
    assert!(creq.contains("tP/LI3N87DFaSk0aoqYgzg=="), "{creq}");
}

#[test]
fn presigned_put_signs_the_typed_headers() {
    let url = presign_put(&put(&[], options())).unwrap();
    assert!(url.contains("X-Amz-SignedHeaders=host%3Bx-amz-acl%3Bx-amz-meta-owner%3Bx-amz-server-side-encryption-customer-algorithm%3Bx-amz-server-side-encryption-customer-key%3Bx-amz-server-side-encryption-customer-key-md5"), "{url}");
    // The headers the browser must send with that URL.
    let h = object_options::put_headers(&put(&[], options())).unwrap();
    assert_eq!(h.len(), 5);
}

#[test]
fn post_form_carries_and_pins_the_typed_fields() {
    let object = ObjectOptions {
        acl: Some("public-read".into()),
        success_action_status: Some(object_options::SuccessActionStatus("201".into())),
        tagging: Some(Tagging::Text("a=b".into())),
        ..Default::default()
    };
    let form = sign_post_form(&post(&[("Content-Type", "text/plain")], object)).unwrap();
    let names: Vec<&str> = form.fields.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        &names[..5],
        [
            "key",
            "Content-Type",
            "acl",
            "tagging",
            "success_action_status"
        ]
    );
    let policy = &form.fields.iter().find(|(n, _)| n == "policy").unwrap().1;
    use base64::Engine;
    let json = base64::engine::general_purpose::STANDARD
        .decode(policy)
        .unwrap();
    let json = String::from_utf8(json).unwrap();
    for pinned in [
        r#"{"acl":"public-read"}"#,
        r#"{"success_action_status":"201"}"#,
        r#"{"tagging":"<Tagging><TagSet><Tag><Key>a</Key><Value>b</Value></Tag></TagSet></Tagging>"}"#,
    ] {
        assert!(json.contains(pinned), "{pinned} missing from {json}");
    }
}

#[test]
fn a_typed_option_and_a_raw_header_of_the_same_name_conflict() {
    let e = presign_put(&put(&[("X-Amz-Acl", "private")], options())).unwrap_err();
    assert_eq!(
        (e.kind, e.code.as_str(), e.field.as_deref()),
        (ErrorKind::Validation, "ConflictingOption", Some("acl"))
    );
    let object = ObjectOptions {
        success_action_status: Some(object_options::SuccessActionStatus("204".into())),
        ..Default::default()
    };
    let e = sign_post_form(&post(&[("success_action_status", "201")], object)).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        ("ConflictingOption", Some("successActionStatus"))
    );
}

#[test]
fn raw_metadata_follows_the_dialects_rules() {
    let mut o = put(&[("x-oss-meta-my_key", "v")], ObjectOptions::default());
    o.dialect = Dialect::Oss;
    let e = presign_put(&o).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        ("InvalidMetadataName", Some("x-oss-meta-my_key"))
    );
}

/// The JavaScript options object, flat, as serde-wasm-bindgen and a JSON backend hand it over.
#[test]
fn options_are_read_flat_from_json() {
    let json = r#"{
        "dialect": "oss", "endpoint": "https://oss-cn-hangzhou.aliyuncs.com", "bucket": "b",
        "credentials": { "accessKeyId": "AK", "secretAccessKey": "SK" }, "key": "k",
        "headers": { "x-oss-meta-raw": "1" },
        "acl": "private", "storageClass": "IA", "metadata": { "owner": "ann", "n": 2 },
        "tagging": { "TagA": "A" }, "forbidOverwrite": true,
        "contentMd5": { "base64": "XUFAKrxLKna5cZ2REBfFkg==", "hex": "5d41402abc4b2a76b9719d911017c592" },
        "serverSideEncryption": "KMS", "serverSideDataEncryption": "SM4",
        "callback": { "url": "https://e.com/cb", "body": "a=b", "callbackSNI": true, "customValue": { "v": "1" } }
    }"#;
    let o: PutOptions = serde_json::from_str(json).unwrap();
    assert_eq!(
        o.headers,
        Fields(vec![("x-oss-meta-raw".into(), "1".into())])
    );
    let x = &o.object;
    assert_eq!(x.acl.as_deref(), Some("private"));
    assert_eq!(x.storage_class.as_deref(), Some("IA"));
    assert_eq!(
        x.metadata,
        Fields(vec![
            ("owner".into(), "ann".into()),
            ("n".into(), "2".into())
        ])
    );
    assert_eq!(
        x.tagging,
        Some(Tagging::Pairs(Fields(vec![("TagA".into(), "A".into())])))
    );
    assert_eq!(x.forbid_overwrite, Some(true));
    assert_eq!(
        x.content_md5.as_ref().unwrap().0,
        "XUFAKrxLKna5cZ2REBfFkg=="
    );
    let Some(Callback::Oss(c)) = &x.callback else {
        panic!("{:?}", x.callback)
    };
    assert_eq!(
        (c.url.as_str(), c.callback_sni),
        ("https://e.com/cb", Some(true))
    );

    let post: PostFormOptions = serde_json::from_str(
        r#"{ "endpoint": "http://h", "bucket": "b", "credentials": { "accessKeyId": "AK", "secretAccessKey": "SK" },
             "key": "k", "successActionStatus": 201, "tagging": "a=b&c", "callback": "https://cms/cb",
             "sseCustomerKey": "c2VjcmV0" }"#,
    )
    .unwrap();
    let x = &post.object;
    assert_eq!(x.success_action_status.as_ref().unwrap().0, "201");
    assert_eq!(x.tagging, Some(Tagging::Text("a=b&c".into())));
    assert_eq!(x.callback, Some(Callback::Url("https://cms/cb".into())));
    assert!(
        !format!("{post:?}").contains("c2VjcmV0"),
        "the SSE-C key shows in Debug"
    );
}
