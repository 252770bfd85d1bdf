//! Reading JavaScript option objects into core options.

use crate::core::error::Error;
use crate::core::time::UtcTime;
use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// Reads an options object with the core's reader (`PutOptions::read`, …): one walk into a
/// [`Value`](crate::core::read::Value), then typed; every mistake names the option.
pub fn parse<T>(
    options: &JsValue,
    read: fn(&crate::core::read::Value) -> Result<T, Error>,
) -> Result<T, Error> {
    read(&super::js_value::to_value(options, "")?)
}

/// The `now` option (a `Date` or epoch milliseconds), else the page's clock (skew-corrected). The clock is read
/// here, in the shell, never in the core.
pub fn now(options: &JsValue) -> Result<UtcTime, Error> {
    let value = get(options, "now");
    let millis = if value.is_undefined() || value.is_null() {
        // Corrected by what a server said the time is (see clock.rs).
        super::clock::now_ms()
    } else if let Some(date) = value.dyn_ref::<js_sys::Date>() {
        date.get_time()
    } else if let Some(n) = value.as_f64() {
        n
    } else {
        return Err(Error::invalid(
            "InvalidOptions",
            "now",
            "now must be a Date or epoch milliseconds",
        ));
    };
    if !millis.is_finite() {
        return Err(Error::invalid(
            "InvalidOptions",
            "now",
            "now is not a valid date",
        ));
    }
    Ok(UtcTime::from_unix_seconds((millis / 1000.0).floor() as i64))
}

/// `options[name]`, or `undefined`.
pub fn get(options: &JsValue, name: &str) -> JsValue {
    if options.is_object() {
        Reflect::get(options, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

/// `[[name, value], ...]` as a JS array.
pub fn pairs_to_js(pairs: &[(String, String)]) -> Array {
    pairs
        .iter()
        .map(|(n, v)| Array::of2(&JsValue::from_str(n), &JsValue::from_str(v)))
        .collect()
}

/// `{ name: value, ... }` as a JS object.
pub fn pairs_to_object(pairs: &[(String, String)]) -> js_sys::Object {
    let o = js_sys::Object::new();
    for (n, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(n), &JsValue::from_str(v));
    }
    o
}

/// Name/value pairs from `[[name, value], ...]` or `{ name: value }` (insertion order kept).
pub fn pairs_from_js(value: &JsValue, what: &str) -> Result<Vec<(String, String)>, Error> {
    let bad = || {
        Error::invalid(
            "InvalidOptions",
            what,
            format!("{what} must be [[name, value], ...] or an object of strings"),
        )
    };
    if value.is_undefined() || value.is_null() {
        return Ok(Vec::new());
    }
    let entries: Array = if Array::is_array(value) {
        value.clone().unchecked_into()
    } else if value.is_object() {
        js_sys::Object::entries(value.unchecked_ref())
    } else {
        return Err(bad());
    };
    let mut out = Vec::with_capacity(entries.length() as usize);
    for entry in entries.iter() {
        let pair: Array = entry.dyn_into().map_err(|_| bad())?;
        let name = pair.get(0).as_string().ok_or_else(bad)?;
        let v = pair.get(1);
        // Whole numbers only, written without a float formatter (none ships in the module).
        let whole = v
            .as_f64()
            .filter(|n| n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_991.0);
        let value = v
            .as_string()
            .or_else(|| whole.map(|n| (n as i64).to_string()))
            .ok_or_else(bad)?;
        out.push((name, value));
    }
    Ok(out)
}

/// The result object builder: `set(&o, "etag", value)`.
pub fn set(o: &js_sys::Object, name: &str, value: JsValue) {
    let _ = Reflect::set(o, &JsValue::from_str(name), &value);
}

/// An optional string as a JS value (`undefined` when absent).
pub fn opt_str(s: Option<&str>) -> JsValue {
    s.map_or(JsValue::UNDEFINED, JsValue::from_str)
}

/// A `Blob` or `File` argument, checked: wasm-bindgen would take any value as a Blob unchecked,
/// and the first read of it would throw inside the module instead of rejecting with a typed error.
pub fn blob_arg(value: &JsValue, name: &str) -> Result<web_sys::Blob, Error> {
    value.dyn_ref::<web_sys::Blob>().cloned().ok_or_else(|| {
        Error::invalid(
            "InvalidArgument",
            name,
            format!("{name} must be a Blob or a File"),
        )
    })
}

/// A string argument, checked.
pub fn string_arg(value: &JsValue, name: &str) -> Result<String, Error> {
    value
        .as_string()
        .ok_or_else(|| Error::invalid("InvalidArgument", name, format!("{name} must be a string")))
}

/// Refuses an option `allowed` does not name (and an unknown `credentials` member):
/// `UnknownOption` with the nearest valid name. Values of other types are left to the readers.
pub fn known(options: &JsValue, allowed: &[&[&str]]) -> Result<(), Error> {
    use crate::core::option_names::{check, CREDENTIALS};
    let names = |v: &JsValue| -> Vec<String> {
        if !v.is_object() || v.is_function() || Array::is_array(v) {
            return Vec::new();
        }
        js_sys::Object::keys(v.unchecked_ref::<js_sys::Object>())
            .iter()
            .filter_map(|k| k.as_string())
            .collect()
    };
    let top = names(options);
    check(top.iter().map(String::as_str), allowed, "")?;
    types(options, &top, "")?;
    let c = get(options, "credentials");
    let inner = names(&c);
    check(
        inner.iter().map(String::as_str),
        &[CREDENTIALS],
        "credentials.",
    )?;
    types(&c, &inner, "credentials.")?;
    // Metadata values go into headers or form fields as text.
    let m = get(options, "metadata");
    for name in names(&m) {
        let v = get(&m, &name);
        if !(v.is_string() || v.as_f64().is_some_and(f64::is_finite) || v.is_undefined()) {
            return Err(crate::core::option_names::wrong_type(
                &format!("metadata.{name}"),
                "a string or a number",
            ));
        }
    }
    Ok(())
}

/// Each scalar option of a known kind has a value of that kind (`undefined` and `null` mean
/// "not given"); the error names the option and says what it must be, in plain words.
fn types(o: &JsValue, names: &[String], prefix: &str) -> Result<(), Error> {
    use crate::core::option_names::{kind, wrong_type, Kind};
    for name in names {
        let Some((k, what)) = kind(name) else {
            continue;
        };
        let v = get(o, name);
        if v.is_undefined() || v.is_null() {
            continue;
        }
        let ok = match k {
            Kind::Text => v.is_string(),
            Kind::Flag => v.as_bool().is_some(),
            Kind::Whole(min) => v.as_f64().is_some_and(|n| {
                n.fract() == 0.0 && n >= min as f64 && n.abs() <= 9_007_199_254_740_991.0
            }),
        };
        if !ok {
            return Err(wrong_type(&format!("{prefix}{name}"), what));
        }
    }
    Ok(())
}
