//! S3 requests by hand for the bucket tests: signed calls with a query string, POST form bodies,
//! and a walk of the data dir to see where bytes landed.

use std::path::Path;

use super::{http, sigv4_query_headers, Resp, Server, SK};

/// The canonical SigV4 query string of `pairs` (sorted by name, RFC 3986 encoded); also what is
/// sent, so the signed and the sent query are the same text.
pub fn query_string(pairs: &[(&str, &str)]) -> String {
    let mut encoded: Vec<(String, String)> = pairs
        .iter()
        .map(|(k, v)| (uri_encode(k), uri_encode(v)))
        .collect();
    encoded.sort();
    encoded
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&")
}

fn uri_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Sends `method path?query` signed with the server's secret, plus `headers` (unsigned), and
/// returns the answer. `path` goes on the wire exactly as given (no `..` resolution).
pub fn signed(
    srv: &Server,
    method: &str,
    path: &str,
    query: &[(&str, &str)],
    headers: &[(&str, &str)],
    body: &[u8],
) -> Resp {
    let query = query_string(query);
    let mut all = sigv4_query_headers(method, &srv.bucket_addr, path, &query, SK);
    all.extend(headers.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    let refs: Vec<(&str, &str)> = all.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let target = if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{query}")
    };
    http(&srv.bucket_addr, method, &target, &refs, body).expect("a response")
}

/// A `multipart/form-data` body of `fields` then `file`; returns the content type and the body.
pub fn post_form_body(fields: &[(String, String)], file: &[u8]) -> (String, Vec<u8>) {
    let boundary = "----bucketServerTestBoundary0123456789";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .as_bytes(),
    );
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// Every file under `dir`, as sorted `/`-separated paths relative to it.
pub fn files_under(dir: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let rel = path.strip_prefix(root).unwrap();
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// The `<Code>` of an S3 XML error body, if any.
pub fn error_code(resp: &Resp) -> Option<String> {
    let body = String::from_utf8_lossy(&resp.body);
    let start = body.find("<Code>")? + "<Code>".len();
    let end = body[start..].find("</Code>")? + start;
    Some(body[start..end].to_string())
}

/// The text of the first `<tag>` element of an XML body.
pub fn xml_text(body: &[u8], tag: &str) -> Option<String> {
    xml_texts(body, tag).into_iter().next()
}

/// The texts of every `<tag>` element of an XML body, in order, with `&quot;` and `&amp;` undone.
pub fn xml_texts(body: &[u8], tag: &str) -> Vec<String> {
    let body = String::from_utf8_lossy(body);
    let (open, close) = (format!("<{tag}>"), format!("</{tag}>"));
    let mut out = Vec::new();
    let mut rest = &body[..];
    while let Some(i) = rest.find(&open) {
        rest = &rest[i + open.len()..];
        let Some(j) = rest.find(&close) else { break };
        out.push(rest[..j].replace("&quot;", "\"").replace("&amp;", "&"));
        rest = &rest[j + close.len()..];
    }
    out
}
