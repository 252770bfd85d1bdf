//! S3's additional checksums on single uploads, against the real binary: a PutObject (header-signed
//! by the core's `sign_put_headers` with the typed `checksum*` options) or POST Object (the core's
//! `sign_post_form`) with the right `x-amz-checksum-*` is stored, a wrong one is refused with 400
//! `BadDigest` — and a refused upload leaves the object that was there untouched, which s3s-fs
//! 0.14.1 did not (it renamed the new file into place before comparing; part_checksum.rs).
//! Expected values are computed here with the crc and sha2 crates.

mod support;

use base64::Engine;
use bucket_upload::core::server_response::server_error;
use bucket_upload::{
    sign_post_form, sign_put_headers, ChecksumAlgorithm, ChecksumValue, Credentials, Fields,
    ObjectOptions, PostFormOptions, PutOptions, SigVersion, UtcTime,
};
use crc::{Crc, CRC_32_ISCSI, CRC_32_ISO_HDLC, CRC_64_NVME};
use sha2::{Digest, Sha256};
use support::s3::{files_under, post_form_body};
use support::{http, Resp, Server, AK, SK};

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// The value S3 expects for `data`: base64 of the big-endian CRC, or of the SHA-256 digest.
fn checksum(a: ChecksumAlgorithm, data: &[u8]) -> String {
    match a {
        ChecksumAlgorithm::Crc32 => b64(&Crc::<u32>::new(&CRC_32_ISO_HDLC)
            .checksum(data)
            .to_be_bytes()),
        ChecksumAlgorithm::Crc32c => {
            b64(&Crc::<u32>::new(&CRC_32_ISCSI).checksum(data).to_be_bytes())
        }
        ChecksumAlgorithm::Crc64nvme => {
            b64(&Crc::<u64>::new(&CRC_64_NVME).checksum(data).to_be_bytes())
        }
        ChecksumAlgorithm::Sha256 => b64(&Sha256::digest(data)),
    }
}

fn now() -> UtcTime {
    let s = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    UtcTime::from_unix_seconds(s as i64)
}

/// Typed options carrying `value` as algorithm `a`'s checksum.
fn with_checksum(a: ChecksumAlgorithm, value: &str) -> ObjectOptions {
    let v = Some(ChecksumValue(value.to_string()));
    let mut o = ObjectOptions::default();
    match a {
        ChecksumAlgorithm::Crc32 => o.checksum_crc32 = v,
        ChecksumAlgorithm::Crc32c => o.checksum_crc32c = v,
        ChecksumAlgorithm::Crc64nvme => o.checksum_crc64nvme = v,
        ChecksumAlgorithm::Sha256 => o.checksum_sha256 = v,
    }
    o
}

/// A header-signed PUT of `data` to `demo/key` with `object` options.
fn put(srv: &Server, key: &str, object: ObjectOptions, data: &[u8]) -> Resp {
    let signed = sign_put_headers(&PutOptions {
        dialect: Default::default(),
        version: SigVersion::V4,
        endpoint: format!("http://{}", srv.bucket_addr),
        bucket: "demo".into(),
        region: "us-east-1".into(),
        path_style: true,
        credentials: Credentials::new(AK, SK),
        key: key.into(),
        expires_in: 300,
        now: Some(now()),
        headers: Fields::default(),
        content_length: None,
        signed_headers: Default::default(),
        object,
    })
    .unwrap();
    let path = signed
        .url
        .strip_prefix(&format!("http://{}", srv.bucket_addr))
        .unwrap()
        .to_string();
    let headers: Vec<(&str, &str)> = signed
        .headers
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    http(&srv.bucket_addr, "PUT", &path, &headers, data).unwrap()
}

/// A POST Object of `data` to `demo/key` with `object` options, signed by the core.
fn post(srv: &Server, key: &str, object: ObjectOptions, data: &[u8]) -> Resp {
    let form = sign_post_form(&PostFormOptions {
        dialect: Default::default(),
        version: SigVersion::V4,
        endpoint: format!("http://{}", srv.bucket_addr),
        bucket: "demo".into(),
        region: "us-east-1".into(),
        path_style: true,
        credentials: Credentials::new(AK, SK),
        key: key.into(),
        expires_in: 300,
        now: Some(now()),
        conditions: vec![],
        fields: Fields::default(),
        object,
    })
    .unwrap();
    let (content_type, body) = post_form_body(&form.fields, data);
    let headers = [("content-type", content_type.as_str())];
    http(&srv.bucket_addr, "POST", "/demo", &headers, &body).unwrap()
}

fn assert_status(r: &Resp, want: (u16, Option<&str>), what: &str) {
    let text = String::from_utf8_lossy(&r.body);
    let e = server_error(r.status, &text, None);
    let code = (r.status >= 300).then_some(e.code.as_str());
    assert_eq!((r.status, code), want, "{what}: {text}");
}

fn stored(srv: &Server, key: &str) -> Option<Vec<u8>> {
    std::fs::read(srv.data_dir.join("demo").join(key)).ok()
}

/// Asserts the bytes stored under `key` (without printing megabytes on failure).
fn assert_stored(srv: &Server, key: &str, want: Option<&[u8]>, what: &str) {
    let got = stored(srv, key);
    let show = |b: Option<&[u8]>| {
        b.map(|b| {
            format!(
                "{} bytes: {:?}…",
                b.len(),
                String::from_utf8_lossy(&b[..b.len().min(40)])
            )
        })
    };
    assert!(
        got.as_deref() == want,
        "{what}: stored {:?}, want {:?}",
        show(got.as_deref()),
        show(want)
    );
}

/// No temp file of a refused upload is left behind.
fn no_temp_files(srv: &Server) {
    let files = files_under(&srv.data_dir);
    assert!(
        !files.iter().any(|f| f.contains(".tmp.")),
        "temp files left: {files:?}"
    );
}

#[test]
fn put_object_bug_refused_checksum_replaced_the_stored_object() {
    let srv = Server::start("put-checksum-replace");
    let key = "uploads/kept.txt";
    let old = b"the bytes that were there".to_vec();
    let a = ChecksumAlgorithm::Crc32c;
    let good = with_checksum(a, &checksum(a, &old));
    assert_status(&put(&srv, key, good, &old), (200, None), "good PUT");
    assert_stored(&srv, key, Some(&old), "stored");

    // A well-formed crc32c, of other bytes than those sent.
    let wrong = with_checksum(a, &checksum(a, b"something else"));
    let r = put(&srv, key, wrong, b"new bytes that must not land");
    assert_status(&r, (400, Some("BadDigest")), "PUT with a wrong crc32c");
    assert_stored(&srv, key, Some(&old), "old bytes kept");
    no_temp_files(&srv);
}

#[test]
fn post_object_bug_refused_checksum_replaced_the_stored_object() {
    let srv = Server::start("post-checksum-replace");
    let key = "uploads/kept-post.txt";
    let old = b"posted first".to_vec();
    let a = ChecksumAlgorithm::Sha256;
    let good = with_checksum(a, &checksum(a, &old));
    assert_status(&post(&srv, key, good, &old), (204, None), "good POST");
    assert_stored(&srv, key, Some(&old), "stored");

    let wrong = with_checksum(a, &checksum(a, b"not these"));
    let r = post(&srv, key, wrong, b"posted second");
    assert_status(&r, (400, Some("BadDigest")), "POST with a wrong sha256");
    assert_stored(&srv, key, Some(&old), "old bytes kept");
    no_temp_files(&srv);
}

#[test]
fn every_algorithm_right_value_stored_wrong_value_refused() {
    let srv = Server::start("put-checksum-all");
    let data: Vec<u8> = (0..70_001u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 9) as u8)
        .collect();
    for a in ChecksumAlgorithm::ALL {
        let key = format!("uploads/{}.bin", a.digest_name());
        let right = with_checksum(a, &checksum(a, &data));
        assert_status(&put(&srv, &key, right, &data), (200, None), a.name());
        assert_stored(&srv, &key, Some(&data), a.name());

        let fresh = format!("uploads/{}-wrong.bin", a.digest_name());
        let wrong = with_checksum(a, &checksum(a, &data[1..]));
        let what = format!("{} wrong", a.name());
        assert_status(
            &put(&srv, &fresh, wrong, &data),
            (400, Some("BadDigest")),
            &what,
        );
        assert_stored(&srv, &fresh, None, &what);

        let posted = format!("uploads/{}-post.bin", a.digest_name());
        let right = with_checksum(a, &checksum(a, &data));
        assert_status(&post(&srv, &posted, right, &data), (204, None), "POST");
        assert_stored(&srv, &posted, Some(&data), "POST");
    }
    no_temp_files(&srv);
}
