//! Regressions of s3s-fs 0.14.1's CompleteMultipartUpload, AbortMultipartUpload and (missing)
//! ListMultipartUploads (multipart-survey.md part D), with real 5 MiB parts where Complete needs
//! them. The object's ETag is computed here with the md-5 crate.

mod support;

use support::multipart::{
    abort, complete, create, data, list_parts, list_uploads, md5, md5_hex, put_ok, MIN_PART,
    UNKNOWN_ID,
};
use support::s3::{error_code, signed, xml_text, xml_texts};
use support::{Resp, Server};

fn status_code(r: &Resp) -> (u16, Option<String>) {
    (r.status, error_code(r))
}

fn get(srv: &Server, key: &str) -> Resp {
    signed(srv, "GET", &format!("/demo/{key}"), &[], &[], b"")
}

/// S3's multipart ETag: MD5 of the concatenated binary part MD5s, `-` and the part count.
fn multipart_etag(parts: &[&[u8]]) -> String {
    let joined: Vec<u8> = parts.iter().flat_map(|p| md5(p)).collect();
    format!("\"{}-{}\"", md5_hex(&joined), parts.len())
}

#[test]
fn complete_bug_client_etags_were_not_compared_a_wrong_one_is_invalid_part() {
    let srv = Server::start("mp-etag");
    let key = "uploads/etag.bin";
    let id = create(&srv, key);
    let (p1, p2) = (data(1, MIN_PART), data(2, 1234));
    let e1 = put_ok(&srv, key, &id, 1, &p1);
    let e2 = put_ok(&srv, key, &id, 2, &p2);
    assert_eq!(e1, format!("\"{}\"", md5_hex(&p1)));
    let wrong = format!("\"{}\"", md5_hex(b"not part 2"));
    let r = complete(&srv, key, &id, &[(1, &e1), (2, &wrong)]);
    assert_eq!(status_code(&r), (400, Some("InvalidPart".into())));
    assert_eq!(get(&srv, key).status, 404, "nothing was assembled");

    // The same upload completes with the right ETags, quoted or not.
    let r = complete(&srv, key, &id, &[(1, &e1), (2, e2.trim_matches('"'))]);
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    let etag = multipart_etag(&[&p1, &p2]);
    assert_eq!(xml_text(&r.body, "ETag"), Some(etag.clone()));
    let object = get(&srv, key);
    assert_eq!(object.status, 200);
    assert_eq!(object.header("etag"), Some(etag.as_str()));
    assert_eq!(object.body, [p1, p2].concat());
    // Completed: the upload and its parts are gone.
    assert_eq!(list_parts(&srv, key, &id, &[]).status, 404);
}

/// s3s-fs deleted the upload before checking the part list, so any refused Complete lost it.
#[test]
fn complete_bug_a_refused_complete_deleted_the_upload_now_it_can_be_retried() {
    let srv = Server::start("mp-retry");
    let key = "uploads/retry.bin";
    let id = create(&srv, key);
    let small = data(3, 1000);
    let (p1, p2, p3) = (data(4, MIN_PART), data(5, MIN_PART), data(6, 10));
    let e_small = put_ok(&srv, key, &id, 1, &small);
    let e2 = put_ok(&srv, key, &id, 2, &p2);
    let e3 = put_ok(&srv, key, &id, 3, &p3);

    let refused: [(&[(i32, &str)], &str); 5] = [
        (&[(2, &e2), (1, &e_small)], "InvalidPartOrder"),
        (&[(1, &e_small), (1, &e_small)], "InvalidPartOrder"),
        (&[(1, &e_small), (2, &e2)], "EntityTooSmall"),
        (
            &[(1, &e_small), (2, &e2), (3, &e3), (4, &e3)],
            "InvalidPart",
        ),
        (&[], "InvalidPart"),
    ];
    for (parts, code) in refused {
        let r = complete(&srv, key, &id, parts);
        assert_eq!(status_code(&r), (400, Some(code.into())), "{parts:?}");
        let listed = list_parts(&srv, key, &id, &[]);
        assert_eq!(
            xml_texts(&listed.body, "PartNumber"),
            ["1", "2", "3"],
            "after {code}"
        );
    }
    // S3 allows gaps; s3s-fs cannot assemble them, so they are refused, the upload kept.
    let r = complete(&srv, key, &id, &[(2, &e2), (3, &e3)]);
    assert_eq!(status_code(&r), (400, Some("InvalidPartOrder".into())));

    let e1 = put_ok(&srv, key, &id, 1, &p1);
    let r = complete(&srv, key, &id, &[(1, &e1), (2, &e2), (3, &e3)]);
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    assert_eq!(
        xml_text(&r.body, "ETag"),
        Some(multipart_etag(&[&p1, &p2, &p3]))
    );
    assert_eq!(get(&srv, key).body, [p1, p2, p3].concat());
}

#[test]
fn complete_of_the_first_parts_discards_the_unlisted_ones() {
    let srv = Server::start("mp-unlisted");
    let key = "uploads/first.bin";
    let id = create(&srv, key);
    let p1 = data(7, 100);
    let e1 = put_ok(&srv, key, &id, 1, &p1);
    put_ok(&srv, key, &id, 2, &data(8, 100));
    let r = complete(&srv, key, &id, &[(1, &e1)]);
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    assert_eq!(get(&srv, key).body, p1);
    let leftovers: Vec<String> = support::s3::files_under(&srv.data_dir)
        .into_iter()
        .filter(|f| f.contains(&id))
        .collect();
    assert_eq!(leftovers, Vec::<String>::new());
}

#[test]
fn list_multipart_uploads_bug_not_implemented_now_lists_uploads_in_progress() {
    let srv = Server::start("mp-uploads");
    let a1 = create(&srv, "uploads/a/1.bin");
    let a2 = create(&srv, "uploads/a/2.bin");
    let b1 = create(&srv, "uploads/b/1.bin");
    let r = list_uploads(&srv, &[]);
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    assert_eq!(
        xml_texts(&r.body, "Key"),
        ["uploads/a/1.bin", "uploads/a/2.bin", "uploads/b/1.bin"]
    );
    assert_eq!(xml_texts(&r.body, "UploadId"), [&*a1, &*a2, &*b1]);
    assert_eq!(xml_texts(&r.body, "Initiated").len(), 3);

    let r = list_uploads(&srv, &[("prefix", "uploads/a/")]);
    assert_eq!(xml_texts(&r.body, "UploadId"), [&*a1, &*a2]);

    let r = list_uploads(&srv, &[("max-uploads", "1")]);
    assert_eq!(xml_texts(&r.body, "UploadId"), [&*a1]);
    assert_eq!(xml_text(&r.body, "IsTruncated").as_deref(), Some("true"));
    assert_eq!(
        xml_text(&r.body, "NextKeyMarker").as_deref(),
        Some("uploads/a/1.bin")
    );
    let next = list_uploads(
        &srv,
        &[("key-marker", "uploads/a/1.bin"), ("upload-id-marker", &a1)],
    );
    assert_eq!(xml_texts(&next.body, "UploadId"), [&*a2, &*b1]);

    // Aborted and completed uploads are no longer listed.
    assert_eq!(abort(&srv, "uploads/a/1.bin", &a1).status, 204);
    let p = data(9, 10);
    let e = put_ok(&srv, "uploads/b/1.bin", &b1, 1, &p);
    assert_eq!(
        complete(&srv, "uploads/b/1.bin", &b1, &[(1, &e)]).status,
        200
    );
    let r = list_uploads(&srv, &[]);
    assert_eq!(xml_texts(&r.body, "UploadId"), [&*a2]);
}

#[test]
fn abort_bug_unknown_upload_id_answered_access_denied_now_no_such_upload() {
    let srv = Server::start("mp-abort");
    let key = "uploads/abort.bin";
    let r = abort(&srv, key, UNKNOWN_ID);
    assert_eq!(status_code(&r), (404, Some("NoSuchUpload".into())));
    let id = create(&srv, key);
    put_ok(&srv, key, &id, 1, b"part");
    assert_eq!(abort(&srv, key, &id).status, 204);
    // Aborted once: the id is now unknown, and its parts are gone.
    assert_eq!(
        status_code(&abort(&srv, key, &id)),
        (404, Some("NoSuchUpload".into()))
    );
    assert_eq!(
        status_code(&list_parts(&srv, key, &id, &[])),
        (404, Some("NoSuchUpload".into()))
    );
    let r = complete(&srv, key, &id, &[(1, "\"x\"")]);
    assert_eq!(status_code(&r), (404, Some("NoSuchUpload".into())));
}
