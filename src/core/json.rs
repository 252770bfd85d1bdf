//! The little JSON the policy needs: writing strings exactly as `JSON.stringify` does (so
//! UTF-8 text passes through untouched), and reading one condition back out of a policy.

/// Appends `s` as a JSON string literal: `"` and `\` escaped, control characters as `\n`-style
/// or `\u00xx` escapes, everything else (all non-ASCII) as-is, matching `JSON.stringify`.
pub fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Finds `["content-length-range", min, max]` in a policy document and returns its bounds.
/// A tolerant scan rather than a full parser: the policy may come from any backend, and this
/// array's shape is fixed by the spec.
pub fn content_length_range(policy_json: &str) -> Option<(u64, u64)> {
    let at = policy_json.find("\"content-length-range\"")?;
    let rest = &policy_json[at + "\"content-length-range\"".len()..];
    let end = rest.find(']')?;
    let mut numbers = rest[..end]
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let min = numbers.next()?.parse().ok()?;
    let max = numbers.next()?.parse().ok()?;
    Some((min, max))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_json_stringify() {
        // Expected: node -e 'console.log(JSON.stringify("a\"b\\\\c\n\u0001é文"))'
        let mut out = String::new();
        write_string(&mut out, "a\"b\\c\n\u{1}é文");
        assert_eq!(out, r#""a\"b\\c\n\u0001é文""#);
    }

    #[test]
    fn reads_content_length_range() {
        let p = r#"{"conditions":[{"bucket":"b"},[ "content-length-range" , 1, 1048576 ]]}"#;
        assert_eq!(content_length_range(p), Some((1, 1_048_576)));
        assert_eq!(content_length_range(r#"{"conditions":[]}"#), None);
    }
}
