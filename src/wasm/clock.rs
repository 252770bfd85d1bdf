//! The page's clock, corrected by what servers say the time is. A laptop minutes off fails
//! every SigV4 / OSS V4 request with `RequestTimeTooSkewed`; once a server has told us its time
//! (`ServerTime` in the error body, else the `Date` header when CORS exposes it) the offset is
//! kept for the page's later signatures and uploads.

use crate::core::response::xml::tag_text;
use crate::core::response::HttpResponse;
use crate::core::time::UtcTime;
use crate::core::time_parse::{parse_http_date, parse_iso8601};
use std::cell::Cell;

thread_local! {
    static OFFSET_MS: Cell<f64> = const { Cell::new(0.0) };
}

/// Milliseconds since the epoch on the server's clock, as best known.
pub fn now_ms() -> f64 {
    js_sys::Date::now() + OFFSET_MS.with(Cell::get)
}

/// How far the page's clock is behind the server's, in whole seconds (0 until learned).
pub fn offset_seconds() -> i64 {
    (OFFSET_MS.with(Cell::get) / 1000.0).round() as i64
}

/// The server's time in `r`, if it says.
pub fn server_time(r: &HttpResponse) -> Option<UtcTime> {
    tag_text(&r.body, "ServerTime")
        .and_then(|t| parse_iso8601(&t))
        .or_else(|| r.header("date").and_then(parse_http_date))
}

/// Learns the offset from `r`; returns it in seconds, or `None` when `r` carries no time.
pub fn learn(r: &HttpResponse) -> Option<i64> {
    let server = server_time(r)?;
    let offset = server.unix_seconds() as f64 * 1000.0 - js_sys::Date::now();
    OFFSET_MS.with(|o| o.set(offset));
    Some(offset_seconds())
}
