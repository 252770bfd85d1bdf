//! Server instants read back: expected epoch seconds from `date -u -d ... +%s`.

use bucket_upload::core::time_parse::{parse_http_date, parse_iso8601};

#[test]
fn iso8601_server_times() {
    // S3's RequestTimeTooSkewed example body: <ServerTime>2013-05-24T00:00:00Z</ServerTime>.
    assert_eq!(
        parse_iso8601("2013-05-24T00:00:00Z")
            .unwrap()
            .unix_seconds(),
        1_369_353_600
    );
    assert_eq!(
        parse_iso8601("2000-02-29T12:00:01.123Z")
            .unwrap()
            .unix_seconds(),
        951_825_601
    );
    assert_eq!(
        parse_iso8601(" 2026-12-01T13:20:02+00:00 ")
            .unwrap()
            .unix_seconds(),
        1_796_131_202
    );
    for bad in [
        "",
        "2026-12-01",
        "2026-13-01T00:00:00Z",
        "2026-12-01T25:00:00Z",
        "2026-12-01T00:00:00+01:00",
        "x-12-01T00:00:00Z",
    ] {
        assert!(parse_iso8601(bad).is_none(), "{bad}");
    }
}

#[test]
fn http_dates() {
    // RFC 9110's example IMF-fixdate.
    assert_eq!(
        parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT")
            .unwrap()
            .unix_seconds(),
        784_111_777
    );
    assert_eq!(
        parse_http_date("Tue, 01 Dec 2026 13:20:02 GMT")
            .unwrap()
            .unix_seconds(),
        1_796_131_202
    );
    for bad in [
        "",
        "06 Nov 1994 08:49:37 GMT",
        "Sun, 06 Foo 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 08:49:37 PST",
    ] {
        assert!(parse_http_date(bad).is_none(), "{bad}");
    }
}
