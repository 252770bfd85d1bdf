//! One pass, every digest: published check values (the CRC catalogue's "check" of "123456789",
//! FIPS 180-2's SHA-256 of "abc", RFC 1321's MD5) and the same results however the bytes are cut.

use bucket_upload::{DigestSet, MultiDigest};

fn all() -> DigestSet {
    DigestSet::from_names(["md5", "crc64ecma", "crc32", "crc32c", "crc64nvme", "sha256"]).unwrap()
}

fn chunked(data: &[u8], size: usize) -> bucket_upload::Digests {
    let mut h = MultiDigest::new(all());
    for piece in data.chunks(size.max(1)) {
        h.update(piece);
    }
    h.finalize()
}

#[test]
fn published_check_values() {
    // reveng.sourceforge.io CRC catalogue: CRC-64/XZ check=0x995dc9bbdf1939fa,
    // CRC-32/ISCSI (CRC-32C) check=0xe3069283.
    let d = chunked(b"123456789", 4);
    assert_eq!(d.crc64ecma, Some(0x995d_c9bb_df19_39fa));
    assert_eq!(d.crc32c, Some(0xe306_9283));
    // OSS prints the CRC-64 as an unsigned decimal; S3 the CRC-32C as base64 of big-endian bytes.
    assert_eq!(d.crc64ecma_decimal().unwrap(), "11051210869376104954");
    assert_eq!(d.crc32c_base64().unwrap(), "4waSgw==");
    // CRC-32/ISO-HDLC (S3's CRC32) check=0xcbf43926, CRC-64/NVME check=0xae8b14860a799888.
    assert_eq!(d.crc32, Some(0xcbf4_3926));
    assert_eq!(d.crc64nvme, Some(0xae8b_1486_0a79_9888));
    // S3 spells both as base64 of the big-endian bytes, like CRC-32C.
    assert_eq!(d.crc32_base64().unwrap(), "y/Q5Jg==");
    assert_eq!(d.crc64nvme_base64().unwrap(), "rosUhgp5mIg=");
    let abc = chunked(b"abc", 1);
    assert_eq!(
        abc.sha256_hex().unwrap(),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    assert_eq!(abc.md5.unwrap().hex(), "900150983cd24fb0d6963f7d28e17f72");
}

#[test]
fn empty_input() {
    let d = chunked(b"", 1);
    assert_eq!(d.md5.unwrap().hex(), "d41d8cd98f00b204e9800998ecf8427e");
    assert_eq!(
        d.sha256_hex().unwrap(),
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    assert_eq!((d.crc64ecma, d.crc32c), (Some(0), Some(0)));
    assert_eq!((d.crc32, d.crc64nvme), (Some(0), Some(0)));
    assert_eq!(d.crc32_base64().unwrap(), "AAAAAA==");
}

#[test]
fn cut_anywhere_same_digests() {
    let data: Vec<u8> = (0..100_003u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 11) as u8)
        .collect();
    let whole = chunked(&data, data.len());
    for size in [1, 7, 63, 64, 65, 4096, 65_537] {
        assert_eq!(chunked(&data, size), whole, "chunk size {size}");
    }
}

#[test]
fn only_what_was_asked() {
    let mut h = MultiDigest::new(DigestSet::from_names(["crc64ecma"]).unwrap());
    h.update(b"123456789");
    let d = h.finalize();
    assert!(d.md5.is_none() && d.sha256.is_none() && d.crc32c.is_none());
    assert!(d.crc32.is_none() && d.crc64nvme.is_none());
    let e = DigestSet::from_names(["md4"]).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        ("UnknownAlgorithm", Some("algorithms"))
    );
}
