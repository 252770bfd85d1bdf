//! The top-level string members of a JSON object, for error bodies that are JSON rather than XML
//! (the CMS API of seed 000 answers `{"message": "…"}`; OBS answers some errors as
//! `{"code": …, "message": …, "request_id": …}`). A small reader instead of a JSON crate: it
//! ships to browsers.

/// `(name, value)` for each top-level member whose value is a string or a number (numbers as
/// written); `None` when `text` is not a JSON object.
pub fn top_level_strings(text: &str) -> Option<Vec<(String, String)>> {
    let mut p = Parser {
        s: text.trim().as_bytes(),
        at: 0,
    };
    p.expect(b'{')?;
    let mut out = Vec::new();
    p.ws();
    if p.eat(b'}') {
        return Some(out);
    }
    loop {
        p.ws();
        let name = p.string()?;
        p.ws();
        p.expect(b':')?;
        p.ws();
        match p.peek()? {
            b'"' => out.push((name, p.string()?)),
            b'-' | b'0'..=b'9' => {
                let start = p.at;
                while matches!(
                    p.peek(),
                    Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
                ) {
                    p.at += 1;
                }
                out.push((
                    name,
                    String::from_utf8_lossy(&p.s[start..p.at]).into_owned(),
                ));
            }
            _ => p.skip_value()?,
        }
        p.ws();
        if p.eat(b',') {
            continue;
        }
        p.expect(b'}')?;
        return Some(out);
    }
}

/// The first member of `fields` whose name is one of `names` (exact spelling), non-empty.
pub fn member<'a>(fields: &'a [(String, String)], names: &[&str]) -> Option<&'a str> {
    names.iter().find_map(|n| {
        fields
            .iter()
            .find(|(k, v)| k == n && !v.trim().is_empty())
            .map(|(_, v)| v.as_str())
    })
}

struct Parser<'a> {
    s: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.at).copied()
    }
    fn eat(&mut self, b: u8) -> bool {
        let hit = self.peek() == Some(b);
        if hit {
            self.at += 1;
        }
        hit
    }
    fn expect(&mut self, b: u8) -> Option<()> {
        self.eat(b).then_some(())
    }
    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// A string literal, escapes decoded (surrogate pairs joined; a lone one becomes U+FFFD).
    fn string(&mut self) -> Option<String> {
        self.expect(b'"')?;
        let mut out = Vec::new();
        loop {
            match self.peek()? {
                b'"' => {
                    self.at += 1;
                    return String::from_utf8(out).ok();
                }
                b'\\' => {
                    self.at += 1;
                    let c = match self.peek()? {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let hi = self.hex4()?;
                            if (0xD800..0xDC00).contains(&hi)
                                && self.s[self.at + 1..].starts_with(b"\\u")
                            {
                                self.at += 2;
                                let lo = self.hex4()?;
                                char::from_u32(
                                    0x10000
                                        + ((hi - 0xD800) << 10)
                                        + (lo.wrapping_sub(0xDC00) & 0x3FF),
                                )
                                .unwrap_or('\u{fffd}')
                            } else {
                                char::from_u32(hi).unwrap_or('\u{fffd}')
                            }
                        }
                        _ => return None,
                    };
                    let mut buf = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                    self.at += 1;
                }
                b => {
                    out.push(b);
                    self.at += 1;
                }
            }
        }
    }

    /// Reads the four hex digits after `\u` (the cursor is on the `u`), leaving the cursor on
    /// the last digit.
    fn hex4(&mut self) -> Option<u32> {
        let digits = self.s.get(self.at + 1..self.at + 5)?;
        let v = u32::from_str_radix(std::str::from_utf8(digits).ok()?, 16).ok()?;
        self.at += 4;
        Some(v)
    }

    /// Skips any value: literals, numbers, strings, nested objects and arrays.
    fn skip_value(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' => self.string().map(|_| ()),
            b'{' | b'[' => {
                let mut depth = 0usize;
                loop {
                    match self.peek()? {
                        b'"' => {
                            self.string()?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                self.at += 1;
                                return Some(());
                            }
                        }
                        _ => {}
                    }
                    self.at += 1;
                }
            }
            _ => {
                while !matches!(self.peek(), None | Some(b',' | b'}' | b']')) {
                    self.at += 1;
                }
                Some(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_top_level_strings() {
        // Seed 000's 404 example, and an OBS-style JSON error.
        let f = top_level_strings(r#"{ "message": "Ain't no cake like that." }"#).unwrap();
        assert_eq!(member(&f, &["message"]), Some("Ain't no cake like that."));
        let f = top_level_strings(
            r#"{"code":"NoSuchBucket","nested":{"code":"x","a":[1,"]"]},"message":"caf\u00e9 \ud83d\ude00 \"q\"","request_id":"0001","n":-1.5e3}"#,
        )
        .unwrap();
        assert_eq!(member(&f, &["code"]), Some("NoSuchBucket"));
        assert_eq!(member(&f, &["message"]), Some("café 😀 \"q\""));
        assert_eq!(member(&f, &["requestId", "request_id"]), Some("0001"));
        assert_eq!(member(&f, &["n"]), Some("-1.5e3"));
        assert_eq!(top_level_strings("<Error/>"), None);
        assert_eq!(top_level_strings(r#"{"a": "unterminated"#), None);
    }
}
