//! Reading multipart answers. Bodies are the examples of the S3 API reference
//! (API_CreateMultipartUpload, API_ListParts, API_CompleteMultipartUpload), including the 200 OK
//! that carries an `<Error>`.

use bucket_upload::core::multipart::etag::{check_multipart_etag, multipart_etag, EtagCheck};
use bucket_upload::core::multipart::read::{completed, parts_page, upload_id};
use bucket_upload::core::response::HttpResponse;
use bucket_upload::{ContentMd5, Dialect, ErrorKind};

fn ok(body: &str) -> HttpResponse {
    HttpResponse::new(200, vec![], body)
}

#[test]
fn upload_id_of_the_create_example() {
    let body = r#"<?xml version="1.0" encoding="UTF-8"?>
<InitiateMultipartUploadResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Bucket>example-bucket</Bucket>
  <Key>example-object</Key>
  <UploadId>VXBsb2FkIElEIGZvciA2aWWpbmcncyBteS1tb3ZpZS5tMnRzIHVwbG9hZA</UploadId>
</InitiateMultipartUploadResult>"#;
    assert_eq!(
        upload_id(Dialect::S3, &ok(body)).unwrap(),
        "VXBsb2FkIElEIGZvciA2aWWpbmcncyBteS1tb3ZpZS5tMnRzIHVwbG9hZA"
    );
    let e = upload_id(Dialect::S3, &ok("<InitiateMultipartUploadResult/>")).unwrap_err();
    assert_eq!(e.code, "MalformedResponse");
}

#[test]
fn list_parts_example_truncated() {
    let body = r#"<?xml version="1.0" encoding="UTF-8"?>
<ListPartsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Bucket>example-bucket</Bucket>
  <Key>example-object</Key>
  <UploadId>XXBsb2FkIElEIGZvciBlbHZpbmcncyVcdS1tb3ZpZS5tMnRzEEEwbG9hZA</UploadId>
  <StorageClass>STANDARD</StorageClass>
  <PartNumberMarker>1</PartNumberMarker>
  <NextPartNumberMarker>3</NextPartNumberMarker>
  <MaxParts>2</MaxParts>
  <IsTruncated>true</IsTruncated>
  <Part>
    <PartNumber>2</PartNumber>
    <LastModified>2010-11-10T20:48:34.000Z</LastModified>
    <ETag>"7778aef83f66abc1fa1e8477f296d394"</ETag>
    <Size>10485760</Size>
  </Part>
  <Part>
    <PartNumber>3</PartNumber>
    <LastModified>2010-11-10T20:48:33.000Z</LastModified>
    <ETag>"aaaa18db4cc2f85cedef654fccc4a4x8"</ETag>
    <Size>10485760</Size>
  </Part>
</ListPartsResult>"#;
    let page = parts_page(Dialect::S3, &ok(body)).unwrap();
    assert_eq!(page.next_marker, Some(3));
    assert_eq!(page.parts.len(), 2);
    assert_eq!(page.parts[0].part_number, 2);
    assert_eq!(page.parts[0].etag, "7778aef83f66abc1fa1e8477f296d394");
    assert_eq!(page.parts[1].size, 10_485_760);
}

#[test]
fn list_parts_with_checksums_and_not_truncated() {
    let body = "<ListPartsResult><IsTruncated>false</IsTruncated><Part><PartNumber>1</PartNumber>\
        <ETag>&quot;abc&quot;</ETag><Size>5</Size><ChecksumCRC32C>yZRlqg==</ChecksumCRC32C></Part></ListPartsResult>";
    let page = parts_page(Dialect::S3, &ok(body)).unwrap();
    assert_eq!(page.next_marker, None);
    assert_eq!(page.parts[0].etag, "abc");
    assert_eq!(
        page.parts[0].checksum,
        Some(("ChecksumCRC32C".to_string(), "yZRlqg==".to_string()))
    );
}

#[test]
fn complete_example_and_its_headers() {
    let body = r#"<?xml version="1.0" encoding="UTF-8"?>
<CompleteMultipartUploadResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Location>http://Example-Bucket.s3.region.amazonaws.com/Example-Object</Location>
  <Bucket>Example-Bucket</Bucket>
  <Key>Example-Object</Key>
  <ETag>"3858f62230ac3c915f300c664312c11f-9"</ETag>
</CompleteMultipartUploadResult>"#;
    let r = HttpResponse::new(
        200,
        vec![
            ("x-amz-version-id".into(), "v1".into()),
            ("x-amz-request-id".into(), "R1".into()),
        ],
        body,
    );
    let c = completed(Dialect::S3, &r).unwrap();
    assert_eq!(c.etag, "3858f62230ac3c915f300c664312c11f-9");
    assert_eq!(c.version_id.as_deref(), Some("v1"));
    assert_eq!(c.request_id.as_deref(), Some("R1"));
    assert!(c.location.unwrap().ends_with("/Example-Object"));
}

#[test]
fn a_200_complete_carrying_an_error_is_an_error() {
    let body = r#"<?xml version="1.0" encoding="UTF-8"?>
<Error>
  <Code>InternalError</Code>
  <Message>We encountered an internal error. Please try again.</Message>
  <RequestId>656c76696e6727732072657175657374</RequestId>
  <HostId>Uuag1LuByRx9e6j5Onimru9pO4ZVKnJ2Qz7/C1NPcfTWAtRPfTaOFg==</HostId>
</Error>"#;
    let e = completed(Dialect::S3, &ok(body)).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Server);
    assert_eq!(e.code, "InternalError");
    assert_eq!(
        e.request_id.as_deref(),
        Some("656c76696e6727732072657175657374")
    );
}

#[test]
fn refusals_keep_their_code_and_status() {
    let body = "<Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message></Error>";
    let e = parts_page(Dialect::S3, &HttpResponse::new(404, vec![], body)).unwrap_err();
    assert_eq!((e.code.as_str(), e.status), ("NoSuchUpload", Some(404)));
}

#[test]
fn multipart_etag_matches_an_independent_md5_of_md5s() {
    // Python: md5(md5(b"hello").digest() + md5(b"world").digest()).hexdigest() + "-2"
    let md5 = |b: &[u8]| {
        let mut h = ContentMd5::new();
        h.update(b);
        h.finalize()
    };
    let parts = [md5(b"hello"), md5(b"world")];
    assert_eq!(multipart_etag(&parts), "065947336a2f2a95ba8899f3675c3be6-2");
    assert_eq!(
        check_multipart_etag("\"065947336a2f2a95ba8899f3675c3be6-2\"", &parts),
        EtagCheck::Matches
    );
    assert_eq!(
        check_multipart_etag("165947336a2f2a95ba8899f3675c3be6-2", &parts),
        EtagCheck::Differs
    );
    // OSS and SSE-KMS ETags have other shapes: nothing to compare.
    assert_eq!(
        check_multipart_etag("\"0004B9894A22E5B1888A1E29F8236E2D\"", &parts),
        EtagCheck::NotComparable
    );
    // One empty part (an empty file): python md5(md5(b"").digest()).hexdigest() + "-1".
    assert_eq!(
        multipart_etag(&[md5(b"")]),
        "59adb24ef3cdbe0297f05b395827453f-1"
    );
}
