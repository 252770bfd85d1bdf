//! The shape options have before they are typed: what JSON and plain JavaScript objects share.

/// An option value. Maps keep their entries in the caller's order (JavaScript objects and JSON
/// keep insertion order, and header order can matter to a reader of the request).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// JavaScript numbers are doubles; JSON integers beyond 2^53 are refused where whole numbers
    /// are read (see [`Obj::whole`](super::Obj::whole)).
    Number(f64),
    Text(String),
    List(Vec<Value>),
    Map(Vec<(String, Value)>),
    /// Anything else (a function, a BigInt, a Blob, a Date): what it is, for the type error.
    Other(&'static str),
}

impl Value {
    /// `null` (or `undefined`) means "not given".
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// The entry `name` of a map (`None` for other values and absent names).
    pub fn get(&self, name: &str) -> Option<&Value> {
        match self {
            Value::Map(entries) => entries.iter().find(|(k, _)| k == name).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The names of a map's entries, in order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        let entries: &[(String, Value)] = match self {
            Value::Map(entries) => entries,
            _ => &[],
        };
        entries.iter().map(|(k, _)| k.as_str())
    }

    /// A number that is an integer a double holds exactly.
    pub fn as_whole(&self) -> Option<i64> {
        match *self {
            Value::Number(n) if n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_991.0 => {
                Some(n as i64)
            }
            _ => None,
        }
    }

    /// A string, or a whole number written as one (`success_action_status: 201`).
    pub fn as_scalar_text(&self) -> Option<String> {
        match self {
            Value::Text(s) => Some(s.clone()),
            v => v.as_whole().map(|n| n.to_string()),
        }
    }
}
