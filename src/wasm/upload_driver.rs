//! `uploadFile(file, options)`: a multipart upload driven by the core's state machine
//! (`core::multipart::machine`). This shell only executes its actions — hash and send parts,
//! Create, Complete, Abort — and feeds the answers back, with the page's clock and
//! `Math.random()` for backoff. Parts are sliced lazily from the File and sent as Blob slices,
//! so memory stays at what the hashing buffers and the requests in flight hold.
//!
//! This file holds the loop and the requests it starts; the handle is `multipart_upload.rs`, the state
//! they share `upload_shared.rs`, the start from a checkpoint `upload_begin.rs`, and what the page
//! is told (progress, result) `upload_report.rs`.

use super::js_error::to_js;
use super::multipart_upload::MultipartUpload;
use super::resume;
use super::upload_begin::begin;
use super::upload_report::{finish, report};
use super::upload_shared::{push, wait, Event, Shared, SharedRef};
use super::upload_tasks::{cancelled, Ctx};
use crate::core::error::Error;
use crate::core::multipart::machine::{Action, Outcome, PartAnswer, Upload, UploadConfig};
use crate::core::multipart::PartPlan;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;

/// Options the driver reads itself.
pub struct DriverOptions {
    pub plan: PartPlan,
    pub config: UploadConfig,
    pub on_progress: Option<js_sys::Function>,
    pub signal: Option<web_sys::AbortSignal>,
    pub key: String,
    pub bucket: String,
    /// Continue from a checkpoint of the same file and target, and write one as parts complete.
    pub resume: bool,
    /// Checkpoints of this target older than this are aborted and dropped.
    pub resume_max_age_ms: f64,
}

/// Starts the upload.
pub fn start(ctx: Ctx, o: DriverOptions) -> MultipartUpload {
    let shared: SharedRef = Rc::new(RefCell::new(Shared::default()));
    if let Some(signal) = &o.signal {
        let s = shared.clone();
        let on_abort = Closure::once_into_js(move || push(&s, Event::Abort));
        let _ = signal.add_event_listener_with_callback("abort", on_abort.unchecked_ref());
        if signal.aborted() {
            push(&shared, Event::Abort);
        }
    }
    let driver_shared = shared.clone();
    let done = wasm_bindgen_futures::future_to_promise(async move {
        let r = drive(Rc::new(ctx), driver_shared.clone(), o).await;
        driver_shared.borrow_mut().finished = true;
        r.map_err(|e| to_js(&e))
    });
    MultipartUpload::new(shared, done)
}

async fn drive(ctx: Rc<Ctx>, shared: SharedRef, o: DriverOptions) -> Result<JsValue, Error> {
    let (mut m, cp, started) = begin(&ctx, &o, &shared).await?;
    let mut pending_abort: Option<String> = None;
    report(&shared, &o.on_progress, &o.plan);
    loop {
        let now = js_sys::Date::now() as u64;
        while let Some(action) = m.poll_action(now) {
            match action {
                Action::Create => {
                    let (c, s) = (ctx.clone(), shared.clone());
                    spawn_local(async move { push(&s, Event::Created(c.create().await)) });
                }
                Action::SendPart { number, start, end } => start_part(
                    &ctx,
                    &shared,
                    &o,
                    m.upload_id().unwrap_or_default(),
                    number,
                    start,
                    end,
                ),
                Action::Complete { parts } => {
                    let (c, s, id) = (
                        ctx.clone(),
                        shared.clone(),
                        m.upload_id().unwrap_or_default().to_string(),
                    );
                    spawn_local(async move {
                        push(&s, Event::Completed(c.complete(&id, &parts).await))
                    });
                }
                Action::Abort { upload_id } => {
                    for (_, controller, _) in &shared.borrow().in_flight {
                        controller.abort();
                    }
                    pending_abort = Some(upload_id);
                }
            }
        }
        // Abort only once every cancelled part has settled, so none lands after it.
        if shared.borrow().in_flight.is_empty() {
            if let Some(id) = pending_abort.take() {
                let (c, s) = (ctx.clone(), shared.clone());
                spawn_local(async move { push(&s, Event::Aborted(c.abort(&id).await)) });
            }
        }
        if let Some(outcome) = m.outcome() {
            if matches!(outcome, Outcome::Failed(_)) {
                for (_, controller, _) in &shared.borrow().in_flight {
                    controller.abort();
                }
            }
            if let (Some(cp), Outcome::Done { .. } | Outcome::Aborted) = (&cp, outcome) {
                resume::forget(cp).await;
            }
            return finish(outcome, &o, m.upload_id(), started);
        }
        let timeout = m.poll_timeout().map(|t| t.saturating_sub(now));
        wait(&shared, timeout).await;
        let events: Vec<Event> = shared.borrow_mut().events.drain(..).collect();
        let now = js_sys::Date::now() as u64;
        let mut stored = false;
        for e in events {
            stored |= apply(&mut m, &shared, e, now);
        }
        if let (true, Some(cp), Some(id)) = (stored, &cp, m.upload_id()) {
            let (cp, plan, id, done) = (cp.clone(), o.plan, id.to_string(), m.done_parts());
            spawn_local(async move { resume::save(&cp, &plan, &id, &done).await });
        }
        report(&shared, &o.on_progress, &o.plan);
    }
}

fn start_part(
    ctx: &Rc<Ctx>,
    shared: &SharedRef,
    o: &DriverOptions,
    upload_id: &str,
    number: u32,
    start: u64,
    end: u64,
) {
    let controller = match web_sys::AbortController::new() {
        Ok(c) => c,
        Err(e) => {
            return push(
                shared,
                Event::Part(number, Err(super::js_error::from_js(&e, "AbortController"))),
            )
        }
    };
    shared
        .borrow_mut()
        .in_flight
        .push((number, controller.clone(), 0));
    let (c, s, id, on_progress, plan) = (
        ctx.clone(),
        shared.clone(),
        upload_id.to_string(),
        o.on_progress.clone(),
        o.plan,
    );
    spawn_local(async move {
        let s2 = s.clone();
        let progress = Closure::<dyn FnMut(f64, f64)>::new(move |loaded: f64, _total: f64| {
            if let Some(p) = s2
                .borrow_mut()
                .in_flight
                .iter_mut()
                .find(|(n, _, _)| *n == number)
            {
                p.2 = loaded as u64;
            }
            report(&s2, &on_progress, &plan);
        });
        let signal = controller.signal();
        let r = c
            .part(
                &id,
                number,
                start,
                end,
                progress.as_ref().unchecked_ref(),
                &signal,
            )
            .await;
        let r = if signal.aborted() {
            Err(cancelled())
        } else {
            r
        };
        push(&s, Event::Part(number, r));
    });
}

/// Feeds one event to the machine; `true` when something was stored (a checkpoint to write).
fn apply(m: &mut Upload, shared: &SharedRef, e: Event, now: u64) -> bool {
    let random = js_sys::Math::random();
    match e {
        Event::Created(Ok(id)) => {
            shared.borrow_mut().upload_id = Some(id.clone());
            m.on_created(id);
            return true;
        }
        Event::Created(Err(e)) | Event::Completed(Err(e)) => m.on_request_failed(e, now, random),
        Event::Part(number, r) => {
            let sent = {
                let mut s = shared.borrow_mut();
                let sent = s
                    .in_flight
                    .iter()
                    .find(|(n, _, _)| *n == number)
                    .map_or(0, |p| p.2);
                s.in_flight.retain(|(n, _, _)| *n != number);
                sent
            };
            match r {
                Ok(p) => {
                    m.on_part_answer(
                        number,
                        PartAnswer {
                            etag: p.etag,
                            checksum: p.checksum,
                            md5: p.md5,
                            crc64: p.crc64,
                            server_crc64: p.server_crc64,
                        },
                    );
                    let (parts, bytes) = m.progress();
                    let mut s = shared.borrow_mut();
                    s.parts_done = parts;
                    s.done_bytes = bytes;
                    return true;
                }
                Err(e) if e.code == "Aborted" => {}
                Err(e) => m.on_part_failed_after(number, e, sent, now, random),
            }
        }
        Event::Completed(Ok(c)) => m.on_completed(c),
        Event::Aborted(Ok(())) => m.on_aborted(),
        Event::Aborted(Err(e)) => m.on_request_failed(e, now, random),
        Event::Pause => m.pause(),
        Event::Resume => m.resume(),
        Event::Abort => m.abort(),
    }
    false
}
