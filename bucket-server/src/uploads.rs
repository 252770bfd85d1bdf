//! Where s3s-fs 0.14.1 keeps multipart uploads, read back so the wrapper can list and check them.
//!
//! Layout (s3s-fs `fs.rs`), all files directly in the data dir:
//! - `.upload-{id}.json`: the upload exists (holds the access key that created it);
//! - `.bucket-{b64(bucket)}.object-{b64(key)}.upload-{id}.metadata.json`: written by
//!   CreateMultipartUpload, the only record of which bucket and key the upload is for
//!   (base64url, unpadded);
//! - `.upload_id-{id}.part-{n}`: the bytes of part `n`.
//!
//! s3s-fs records no part ETag; it is the part's MD5, hashed here on demand and cached while the
//! file's size and mtime stay the same.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use md5::{Digest, Md5};

/// A part as stored.
pub struct StoredPart {
    pub number: i32,
    pub size: u64,
    pub modified: SystemTime,
    pub path: PathBuf,
}

/// An upload in progress.
pub struct StoredUpload {
    pub key: String,
    pub id: String,
    pub initiated: SystemTime,
}

/// Part file → (size, mtime, MD5) when hashed.
type Md5Cache = HashMap<PathBuf, (u64, SystemTime, [u8; 16])>;

/// The data dir's uploads, with a cache of part MD5s.
pub struct Uploads {
    root: PathBuf,
    md5s: Mutex<Md5Cache>,
}

/// s3s-fs names files after the hyphenated lower-case UUID it hands out. Any other spelling is
/// refused here, so that an id can be put in a file name safely.
fn is_canonical_uuid(id: &str) -> bool {
    id.len() == 36
        && id.bytes().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_digit() || (b'a'..=b'f').contains(&b),
        })
}

impl Uploads {
    /// `root` must be the (canonical) folder s3s-fs was created on.
    pub fn new(root: &Path) -> Self {
        Self {
            root: root.to_path_buf(),
            md5s: Mutex::new(HashMap::new()),
        }
    }

    pub fn bucket_exists(&self, bucket: &str) -> bool {
        // s3s has validated the name (no `/`, no `..`).
        self.root.join(bucket).is_dir()
    }

    fn metadata_name(bucket: &str, key: &str, id: &str) -> String {
        let (b, k) = (URL_SAFE_NO_PAD.encode(bucket), URL_SAFE_NO_PAD.encode(key));
        format!(".bucket-{b}.object-{k}.upload-{id}.metadata.json")
    }

    /// Whether `id` is an upload in progress for this bucket and key. s3s-fs checks only the
    /// id, so without this a part could be sent to any key's upload.
    pub fn exists(&self, bucket: &str, key: &str, id: &str) -> bool {
        is_canonical_uuid(id)
            && self.root.join(format!(".upload-{id}.json")).is_file()
            && self
                .root
                .join(Self::metadata_name(bucket, key, id))
                .is_file()
    }

    /// The parts of upload `id`, sorted by part number.
    pub fn parts(&self, id: &str) -> std::io::Result<Vec<StoredPart>> {
        let prefix = format!(".upload_id-{id}.part-");
        let mut parts = Vec::new();
        for entry in std::fs::read_dir(&self.root)? {
            let entry = entry?;
            let name = entry.file_name();
            let Some(number) = name
                .to_str()
                .and_then(|n| n.strip_prefix(&prefix))
                .and_then(|n| n.parse::<i32>().ok())
            else {
                continue;
            };
            let meta = entry.metadata()?;
            if meta.is_file() {
                parts.push(StoredPart {
                    number,
                    size: meta.len(),
                    modified: meta.modified()?,
                    path: entry.path(),
                });
            }
        }
        parts.sort_by_key(|p| p.number);
        Ok(parts)
    }

    /// The uploads in progress in `bucket` whose key starts with `prefix`, sorted by key, then
    /// by initiation time (as S3 lists them).
    pub fn list(&self, bucket: &str, prefix: &str) -> std::io::Result<Vec<StoredUpload>> {
        let head = format!(".bucket-{}.object-", URL_SAFE_NO_PAD.encode(bucket));
        let mut uploads = Vec::new();
        for entry in std::fs::read_dir(&self.root)? {
            let name = entry?.file_name();
            let Some(rest) = name
                .to_str()
                .and_then(|n| n.strip_prefix(&head))
                .and_then(|n| n.strip_suffix(".metadata.json"))
            else {
                continue;
            };
            let Some((key, id)) = rest.rsplit_once(".upload-") else {
                continue;
            };
            let Some(key) = URL_SAFE_NO_PAD
                .decode(key)
                .ok()
                .and_then(|k| String::from_utf8(k).ok())
            else {
                continue;
            };
            if !key.starts_with(prefix) || !is_canonical_uuid(id) {
                continue;
            }
            // The metadata file can outlive a completed upload briefly; the id file is the truth.
            let Ok(meta) = std::fs::metadata(self.root.join(format!(".upload-{id}.json"))) else {
                continue;
            };
            uploads.push(StoredUpload {
                key,
                id: id.to_string(),
                initiated: meta.modified()?,
            });
        }
        uploads.sort_by(|a, b| (&a.key, a.initiated, &a.id).cmp(&(&b.key, b.initiated, &b.id)));
        Ok(uploads)
    }

    /// The MD5 of a stored part (its S3 ETag), from the cache when the file is unchanged.
    pub fn md5(&self, part: &StoredPart) -> std::io::Result<[u8; 16]> {
        let cached = self
            .md5s
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&part.path)
            .copied();
        if let Some((size, modified, md5)) = cached {
            if (size, modified) == (part.size, part.modified) {
                return Ok(md5);
            }
        }
        // Hashed without the lock held: other requests need not wait for this part.
        let mut file = std::fs::File::open(&part.path)?;
        let mut hasher = Md5::new();
        let mut buf = vec![0u8; 1 << 16];
        loop {
            let n = file.read(&mut buf)?;
            if n == 0 {
                break;
            }
            hasher.update(&buf[..n]);
        }
        let md5: [u8; 16] = hasher.finalize().into();
        self.md5s
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(part.path.clone(), (part.size, part.modified, md5));
        Ok(md5)
    }

    /// Removes part `number` of upload `id`, if it is there.
    pub fn remove_part(&self, id: &str, number: i32) {
        if is_canonical_uuid(id) {
            let _ = std::fs::remove_file(self.root.join(format!(".upload_id-{id}.part-{number}")));
        }
    }

    /// Removes what s3s-fs leaves of upload `id` once it is completed or aborted: parts that
    /// Complete did not list (S3 discards them) and cache entries.
    pub fn forget(&self, id: &str) {
        if let Ok(parts) = self.parts(id) {
            for part in parts {
                let _ = std::fs::remove_file(&part.path);
            }
        }
        let prefix = format!(".upload_id-{id}.");
        self.md5s
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|path, _| {
                !path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(&prefix))
            });
    }
}

/// Lower-case hex, as S3 writes ETags.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
