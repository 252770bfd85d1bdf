//! Options as data, read once into typed values at the boundary ("parse, don't validate").
//!
//! The browser shell turns a JavaScript options object into a [`Value`] tree (checking every
//! string is valid UTF-16 on the way); a backend gets one from JSON through serde (native
//! builds only). The readers beside each options struct (`PutOptions::read`, …) then take the
//! tree apart with [`Obj`], so a wrong type names the option and says what it must be in plain
//! words, whichever side the options came from. No serde code ships in the wasm module: its
//! derived deserializers were a fifth of the module's size.

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
