//! Content-MD5, computed incrementally so a File is hashed slice by slice and never held whole.
//! Header format: RFC 1864 (base64 of the 16-byte digest); S3's ETag of a single PUT/POST is its hex.

use md5::{Digest, Md5};

/// An incremental MD5: `new`, `update` with each slice, `finalize`.
#[derive(Clone, Default)]
pub struct ContentMd5 {
    hasher: Md5,
    bytes: u64,
}

/// A finished MD5 digest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Md5Digest(pub [u8; 16]);

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
