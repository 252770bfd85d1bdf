//! Reading one options object: typed getters whose errors name the option (`credentials.
//! sessionToken`) and say what it must be, in the words of `option_names::kind`.

use super::Value;
use crate::core::error::Error;
use crate::core::option_names::{check, wrong_type};
use crate::core::options::Fields;

/// An options object under a path (`""` at the top, `"credentials."` inside), read by name.
/// `null` and absent entries both read as "not given".
#[derive(Clone, Copy)]
pub struct Obj<'a> {
    value: &'a Value,
    path: &'a str,
}

impl<'a> Obj<'a> {
    /// `value` as an object; `field` names it in the error when it is something else.
    pub fn new(value: &'a Value, path: &'a str, field: &str) -> Result<Self, Error> {
        match value {
            Value::Map(_) | Value::Null => Ok(Obj { value, path }),
            _ => Err(wrong_type(field, "an object")),
        }
    }

    /// The option's full name in messages (`credentials.sessionToken`).
    pub fn field(&self, name: &str) -> String {
        [self.path, name].concat()
    }

    /// The value of `name`, unless absent or `null`.
    pub fn get(&self, name: &str) -> Option<&'a Value> {
        self.value.get(name).filter(|v| !v.is_null())
    }

    /// Refuses a name no list in `allowed` has: `UnknownOption`, with the nearest valid name.
    pub fn only(&self, allowed: &[&[&str]]) -> Result<(), Error> {
        check(self.value.names(), allowed, self.path)
    }

    /// A required option: `MissingOption` when absent.
    pub fn required<T>(&self, name: &str, got: Option<T>) -> Result<T, Error> {
        got.ok_or_else(|| {
            let field = self.field(name);
            let message = ["`", &field, "` is required"].concat();
            Error::invalid("MissingOption", &field, message)
        })
    }

    /// A string option.
    pub fn text(&self, name: &str) -> Result<Option<String>, Error> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::Text(s)) => Ok(Some(s.clone())),
            Some(_) => Err(wrong_type(&self.field(name), "a string")),
        }
    }

    /// A `true` / `false` option.
    pub fn flag(&self, name: &str) -> Result<Option<bool>, Error> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(_) => Err(wrong_type(&self.field(name), "true or false")),
        }
    }

    /// A whole number of at least `min`; `what` says what it counts ("a whole number of seconds").
    pub fn whole(&self, name: &str, min: i64, what: &str) -> Result<Option<i64>, Error> {
        match self.get(name) {
            None => Ok(None),
            Some(v) => match v.as_whole() {
                Some(n) if n >= min => Ok(Some(n)),
                _ => Err(wrong_type(&self.field(name), what)),
            },
        }
    }

    /// A whole number that fits a `u32` (part numbers, counts).
    pub fn count(&self, name: &str) -> Result<Option<u32>, Error> {
        let n = self.whole(name, 0, "a whole number")?;
        n.map(|n| u32::try_from(n).map_err(|_| wrong_type(&self.field(name), "a whole number")))
            .transpose()
    }

    /// A nested object.
    pub fn obj(&self, name: &str, path: &'a str) -> Result<Obj<'a>, Error> {
        match self.get(name) {
            None => Ok(Obj {
                value: &Value::Null,
                path,
            }),
            Some(v) => Obj::new(v, path, &self.field(name)),
        }
    }

    /// A list.
    pub fn list(&self, name: &str, what: &str) -> Result<&'a [Value], Error> {
        match self.get(name) {
            None => Ok(&[]),
            Some(Value::List(items)) => Ok(items),
            Some(_) => Err(wrong_type(&self.field(name), what)),
        }
    }

    /// Name/value pairs from `{ name: value }`, values strings or whole numbers, order kept.
    pub fn fields(&self, name: &str) -> Result<Fields, Error> {
        match self.get(name) {
            None => Ok(Fields::default()),
            Some(v) => fields(v, &self.field(name)),
        }
    }
}

/// `{ name: value }` (strings or whole numbers) as [`Fields`]; `field` names it in errors.
pub(crate) fn fields(v: &Value, field: &str) -> Result<Fields, Error> {
    let Value::Map(entries) = v else {
        return Err(wrong_type(
            field,
            "an object of names to string or number values",
        ));
    };
    let mut out = Vec::with_capacity(entries.len());
    for (k, v) in entries {
        if v.is_null() {
            continue;
        }
        let text = v.as_scalar_text().ok_or_else(|| {
            wrong_type(
                &[field, ".", k].concat(),
                "a string or a number (a whole one)",
            )
        })?;
        out.push((k.clone(), text));
    }
    Ok(Fields(out))
}
