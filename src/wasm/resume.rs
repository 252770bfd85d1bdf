//! Resume after a reload: the checkpoint of an upload — target, the file's fingerprint (name,
//! size, lastModified, type and the MD5 of its first and last MiB), part size, upload id and each
//! stored part's number, size, ETag, checksum, MD5 and CRC-64 — is written to IndexedDB as parts
//! complete. `uploadFile` with the same file and target finds it, reconciles it with ListParts
//! (`core::multipart::reconcile`) and sends only what is missing.

use super::api_digests::digests_js;
use super::blob_reader::blob_size;
use super::checkpoint;
use super::js_options::{get, set};
use super::upload_tasks::Ctx;
use crate::core::error::Error;
use crate::core::md5::Md5Digest;
use crate::core::multipart::events::PartAnswer;
use crate::core::multipart::read::Completed;
use crate::core::multipart::reconcile::{reconcile, SavedPart};
use crate::core::multipart::stored::already_stored;
use crate::core::multipart::PartPlan;
use crate::core::{encode, response::parse_crc64};
use wasm_bindgen::{JsCast, JsValue};

const MIB: f64 = 1024.0 * 1024.0;

/// What a checkpoint is found under, and what every write of it repeats.
pub struct Checkpoint {
    pub id: String,
    base: js_sys::Object,
}

/// How the upload starts.
pub enum Start {
    /// No usable checkpoint: Create a new upload.
    Fresh,
    /// The checkpoint's upload id is gone on the server (`NoSuchUpload`): a new one is created.
    Restarted,
    /// Continue `upload_id`, these parts already stored.
    Continue {
        upload_id: String,
        done: Vec<(u32, PartAnswer)>,
    },
    /// The upload completed on the server though its answer never arrived: nothing to send.
    AlreadyStored {
        upload_id: String,
        done: Vec<(u32, PartAnswer)>,
        completed: Completed,
        verified: &'static str,
    },
}

/// The checkpoint of uploading `file` to the target (none where IndexedDB is missing).
pub async fn checkpoint_for(
    ctx: &Ctx,
    key: &str,
    plan: &PartPlan,
) -> Result<Option<Checkpoint>, Error> {
    if !checkpoint::available() {
        return Ok(None);
    }
    let file = &ctx.file;
    let size = blob_size(file)?;
    let f = file.dyn_ref::<web_sys::File>();
    let name = f.map(|f| f.name()).unwrap_or_default();
    // Whole milliseconds: written as an integer (the same text as before; no float formatter ships).
    let modified = f.map_or(0.0, |f| f.last_modified()) as i64;
    // The first and last MiB: a file edited in place with the same size and date still differs.
    let edges = if size as f64 <= 2.0 * MIB {
        file.clone()
    } else {
        let parts = js_sys::Array::new();
        let cut = |a: f64, b: f64| {
            file.slice_with_f64_and_f64(a, b)
                .map_err(|e| super::js_error::from_js(&e, "slicing the file"))
        };
        parts.push(&cut(0.0, MIB)?.into());
        parts.push(&cut(size as f64 - MIB, size as f64)?.into());
        web_sys::Blob::new_with_blob_sequence(&parts)
            .map_err(|e| super::js_error::from_js(&e, "Blob"))?
    };
    let read = js_sys::Object::new();
    set(&read, "worker", JsValue::FALSE);
    let d = digests_js(&edges, vec!["md5".into()], &read.into()).await?;
    let edges_md5 = get(&get(&d, "md5"), "hex").as_string().unwrap_or_default();
    let target = |k: &str| get(&ctx.target, k).as_string().unwrap_or_default();
    let id = format!(
        "{}|{}|{key}|{name}|{size}|{modified}|{}|{edges_md5}|{}",
        target("endpoint"),
        target("bucket"),
        file.type_(),
        plan.part_size
    );
    let fp = js_sys::Object::new();
    set(&fp, "name", JsValue::from_str(&name));
    set(&fp, "size", JsValue::from(size as f64));
    set(&fp, "lastModified", JsValue::from(modified as f64));
    set(&fp, "type", JsValue::from_str(&file.type_()));
    set(&fp, "edgesMd5", JsValue::from_str(&edges_md5));
    let base = js_sys::Object::new();
    set(&base, "id", JsValue::from_str(&id));
    set(&base, "format", JsValue::from(checkpoint::FORMAT));
    set(&base, "target", ctx.target.clone().into());
    set(&base, "fingerprint", fp.into());
    set(&base, "partSize", JsValue::from(plan.part_size as f64));
    set(&base, "partsTotal", JsValue::from(plan.count));
    set(&base, "createdAt", JsValue::from(js_sys::Date::now()));
    Ok(Some(Checkpoint { id, base }))
}

fn saved_parts(record: &JsValue) -> Vec<SavedPart> {
    let list: js_sys::Array = get(record, "parts").dyn_into().unwrap_or_default();
    list.iter()
        .filter_map(|p| {
            let num = |k: &str| get(&p, k).as_f64();
            let md5 = get(&p, "md5").as_string().and_then(|h| {
                let b: Vec<u8> = (0..16)
                    .filter_map(|i| u8::from_str_radix(h.get(2 * i..2 * i + 2)?, 16).ok())
                    .collect();
                <[u8; 16]>::try_from(b).ok().map(Md5Digest)
            });
            Some(SavedPart {
                part_number: num("partNumber")? as u32,
                size: num("size")? as u64,
                etag: get(&p, "etag").as_string()?,
                checksum: get(&p, "checksum").as_string(),
                md5,
                crc64: get(&p, "crc64").as_string().and_then(|c| parse_crc64(&c)),
            })
        })
        .collect()
}

/// Finds the checkpoint and reconciles it with the server (every page of ListParts).
pub async fn start(ctx: &Ctx, cp: &Checkpoint, plan: &PartPlan) -> Result<Start, Error> {
    let Ok(Some(record)) = checkpoint::load(&cp.id).await else {
        return Ok(Start::Fresh);
    };
    let Some(upload_id) = get(&record, "uploadId").as_string() else {
        return Ok(Start::Fresh);
    };
    let mut listed = Vec::new();
    let mut marker = 0;
    loop {
        match ctx.list_parts(&upload_id, marker).await {
            Ok(page) => {
                listed.extend(page.parts);
                match page.next_marker {
                    Some(m) if m > marker => marker = m,
                    _ => break,
                }
            }
            Err(e) if e.code == "NoSuchUpload" => {
                // Gone: completed (its answer lost to a reload) or aborted. A HEAD tells which.
                let saved = saved_parts(&record);
                if saved.len() as u64 == u64::from(plan.count) {
                    if let Ok(head) = ctx.head_object().await {
                        if let Some((done, completed, verified)) =
                            already_stored(plan, &saved, &head)
                        {
                            return Ok(Start::AlreadyStored {
                                upload_id,
                                done,
                                completed,
                                verified,
                            });
                        }
                    }
                }
                let _ = checkpoint::remove(&cp.id).await;
                return Ok(Start::Restarted);
            }
            Err(e) => return Err(e),
        }
    }
    let done = reconcile(plan, &saved_parts(&record), &listed);
    Ok(Start::Continue { upload_id, done })
}

/// Writes the checkpoint: `upload_id` and the parts stored so far.
pub async fn save(cp: &Checkpoint, plan: &PartPlan, upload_id: &str, done: &[(u32, PartAnswer)]) {
    let record = js_sys::Object::assign(&js_sys::Object::new(), &cp.base);
    set(&record, "uploadId", JsValue::from_str(upload_id));
    set(&record, "updatedAt", JsValue::from(js_sys::Date::now()));
    let parts = js_sys::Array::new();
    for (n, a) in done {
        let p = js_sys::Object::new();
        set(&p, "partNumber", JsValue::from(*n));
        set(&p, "size", JsValue::from(plan.part_len(*n) as f64));
        set(&p, "etag", JsValue::from_str(&a.etag));
        if let Some(c) = &a.checksum {
            set(&p, "checksum", JsValue::from_str(c));
        }
        if let Some(m) = &a.md5 {
            set(&p, "md5", JsValue::from_str(&encode::hex(&m.0)));
        }
        if let Some(c) = a.crc64 {
            set(&p, "crc64", JsValue::from_str(&c.to_string()));
        }
        parts.push(&p);
    }
    set(&record, "parts", parts.into());
    // A checkpoint that cannot be written costs only the resume, never the upload.
    let _ = checkpoint::save(&record.into()).await;
}

/// Drops the checkpoints of this target (endpoint and bucket) not written for `max_age_ms`,
/// aborting their uploads with this upload's signer: a forgotten upload's parts otherwise stay
/// (and are billed) until a lifecycle rule removes them.
pub async fn drop_stale(ctx: &Ctx, max_age_ms: f64) {
    let Ok(records) = checkpoint::all().await else {
        return;
    };
    let now = js_sys::Date::now();
    let ours = |r: &JsValue, k: &str| {
        get(&get(r, "target"), k).as_string() == get(&ctx.target, k).as_string()
    };
    for r in records {
        let age = now
            - get(&r, "updatedAt")
                .as_f64()
                .or_else(|| get(&r, "createdAt").as_f64())
                .unwrap_or(now);
        if age <= max_age_ms || !ours(&r, "endpoint") || !ours(&r, "bucket") {
            continue;
        }
        let target: js_sys::Object = get(&r, "target").dyn_into().unwrap_or_default();
        let Ok(old) = Ctx::signer_only(
            ctx.dialect,
            target,
            ctx.sign.clone(),
            ctx.credentials.clone(),
        ) else {
            return;
        };
        if let Some(id) = get(&r, "uploadId").as_string() {
            if old.abort(&id).await.is_err() {
                continue; // kept, to be tried again next time
            }
        }
        if let Some(id) = get(&r, "id").as_string() {
            let _ = checkpoint::remove(&id).await;
        }
    }
}

/// Drops the checkpoint (the upload completed or was aborted).
pub async fn forget(cp: &Checkpoint) {
    let _ = checkpoint::remove(&cp.id).await;
}
