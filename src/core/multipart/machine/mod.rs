//! A multipart upload as a state machine without IO or a clock, in the manner of quinn-proto's
//! `Connection`: the shell tells it what each request answered (`on_*`), asks it what to send
//! next ([`Upload::poll_action`]) and when to wake up ([`Upload::poll_timeout`]); time (`now`,
//! milliseconds on any monotonic clock) and randomness (for backoff jitter) are arguments.
//! A failed upload keeps its parts on the server for a resume: only [`Upload::abort`] asks for
//! an Abort. The events in: `answers.rs`.

use crate::core::md5::Md5Digest;
pub use crate::core::multipart::events::{Action, Outcome, PartAnswer, UploadConfig};
use crate::core::multipart::options::CompletedPart;
use crate::core::multipart::plan::PartPlan;
use crate::core::multipart::read::Completed;

mod answers;

#[derive(Debug, Clone, PartialEq)]
enum PartState {
    Pending,
    InFlight,
    /// Failed; sent again at this instant.
    Waiting(u64),
    Done {
        etag: String,
        checksum: Option<String>,
        md5: Option<Md5Digest>,
        crc64: Option<u64>,
    },
}

#[derive(Debug, Clone, PartialEq)]
enum Phase {
    Creating {
        sent: bool,
        failures: u32,
        retry_at: Option<u64>,
    },
    Uploading,
    Completing {
        sent: bool,
        failures: u32,
        retry_at: Option<u64>,
    },
    Aborting {
        sent: bool,
    },
    Ended(Outcome),
}

/// One multipart upload.
#[derive(Debug, Clone)]
pub struct Upload {
    plan: PartPlan,
    config: UploadConfig,
    phase: Phase,
    upload_id: Option<String>,
    parts: Vec<(PartState, u32)>,
    /// The most bytes any failed attempt of each part got through: an attempt that gets further
    /// than all before it made progress, and resets the part's attempt budget.
    furthest: Vec<u64>,
    /// Parts below this index are done or in flight (keeps a 10,000-part upload linear).
    first_open: usize,
    in_flight: u32,
    paused: bool,
}

impl Upload {
    /// A new upload of `plan`; its first action is [`Action::Create`].
    pub fn new(plan: PartPlan, config: UploadConfig) -> Upload {
        Upload {
            plan,
            config: UploadConfig {
                concurrency: config.concurrency.max(1),
                ..config
            },
            phase: Phase::Creating {
                sent: false,
                failures: 0,
                retry_at: None,
            },
            upload_id: None,
            parts: vec![(PartState::Pending, 0); plan.count as usize],
            furthest: vec![0; plan.count as usize],
            first_open: 0,
            in_flight: 0,
            paused: false,
        }
    }

    /// An upload resumed after a reload: `upload_id` exists on the server and the parts in
    /// `done` (reconciled with ListParts by the shell: same size and ETag) need not be sent
    /// again. The first actions are the missing parts; Create is not sent.
    pub fn from_checkpoint(
        plan: PartPlan,
        config: UploadConfig,
        upload_id: String,
        done: Vec<(u32, PartAnswer)>,
    ) -> Upload {
        let mut u = Upload::new(plan, config);
        u.upload_id = Some(upload_id);
        u.phase = Phase::Uploading;
        for (number, a) in done {
            let Some(slot) = (number as usize)
                .checked_sub(1)
                .and_then(|i| u.parts.get_mut(i))
            else {
                continue;
            };
            slot.0 = PartState::Done {
                etag: a.etag.trim().trim_matches('"').to_string(),
                checksum: a.checksum,
                md5: a.md5,
                crc64: a.crc64,
            };
        }
        u
    }

    /// An upload found complete on the server after its Complete answer was lost
    /// ([`stored::already_stored`](crate::core::multipart::stored::already_stored)): every part
    /// done, ended with `completed`, verified by its ETag (or OSS's CRC-64). Nothing is sent.
    pub fn already_stored(
        plan: PartPlan,
        config: UploadConfig,
        upload_id: String,
        done: Vec<(u32, PartAnswer)>,
        completed: Completed,
        verified: &'static str,
    ) -> Upload {
        let mut u = Upload::from_checkpoint(plan, config, upload_id, done);
        u.phase = Phase::Ended(Outcome::Done {
            completed,
            verified: vec![verified],
        });
        u
    }

    /// The parts stored so far, for a checkpoint: number and what was answered and hashed.
    pub fn done_parts(&self) -> Vec<(u32, PartAnswer)> {
        let mut out = Vec::new();
        for (i, (s, _)) in self.parts.iter().enumerate() {
            if let PartState::Done {
                etag,
                checksum,
                md5,
                crc64,
            } = s
            {
                let a = PartAnswer {
                    etag: etag.clone(),
                    checksum: checksum.clone(),
                    md5: *md5,
                    crc64: *crc64,
                    server_crc64: None,
                };
                out.push((i as u32 + 1, a));
            }
        }
        out
    }

    pub fn plan(&self) -> &PartPlan {
        &self.plan
    }

    pub fn upload_id(&self) -> Option<&str> {
        self.upload_id.as_deref()
    }

    /// The end, once there is one.
    pub fn outcome(&self) -> Option<&Outcome> {
        match &self.phase {
            Phase::Ended(o) => Some(o),
            _ => None,
        }
    }

    /// `(parts done, bytes in done parts)`.
    pub fn progress(&self) -> (u32, u64) {
        let mut n = 0;
        let mut bytes = 0;
        for (i, (s, _)) in self.parts.iter().enumerate() {
            if matches!(s, PartState::Done { .. }) {
                n += 1;
                bytes += self.plan.part_len(i as u32 + 1);
            }
        }
        (n, bytes)
    }

    /// Stop starting parts (those in flight finish).
    pub fn pause(&mut self) {
        self.paused = true;
    }

    pub fn resume(&mut self) {
        self.paused = false;
    }

    /// The next request to send at `now`, if any. Call until `None`, after every event.
    pub fn poll_action(&mut self, now: u64) -> Option<Action> {
        match &mut self.phase {
            Phase::Creating { sent, retry_at, .. } => {
                if *sent || retry_at.is_some_and(|t| t > now) {
                    return None;
                }
                *sent = true;
                *retry_at = None;
                Some(Action::Create)
            }
            Phase::Uploading => {
                if self.paused || self.in_flight >= self.config.concurrency {
                    return None;
                }
                while self
                    .parts
                    .get(self.first_open)
                    .is_some_and(|(s, _)| matches!(s, PartState::Done { .. } | PartState::InFlight))
                {
                    self.first_open += 1;
                }
                let next = self.parts[self.first_open..]
                    .iter()
                    .position(|(s, _)| match s {
                        PartState::Pending => true,
                        PartState::Waiting(t) => *t <= now,
                        _ => false,
                    });
                if let Some(i) = next.map(|i| i + self.first_open) {
                    self.parts[i].0 = PartState::InFlight;
                    self.in_flight += 1;
                    let number = i as u32 + 1;
                    let (start, end) = self.plan.range(number);
                    return Some(Action::SendPart { number, start, end });
                }
                if self.first_open == self.parts.len() && self.in_flight == 0 {
                    self.phase = Phase::Completing {
                        sent: false,
                        failures: 0,
                        retry_at: None,
                    };
                    return self.poll_action(now);
                }
                None
            }
            Phase::Completing { sent, retry_at, .. } => {
                if *sent || retry_at.is_some_and(|t| t > now) {
                    return None;
                }
                *sent = true;
                *retry_at = None;
                Some(Action::Complete {
                    parts: self.completed_parts(),
                })
            }
            Phase::Aborting { sent } => {
                if *sent {
                    return None;
                }
                *sent = true;
                let upload_id = self.upload_id.clone().unwrap_or_default();
                Some(Action::Abort { upload_id })
            }
            Phase::Ended(_) => None,
        }
    }

    /// When to call [`poll_action`](Self::poll_action) again if nothing else happens.
    pub fn poll_timeout(&self) -> Option<u64> {
        match &self.phase {
            Phase::Creating {
                sent: false,
                retry_at,
                ..
            }
            | Phase::Completing {
                sent: false,
                retry_at,
                ..
            } => *retry_at,
            Phase::Uploading if !self.paused => self
                .parts
                .iter()
                .filter_map(|(s, _)| match s {
                    PartState::Waiting(t) => Some(*t),
                    _ => None,
                })
                .min(),
            _ => None,
        }
    }

    fn completed_parts(&self) -> Vec<CompletedPart> {
        let mut out = Vec::with_capacity(self.parts.len());
        for (i, (s, _)) in self.parts.iter().enumerate() {
            if let PartState::Done { etag, checksum, .. } = s {
                out.push(CompletedPart {
                    part_number: i as u32 + 1,
                    etag: etag.clone(),
                    checksum: checksum.clone(),
                });
            }
        }
        out
    }

    fn end(&mut self, outcome: Outcome) {
        self.phase = Phase::Ended(outcome);
    }
}
