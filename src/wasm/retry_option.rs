//! The `retry` option of `uploadFile`, `putObject` and `postObject`: `true` or absent for the
//! default policy, `false` for none, or `{ attempts, baseDelayMs, maxDelayMs }` overriding
//! parts of the default. Read into the core's `RetryPolicy`, which decides what is retried.

use super::js_options::get;
use crate::core::error::Error;
use crate::core::multipart::retry::RetryPolicy;
use wasm_bindgen::JsValue;

/// `retry: false | { attempts, baseDelayMs, maxDelayMs }`.
pub fn retry_policy(v: &JsValue) -> Result<RetryPolicy, Error> {
    if v.is_undefined() || v.is_null() || v.as_bool() == Some(true) {
        return Ok(RetryPolicy::default());
    }
    if v.as_bool() == Some(false) {
        return Ok(RetryPolicy::none());
    }
    let d = RetryPolicy::default();
    let num = |name: &str, min: f64| -> Result<Option<u64>, Error> {
        let x = get(v, name);
        match x.as_f64() {
            None if x.is_undefined() => Ok(None),
            Some(n) if n.fract() == 0.0 && n >= min && n <= 86_400_000.0 => Ok(Some(n as u64)),
            _ => Err(Error::invalid(
                "InvalidOptions",
                &format!("retry.{name}"),
                format!(
                    "retry.{name} must be a whole number of at least {}",
                    min as i64
                ),
            )),
        }
    };
    Ok(RetryPolicy {
        attempts: num("attempts", 1.0)?.map_or(d.attempts, |n| n as u32),
        base_delay_ms: num("baseDelayMs", 0.0)?.unwrap_or(d.base_delay_ms),
        max_delay_ms: num("maxDelayMs", 0.0)?.unwrap_or(d.max_delay_ms),
    })
}
