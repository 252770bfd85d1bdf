//! `uploadFile(file, options)`: a multipart upload driven by the core's state machine
//! (`core::multipart::machine`). This shell only executes its actions — hash and send parts,
//! Create, Complete, Abort — and feeds the answers back, with the page's clock and
//! `Math.random()` for backoff. Parts are sliced lazily from the File and sent as Blob slices,
//! so memory stays at what the hashing buffers and the requests in flight hold.

use super::js_error::to_js;
use super::js_options::{get, set};
use super::resume::{self, Checkpoint, Start};
use super::upload_tasks::{cancelled, Ctx, PartSent};
use crate::core::error::Error;
use crate::core::multipart::machine::{Action, Outcome, PartAnswer, Upload, UploadConfig};
use crate::core::multipart::read::Completed;
use crate::core::multipart::retry::RetryPolicy;
use crate::core::multipart::PartPlan;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{spawn_local, JsFuture};

/// What a finished request (or the page) tells the driver.
enum Event {
    Created(Result<String, Error>),
    Part(u32, Result<PartSent, Error>),
    Completed(Result<Completed, Error>),
    Aborted(Result<(), Error>),
    Pause,
    Resume,
    Abort,
}

/// State shared by the driver, the running requests and the page's handle.
#[derive(Default)]
struct Shared {
    events: VecDeque<Event>,
    wake: Option<js_sys::Function>,
    /// Parts in flight: number, canceller, bytes sent so far.
    in_flight: Vec<(u32, web_sys::AbortController, u64)>,
    /// Bytes of the parts the server stored.
    done_bytes: u64,
    parts_done: u32,
    /// The largest `loaded` reported: progress never goes backwards.
    reported: u64,
    upload_id: Option<String>,
    finished: bool,
}

type SharedRef = Rc<RefCell<Shared>>;

fn push(shared: &SharedRef, e: Event) {
    let wake = {
        let mut s = shared.borrow_mut();
        s.events.push_back(e);
        s.wake.take()
    };
    if let Some(w) = wake {
        let _ = w.call0(&JsValue::NULL);
    }
}

/// Resolves when an event arrives or after `timeout_ms`.
async fn wait(shared: &SharedRef, timeout_ms: Option<u64>) {
    if !shared.borrow().events.is_empty() {
        return;
    }
    let mut slot = None;
    let p = js_sys::Promise::new(&mut |resolve, _| slot = Some(resolve));
    let resolve = slot.expect("Promise executors run synchronously");
    if let Some(ms) = timeout_ms {
        let global = js_sys::global();
        if let Ok(f) = js_sys::Reflect::get(&global, &JsValue::from_str("setTimeout")) {
            let f: js_sys::Function = f.unchecked_into();
            let _ = f.call2(
                &global,
                &resolve,
                &JsValue::from(ms.min(i32::MAX as u64) as f64),
            );
        }
    }
    shared.borrow_mut().wake = Some(resolve);
    let _ = JsFuture::from(p).await;
}

/// A running upload: `done` settles with the result; `pause`, `resume` and `abort` steer it.
#[wasm_bindgen]
pub struct MultipartUpload {
    shared: SharedRef,
    done: js_sys::Promise,
}

#[wasm_bindgen]
impl MultipartUpload {
    /// Resolves to `{ etag, key, bucket, location, versionId, requestId, uploadId, parts,
    /// verified }`, or rejects with a `BucketUploadError`.
    #[wasm_bindgen(getter, unchecked_return_type = "Promise<MultipartResult>")]
    pub fn done(&self) -> js_sys::Promise {
        self.done.clone()
    }

    /// The upload id, once Create answered (what a resume needs).
    #[wasm_bindgen(getter, js_name = uploadId)]
    pub fn upload_id(&self) -> Option<String> {
        self.shared.borrow().upload_id.clone()
    }

    /// Starts no new part; those in flight finish.
    pub fn pause(&self) {
        push(&self.shared, Event::Pause);
    }

    pub fn resume(&self) {
        push(&self.shared, Event::Resume);
    }

    /// Cancels every request in flight, sends Abort and checks no part is left; resolves when
    /// that is done (`done` then rejects with code `Aborted`).
    #[wasm_bindgen(unchecked_return_type = "Promise<void>")]
    pub fn abort(&self) -> js_sys::Promise {
        push(&self.shared, Event::Abort);
        let done = self.done.clone();
        let settled = wasm_bindgen_futures::future_to_promise(async move {
            let _ = JsFuture::from(done).await;
            Ok(JsValue::UNDEFINED)
        });
        settled
    }
}

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

/// How this upload started, for the result.
#[derive(Default, Clone, Copy)]
struct Started {
    resumed: bool,
    restarted: bool,
    reused: u32,
}

/// The machine to drive: a fresh upload, or one continued from its checkpoint.
async fn begin(
    ctx: &Ctx,
    o: &DriverOptions,
    shared: &SharedRef,
) -> Result<(Upload, Option<Rc<Checkpoint>>, Started), Error> {
    let cp = if o.resume {
        resume::checkpoint_for(ctx, &o.key, &o.plan)
            .await?
            .map(Rc::new)
    } else {
        None
    };
    if o.resume {
        resume::drop_stale(ctx, o.resume_max_age_ms).await;
    }
    let mut started = Started::default();
    let m = match &cp {
        None => Upload::new(o.plan, o.config),
        Some(cp) => match resume::start(ctx, cp, &o.plan).await? {
            Start::Fresh => Upload::new(o.plan, o.config),
            Start::Restarted => {
                started.restarted = true;
                Upload::new(o.plan, o.config)
            }
            Start::Continue { upload_id, done } => {
                started = Started {
                    resumed: true,
                    restarted: false,
                    reused: done.len() as u32,
                };
                shared.borrow_mut().upload_id = Some(upload_id.clone());
                Upload::from_checkpoint(o.plan, o.config, upload_id, done)
            }
        },
    };
    let (parts, bytes) = m.progress();
    let mut s = shared.borrow_mut();
    s.parts_done = parts;
    s.done_bytes = bytes;
    Ok((m, cp, started))
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
    MultipartUpload { shared, done }
}

fn report(shared: &SharedRef, on_progress: &Option<js_sys::Function>, plan: &PartPlan) {
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

fn finish(
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

/// `retry: false | { attempts, baseDelayMs, maxDelayMs }`.
pub fn retry_policy(v: &JsValue) -> Result<RetryPolicy, Error> {
    if v.is_undefined() || v.is_null() || v.as_bool() == Some(true) {
        return Ok(RetryPolicy::default());
    }
    if v.as_bool() == Some(false) {
        return Ok(RetryPolicy::none());
    }
    let d = RetryPolicy::default();
    let num = |name: &str, min: f64| -> Result<Option<u64>, Error> {
        let x = get(v, name);
        match x.as_f64() {
            None if x.is_undefined() => Ok(None),
            Some(n) if n.fract() == 0.0 && n >= min && n <= 86_400_000.0 => Ok(Some(n as u64)),
            _ => Err(Error::invalid(
                "InvalidOptions",
                &format!("retry.{name}"),
                format!(
                    "retry.{name} must be a whole number of at least {}",
                    min as i64
                ),
            )),
        }
    };
    Ok(RetryPolicy {
        attempts: num("attempts", 1.0)?.map_or(d.attempts, |n| n as u32),
        base_delay_ms: num("baseDelayMs", 0.0)?.unwrap_or(d.base_delay_ms),
        max_delay_ms: num("maxDelayMs", 0.0)?.unwrap_or(d.max_delay_ms),
    })
}
