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

/// The `expiration` of a policy document (`"expiration":"2026-12-01T13:20:02.000Z"`), the same
/// tolerant way: a POST whose policy expired cannot succeed, so it is not retried.
pub fn policy_expiration(policy_json: &str) -> Option<crate::core::time::UtcTime> {
    let at = policy_json.find("\"expiration\"")?;
    let rest = policy_json[at + "\"expiration\"".len()..]
        .trim_start()
        .strip_prefix(':')?;
    let rest = rest.trim_start().strip_prefix('"')?;
    crate::core::time_parse::parse_iso8601(&rest[..rest.find('"')?])
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

    #[test]
    fn reads_the_policy_expiration() {
        // AWS's SigV4 POST example policy: "expiration": "2015-12-30T12:00:00.000Z" (1451476800).
        let p = r#"{ "expiration": "2015-12-30T12:00:00.000Z", "conditions": [] }"#;
        assert_eq!(
            policy_expiration(p).map(|t| t.unix_seconds()),
            Some(1_451_476_800)
        );
        assert_eq!(policy_expiration(r#"{"conditions":[]}"#), None);
    }
}
