//! Percent-encoding and hex, as AWS signing defines them.

/// Percent-encodes every byte except the RFC 3986 unreserved characters `A-Z a-z 0-9 - . _ ~`
/// (and `/` when `keep_slash`), with upper-case hex — the `UriEncode` of
/// <https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html>.
pub fn uri_encode(input: &str, keep_slash: bool) -> String {
    let mut out = String::with_capacity(input.len() * 3 / 2);
    for &b in input.as_bytes() {
        let unreserved = b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~');
        if unreserved || (keep_slash && b == b'/') {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX_UPPER[usize::from(b >> 4)] as char);
            out.push(HEX_UPPER[usize::from(b & 15)] as char);
        }
    }
    out
}

const HEX_UPPER: &[u8; 16] = b"0123456789ABCDEF";
const HEX_LOWER: &[u8; 16] = b"0123456789abcdef";

/// Lower-case hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        out.push(HEX_LOWER[usize::from(b >> 4)] as char);
        out.push(HEX_LOWER[usize::from(b & 15)] as char);
    }
    out
}

/// Standard base64 with padding (RFC 4648 §4), as Content-MD5, policies and SigV2 use it.
pub fn base64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// Decodes standard base64; `None` when it is not valid base64.
pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD
        .decode(text.trim())
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_like_rfc3986() {
        // Expected values: encodeURIComponent plus the RFC 3986 reserved "!'()*" (JS escapes them
        // differently; AWS wants them encoded).
        assert_eq!(uri_encode("a b/c~d", true), "a%20b/c~d");
        assert_eq!(uri_encode("a b/c~d", false), "a%20b%2Fc~d");
        assert_eq!(uri_encode("!'()*", false), "%21%27%28%29%2A");
        assert_eq!(uri_encode("é", false), "%C3%A9");
        assert_eq!(hex(&[0, 255, 16]), "00ff10");
        assert_eq!(base64(b"Man"), "TWFu");
    }
}
