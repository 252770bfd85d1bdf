//! What the page is told about a multipart upload: the `onProgress` object (bytes and parts
//! done, each part in flight) after every change, and the result `done` settles with once the
//! machine has an outcome.

use super::js_options::set;
use super::upload_begin::Started;
use super::upload_driver::DriverOptions;
use super::upload_shared::SharedRef;
use super::upload_tasks::cancelled;
use crate::core::error::Error;
use crate::core::multipart::machine::Outcome;
use crate::core::multipart::PartPlan;
use wasm_bindgen::JsValue;

/// Calls `onProgress`, if given, with `{ loaded, total, partsDone, partsTotal, inFlight }`.
pub fn report(shared: &SharedRef, on_progress: &Option<js_sys::Function>, plan: &PartPlan) {
    let Some(f) = on_progress else { return };
    let in_flight = js_sys::Array::new();
    let (loaded, parts_done) = {
        let mut s = shared.borrow_mut();
        let now = s.done_bytes + s.in_flight.iter().map(|(_, _, b)| *b).sum::<u64>();
        s.reported = s.reported.max(now.min(plan.size));
        for (n, _, sent) in &s.in_flight {
            let part = js_sys::Object::new();
            set(&part, "partNumber", JsValue::from(*n));
            set(&part, "loaded", JsValue::from(*sent as f64));
            set(&part, "size", JsValue::from(plan.part_len(*n) as f64));
            in_flight.push(&part);
        }
        (s.reported, s.parts_done)
    };
    let p = js_sys::Object::new();
    set(&p, "inFlight", in_flight.into());
    set(&p, "loaded", JsValue::from(loaded as f64));
    set(&p, "total", JsValue::from(plan.size as f64));
    set(&p, "partsDone", JsValue::from(parts_done));
    set(&p, "partsTotal", JsValue::from(plan.count));
    let _ = f.call1(&JsValue::NULL, &p);
}

/// The result of a finished upload, or its error (`Aborted` after `abort()`).
pub fn finish(
    outcome: &Outcome,
    o: &DriverOptions,
    upload_id: Option<&str>,
    started: Started,
) -> Result<JsValue, Error> {
    match outcome {
        Outcome::Done {
            completed,
            verified,
        } => {
            let out = js_sys::Object::new();
            let opt =
                |v: &Option<String>| v.as_deref().map_or(JsValue::UNDEFINED, JsValue::from_str);
            set(&out, "etag", JsValue::from_str(&completed.etag));
            set(&out, "key", JsValue::from_str(&o.key));
            set(&out, "bucket", JsValue::from_str(&o.bucket));
            set(&out, "location", opt(&completed.location));
            set(&out, "versionId", opt(&completed.version_id));
            set(&out, "requestId", opt(&completed.request_id));
            set(&out, "parts", JsValue::from(o.plan.count));
            set(&out, "resumed", JsValue::from(started.resumed));
            set(&out, "restarted", JsValue::from(started.restarted));
            set(&out, "partsReused", JsValue::from(started.reused));
            set(&out, "alreadyStored", JsValue::from(started.already_stored));
            set(
                &out,
                "uploadId",
                upload_id.map_or(JsValue::UNDEFINED, JsValue::from_str),
            );
            let list: js_sys::Array = verified.iter().map(|v| JsValue::from_str(v)).collect();
            set(&out, "verified", list.into());
            Ok(out.into())
        }
        Outcome::Failed(e) => Err(e.clone()),
        Outcome::Aborted => Err(cancelled()),
    }
}
