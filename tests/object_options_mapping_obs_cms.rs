//! Which header (PUT) or form field (POST) each typed object option becomes, for OBS's native
//! API and CMS, and the OSS callback. Expected names: seeds 002/003 with the `x-obs-` spelling
//! and value adapters of esdk-obs-browserjs's model (OBS), seed 000 (CMS), ali-oss's own
//! `encodeCallback` output (OSS callback); never the code under test.

mod object_options_support;

use bucket_upload::core::object_options::{
    form_fields, headers, Callback, ContentMd5Value, CustomerKey, ObjectOptions, OssCallback,
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

#[test]
fn obs_native_headers_use_x_obs_names_and_native_values() {
    // Native names: esdk-obs-browserjs obsModel.js PutObject (`withPrefix` + `sentAs`) with
    // `headerPrefix: 'x-obs-'`; values through its StorageClassAdapter (STANDARD_IA -> WARM)
    // and SseKmsAdapter (aws:kms -> kms).
    // Key bytes 0..63: python3 -c "import base64,hashlib; k=bytes(range(64));
    // print(base64.b64encode(hashlib.md5(k).digest()).decode())" -> stP1a8GX/ZhdWWUHm15xSA==
    let key =
        "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+Pw==";
    let o = ObjectOptions {
        acl: s("public-read"),
        storage_class: s("STANDARD_IA"),
        metadata: meta(&[("key", "value")]),
        website_redirect_location: s("https://www.example.com/"),
        object_lock_mode: s("COMPLIANCE"),
        object_lock_retain_until_date: s("2030-07-01T04:11:15Z"),
        sse_customer_algorithm: s("AES256"),
        sse_customer_key: Some(CustomerKey(key.into())),
        ..Default::default()
    };
    assert_eq!(
        headers(&o, Dialect::Obs, now()).unwrap(),
        pairs(&[
            ("x-obs-acl", "public-read"),
            ("x-obs-storage-class", "WARM"),
            ("x-obs-server-side-encryption-customer-algorithm", "AES256"),
            ("x-obs-server-side-encryption-customer-key", key),
            (
                "x-obs-server-side-encryption-customer-key-MD5",
                "stP1a8GX/ZhdWWUHm15xSA==",
            ),
            ("x-obs-meta-key", "value"),
            (
                "x-obs-website-redirect-location",
                "https://www.example.com/"
            ),
            ("x-obs-object-lock-mode", "COMPLIANCE"),
            (
                "x-obs-object-lock-retain-until-date",
                "2030-07-01T04:11:15Z"
            ),
        ])
    );
    let kms = ObjectOptions {
        storage_class: s("GLACIER"),
        server_side_encryption: s("aws:kms"),
        server_side_encryption_key_id: s("4f1cd4de-ab64-4807-920a-47fc42e7f0d0"),
        ..Default::default()
    };
    assert_eq!(
        form_fields(&kms, Dialect::Obs, now()).unwrap(),
        pairs(&[
            ("x-obs-storage-class", "COLD"),
            ("x-obs-server-side-encryption", "kms"),
            (
                "x-obs-server-side-encryption-kms-key-id",
                "4f1cd4de-ab64-4807-920a-47fc42e7f0d0",
            ),
        ])
    );
}

#[test]
fn cms_headers_from_seed_000() {
    let o = ObjectOptions {
        content_type: s("text/plain"),
        content_md5: Some(ContentMd5Value("5d41402abc4b2a76b9719d911017c592".into())),
        is_encrypt: Some(true),
        callback: Some(Callback::Url("https://example.com/notify".into())),
        metadata: meta(&[("Owner", "ann")]),
        ..Default::default()
    };
    assert_eq!(
        headers(&o, Dialect::Cms, now()).unwrap(),
        pairs(&[
            ("Content-Type", "text/plain"),
            // The hex MD5 of "hello" turned into RFC 1864 base64 (same value as in standard()).
            ("Content-MD5", "XUFAKrxLKna5cZ2REBfFkg=="),
            ("x-cms-meta-Owner", "ann"),
            ("x-cms-isEncrypt", "true"),
            ("x-cms-callback", "https://example.com/notify"),
        ])
    );
}

/// ali-oss 6.23.0 `encodeCallback` on the same input gives these two headers:
/// node -e "const {encodeCallback}=require('ali-oss/lib/common/callback.js'); const p={};
/// encodeCallback(p,{callback:{url:'https://example.com/cb?a=1&b=é x', body:'bucket=${bucket}&object=${object}&my_var=${x:my_var}',
/// host:'example.com', contentType:'application/json', callbackSNI:true, customValue:{my_var:'v 1', other:'文'}}});
/// console.log(p.headers)"
#[test]
fn oss_callback_is_byte_identical_to_ali_oss() {
    let o = ObjectOptions {
        callback: Some(Callback::Oss(OssCallback {
            url: "https://example.com/cb?a=1&b=é x".into(),
            body: "bucket=${bucket}&object=${object}&my_var=${x:my_var}".into(),
            host: s("example.com"),
            content_type: s("application/json"),
            callback_sni: Some(true),
            custom_value: meta(&[("my_var", "v 1"), ("other", "文")]),
        })),
        ..Default::default()
    };
    let callback = "eyJjYWxsYmFja1VybCI6Imh0dHBzOi8vZXhhbXBsZS5jb20vY2I/YT0xJmI9JUMzJUE5JTIweCIsImNhbGxiYWNrQm9keSI6ImJ1Y2tldD0ke2J1Y2tldH0mb2JqZWN0PSR7b2JqZWN0fSZteV92YXI9JHt4Om15X3Zhcn0iLCJjYWxsYmFja0hvc3QiOiJleGFtcGxlLmNvbSIsImNhbGxiYWNrQm9keVR5cGUiOiJhcHBsaWNhdGlvbi9qc29uIiwiY2FsbGJhY2tTTkkiOnRydWV9";
    assert_eq!(
        headers(&o, Dialect::Oss, now()).unwrap(),
        pairs(&[
            ("x-oss-callback", callback),
            (
                "x-oss-callback-var",
                "eyJ4Om15X3ZhciI6InYgMSIsIng6b3RoZXIiOiLmlocifQ==",
            ),
        ])
    );
    // PostObject: the same base64 in `callback`, the variables as x: fields.
    assert_eq!(
        form_fields(&o, Dialect::Oss, now()).unwrap(),
        pairs(&[
            ("callback", callback),
            ("x:my_var", "v 1"),
            ("x:other", "文"),
        ])
    );
}

#[test]
fn nothing_given_adds_nothing_and_empty_strings_count_as_not_given() {
    for d in [Dialect::S3, Dialect::Oss, Dialect::Obs, Dialect::Cms] {
        assert!(headers(&ObjectOptions::default(), d, now())
            .unwrap()
            .is_empty());
        let blank = ObjectOptions {
            acl: s(""),
            storage_class: s(""),
            cache_control: s(""),
            website_redirect_location: s(""),
            ..Default::default()
        };
        assert!(headers(&blank, d, now()).unwrap().is_empty(), "{d:?}");
    }
}
