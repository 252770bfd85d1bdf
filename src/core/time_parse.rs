//! Reading the instants servers send: the ISO 8601 `ServerTime` of a `RequestTimeTooSkewed`
//! body (S3, OSS) and the HTTP `Date` header (RFC 9110 IMF-fixdate), for clock-skew correction.

use crate::core::time::UtcTime;

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = i64::from((m + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn at(y: i64, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> Option<UtcTime> {
    let valid = (1..=12).contains(&mo) && (1..=31).contains(&d) && h < 24 && mi < 60 && s < 61;
    valid.then(|| {
        UtcTime::from_unix_seconds(
            days_from_civil(y, mo, d) * 86_400 + i64::from(h * 3600 + mi * 60 + s),
        )
    })
}

fn num(s: &str) -> Option<u32> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// `2026-12-01T13:20:02Z`, `2026-12-01T13:20:02.123Z` (fraction dropped) or `+00:00`.
pub fn parse_iso8601(text: &str) -> Option<UtcTime> {
    let t = text.trim();
    let (date, time) = t.split_once('T')?;
    let mut d = date.split('-');
    let (y, mo, da) = (num(d.next()?)?, num(d.next()?)?, num(d.next()?)?);
    let time = time
        .strip_suffix('Z')
        .or_else(|| time.strip_suffix("+00:00"))?;
    let time = time.split('.').next()?;
    let mut c = time.split(':');
    let (h, mi, s) = (num(c.next()?)?, num(c.next()?)?, num(c.next()?)?);
    at(i64::from(y), mo, da, h, mi, s)
}

/// `Sun, 06 Nov 1994 08:49:37 GMT`.
pub fn parse_http_date(text: &str) -> Option<UtcTime> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let rest = text.trim().split_once(", ")?.1;
    let mut w = rest.split(' ');
    let day = num(w.next()?)?;
    let name = w.next()?;
    let month = MONTHS.iter().position(|m| *m == name)? as u32 + 1;
    let year = num(w.next()?)?;
    let mut c = w.next()?.split(':');
    let (h, mi, s) = (num(c.next()?)?, num(c.next()?)?, num(c.next()?)?);
    (w.next()? == "GMT").then_some(())?;
    at(i64::from(year), month, day, h, mi, s)
}
