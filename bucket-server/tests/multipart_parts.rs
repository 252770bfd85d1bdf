//! Regressions of s3s-fs 0.14.1's UploadPart and ListParts (multipart-survey.md part D), against
//! the real binary. Expected ETags and checksums are computed here (md-5, crc, sha2 crates).

mod support;

use crc::{Crc, CRC_32_ISCSI, CRC_32_ISO_HDLC, CRC_64_NVME};
use sha2::{Digest, Sha256};
use support::multipart::{
    b64, create, data, list_parts, md5, md5_hex, put_ok, put_part, UNKNOWN_ID,
};
use support::s3::{error_code, files_under, signed, xml_text, xml_texts};
use support::{Resp, Server};

fn status_code(r: &Resp) -> (u16, Option<String>) {
    (r.status, error_code(r))
}

fn part_numbers(r: &Resp) -> Vec<String> {
    xml_texts(&r.body, "PartNumber")
}

#[test]
fn list_parts_bug_parts_are_sorted_with_md5_etags_size_and_dates() {
    let srv = Server::start("mp-list");
    let id = create(&srv, "uploads/list.bin");
    let bodies: Vec<Vec<u8>> = (1..=3).map(|n| data(n, 1000 + n as usize)).collect();
    // Sent out of order: s3s-fs listed in read_dir order.
    for n in [3, 1, 2] {
        put_ok(&srv, "uploads/list.bin", &id, n, &bodies[n as usize - 1]);
    }
    let r = list_parts(&srv, "uploads/list.bin", &id, &[]);
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    assert_eq!(part_numbers(&r), ["1", "2", "3"]);
    let want: Vec<String> = bodies
        .iter()
        .map(|b| format!("\"{}\"", md5_hex(b)))
        .collect();
    assert_eq!(xml_texts(&r.body, "ETag"), want);
    assert_eq!(xml_texts(&r.body, "Size"), ["1001", "1002", "1003"]);
    let dates = xml_texts(&r.body, "LastModified");
    assert_eq!(dates.len(), 3);
    assert!(
        dates
            .iter()
            .all(|d| d.starts_with("20") && d.ends_with('Z')),
        "{dates:?}"
    );
    assert_eq!(xml_text(&r.body, "IsTruncated").as_deref(), Some("false"));
    assert_eq!(xml_text(&r.body, "UploadId").as_deref(), Some(id.as_str()));
}

#[test]
fn list_parts_bug_max_parts_and_part_number_marker_page_the_list() {
    let srv = Server::start("mp-page");
    let key = "uploads/page.bin";
    let id = create(&srv, key);
    for n in 1..=5 {
        put_ok(&srv, key, &id, n, &data(n as u32, 10));
    }
    let r = list_parts(&srv, key, &id, &[("max-parts", "2")]);
    assert_eq!(part_numbers(&r), ["1", "2"]);
    assert_eq!(xml_text(&r.body, "IsTruncated").as_deref(), Some("true"));
    assert_eq!(
        xml_text(&r.body, "NextPartNumberMarker").as_deref(),
        Some("2")
    );
    assert_eq!(xml_text(&r.body, "MaxParts").as_deref(), Some("2"));

    let r = list_parts(
        &srv,
        key,
        &id,
        &[("max-parts", "2"), ("part-number-marker", "2")],
    );
    assert_eq!(part_numbers(&r), ["3", "4"]);
    assert_eq!(
        xml_text(&r.body, "NextPartNumberMarker").as_deref(),
        Some("4")
    );

    let r = list_parts(
        &srv,
        key,
        &id,
        &[("max-parts", "2"), ("part-number-marker", "4")],
    );
    assert_eq!(part_numbers(&r), ["5"]);
    assert_eq!(xml_text(&r.body, "IsTruncated").as_deref(), Some("false"));

    // The default and the cap are 1000.
    let r = list_parts(&srv, key, &id, &[("max-parts", "5000")]);
    assert_eq!(xml_text(&r.body, "MaxParts").as_deref(), Some("1000"));
    assert_eq!(part_numbers(&r).len(), 5);
}

#[test]
fn list_parts_bug_unknown_upload_id_answers_no_such_upload() {
    let srv = Server::start("mp-unknown");
    let r = list_parts(&srv, "uploads/a.bin", UNKNOWN_ID, &[]);
    assert_eq!(status_code(&r), (404, Some("NoSuchUpload".into())));
    // An id that exists, but for another key, is not this key's upload either.
    let id = create(&srv, "uploads/a.bin");
    let r = list_parts(&srv, "uploads/other.bin", &id, &[]);
    assert_eq!(status_code(&r), (404, Some("NoSuchUpload".into())));
    let r = put_part(&srv, "uploads/other.bin", &id, 1, b"x", &[]);
    assert_eq!(status_code(&r), (404, Some("NoSuchUpload".into())));
    let r = put_part(&srv, "uploads/a.bin", UNKNOWN_ID, 1, b"x", &[]);
    assert_eq!(status_code(&r), (404, Some("NoSuchUpload".into())));
    // s3s-fs also created uploads in buckets that do not exist.
    let r = signed(
        &srv,
        "POST",
        "/nobucket/a.bin",
        &[("uploads", "")],
        &[],
        b"",
    );
    assert_eq!(status_code(&r), (404, Some("NoSuchBucket".into())));
}

/// s3s-fs ignores Content-MD5 on UploadPart; drain.rs's Md5Guard covers every PUT, UploadPart
/// included: checked here, not assumed.
#[test]
fn upload_part_with_wrong_content_md5_is_bad_digest_and_not_stored() {
    let srv = Server::start("mp-md5");
    let key = "uploads/md5.bin";
    let id = create(&srv, key);
    let body = data(7, 100_000);
    let wrong = b64(&md5(b"other bytes"));
    let r = put_part(&srv, key, &id, 1, &body, &[("content-md5", &wrong)]);
    assert_eq!(status_code(&r), (400, Some("BadDigest".into())));
    let right = b64(&md5(&body));
    let r = put_part(&srv, key, &id, 2, &body, &[("content-md5", &right)]);
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    assert_eq!(part_numbers(&list_parts(&srv, key, &id, &[])), ["2"]);
    let part_files: Vec<String> = files_under(&srv.data_dir)
        .into_iter()
        .filter(|f| f.contains(".part-"))
        .collect();
    assert_eq!(part_files, [format!(".upload_id-{id}.part-2")]);
}

/// (header, value of `body`) for each algorithm the browser may send, computed with the crc and
/// sha2 crates.
fn checksums(body: &[u8]) -> Vec<(&'static str, String)> {
    let crc32 = Crc::<u32>::new(&CRC_32_ISO_HDLC).checksum(body);
    let crc32c = Crc::<u32>::new(&CRC_32_ISCSI).checksum(body);
    let crc64 = Crc::<u64>::new(&CRC_64_NVME).checksum(body);
    vec![
        ("x-amz-checksum-crc32", b64(&crc32.to_be_bytes())),
        ("x-amz-checksum-crc32c", b64(&crc32c.to_be_bytes())),
        ("x-amz-checksum-crc64nvme", b64(&crc64.to_be_bytes())),
        ("x-amz-checksum-sha256", b64(&Sha256::digest(body))),
    ]
}

#[test]
fn upload_part_checksum_bug_each_algorithm_is_verified_and_echoed() {
    let srv = Server::start("mp-sum");
    let key = "uploads/sum.bin";
    let id = create(&srv, key);
    let body = data(11, 300_000);
    let other = checksums(b"not the body");
    for (i, (header, value)) in checksums(&body).into_iter().enumerate() {
        let good = i as i32 + 1;
        let r = put_part(&srv, key, &id, good, &body, &[(header, &value)]);
        assert_eq!(
            r.status,
            200,
            "{header}: {}",
            String::from_utf8_lossy(&r.body)
        );
        assert_eq!(r.header(header), Some(value.as_str()), "{header} echoed");
        let r = put_part(&srv, key, &id, good + 10, &body, &[(header, &other[i].1)]);
        assert_eq!(status_code(&r), (400, Some("BadDigest".into())), "{header}");
    }
    assert_eq!(
        part_numbers(&list_parts(&srv, key, &id, &[])),
        ["1", "2", "3", "4"]
    );

    // A mismatching re-upload of part 1 leaves the stored part 1 as it was.
    let (header, wrong) = &checksums(b"x")[1];
    let r = put_part(&srv, key, &id, 1, &data(12, 10), &[(header, wrong)]);
    assert_eq!(status_code(&r), (400, Some("BadDigest".into())));
    let r = list_parts(&srv, key, &id, &[("max-parts", "1")]);
    assert_eq!(
        xml_text(&r.body, "ETag"),
        Some(format!("\"{}\"", md5_hex(&body)))
    );

    // A value that is not a base64 CRC32C, and two algorithms at once, are InvalidRequest.
    let r = put_part(
        &srv,
        key,
        &id,
        5,
        &body,
        &[("x-amz-checksum-crc32c", "AAAA")],
    );
    assert_eq!(status_code(&r), (400, Some("InvalidRequest".into())));
    let two = checksums(&body);
    let r = put_part(
        &srv,
        key,
        &id,
        5,
        &body,
        &[(two[0].0, &two[0].1), (two[1].0, &two[1].1)],
    );
    assert_eq!(status_code(&r), (400, Some("InvalidRequest".into())));
    assert_eq!(
        part_numbers(&list_parts(&srv, key, &id, &[])),
        ["1", "2", "3", "4"]
    );
}

#[test]
fn upload_part_number_bug_zero_and_over_10000_are_refused() {
    let srv = Server::start("mp-number");
    let key = "uploads/n.bin";
    let id = create(&srv, key);
    for n in [0, 10_001] {
        let r = put_part(&srv, key, &id, n, b"x", &[]);
        assert_eq!(
            status_code(&r),
            (400, Some("InvalidArgument".into())),
            "part {n}"
        );
    }
    assert!(part_numbers(&list_parts(&srv, key, &id, &[])).is_empty());
}
