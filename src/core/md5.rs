//! Content-MD5, computed incrementally so a File is hashed slice by slice and never held whole.
//! Header format: RFC 1864 (base64 of the 16-byte digest); S3's ETag of a single PUT/POST is its hex.
//! The state of an unfinished hash can be saved and loaded, so a resumed upload does not hash
//! again what it already hashed.

use crate::core::error::{Error, ErrorKind};
use md5::digest::common::hazmat::SerializableState;
use md5::{Digest, Md5};

/// An incremental MD5: `new`, `update` with each slice, `finalize`; `save` / `load` in between.
#[derive(Clone, Default)]
pub struct ContentMd5 {
    hasher: Md5,
    bytes: u64,
}

/// A finished MD5 digest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Md5Digest(pub [u8; 16]);

/// Saved states start with this tag and a format version; a state of another version (or not a
/// state at all) is refused rather than resumed into a wrong digest.
const STATE_MAGIC: &[u8; 4] = b"BUm5";
const STATE_VERSION: u8 = 1;

impl ContentMd5 {
    /// A hasher that has seen no bytes.
    pub fn new() -> Self {
        Self::default()
    }

    /// Feeds the next bytes.
    pub fn update(&mut self, data: &[u8]) {
        self.hasher.update(data);
        self.bytes += data.len() as u64;
    }

    /// How many bytes have been fed.
    pub fn bytes_hashed(&self) -> u64 {
        self.bytes
    }

    /// The digest of everything fed.
    pub fn finalize(self) -> Md5Digest {
        Md5Digest(self.hasher.finalize().into())
    }

    /// The in-progress state: tag, version, bytes hashed (u64 LE), then MD5's own state.
    pub fn save(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(96);
        out.extend_from_slice(STATE_MAGIC);
        out.push(STATE_VERSION);
        out.extend_from_slice(&self.bytes.to_le_bytes());
        out.extend_from_slice(&self.hasher.serialize());
        out
    }

    /// A hasher resumed from [`save`](Self::save)'s bytes.
    pub fn load(state: &[u8]) -> Result<Self, Error> {
        let bad = |why: &str| {
            Error::new(
                ErrorKind::Validation,
                "InvalidHashState",
                format!("cannot resume the MD5: {why}"),
            )
        };
        let rest = state
            .strip_prefix(STATE_MAGIC)
            .ok_or_else(|| bad("not a saved MD5 state"))?;
        let (&version, rest) = rest.split_first().ok_or_else(|| bad("truncated"))?;
        if version != STATE_VERSION {
            return Err(bad(&format!(
                "state format {version}, this module reads format {STATE_VERSION}"
            )));
        }
        let (count, rest) = rest.split_at_checked(8).ok_or_else(|| bad("truncated"))?;
        let bytes = u64::from_le_bytes(count.try_into().expect("8 bytes"));
        let array = rest.try_into().map_err(|_| bad("wrong length"))?;
        let hasher = Md5::deserialize(array).map_err(|_| bad("corrupt state"))?;
        Ok(ContentMd5 { hasher, bytes })
    }
}

impl Md5Digest {
    /// Base64, the `Content-MD5` header value.
    pub fn base64(&self) -> String {
        crate::core::encode::base64(&self.0)
    }

    /// Lower-case hex, what S3 returns as the ETag of a single-part upload.
    pub fn hex(&self) -> String {
        crate::core::encode::hex(&self.0)
    }
}
