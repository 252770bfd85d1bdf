//! An upload whose Complete answer was lost (a reload mid-Complete) is recognised from a HEAD of
//! the object: all of the checkpoint's parts, the file's size, and an ETag equal to the MD5 of
//! the parts' MD5s. The expected ETags here are computed with the md-5 crate directly, not with
//! the module's ETag code; anything else found at the key is not taken for the upload.

use bucket_upload::core::md5::Md5Digest;
use bucket_upload::core::multipart::reconcile::SavedPart;
use bucket_upload::core::multipart::stored::already_stored;
use bucket_upload::core::multipart::PartPlan;
use bucket_upload::core::response::HttpResponse;
use bucket_upload::Dialect;
use crc::{Crc, CRC_64_XZ};
use md5::{Digest, Md5};

const MIB: u64 = 1 << 20;

fn part_bytes(n: u32, len: u64) -> Vec<u8> {
    (0..len)
        .map(|i| (i as u32 ^ n.wrapping_mul(2654435761)) as u8)
        .collect()
}

/// A 2-part plan (5 MiB + 7 B), its saved parts, and the object's ETag, by md-5 directly.
fn fixture() -> (PartPlan, Vec<SavedPart>, String) {
    let plan = PartPlan::new(Dialect::S3, 5 * MIB + 7, Some(5 * MIB)).unwrap();
    let mut all = Md5::new();
    let saved: Vec<SavedPart> = (1..=plan.count)
        .map(|n| {
            let d: [u8; 16] = Md5::digest(part_bytes(n, plan.part_len(n))).into();
            all.update(d);
            SavedPart {
                part_number: n,
                size: plan.part_len(n),
                etag: format!("\"{}\"", hex(&d)),
                checksum: None,
                md5: Some(Md5Digest(d)),
                crc64: None,
            }
        })
        .collect();
    let etag = format!("\"{}-2\"", hex(&all.finalize()));
    (plan, saved, etag)
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn head(status: u16, etag: &str, length: u64) -> HttpResponse {
    HttpResponse::new(
        status,
        vec![
            ("ETag".into(), etag.into()),
            ("Content-Length".into(), length.to_string()),
            ("x-amz-version-id".into(), "v1".into()),
        ],
        "",
    )
}

#[test]
fn the_completed_upload_is_recognised() {
    let (plan, saved, etag) = fixture();
    let (done, completed, verified) =
        already_stored(&plan, &saved, &head(200, &etag, plan.size)).unwrap();
    assert_eq!(verified, "etag");
    assert_eq!(done.len(), 2);
    assert_eq!(completed.etag, etag.trim_matches('"'));
    assert_eq!(completed.version_id.as_deref(), Some("v1"));
    // Parts saved out of order are the same parts.
    let reversed: Vec<SavedPart> = saved.iter().rev().cloned().collect();
    assert!(already_stored(&plan, &reversed, &head(200, &etag, plan.size)).is_some());
}

#[test]
fn anything_else_at_the_key_is_not_the_upload() {
    let (plan, saved, etag) = fixture();
    let other_digits = format!("\"{}-2\"", "0".repeat(32));
    for (name, h) in [
        ("another size", head(200, &etag, plan.size - 1)),
        (
            "another object's multipart ETag",
            head(200, &other_digits, plan.size),
        ),
        (
            "a single-PUT ETag",
            head(200, "\"9e107d9d372bb6826bd81d3542a419d6\"", plan.size),
        ),
        (
            "OSS-style ETag",
            head(200, "\"5B3C1A2E0F9C8D7B6A5F4E3D2C1B0A99\"", plan.size),
        ),
        ("not found", head(404, &etag, plan.size)),
    ] {
        assert!(already_stored(&plan, &saved, &h).is_none(), "{name}");
    }
    let h = head(200, &etag, plan.size);
    assert!(
        already_stored(&plan, &saved[..1], &h).is_none(),
        "a part missing"
    );
    let mut twice = saved.clone();
    twice.push(saved[0].clone());
    assert!(
        already_stored(&plan, &twice, &h).is_none(),
        "a part saved twice"
    );
    let mut no_md5 = saved.clone();
    no_md5[1].md5 = None;
    assert!(
        already_stored(&plan, &no_md5, &h).is_none(),
        "a part without its MD5"
    );
    let mut short = saved.clone();
    short[0].size -= 1;
    assert!(
        already_stored(&plan, &short, &h).is_none(),
        "a part of another size"
    );
}

/// The HEAD is presigned by default (no preflight), carries the SSE-C key such an object needs,
/// and refuses everything else an upload request could carry.
#[test]
fn head_object_takes_only_the_sse_c_key() {
    use bucket_upload::core::multipart::{sign_multipart, MultipartOptions};
    let opts = |extra: serde_json::Value| {
        let mut v = serde_json::json!({ "operation": "headObject", "endpoint": "https://s3.example.com",
            "bucket": "demo", "key": "uploads/a.bin", "region": "us-east-1",
            "credentials": { "accessKeyId": "AKIDEXAMPLE", "secretAccessKey": "secret" } });
        v.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        let mut o: MultipartOptions = serde_json::from_value(v).unwrap();
        o.now = Some(bucket_upload::UtcTime::from_unix_seconds(1_767_323_045));
        sign_multipart(&o)
    };
    let s = opts(serde_json::json!({})).unwrap();
    assert_eq!(s.method, "HEAD");
    assert!(
        s.url.contains("X-Amz-Signature=") && !s.url.contains("uploadId"),
        "{}",
        s.url
    );
    let key = "MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=";
    let s = opts(serde_json::json!({ "sseCustomerAlgorithm": "AES256", "sseCustomerKey": key }))
        .unwrap();
    assert!(s
        .headers
        .iter()
        .any(|(n, _)| n.eq_ignore_ascii_case("x-amz-server-side-encryption-customer-key")));
    for (extra, field) in [
        (
            serde_json::json!({ "contentMd5": "1B2M2Y8AsgTpgAmY7PhCfg==" }),
            "contentMd5",
        ),
        (
            serde_json::json!({ "storageClass": "STANDARD_IA" }),
            "object options",
        ),
    ] {
        let e = opts(extra).unwrap_err();
        assert!(
            e.message.contains(field) || e.field.as_deref() == Some(field),
            "{}: {}",
            field,
            e.message
        );
    }
}

/// OSS forms its ETags otherwise: its whole-object `x-oss-hash-crc64ecma` is compared with the
/// parts' CRCs combined. The expected CRC is the crc crate's over the whole bytes.
#[test]
fn on_oss_the_whole_object_crc64_shows_it() {
    let xz = Crc::<u64>::new(&CRC_64_XZ);
    let plan = PartPlan::new(Dialect::Oss, 300 * 1024 + 5, Some(100 * 1024)).unwrap();
    let mut whole = Vec::new();
    let saved: Vec<SavedPart> = (1..=plan.count)
        .map(|n| {
            let bytes = part_bytes(n, plan.part_len(n));
            whole.extend_from_slice(&bytes);
            SavedPart {
                part_number: n,
                size: plan.part_len(n),
                etag: format!("\"PART{n}\""),
                checksum: None,
                md5: Some(Md5Digest(Md5::digest(&bytes).into())),
                crc64: Some(xz.checksum(&bytes)),
            }
        })
        .collect();
    let oss_head = |crc: u64| {
        HttpResponse::new(
            200,
            vec![
                ("ETag".into(), "\"3FA2C5C9A2B84E2B9B0A1D1E2F3A4B5C\"".into()),
                ("Content-Length".into(), plan.size.to_string()),
                ("x-oss-hash-crc64ecma".into(), crc.to_string()),
            ],
            "",
        )
    };
    let right = xz.checksum(&whole);
    let (_, completed, verified) = already_stored(&plan, &saved, &oss_head(right)).unwrap();
    assert_eq!(verified, "crc64");
    assert_eq!(completed.crc64ecma, Some(right.to_string()));
    assert!(
        already_stored(&plan, &saved, &oss_head(right ^ 1)).is_none(),
        "another CRC"
    );
    let mut no_crc = saved.clone();
    no_crc[2].crc64 = None;
    assert!(
        already_stored(&plan, &no_crc, &oss_head(right)).is_none(),
        "a part without its CRC"
    );
}
