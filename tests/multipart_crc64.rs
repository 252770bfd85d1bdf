//! Combining part CRC-64s into the object's, checked against the `crc` crate's CRC-64/XZ of the
//! concatenated bytes (an independent, whole-buffer computation).

use bucket_upload::core::multipart::crc64_combine::{combine_parts, crc64_combine};

fn crc(b: &[u8]) -> u64 {
    crc::Crc::<u64>::new(&crc::CRC_64_XZ).checksum(b)
}

#[test]
fn two_halves_combine_to_the_whole() {
    let whole = b"123456789hello, object storage";
    for cut in [0, 1, 9, 17, whole.len()] {
        let (a, b) = whole.split_at(cut);
        assert_eq!(
            crc64_combine(crc(a), crc(b), b.len() as u64),
            crc(whole),
            "cut at {cut}"
        );
    }
    // The published check value of CRC-64/XZ, "123456789" → 0x995DC9BBDF1939FA.
    assert_eq!(crc(b"123456789"), 0x995D_C9BB_DF19_39FA);
}

#[test]
fn many_parts_of_odd_sizes() {
    let data: Vec<u8> = (0..300_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let sizes = [100_003, 65_536, 1, 0, 134_460];
    let mut at = 0;
    let parts: Vec<(u64, u64)> = sizes
        .iter()
        .map(|&n| {
            let p = &data[at..at + n];
            at += n;
            (crc(p), n as u64)
        })
        .collect();
    assert_eq!(at, data.len());
    assert_eq!(combine_parts(parts), crc(&data));
}

#[test]
fn crc64_nvme_parts_combine_to_the_whole_object_crc() {
    use bucket_upload::core::multipart::crc64_combine::{combine_parts_with, NVME};
    let nvme = crc::Crc::<u64>::new(&crc::CRC_64_NVME);
    // The published check value of CRC-64/NVME: "123456789" → 0xAE8B14860A799888.
    assert_eq!(nvme.checksum(b"123456789"), 0xAE8B_1486_0A79_9888);
    let data: Vec<u8> = (0..200_000u32)
        .map(|i| (i.wrapping_mul(40_503) >> 7) as u8)
        .collect();
    let parts: Vec<(u64, u64)> = data
        .chunks(65_537)
        .map(|p| (nvme.checksum(p), p.len() as u64))
        .collect();
    assert_eq!(combine_parts_with(NVME, parts), nvme.checksum(&data));
}
