//! `put-object` against the real local bucket: s3s verifies every SigV2/SigV4 signature, the
//! ETag and the bytes on disk are compared with an MD5 computed here with the md-5 crate, and
//! stored headers are read back with a separate request.

mod support;

use support::{head, md5_hex, put_object, Server, SK};

/// Deterministic, incompressible-looking bytes.
fn pattern(len: usize) -> Vec<u8> {
    let mut x: u32 = 0x9e37_79b9;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x as u8
        })
        .collect()
}

fn base<'a>(srv: &'a Server, key: &'a str) -> Vec<&'a str> {
    vec![
        "--endpoint",
        &srv.endpoint,
        "--path-style",
        "--bucket",
        "demo",
        "--key",
        key,
    ]
}

/// A file of 3 MiB + 1 byte (three full 1 MiB hashing chunks and a one-byte tail), with
/// metadata, Content-Type and Cache-Control, signed with `version`.
fn uploads_a_file(version: &str) {
    let srv = Server::start(&format!("file-{version}"));
    let data = pattern(3 * 1024 * 1024 + 1);
    let file = srv.root.join("upload.bin");
    std::fs::write(&file, &data).unwrap();
    let body = format!("file://{}", file.display());
    let key = "uploads/naïve ☃ (1)+a=b&c.bin";
    let mut args = base(&srv, key);
    args.extend([
        "--signature-version",
        version,
        "--body",
        &body,
        "--metadata",
        "owner=Ann",
        "--metadata",
        "project=x=y",
        "--content-type",
        "application/x-test",
        "--cache-control",
        "no-cache",
    ]);
    let run = put_object(&args, SK);
    assert_eq!(run.code, 0, "{run:?}");
    let md5 = md5_hex(&data);
    assert_eq!(
        run.field("etag"),
        Some(format!("\"{md5}\"").as_str()),
        "{run:?}"
    );
    assert!(run.field("request id").is_some(), "{run:?}");
    assert_eq!(run.field("size"), Some("3145729"));
    assert_eq!(std::fs::read(srv.object_path(key)).unwrap(), data);
    let stored = head(&srv, key);
    assert_eq!(stored.status, 200);
    assert_eq!(stored.header("content-type"), Some("application/x-test"));
    assert_eq!(stored.header("cache-control"), Some("no-cache"));
    assert_eq!(stored.header("x-amz-meta-owner"), Some("Ann"));
    assert_eq!(stored.header("x-amz-meta-project"), Some("x=y"));
    assert!(!run.stdout.contains(SK) && !run.stderr.contains(SK));
}

#[test]
fn uploads_a_file_with_sigv4() {
    uploads_a_file("v4");
}

#[test]
fn uploads_a_file_with_sigv2() {
    uploads_a_file("v2");
}

#[test]
fn uploads_inline_text() {
    let srv = Server::start("text");
    let mut args = base(&srv, "hello.txt");
    args.extend([
        "--body",
        "hi oss",
        "--tagging",
        "TagA=A&TagB=B",
        "--object-acl",
        "private",
    ]);
    let run = put_object(&args, SK);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.field("etag"),
        Some(format!("\"{}\"", md5_hex(b"hi oss")).as_str())
    );
    assert_eq!(
        std::fs::read(srv.object_path("hello.txt")).unwrap(),
        b"hi oss"
    );
}

#[test]
fn wrong_secret_is_reported_as_the_servers_error() {
    let srv = Server::start("wrong-secret");
    let file = srv.root.join("f.bin");
    std::fs::write(&file, pattern(3 * 1024 * 1024 + 1)).unwrap();
    let body = format!("file://{}", file.display());
    for version in ["v4", "v2"] {
        let mut args = base(&srv, "denied.bin");
        args.extend(["--signature-version", version, "--body", &body]);
        let wrong = "not-the-secret-0000000000000000000000000";
        let run = put_object(&args, wrong);
        assert_eq!(run.code, 1, "{run:?}");
        assert!(
            run.stderr.starts_with("error: SignatureDoesNotMatch: "),
            "{run:?}"
        );
        assert!(run.stderr.contains("HTTP 403"), "{run:?}");
        assert!(run.stderr.contains("request id "), "{run:?}");
        assert!(run.stdout.is_empty(), "{run:?}");
        assert!(!run.stderr.contains(wrong) && !run.stderr.contains(SK));
    }
    assert!(!srv.object_path("denied.bin").exists());
}

#[test]
fn bad_input_exits_2_before_any_request() {
    let srv = Server::start("validation");
    let long_key = "k".repeat(1100);
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            [base(&srv, &long_key), vec!["--body", "x"]].concat(),
            "error: KeyTooLong (--key): ",
        ),
        (
            [
                base(&srv, "a"),
                vec!["--body", "x", "--storage-class", "NEARLINE"],
            ]
            .concat(),
            "error: InvalidStorageClass (--storage-class): ",
        ),
        (
            // OSS-only option in the S3 dialect: refused, never silently dropped.
            [base(&srv, "a"), vec!["--body", "x", "--forbid-overwrite"]].concat(),
            "error: UnsupportedOption (--forbid-overwrite): ",
        ),
        (
            [
                base(&srv, "a"),
                vec!["--body", "file:///nonexistent/put-object-test"],
            ]
            .concat(),
            "error: UnreadableBody: ",
        ),
        (
            [base(&srv, "a"), vec!["--body", "x", "--bogus"]].concat(),
            "error: unknown argument",
        ),
    ];
    for (args, want) in cases {
        let run = put_object(&args, SK);
        assert_eq!(run.code, 2, "{args:?}: {run:?}");
        assert!(run.stderr.starts_with(want), "{args:?}: {run:?}");
        assert!(run.stdout.is_empty(), "{run:?}");
    }
    assert_eq!(srv.stored_entries(), Vec::<std::path::PathBuf>::new());
    // Proof the bucket took no request at all: the next one it answers is its first.
    let run = put_object(&[base(&srv, "after"), vec!["--body", "x"]].concat(), SK);
    assert_eq!(
        run.field("request id"),
        Some("LOCAL0000000000000001"),
        "{run:?}"
    );
}

#[test]
fn missing_credentials_exit_2() {
    let run = put_object(
        &[
            "--bucket",
            "b",
            "--key",
            "k",
            "--body",
            "x",
            "--endpoint",
            "http://127.0.0.1:9",
        ],
        "",
    );
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr
            .starts_with("error: MissingCredentials (credentials): "),
        "{run:?}"
    );
}

#[test]
fn unreachable_endpoint_is_a_network_error() {
    // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
    let run = put_object(
        &[
            "--bucket",
            "b",
            "--key",
            "k",
            "--body",
            "x",
            "--endpoint",
            "http://127.0.0.1:9",
            "--path-style",
        ],
        SK,
    );
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.starts_with("error: NetworkError: "), "{run:?}");
}

/// OSS and OBS requests carry their own `Authorization` schemes, which s3s does not speak: the
/// point here is that a refusal of a real request comes back as a clean one-line error.
#[test]
fn oss_and_obs_requests_are_refused_cleanly() {
    let srv = Server::start("dialects");
    for (dialect, version) in [("oss", "v4"), ("oss", "v2"), ("obs", "v2")] {
        let mut args = base(&srv, "other.txt");
        args.extend([
            "--dialect",
            dialect,
            "--signature-version",
            version,
            "--body",
            "hi oss",
        ]);
        let run = put_object(&args, SK);
        assert_eq!(run.code, 1, "{dialect} {version}: {run:?}");
        assert!(run.stderr.starts_with("error: "), "{run:?}");
        assert!(
            run.stderr.contains("(HTTP 4"),
            "{dialect} {version}: {run:?}"
        );
        assert_eq!(run.stderr.trim_end().lines().count(), 1, "{run:?}");
        assert!(run.stdout.is_empty(), "{run:?}");
    }
    assert!(!srv.object_path("other.txt").exists());
}

/// The body is streamed: a 64 MiB upload must not hold the file in memory. Debug build; the
/// figure is printed (`--nocapture`) and the bound is generous so the test does not flake.
#[test]
fn memory_stays_flat_for_a_64_mib_file() {
    let srv = Server::start("memory");
    let file = srv.root.join("big.bin");
    let chunk = pattern(1 << 20);
    {
        use std::io::Write;
        let mut f = std::io::BufWriter::new(std::fs::File::create(&file).unwrap());
        for i in 0..64u8 {
            // Each MiB differs, so a body sent out of order would not match the MD5.
            let mut c = chunk.clone();
            c[0] = i;
            f.write_all(&c).unwrap();
        }
    }
    let body = format!("file://{}", file.display());
    let mut args = base(&srv, "big.bin");
    args.extend(["--body", &body]);
    let run = put_object(&args, SK);
    assert_eq!(run.code, 0, "{run:?}");
    let data = std::fs::read(&file).unwrap();
    assert_eq!(
        run.field("etag"),
        Some(format!("\"{}\"", md5_hex(&data)).as_str())
    );
    assert_eq!(
        std::fs::metadata(srv.object_path("big.bin")).unwrap().len(),
        64 << 20
    );
    let mib = run.max_rss_kib as f64 / 1024.0;
    println!("put-object peak RSS for a 64 MiB upload: {mib:.1} MiB");
    assert!(mib < 48.0, "peak RSS {mib:.1} MiB for a 64 MiB body");
}

#[test]
fn help_lists_the_seed_004_flags() {
    let run = put_object(&["--help"], SK);
    assert_eq!(run.code, 0);
    for flag in [
        "--body",
        "--bucket",
        "--cache-control",
        "--content-disposition",
        "--content-encoding",
        "--expires",
        "--forbid-overwrite",
        "--key",
        "--metadata",
        "--object-acl",
        "--server-side-data-encryption",
        "--server-side-encryption",
        "--server-side-encryption-key-id",
        "--storage-class",
        "--tagging",
        "--endpoint",
        "--region",
        "--dialect",
        "--signature-version",
        "--path-style",
        "BUCKET_ACCESS_KEY",
        "AWS_ACCESS_KEY_ID",
        "OSS_ACCESS_KEY_ID",
    ] {
        assert!(run.stdout.contains(flag), "--help lacks {flag}");
    }
}
