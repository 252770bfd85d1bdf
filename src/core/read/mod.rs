//! Options as data, read once into typed values at the boundary ("parse, don't validate").
//!
//! The browser shell turns a JavaScript options object into a [`Value`] tree (checking every
//! string is valid UTF-16 on the way); a backend gets one from JSON through serde (native
//! builds only). The readers beside each options struct (`PutOptions::read`, …) then take the
//! tree apart with [`Obj`], so a wrong type names the option and says what it must be in plain
//! words, whichever side the options came from. No serde code ships in the wasm module: its
//! derived deserializers were a fifth of the module's size.

/// `$ty { <the target fields of $t>, now: None, <the rest> }`: every operation's options begin
/// with the same target (`options::Target`), read once by `Target::read`.
macro_rules! with_target {
    ($ty:ident, $t:expr, { $($field:ident: $value:expr),* $(,)? }) => {{
        let t = $t;
        $ty {
            dialect: t.dialect,
            version: t.version,
            endpoint: t.endpoint,
            bucket: t.bucket,
            region: t.region,
            path_style: t.path_style,
            credentials: t.credentials,
            key: t.key,
            expires_in: t.expires_in,
            now: None,
            $($field: $value),*
        }
    }};
}

mod get;
mod multipart;
mod obj;
mod object;
mod options;
#[cfg(not(target_arch = "wasm32"))]
mod serde_value;
mod value;

pub use obj::Obj;
pub use value::Value;
