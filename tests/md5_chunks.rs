//! Content-MD5 fed in variable chunk sizes equals the one-shot digest, and the RFC 1321 test
//! suite's published digests.

use bucket_upload::ContentMd5;
use md5::{Digest, Md5};

fn chunked(data: &[u8], sizes: &[usize]) -> String {
    let mut h = ContentMd5::new();
    let mut rest = data;
    let mut i = 0;
    while !rest.is_empty() {
        let n = sizes[i % sizes.len()].min(rest.len());
        h.update(&rest[..n]);
        rest = &rest[n..];
        i += 1;
    }
    assert_eq!(h.bytes_hashed(), data.len() as u64);
    h.finalize().hex()
}

#[test]
fn rfc1321_test_suite() {
    // RFC 1321, appendix A.5.
    let cases = [
        ("", "d41d8cd98f00b204e9800998ecf8427e"),
        ("a", "0cc175b9c0f1b6a831c399e269772661"),
        ("abc", "900150983cd24fb0d6963f7d28e17f72"),
        ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
        (
            "abcdefghijklmnopqrstuvwxyz",
            "c3fcd3d76192e4007dfb496cca67e13b",
        ),
        (
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
            "d174ab98d277d9f5a5611c2c9f419d9f",
        ),
        (
            "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
            "57edf4a22be3c955ac49da2e2107b67a",
        ),
    ];
    for (input, hex) in cases {
        assert_eq!(chunked(input.as_bytes(), &[1, 2, 3]), hex, "{input:?}");
    }
}

#[test]
fn content_md5_header_form() {
    // RFC 1864 §2's rule: base64 of the 16 digest bytes; for the empty body that is
    // the widely published 1B2M2Y8AsgTpgAmY7PhCfg==.
    let h = ContentMd5::new();
    assert_eq!(h.finalize().base64(), "1B2M2Y8AsgTpgAmY7PhCfg==");
}

#[test]
fn variable_chunks_equal_one_shot() {
    // A deterministic pseudo-random buffer (xorshift) crossing many 64-byte block boundaries.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let data: Vec<u8> = (0..300_001)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect();
    let one_shot = bucket_upload::core::encode::hex(&Md5::digest(&data));
    for sizes in [
        &[1][..],
        &[63],
        &[64],
        &[65],
        &[7, 64, 1000, 1],
        &[65_536],
        &[300_001],
        &[1 << 20],
    ] {
        assert_eq!(chunked(&data, sizes), one_shot, "chunk sizes {sizes:?}");
    }
    for len in [0usize, 1, 55, 56, 63, 64, 65, 127, 128, 129] {
        let one = bucket_upload::core::encode::hex(&Md5::digest(&data[..len]));
        assert_eq!(chunked(&data[..len], &[1, 13]), one, "length {len}");
    }
}

#[test]
fn save_and_load_resume_the_same_digest() {
    let data: Vec<u8> = (0..10_007u32).map(|i| (i * 31 % 253) as u8).collect();
    let one_shot = bucket_upload::core::encode::hex(&Md5::digest(&data));
    // Split at awkward places: inside a 64-byte block and on a block boundary.
    for split in [0, 1, 63, 64, 65, 5000, 10_007] {
        let mut first = ContentMd5::new();
        first.update(&data[..split]);
        let saved = first.save();
        let mut resumed = ContentMd5::load(&saved).unwrap();
        assert_eq!(resumed.bytes_hashed(), split as u64);
        resumed.update(&data[split..]);
        assert_eq!(resumed.finalize().hex(), one_shot, "split at {split}");
    }
}

#[test]
fn a_state_of_another_version_or_shape_is_refused() {
    let mut h = ContentMd5::new();
    h.update(b"abc");
    let saved = h.save();
    let mut other_version = saved.clone();
    other_version[4] = 2;
    for bad in [
        other_version,
        saved[..saved.len() - 1].to_vec(),
        b"not a state".to_vec(),
        Vec::new(),
    ] {
        let e = ContentMd5::load(&bad).err().expect("refused");
        assert_eq!(e.code, "InvalidHashState", "{e}");
    }
}
