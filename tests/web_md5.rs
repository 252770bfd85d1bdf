//! `contentMd5` in real browsers (Chromium and Firefox, via `wasm-pack test --headless`):
//! Blobs of awkward sizes and chunk sizes, and 20 MiB of random bytes, against hash-wasm's MD5
//! (an independent implementation, loaded from node_modules).
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

use bucket_upload::wasm::{content_md5 as bucket_upload_md5, digests};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(module = "/node_modules/hash-wasm/dist/index.esm.js")]
extern "C" {
    /// hash-wasm's one-shot MD5: resolves to lower-case hex.
    #[wasm_bindgen(js_name = md5)]
    fn hash_wasm_md5(data: &Uint8Array) -> js_sys::Promise;
    #[wasm_bindgen(js_name = sha256)]
    fn hash_wasm_sha256(data: &Uint8Array) -> js_sys::Promise;
    #[wasm_bindgen(js_name = crc32)]
    fn hash_wasm_crc32(data: &Uint8Array, polynomial: u32) -> js_sys::Promise;
    #[wasm_bindgen(js_name = crc64)]
    fn hash_wasm_crc64(data: &Uint8Array) -> js_sys::Promise;
}

fn blob_of(data: &[u8]) -> web_sys::Blob {
    let parts = Array::of1(&Uint8Array::from(data));
    web_sys::Blob::new_with_u8_array_sequence(&parts).unwrap()
}

fn random_bytes(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

async fn expected_hex(data: &[u8]) -> String {
    JsFuture::from(hash_wasm_md5(&Uint8Array::from(data)))
        .await
        .unwrap()
        .as_string()
        .unwrap()
}

async fn module_md5(data: &[u8], chunk_size: Option<u32>) -> (String, String) {
    let options = Object::new();
    // The worker script is not served by the test runner; the page-level tests cover it.
    Reflect::set(&options, &"worker".into(), &JsValue::FALSE).unwrap();
    if let Some(c) = chunk_size {
        Reflect::set(&options, &"chunkSize".into(), &JsValue::from(c)).unwrap();
    }
    let r = bucket_upload_md5(blob_of(data).into(), Some(options.into()))
        .await
        .unwrap();
    let get = |k: &str| Reflect::get(&r, &k.into()).unwrap().as_string().unwrap();
    (get("hex"), get("base64"))
}

#[wasm_bindgen_test]
async fn awkward_sizes_and_chunk_sizes() {
    for len in [0usize, 1, 63, 64, 65] {
        let data = random_bytes(len, len as u64 + 7);
        let want = expected_hex(&data).await;
        for chunk in [None, Some(1), Some(63), Some(64), Some(65)] {
            let (hex, b64) = module_md5(&data, chunk).await;
            assert_eq!(hex, want, "len {len} chunk {chunk:?}");
            assert_eq!(b64.len(), 24, "base64 of 16 bytes");
        }
    }
}

#[wasm_bindgen_test]
async fn chunk_size_plus_minus_one() {
    let chunk = 65_536u32;
    for len in [chunk - 1, chunk, chunk + 1, 3 * chunk + 1] {
        let data = random_bytes(len as usize, 99);
        let want = expected_hex(&data).await;
        for c in [chunk - 1, chunk, chunk + 1] {
            assert_eq!(
                module_md5(&data, Some(c)).await.0,
                want,
                "len {len} chunk {c}"
            );
        }
    }
}

#[wasm_bindgen_test]
async fn twenty_mib_random() {
    let data = random_bytes(20 * 1024 * 1024, 2026);
    let want = expected_hex(&data).await;
    assert_eq!(module_md5(&data, None).await.0, want);
    assert_eq!(module_md5(&data, Some(1024 * 1024 + 1)).await.0, want);
}

async fn awaited(p: js_sys::Promise) -> String {
    JsFuture::from(p).await.unwrap().as_string().unwrap()
}

#[wasm_bindgen_test]
async fn every_digest_in_one_pass() {
    for len in [0usize, 1, 65_535, 65_536, 65_537, 200_001] {
        let data = random_bytes(len, 5 + len as u64);
        let u8a = Uint8Array::from(&data[..]);
        let options = Object::new();
        Reflect::set(&options, &"worker".into(), &JsValue::FALSE).unwrap();
        Reflect::set(&options, &"chunkSize".into(), &JsValue::from(65_536)).unwrap();
        let names = Array::of4(
            &"md5".into(),
            &"sha256".into(),
            &"crc32c".into(),
            &"crc64ecma".into(),
        );
        Reflect::set(&options, &"algorithms".into(), &names).unwrap();
        let r = digests(blob_of(&data).into(), Some(options.into()))
            .await
            .unwrap();
        let get = |path: &[&str]| {
            path.iter()
                .fold(r.clone(), |v, k| Reflect::get(&v, &(*k).into()).unwrap())
                .as_string()
                .unwrap()
        };
        assert_eq!(
            get(&["md5", "hex"]),
            awaited(hash_wasm_md5(&u8a)).await,
            "md5 {len}"
        );
        assert_eq!(
            get(&["sha256", "hex"]),
            awaited(hash_wasm_sha256(&u8a)).await,
            "sha256 {len}"
        );
        // hash-wasm prints CRCs as big-endian hex; S3 wants base64 of those bytes, OSS the decimal.
        let crc32c =
            u32::from_str_radix(&awaited(hash_wasm_crc32(&u8a, 0x82F6_3B78)).await, 16).unwrap();
        assert_eq!(
            get(&["crc32c"]),
            bucket_upload::core::encode::base64(&crc32c.to_be_bytes()),
            "crc32c {len}"
        );
        let crc64 = u64::from_str_radix(&awaited(hash_wasm_crc64(&u8a)).await, 16).unwrap();
        assert_eq!(get(&["crc64ecma"]), crc64.to_string(), "crc64 {len}");
    }
}

/// The NotReadableError report: a big Blob read slice by slice must keep giving the
/// same bytes, run after run.
#[wasm_bindgen_test]
async fn a_256_mib_blob_hashed_twice_gives_the_same_digest() {
    let data = random_bytes(256 * 1024 * 1024, 77);
    let want = expected_hex(&data).await;
    let blob = blob_of(&data);
    drop(data);
    for run in 0..2 {
        let options = Object::new();
        Reflect::set(&options, &"worker".into(), &JsValue::FALSE).unwrap();
        let r = bucket_upload_md5(blob.clone().into(), Some(options.into())).await;
        let r = r.unwrap_or_else(|e| {
            panic!(
                "run {run}: {:?} {:?}",
                Reflect::get(&e, &"code".into()),
                Reflect::get(&e, &"message".into())
            )
        });
        assert_eq!(
            Reflect::get(&r, &"hex".into())
                .unwrap()
                .as_string()
                .unwrap(),
            want,
            "run {run}"
        );
    }
}
