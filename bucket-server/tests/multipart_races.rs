//! Regressions of the local bucket when a client goes away or two requests race, against the
//! real binary: S3's Complete and Abort are all-or-nothing, and a part that lands after its
//! upload was aborted is not kept. (Seen in the resume e2e test: a page reloaded right after it
//! sent Complete left the upload neither completed nor listable, so forgetUpload could not
//! remove its parts.)

mod support;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};
use support::multipart::{abort, create, data, list_parts, put_ok, MIN_PART};
use support::s3::{error_code, files_under, query_string};
use support::{sigv4_query_headers, Server, SK};

/// Every file of upload `id` (s3s-fs keeps `.upload-<id>.json`, the metadata and the parts).
fn upload_files(srv: &Server, id: &str) -> Vec<String> {
    files_under(&srv.data_dir)
        .into_iter()
        .filter(|f| f.contains(id))
        .collect()
}

/// Waits (bounded) until `done` holds.
fn eventually(what: &str, done: impl Fn() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < Duration::from_secs(20), "never: {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn complete_survives_a_client_that_leaves() {
    let srv = Server::start("race-complete");
    let key = "uploads/race/complete.bin";
    let id = create(&srv, key);
    // Ten parts: assembling 50 MiB takes long enough to drop the client in the middle of it.
    let bodies: Vec<Vec<u8>> = (1..=10).map(|n| data(n, MIN_PART)).collect();
    let etags: Vec<String> = (1..=10)
        .map(|n| put_ok(&srv, key, &id, n, &bodies[n as usize - 1]))
        .collect();
    // Complete, written whole, then the connection closed at once: the client never reads.
    let mut xml = String::from("<CompleteMultipartUpload>");
    for (n, etag) in etags.iter().enumerate() {
        xml.push_str(&format!(
            "<Part><PartNumber>{}</PartNumber><ETag>{etag}</ETag></Part>",
            n + 1
        ));
    }
    xml.push_str("</CompleteMultipartUpload>");
    let path = format!("/demo/{key}");
    let query = query_string(&[("uploadId", &id)]);
    let headers = sigv4_query_headers("POST", &srv.bucket_addr, &path, &query, SK);
    let mut head = format!(
        "POST {path}?{query} HTTP/1.1\r\nhost: {}\r\ncontent-length: {}\r\n",
        srv.bucket_addr,
        xml.len()
    );
    for (k, v) in &headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let mut s = TcpStream::connect(&srv.bucket_addr).unwrap();
    s.write_all(head.as_bytes()).unwrap();
    s.write_all(xml.as_bytes()).unwrap();
    // The client leaves while the object is being assembled (s3s-fs writes it to a `.tmp.*`
    // file first): not before the request was read, when nothing would be done at all.
    let start = Instant::now();
    let assembling = || {
        std::fs::read_dir(&srv.data_dir).unwrap().any(|e| {
            e.unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with(".tmp.")
        })
    };
    while !assembling() && start.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_micros(200));
    }
    drop(s);
    // The object is assembled whole, and nothing of the upload is left.
    let object = srv.data_dir.join("demo").join(key);
    eventually("the upload's files are gone", || {
        upload_files(&srv, &id).is_empty()
    });
    let stored = std::fs::read(&object).expect("the completed object");
    assert_eq!(stored, bodies.concat());
    let r = list_parts(&srv, key, &id, &[]);
    assert_eq!(error_code(&r).as_deref(), Some("NoSuchUpload"));
}

#[test]
fn a_part_landing_after_abort_is_not_kept() {
    let srv = Server::start("race-abort");
    let key = "uploads/race/abort.bin";
    let id = create(&srv, key);
    put_ok(&srv, key, &id, 1, &data(1, 1000));
    // Part 2 starts streaming, the upload is aborted, then the rest of part 2 arrives.
    let body = data(2, 2 * MIN_PART);
    let path = format!("/demo/{key}");
    let query = query_string(&[("partNumber", "2"), ("uploadId", &id)]);
    let headers = sigv4_query_headers("PUT", &srv.bucket_addr, &path, &query, SK);
    let mut head = format!(
        "PUT {path}?{query} HTTP/1.1\r\nhost: {}\r\nconnection: close\r\ncontent-length: {}\r\n",
        srv.bucket_addr,
        body.len()
    );
    for (k, v) in &headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let mut s = TcpStream::connect(&srv.bucket_addr).unwrap();
    s.write_all(head.as_bytes()).unwrap();
    s.write_all(&body[..MIN_PART]).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let r = abort(&srv, key, &id);
    assert_eq!(r.status, 204, "{}", String::from_utf8_lossy(&r.body));
    s.write_all(&body[MIN_PART..]).unwrap();
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let answer = String::from_utf8_lossy(&raw);
    assert!(answer.starts_with("HTTP/1.1 404"), "{answer}");
    assert!(answer.contains("NoSuchUpload"), "{answer}");
    assert_eq!(
        upload_files(&srv, &id),
        Vec::<String>::new(),
        "a part outlived its upload"
    );
}
