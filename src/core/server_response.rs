//! Reading what the server said: the XML error body of a refusal, and the `PostResponse` a
//! POST with `success_action_status=201` returns.
//! Spec: <https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html>.

use crate::core::error::{Error, ErrorKind};

/// The text of the first `<tag>...</tag>` in `xml`, entities decoded.
pub fn tag_text(xml: &str, tag: &str) -> Option<String> {
    let open = format!("<{tag}>");
    let close = format!("</{tag}>");
    let start = xml.find(&open)? + open.len();
    let len = xml[start..].find(&close)?;
    Some(decode_entities(&xml[start..start + len]))
}

/// Decodes the five predefined XML entities and numeric character references.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(end) = rest.find(';') else { break };
        let entity = &rest[1..end];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            e if e.starts_with("#x") => u32::from_str_radix(&e[2..], 16)
                .ok()
                .and_then(char::from_u32),
            e if e.starts_with('#') => e[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The error a failed response stands for: code, message and request id from the XML body when
/// there is one, else a code made from the status (`Http403`). `header_request_id` is the
/// `x-amz-request-id` header, used when the body has none.
pub fn server_error(status: u16, body: &str, header_request_id: Option<String>) -> Error {
    let code = tag_text(body, "Code").filter(|c| !c.is_empty());
    let message = tag_text(body, "Message").filter(|m| !m.is_empty());
    let mut e = Error::new(
        ErrorKind::Server,
        &code.unwrap_or_else(|| format!("Http{status}")),
        message.unwrap_or_else(|| format!("the server answered HTTP {status}")),
    );
    e.status = Some(status);
    e.request_id = tag_text(body, "RequestId").or(header_request_id);
    e
}

/// The fields of a `<PostResponse>` body (`success_action_status=201`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PostResponse {
    pub location: Option<String>,
    pub bucket: Option<String>,
    pub key: Option<String>,
    pub etag: Option<String>,
}

/// Parses a `<PostResponse>`; absent elements are `None`.
pub fn post_response(body: &str) -> PostResponse {
    PostResponse {
        location: tag_text(body, "Location"),
        bucket: tag_text(body, "Bucket"),
        key: tag_text(body, "Key"),
        etag: tag_text(body, "ETag"),
    }
}

/// An ETag without its quotes (and without a `W/` weak prefix), lower-cased for comparison
/// with a hex MD5.
pub fn etag_hex(etag: &str) -> String {
    etag.trim()
        .trim_start_matches("W/")
        .trim_matches('"')
        .to_ascii_lowercase()
}
