//! A JavaScript options object as a core [`Value`] tree: the one walk over it, in place of a
//! serde deserializer (smaller by far, and its errors name the option). Strings are checked
//! for unpaired UTF-16 surrogates on the way: JS allows them, UTF-8 cannot carry them, and the
//! conversion would silently put U+FFFD in their place — an object landing under another key
//! than the one asked for.

use crate::core::error::Error;
use crate::core::read::Value;
use js_sys::{Array, JsString, Object};
use wasm_bindgen::{JsCast, JsValue};

/// Options nest a few levels (`callback.customValue`, `parts[]`); deeper is refused.
const MAX_DEPTH: u32 = 6;

/// `value` as a [`Value`]; `path` names it in errors (`""` for the options object itself).
pub fn to_value(value: &JsValue, path: &str) -> Result<Value, Error> {
    walk(value, path, 0)
}

fn walk(v: &JsValue, path: &str, depth: u32) -> Result<Value, Error> {
    if v.is_undefined() || v.is_null() {
        return Ok(Value::Null);
    }
    if let Some(b) = v.as_bool() {
        return Ok(Value::Bool(b));
    }
    if let Some(n) = v.as_f64() {
        return Ok(Value::Number(n));
    }
    if let Some(s) = v.dyn_ref::<JsString>() {
        return text(s, path).map(Value::Text);
    }
    if v.is_function() {
        return Ok(Value::Other("a function"));
    }
    if v.is_bigint() {
        return Ok(Value::Other("a BigInt"));
    }
    if v.is_symbol() {
        return Ok(Value::Other("a symbol"));
    }
    if depth >= MAX_DEPTH {
        return Ok(Value::Other("nested too deeply"));
    }
    if Array::is_array(v) {
        let items = v.unchecked_ref::<Array>();
        let mut out = Vec::with_capacity(items.length() as usize);
        for item in items.iter() {
            out.push(walk(&item, path, depth + 1)?);
        }
        return Ok(Value::List(out));
    }
    if !plain(v) {
        // A Date, a Blob, a typed array, a class instance: not an options value.
        return Ok(Value::Other("an object of another kind"));
    }
    let mut entries = Vec::new();
    for entry in Object::entries(v.unchecked_ref()).iter() {
        let pair: Array = entry.unchecked_into();
        let key: JsString = pair.get(0).unchecked_into();
        // The name as far as UTF-8 can carry it (a lone surrogate shows as U+FFFD), for messages.
        let name = String::from(&key);
        let at = [path, if path.is_empty() { "" } else { "." }, &name].concat();
        if !key.is_valid_utf16() {
            return Err(unpaired(&at));
        }
        let value = pair.get(1);
        if !value.is_undefined() {
            entries.push((name, walk(&value, &at, depth + 1)?));
        }
    }
    Ok(Value::Map(entries))
}

/// A plain object: `{}` literal or `Object.create(null)`.
fn plain(v: &JsValue) -> bool {
    let proto: JsValue = Object::get_prototype_of(v).into();
    proto.is_null() || proto == JsValue::from(Object::get_prototype_of(&Object::new()))
}

fn text(s: &JsString, path: &str) -> Result<String, Error> {
    if !s.is_valid_utf16() {
        return Err(unpaired(path));
    }
    Ok(String::from(s))
}

fn unpaired(path: &str) -> Error {
    let field = if path.is_empty() { "options" } else { path };
    let message = [
        field,
        " contains an unpaired UTF-16 surrogate, which no request can carry",
    ]
    .concat();
    Error::invalid("InvalidString", field, message)
}
