//! `listUploads()` and `forgetUpload(id, { sign | credentials })`: the resumable uploads this
//! browser holds checkpoints of, and dropping one (its parts aborted on the server).

use super::checkpoint;
use super::js_error::to_js;
use super::js_options::{get, set};
use super::upload_tasks::Ctx;
use crate::core::error::Error;
use crate::core::response::parse_dialect;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// `[{ id, key, bucket, endpoint, uploadId, fileName, size, partsDone, partsTotal, updatedAt,
/// ageMs }]`, newest first.
#[wasm_bindgen(js_name = listUploads, unchecked_return_type = "ResumableUpload[]")]
pub async fn list_uploads() -> Result<JsValue, JsValue> {
    if !checkpoint::available() {
        return Ok(js_sys::Array::new().into());
    }
    let mut records = checkpoint::all().await.map_err(|e| to_js(&e))?;
    let updated = |r: &JsValue| get(r, "updatedAt").as_f64().unwrap_or(0.0);
    crate::core::small_sort::sort_by(&mut records, |a, b| updated(a) > updated(b));
    let out = js_sys::Array::new();
    for r in records {
        let (target, fp) = (get(&r, "target"), get(&r, "fingerprint"));
        let o = js_sys::Object::new();
        set(&o, "id", get(&r, "id"));
        for k in ["key", "bucket", "endpoint"] {
            set(&o, k, get(&target, k));
        }
        set(&o, "uploadId", get(&r, "uploadId"));
        set(&o, "fileName", get(&fp, "name"));
        set(&o, "size", get(&fp, "size"));
        let parts: js_sys::Array = get(&r, "parts").dyn_into().unwrap_or_default();
        set(&o, "partsDone", JsValue::from(parts.length()));
        set(&o, "partsTotal", get(&r, "partsTotal"));
        set(&o, "updatedAt", JsValue::from(updated(&r)));
        set(
            &o,
            "ageMs",
            JsValue::from(js_sys::Date::now() - updated(&r)),
        );
        out.push(&o);
    }
    Ok(out.into())
}

/// Aborts the upload checkpoint `id` names (through `sign` or `credentials`, as `uploadFile`
/// signs) and drops the checkpoint. Without a signer only the checkpoint is dropped.
#[wasm_bindgen(js_name = forgetUpload)]
pub async fn forget_upload(
    #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    #[wasm_bindgen(
        unchecked_param_type = "{ sign?: UploadFileOptions['sign']; credentials?: Credentials }"
    )]
    options: Option<JsValue>,
) -> Result<(), JsValue> {
    let options = options.unwrap_or(JsValue::UNDEFINED);
    let run = async {
        let id = super::js_options::string_arg(&id, "id")?;
        super::js_options::known(&options, &[&["sign", "credentials"]])?;
        let Some(record) = checkpoint::load(&id).await? else {
            return Ok(());
        };
        let sign: Option<js_sys::Function> = get(&options, "sign").dyn_into().ok();
        let credentials = get(&options, "credentials");
        if let (Some(upload_id), true) = (
            get(&record, "uploadId").as_string(),
            sign.is_some() || credentials.is_object(),
        ) {
            let target: js_sys::Object = get(&record, "target").dyn_into().unwrap_or_default();
            let dialect = parse_dialect(
                &get(&target, "dialect")
                    .as_string()
                    .unwrap_or_else(|| "s3".into()),
            )?;
            let ctx = Ctx::signer_only(dialect, target, sign, credentials)?;
            ctx.abort(&upload_id).await?;
        }
        checkpoint::remove(&id).await
    };
    run.await.map_err(|e: Error| to_js(&e))
}
