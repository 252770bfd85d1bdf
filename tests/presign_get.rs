//! Presigned GET URLs (`presign_get`: response overrides, `versionId`, OSS `x-oss-traffic-limit`)
//! against what the vendors' SDKs presigned for the same inputs, recorded in
//! tests/vectors/presign-get/*.json by tests/node/presign-get-record.mjs (and re-checked against
//! the live SDKs by tests/node/presign-get.test.mjs): s3 v4 @aws-sdk/s3-request-presigner, s3 v2
//! aws-sdk v2, oss V1 `signatureUrl` and V4 `signatureUrlV4` (ali-oss), obs
//! esdk-obs-browserjs `createSignedUrlSync`. Five cases per dialect, unicode and reserved
//! characters in keys and values.
//!
//! The normalisations, as presign-get-oracle.mjs `comparable()`: obs drops the default port the
//! SDK writes; s3 v2 and oss compare the sorted parameters (those SDKs order them their own way);
//! oss reads `!'()*` and their RFC 3986 escapes as the same (Node's querystring leaves them
//! bare). s3 v4 is compared byte for byte.

use bucket_upload::{presign_get, presign_get_parts, GetOptions, UtcTime};
use serde_json::{json, Value};
use std::path::PathBuf;

fn fixture(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/vectors/presign-get")
        .join(format!("{name}.json"));
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

/// The recorded options of `version`, with the fixture's keys and instant.
fn options(f: &Value, version: &str) -> GetOptions {
    let mut v = f["options"][version].clone();
    let mut c = json!({ "accessKeyId": f["accessKeyId"], "secretAccessKey": f["secretAccessKey"] });
    if let Some(t) = f["case"]["sessionToken"].as_str() {
        c["sessionToken"] = json!(t);
    }
    v["credentials"] = c;
    let mut o: GetOptions = serde_json::from_value(v).unwrap();
    o.now = Some(UtcTime::from_unix_seconds(
        f["nowUnixSeconds"].as_i64().unwrap(),
    ));
    o
}

fn comparable(dialect: &str, version: &str, url: &str) -> String {
    if dialect == "obs" {
        let url = url.replacen(":443/", "/", 1);
        return url.replacen(":80/", "/", 1);
    }
    if dialect == "s3" && version == "v4" {
        return url.to_string();
    }
    let unescape = |s: &str| -> String {
        if dialect != "oss" {
            return s.to_string();
        }
        let mut s = s.to_string();
        for (esc, ch) in [
            ("%21", "!"),
            ("%27", "'"),
            ("%28", "("),
            ("%29", ")"),
            ("%2A", "*"),
        ] {
            s = s.replace(esc, ch).replace(&esc.to_ascii_lowercase(), ch);
        }
        s
    };
    let (path, query) = url.split_once('?').unwrap();
    let mut params: Vec<String> = query.split('&').map(unescape).collect();
    params.sort();
    format!("{}?{}", unescape(path), params.join("&"))
}

fn check(name: &str) {
    let f = fixture(name);
    let dialect = f["dialect"].as_str().unwrap();
    for (version, sdk) in f["sdk"].as_object().unwrap() {
        let ours =
            presign_get(&options(&f, version)).unwrap_or_else(|e| panic!("{name} {version}: {e}"));
        assert_eq!(
            comparable(dialect, version, &ours),
            comparable(dialect, version, sdk.as_str().unwrap()),
            "{name} {version}"
        );
    }
}

macro_rules! cases {
    ($($fn_name:ident => $file:literal),* $(,)?) => { $( #[test] fn $fn_name() { check($file) } )* };
}
cases! {
    s3_attachment_unicode_file_name => "s3-download-as-an-attachment-with-a-unicode-file-name",
    s3_every_override_and_version_id => "s3-every-override-and-a-version-id",
    s3_reserved_characters_path_style => "s3-reserved-characters-in-key-and-values-path-style",
    s3_session_token_and_version_id => "s3-session-token-and-a-version-id",
    s3_local_server_emoji => "s3-local-server-on-a-port-emoji-in-the-file-name",
    oss_attachment_unicode_file_name => "oss-download-as-an-attachment-with-a-unicode-file-name",
    oss_every_override_version_id_speed_limit => "oss-every-override-a-version-id-and-a-speed-limit",
    oss_reserved_characters_path_style => "oss-reserved-characters-in-key-and-values-path-style",
    oss_session_token_version_id_top_limit => "oss-session-token-a-version-id-and-the-top-speed-limit",
    oss_compatible_server_emoji => "oss-oss-compatible-server-on-a-port-emoji-in-the-file-name",
    obs_attachment_unicode_file_name => "obs-download-as-an-attachment-with-a-unicode-file-name",
    obs_every_override_and_version_id => "obs-every-override-and-a-version-id",
    obs_reserved_characters => "obs-reserved-characters-in-key-and-values",
    obs_session_token_and_version_id => "obs-session-token-and-a-version-id",
    obs_custom_endpoint_emoji => "obs-custom-endpoint-on-a-port-emoji-in-the-file-name",
}

/// The signing rules written out for one case: SigV2, OSS V1 and OBS sign the overrides and
/// `versionId` as sub-resources of the canonical resource, sorted by name, the override values
/// unencoded (and, for S3 SigV2, `versionId` as it appears in the URL: `+` is `%2B`); SigV4 signs
/// them in the canonical query string, encoded. The SDKs signed exactly these (the URLs above).
#[test]
fn intermediate_strings_follow_the_documented_rules() {
    let f = fixture("s3-every-override-and-a-version-id");
    let resource = "/media-bucket/a/b/%E6%96%87%E4%BB%B6%20%E2%98%83.txt?response-cache-control=no-cache, max-age=0, s-maxage=60&response-content-disposition=inline; filename*=UTF-8''%E6%96%87%E4%BB%B6.txt&response-content-encoding=identity&response-content-language=de-CH, fr;q=0.8&response-content-type=text/plain; charset=utf-8&response-expires=Fri, 02 Jan 2026 04:04:05 GMT&versionId=3HL4kqtJlcpXroDTDmJ%2BrmSpXd3dIbrHY%2BMTRCxf3vjVBH40Nr8X8gdRQBpUMLUo";
    let v2 = presign_get_parts(&options(&f, "v2")).unwrap();
    assert_eq!(
        v2.string_to_sign,
        format!("GET\n\n\n1767323645\n{resource}")
    );
    let v4 = presign_get_parts(&options(&f, "v4")).unwrap();
    let creq = v4.canonical_request.unwrap();
    let query = creq.lines().nth(2).unwrap();
    assert!(
        query.starts_with("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential="),
        "{query}"
    );
    assert!(query.contains("&X-Amz-SignedHeaders=host&response-cache-control=no-cache%2C%20max-age%3D0%2C%20s-maxage%3D60&response-content-disposition=inline%3B%20filename%2A%3DUTF-8%27%27%25E6%2596%2587%25E4%25BB%25B6.txt&"), "{query}");
    assert!(
        query.ends_with(
            "&versionId=3HL4kqtJlcpXroDTDmJ%2BrmSpXd3dIbrHY%2BMTRCxf3vjVBH40Nr8X8gdRQBpUMLUo"
        ),
        "{query}"
    );

    let f = fixture("oss-every-override-a-version-id-and-a-speed-limit");
    let v1 = presign_get_parts(&options(&f, "v2")).unwrap();
    assert_eq!(
        v1.string_to_sign,
        "GET\n\n\n1767323645\n/media-bucket/a/b/文件 ☃.txt?response-cache-control=no-cache, max-age=0&response-content-disposition=inline; filename*=UTF-8''%E6%96%87%E4%BB%B6.txt&response-content-encoding=identity&response-content-language=zh-CN&response-content-type=text/plain; charset=utf-8&response-expires=Fri, 02 Jan 2026 04:04:05 GMT&versionId=CAEQNhiBgMDJgZCA0BYiIDc4MGZjZGI2OTBjOTRmNTE5NmU5NmFhZjhjYmY0&x-oss-traffic-limit=819200"
    );

    let f = fixture("obs-reserved-characters-in-key-and-values");
    let obs = presign_get_parts(&options(&f, "v2")).unwrap();
    assert_eq!(
        obs.string_to_sign,
        "GET\n\n\n1767326645\n/example-bucket/a%2Bb%3Dc%26d%3Fe%23f%25g%3Bh%2Ci%3Aj%40k%24l%21m%27n%28o%29p%2Aq~r?response-cache-control=private, max-age=60&response-content-disposition=attachment; filename=\"a&b=c+d#e?f%g/h (1)!*.txt\""
    );
}
