//! The little XML a bucket answers with: the text of one element, entities decoded. Error and
//! `PostResponse` bodies are flat documents of text-only elements, so a scan for `<Tag>` is
//! enough; a full parser would ship kilobytes to every browser for nothing.

/// The text of the first `<tag>...</tag>` (or `<tag attr="...">...</tag>`) in `xml`, entities
/// decoded and `<![CDATA[...]]>` unwrapped; `Some("")` for `<tag/>`.
pub fn tag_text(xml: &str, tag: &str) -> Option<String> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut from = 0;
    while let Some(at) = xml[from..].find(&open) {
        let after = from + at + open.len();
        let rest = &xml[after..];
        // `<Code>`, `<Code xmlns="…">`, `<Code/>`; not `<CodeX>`.
        match rest.chars().next() {
            Some('>') => {
                let start = after + 1;
                let len = xml[start..].find(&close)?;
                return Some(text_of(&xml[start..start + len]));
            }
            Some('/') if rest.starts_with("/>") => return Some(String::new()),
            Some(c) if c.is_ascii_whitespace() => {
                let gt = rest.find('>')?;
                if rest[..gt].ends_with('/') {
                    return Some(String::new());
                }
                let start = after + gt + 1;
                let len = xml[start..].find(&close)?;
                return Some(text_of(&xml[start..start + len]));
            }
            _ => from = after,
        }
    }
    None
}

/// The text of an element's content: CDATA sections verbatim, the rest entity-decoded.
fn text_of(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find("<![CDATA[") {
        out.push_str(&decode_entities(&rest[..at]));
        let inner = &rest[at + 9..];
        let end = inner.find("]]>").unwrap_or(inner.len());
        out.push_str(&inner[..end]);
        rest = inner.get(end + 3..).unwrap_or("");
    }
    out.push_str(&decode_entities(rest));
    out
}

/// Decodes the five predefined XML entities and numeric character references; anything else
/// is kept as written.
pub fn decode_entities(text: &str) -> String {
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
            e if e.starts_with("#x") || e.starts_with("#X") => u32::from_str_radix(&e[2..], 16)
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

/// Whether `body` is an error document: an `<Error>` root element (after the optional XML
/// declaration, comments and whitespace).
pub fn is_error_document(body: &str) -> bool {
    let mut rest = body.trim_start_matches('\u{feff}').trim_start();
    loop {
        if let Some(r) = rest.strip_prefix("<?") {
            let Some(end) = r.find("?>") else {
                return false;
            };
            rest = r[end + 2..].trim_start();
        } else if let Some(r) = rest.strip_prefix("<!--") {
            let Some(end) = r.find("-->") else {
                return false;
            };
            rest = r[end + 3..].trim_start();
        } else {
            break;
        }
    }
    rest.strip_prefix("<Error")
        .and_then(|r| r.chars().next())
        .is_some_and(|c| c == '>' || c == '/' || c.is_ascii_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_elements_with_attributes_and_empty_ones() {
        let x = r#"<Error xmlns="http://doc.oss-cn-hangzhou.aliyuncs.com"><Code>A&amp;B</Code><CodeX>no</CodeX><Message/><EC a="1">0003</EC></Error>"#;
        assert_eq!(tag_text(x, "Code").as_deref(), Some("A&B"));
        assert_eq!(tag_text(x, "CodeX").as_deref(), Some("no"));
        assert_eq!(tag_text(x, "Message").as_deref(), Some(""));
        assert_eq!(tag_text(x, "EC").as_deref(), Some("0003"));
        assert_eq!(tag_text(x, "HostId"), None);
        assert_eq!(
            tag_text("<Message><![CDATA[a <b> &amp;]]> &lt;</Message>", "Message").as_deref(),
            Some("a <b> &amp; <")
        );
    }

    #[test]
    fn recognises_error_documents() {
        assert!(is_error_document(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n<Code>X</Code></Error>"
        ));
        assert!(is_error_document(
            "<Error xmlns=\"x\"><Code>X</Code></Error>"
        ));
        assert!(!is_error_document(
            "<PostResponse><ETag>x</ETag></PostResponse>"
        ));
        assert!(!is_error_document("<ErrorDocument/>"));
        assert!(!is_error_document(""));
    }
}
