//! The request body, read twice in constant memory: a first pass hashes it 1 MiB at a time
//! (Content-MD5 must be in the signed headers before the first byte is sent, and OSS reports a
//! CRC-64 to check afterwards); the second pass streams it to the server. A file that changes
//! between the passes is caught: a different length here, different bytes by the server's
//! Content-MD5 check.

use crate::args::Body;
use bucket_upload::core::digest::Digests;
use bucket_upload::{DigestSet, Error, ErrorKind, Md5Digest, MultiDigest};
use std::fs::File;
use std::io::{self, Read};

/// How much of the body is in memory at once while hashing.
const CHUNK: usize = 1 << 20;

/// What the first pass learned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hashed {
    /// Bytes read, which is what Content-Length will say.
    pub size: u64,
    pub md5: Md5Digest,
    /// CRC-64/ECMA as OSS computes it (`x-oss-hash-crc64ecma`).
    pub crc64ecma: u64,
}

/// The size the file system reports, for checking limits before the file is read at all.
pub fn declared_size(body: &Body) -> Result<Option<u64>, Error> {
    match body {
        Body::File(path) => std::fs::metadata(path)
            .map(|m| Some(m.len()))
            .map_err(|e| unreadable(body, &e)),
        Body::Text(text) => Ok(Some(text.len() as u64)),
        Body::Missing => Ok(None),
    }
}

/// The first pass: MD5 and CRC-64 together, one read of the bytes.
pub fn hash(body: &Body) -> Result<Hashed, Error> {
    let mut reader = open_raw(body)?;
    let mut digest = MultiDigest::new(DigestSet {
        md5: true,
        crc64ecma: true,
        ..DigestSet::default()
    });
    let mut buf = vec![0u8; CHUNK];
    let mut size = 0u64;
    loop {
        let n = match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(unreadable(body, &e)),
        };
        digest.update(&buf[..n]);
        size += n as u64;
    }
    let Digests { md5, crc64ecma, .. } = digest.finalize();
    Ok(Hashed {
        size,
        // Both were asked for in the set above, so both are there.
        md5: md5.unwrap_or(Md5Digest([0; 16])),
        crc64ecma: crc64ecma.unwrap_or(0),
    })
}

/// The second pass: the body as a reader that yields exactly `size` bytes or fails with
/// [`BodyChanged`].
pub fn open(body: &Body, size: u64) -> Result<impl Read + Send + 'static, Error> {
    Ok(Exact {
        inner: open_raw(body)?,
        remaining: size,
    })
}

fn open_raw(body: &Body) -> Result<Box<dyn Read + Send>, Error> {
    match body {
        Body::File(path) => File::open(path)
            .map(|f| Box::new(f) as Box<dyn Read + Send>)
            .map_err(|e| unreadable(body, &e)),
        Body::Text(text) => Ok(Box::new(io::Cursor::new(text.clone().into_bytes()))),
        Body::Missing => Err(Error::invalid("MissingBody", "body", "no --body given")),
    }
}

fn unreadable(body: &Body, e: &io::Error) -> Error {
    let what = match body {
        Body::File(path) => path.display().to_string(),
        _ => "the body".into(),
    };
    Error::new(
        ErrorKind::Read,
        "UnreadableBody",
        format!("cannot read {what}: {e}"),
    )
}

/// The error the second pass fails with when the file no longer has the size it was hashed at.
/// Travels inside an `io::Error` through the HTTP client and is recognised on the way out.
#[derive(Debug)]
pub struct BodyChanged(pub String);

impl std::fmt::Display for BodyChanged {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BodyChanged {}

/// A reader that must end after exactly `remaining` more bytes. Sending a shorter or longer
/// body than the signed Content-Length would leave the server waiting, or the extra bytes
/// unsent and the MD5 check to fail with a less helpful message.
struct Exact<R> {
    inner: R,
    remaining: u64,
}

impl<R: Read> Read for Exact<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.remaining == 0 {
            // Confirm the end: a file that grew since it was hashed is refused, not truncated.
            let mut probe = [0u8; 1];
            return match self.inner.read(&mut probe)? {
                0 => Ok(0),
                _ => Err(changed("the file grew after it was hashed")),
            };
        }
        let want = buf
            .len()
            .min(usize::try_from(self.remaining).unwrap_or(usize::MAX));
        let n = self.inner.read(&mut buf[..want])?;
        if n == 0 {
            return Err(changed("the file shrank after it was hashed"));
        }
        self.remaining -= n as u64;
        Ok(n)
    }
}

fn changed(why: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, BodyChanged(why.into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_text_like_the_published_vectors() {
        let h = hash(&Body::Text("123456789".into())).unwrap();
        assert_eq!(h.size, 9);
        // RFC 1321-style check value of "123456789", and CRC-64/XZ's catalogued check value.
        assert_eq!(h.md5.hex(), "25f9e794323b453885f5181f1b624d0b");
        assert_eq!(h.crc64ecma, 0x995d_c9bb_df19_39fa);
    }

    #[test]
    fn exact_reader_refuses_a_changed_length() {
        let mut short = Exact {
            inner: &b"abc"[..],
            remaining: 4,
        };
        let mut out = Vec::new();
        let e = short.read_to_end(&mut out).unwrap_err();
        assert!(e.get_ref().unwrap().downcast_ref::<BodyChanged>().is_some());
        let mut long = Exact {
            inner: &b"abcde"[..],
            remaining: 4,
        };
        assert!(long.read_to_end(&mut Vec::new()).is_err());
        let mut same = Exact {
            inner: &b"abcd"[..],
            remaining: 4,
        };
        let mut out = Vec::new();
        same.read_to_end(&mut out).unwrap();
        assert_eq!(out, b"abcd");
    }
}
