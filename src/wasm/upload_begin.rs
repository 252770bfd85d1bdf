//! How a multipart upload begins: with `resume` on, the checkpoint of the same file and target
//! is looked up and the target's stale checkpoints are aborted and dropped; the upload then
//! continues the checkpoint (sending only the missing parts), restarts (its upload id is gone on
//! the server) or starts fresh. `Started` records which, for the result's `resumed`,
//! `restarted` and `partsReused`.

use super::resume::{self, Checkpoint, Start};
use super::upload_driver::DriverOptions;
use super::upload_shared::SharedRef;
use super::upload_tasks::Ctx;
use crate::core::error::Error;
use crate::core::multipart::machine::Upload;
use std::rc::Rc;

/// How this upload started, for the result.
#[derive(Default, Clone, Copy)]
pub struct Started {
    pub resumed: bool,
    pub restarted: bool,
    pub reused: u32,
    /// The upload had completed on the server (its Complete answer lost): nothing was sent.
    pub already_stored: bool,
}

/// The machine to drive: a fresh upload, or one continued from its checkpoint.
pub async fn begin(
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
                    reused: done.len() as u32,
                    ..Started::default()
                };
                shared.borrow_mut().upload_id = Some(upload_id.clone());
                Upload::from_checkpoint(o.plan, o.config, upload_id, done)
            }
            Start::AlreadyStored {
                upload_id,
                done,
                completed,
                verified,
            } => {
                started = Started {
                    resumed: true,
                    reused: done.len() as u32,
                    already_stored: true,
                    ..Started::default()
                };
                shared.borrow_mut().upload_id = Some(upload_id.clone());
                Upload::already_stored(o.plan, o.config, upload_id, done, completed, verified)
            }
        },
    };
    let (parts, bytes) = m.progress();
    let mut s = shared.borrow_mut();
    s.parts_done = parts;
    s.done_bytes = bytes;
    Ok((m, cp, started))
}
