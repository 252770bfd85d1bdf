//! Refusals read per dialect (core::response): seed 001's PutObject error table (OSS), the error
//! XML of OSS (with `EC`, the `x-oss-ec` and `x-oss-err` headers), OBS (XML and JSON) and S3,
//! seed 000's JSON (CMS), and OSS's 203 `CallbackFailed`, each the one error type with code,
//! message, status, request id and `ec`.
//!
//! Expected values come from the documents, written out here: the seed 001 table (code, status)
//! and OSS's error-response page (<https://www.alibabacloud.com/help/en/oss/user-guide/overview-14>:
//! the XML shape and `x-oss-ec`).

use bucket_upload::core::response::{
    server_error_for, upload_outcome, Expected, HttpResponse, PutObjectErrorCode,
};
use bucket_upload::{Dialect, ErrorKind};

fn resp(status: u16, headers: &[(&str, &str)], body: &str) -> HttpResponse {
    HttpResponse::new(
        status,
        headers
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect(),
        body,
    )
}

/// An OSS error document as OSS's error-response page shows it.
fn oss_error_xml(code: &str, message: &str, request_id: &str, ec: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>{code}</Code>\n  <Message>{message}</Message>\n  \
         <RequestId>{request_id}</RequestId>\n  <HostId>example-bucket.oss-cn-hangzhou.aliyuncs.com</HostId>\n  \
         <EC>{ec}</EC>\n  <RecommendDoc>https://api.aliyun.com/troubleshoot?q={ec}</RecommendDoc>\n</Error>\n"
    )
}

/// Seed 001's error table, as printed there: code, HTTP status.
const SEED_001_TABLE: [(&str, u16); 10] = [
    ("MissingContentLength", 411),
    ("InvalidEncryptionAlgorithmError", 400),
    ("AccessDenied", 403),
    ("NoSuchBucket", 404),
    ("InvalidObjectName", 400),
    ("InvalidArgument", 400),
    ("RequestTimeout", 400),
    ("KmsServiceNotEnabled", 403),
    ("FileAlreadyExists", 409),
    ("FileImmutable", 409),
];

#[test]
fn every_seed_001_code_becomes_a_server_error_a_caller_can_switch_on() {
    assert_eq!(PutObjectErrorCode::ALL.len(), SEED_001_TABLE.len());
    for (i, (code, status)) in SEED_001_TABLE.into_iter().enumerate() {
        let request_id = format!("5C06A3B67B8B5A3DA42229{i:02}");
        let ec = format!("0026-000000{i:02}");
        let body = oss_error_xml(
            code,
            &format!("the {code} message & <detail>"),
            &request_id,
            &ec,
        );
        let r = resp(
            status,
            &[
                ("x-oss-request-id", &request_id),
                ("Content-Type", "application/xml"),
            ],
            &body,
        );
        let e = server_error_for(Dialect::Oss, &r);
        assert_eq!(e.kind, ErrorKind::Server, "{code}");
        assert_eq!(e.code, code);
        assert_eq!(e.status, Some(status), "{code}");
        assert_eq!(e.message, format!("the {code} message & <detail>"));
        assert_eq!(e.request_id.as_deref(), Some(request_id.as_str()));
        assert_eq!(e.ec.as_deref(), Some(ec.as_str()));
        assert_eq!(e.field, None);
        let known =
            PutObjectErrorCode::of(&e).unwrap_or_else(|| panic!("{code} is not in the table"));
        assert_eq!(known.as_str(), code);
        assert_eq!(known.status(), status, "{code}: the table's status");
        assert_eq!(known, PutObjectErrorCode::ALL[i], "seed order");
        // The same answer to a PUT is never an upload.
        let refused = upload_outcome(Dialect::Oss, &r, &Expected::default()).unwrap_err();
        assert_eq!(refused, e);
    }
}

#[test]
fn a_known_code_without_a_message_gets_the_seeds_cause() {
    let r = resp(
        409,
        &[],
        "<Error><Code>FileAlreadyExists</Code><RequestId>R1</RequestId></Error>",
    );
    let e = server_error_for(Dialect::Oss, &r);
    assert_eq!(
        (e.code.as_str(), e.status, e.request_id.as_deref()),
        ("FileAlreadyExists", Some(409), Some("R1"))
    );
    assert!(
        e.message.contains("x-oss-forbid-overwrite"),
        "{}",
        e.message
    );
    assert_eq!(
        PutObjectErrorCode::of(&e),
        Some(PutObjectErrorCode::FileAlreadyExists)
    );
    // Codes outside the table are kept verbatim, but are not table entries.
    let e = server_error_for(
        Dialect::Oss,
        &resp(
            403,
            &[],
            &oss_error_xml("SignatureDoesNotMatch", "m", "R", "0002-00000040"),
        ),
    );
    assert_eq!(e.code, "SignatureDoesNotMatch");
    assert_eq!(PutObjectErrorCode::of(&e), None);
    assert_eq!(
        PutObjectErrorCode::from_code("accessdenied"),
        None,
        "codes are exact"
    );
}

#[test]
fn oss_error_page_example_with_namespace_and_x_oss_ec_header() {
    // OSS's error-response page: the 403 headers carry x-oss-ec; the body has a namespace.
    let body = "<?xml version=\"1.0\" ?>\n<Error xmlns=\"http://doc.oss-cn-hangzhou.aliyuncs.com\">\n<Code>MalformedXML</Code>\n\
                <Message>The XML you provided was not well-formed or did not validate against our published schema.</Message>\n\
                <RequestId>57ABD896CCB80C366955****</RequestId>\n<HostId>oss-cn-hangzhou.aliyuncs.com</HostId>\n\
                <EC>0031-00000001</EC>\n<RecommendDoc>https://api.aliyun.com/troubleshoot?q=0031-00000001</RecommendDoc>\n</Error>";
    let e = server_error_for(
        Dialect::Oss,
        &resp(
            400,
            &[
                ("x-oss-request-id", "636B68BA80DA8539399F****"),
                ("x-oss-ec", "0031-00000001"),
            ],
            body,
        ),
    );
    assert_eq!(e.code, "MalformedXML");
    assert_eq!(
        e.request_id.as_deref(),
        Some("57ABD896CCB80C366955****"),
        "the body's RequestId first"
    );
    assert_eq!(e.ec.as_deref(), Some("0031-00000001"));
    assert!(e.to_string().contains("[EC 0031-00000001]"), "{e}");
}

#[test]
fn body_less_oss_refusals_use_the_headers() {
    // Only the headers: request id and x-oss-ec.
    let e = server_error_for(
        Dialect::Oss,
        &resp(
            403,
            &[
                ("x-oss-request-id", "636B68BA80DA8539399F****"),
                ("x-oss-ec", "0003-00000001"),
            ],
            "",
        ),
    );
    assert_eq!((e.code.as_str(), e.status), ("Http403", Some(403)));
    assert_eq!(e.request_id.as_deref(), Some("636B68BA80DA8539399F****"));
    assert_eq!(e.ec.as_deref(), Some("0003-00000001"));
    // x-oss-err: the error document in base64 (what ali-oss reads when there is no body).
    let xml = oss_error_xml(
        "NoSuchBucket",
        "The specified bucket does not exist.",
        "R404",
        "0015-00000101",
    );
    let b64 = bucket_upload::core::encode::base64(xml.as_bytes());
    let e = server_error_for(
        Dialect::Oss,
        &resp(
            404,
            &[("x-oss-err", &b64), ("x-oss-request-id", "R404-HEADER")],
            "",
        ),
    );
    assert_eq!(
        (e.code.as_str(), e.message.as_str(), e.ec.as_deref()),
        (
            "NoSuchBucket",
            "The specified bucket does not exist.",
            Some("0015-00000101")
        )
    );
    assert_eq!(
        e.request_id.as_deref(),
        Some("R404-HEADER"),
        "ali-oss: the header's request id wins over x-oss-err's"
    );
    let e = server_error_for(Dialect::Oss, &resp(404, &[("x-oss-err", &b64)], ""));
    assert_eq!(e.request_id.as_deref(), Some("R404"));
    // 411 without a body: the code S3 and OSS use for it.
    let e = server_error_for(
        Dialect::Oss,
        &resp(411, &[], "<html><body>411 Length Required</body></html>"),
    );
    assert_eq!(
        (e.code.as_str(), e.status),
        ("MissingContentLength", Some(411))
    );
    assert_eq!(
        PutObjectErrorCode::of(&e),
        Some(PutObjectErrorCode::MissingContentLength)
    );
}

#[test]
fn obs_native_and_s3_compatible_errors() {
    let body = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Error><Code>NoSuchBucket</Code>\
                <Message>The specified bucket does not exist</Message><RequestId>0000018A2A73AF59D2C9B1BC1D8F4E9B</RequestId>\
                <HostId>ZkhwanmxhZnPpXHmodvmYUtrKI2vmLtVNzZbJ0XHHUA6IqEYrjytHdS9G59xmcNP</HostId><BucketName>nobucket</BucketName></Error>";
    let e = server_error_for(
        Dialect::Obs,
        &resp(
            404,
            &[("x-obs-request-id", "0000018A2A73AF59D2C9B1BC1D8F4E9B")],
            body,
        ),
    );
    assert_eq!(
        (
            e.code.as_str(),
            e.status,
            e.request_id.as_deref(),
            e.ec.as_deref()
        ),
        (
            "NoSuchBucket",
            Some(404),
            Some("0000018A2A73AF59D2C9B1BC1D8F4E9B"),
            None
        )
    );
    // No RequestId element: the header, OBS's own name first, then x-amz-request-id (seed 003).
    let e = server_error_for(
        Dialect::Obs,
        &resp(
            403,
            &[("x-amz-request-id", "001B21A61C6C0000013402C4616D5285")],
            "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>",
        ),
    );
    assert_eq!(
        (e.code.as_str(), e.request_id.as_deref()),
        ("AccessDenied", Some("001B21A61C6C0000013402C4616D5285"))
    );
    // OBS's JSON error shape.
    let e = server_error_for(
        Dialect::Obs,
        &resp(
            400,
            &[],
            r#"{"code":"InvalidArgument","message":"bad \"x\"","request_id":"0001"}"#,
        ),
    );
    assert_eq!(
        (e.code.as_str(), e.message.as_str(), e.request_id.as_deref()),
        ("InvalidArgument", "bad \"x\"", Some("0001"))
    );
    // The legacy S3 entry point is the s3 dialect.
    let e = bucket_upload::core::server_response::server_error(
        403,
        "<Error><Code>SignatureDoesNotMatch</Code><Message>m</Message></Error>",
        Some("RID".into()),
    );
    assert_eq!(
        (e.code.as_str(), e.request_id.as_deref()),
        ("SignatureDoesNotMatch", Some("RID"))
    );
}

#[test]
fn cms_errors_follow_seed_000() {
    // Seed 000's 404 example body, verbatim; it documents no request id header.
    let e = server_error_for(
        Dialect::Cms,
        &resp(
            404,
            &[("x-amz-request-id", "not cms")],
            "{\n    \"message\": \"Ain't no cake like that.\"\n}",
        ),
    );
    assert_eq!(
        (
            e.code.as_str(),
            e.message.as_str(),
            e.status,
            e.request_id.as_deref()
        ),
        ("Http404", "Ain't no cake like that.", Some(404), None)
    );
    let e = server_error_for(Dialect::Cms, &resp(500, &[], ""));
    assert_eq!(
        (e.code.as_str(), e.message.as_str()),
        ("Http500", "the server answered HTTP 500")
    );
}

#[test]
fn oss_203_callback_failed_is_not_an_upload() {
    let body = oss_error_xml(
        "CallbackFailed",
        "Error status : 502.",
        "5C06A3B67B8B5A3DA4222999",
        "0007-00000203",
    );
    let e = upload_outcome(
        Dialect::Oss,
        &resp(
            203,
            &[("ETag", "\"D41D8CD98F00B204E9800998ECF8427E\"")],
            &body,
        ),
        &Expected::default(),
    )
    .unwrap_err();
    assert_eq!(
        (e.kind, e.code.as_str(), e.status),
        (ErrorKind::Server, "CallbackFailed", Some(203))
    );
}
