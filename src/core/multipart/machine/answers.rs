//! What the shell reports back: each request's answer or failure (`on_*`), and `abort`.

use super::{PartState, Phase, Upload};
use crate::core::error::{Error, ErrorKind};
use crate::core::md5::Md5Digest;
use crate::core::multipart::events::{Outcome, PartAnswer};
use crate::core::multipart::read::Completed;
use crate::core::multipart::retry::is_retryable;
use crate::core::multipart::verify::{verify, PartDigests};

impl Upload {
    /// Create answered `upload_id`.
    pub fn on_created(&mut self, upload_id: String) {
        if matches!(self.phase, Phase::Creating { .. }) {
            self.upload_id = Some(upload_id);
            self.phase = Phase::Uploading;
        } else if matches!(self.phase, Phase::Aborting { .. }) && self.upload_id.is_none() {
            // Aborted while Create was in flight: the new upload must still be aborted.
            self.upload_id = Some(upload_id);
            self.phase = Phase::Aborting { sent: false };
        }
    }

    /// Part `number` was stored: the ETag the server answered, the checksum sent with it and the
    /// MD5 the shell hashed. (See [`on_part_answer`](Self::on_part_answer) for CRC-64s.)
    pub fn on_part_done(
        &mut self,
        number: u32,
        etag: &str,
        checksum: Option<String>,
        md5: Option<Md5Digest>,
    ) {
        let answer = PartAnswer {
            etag: etag.to_string(),
            checksum,
            md5,
            ..PartAnswer::default()
        };
        self.on_part_answer(number, answer);
    }

    /// Part `number` was stored. An ETag that is the hex of another MD5, or an OSS CRC-64 other
    /// than the one hashed, is an integrity error; no readable ETag is a CORS error.
    pub fn on_part_answer(&mut self, number: u32, a: PartAnswer) {
        let Some(i) = self.index_in_flight(number) else {
            return;
        };
        self.in_flight -= 1;
        let etag = a.etag.trim().trim_matches('"').to_string();
        if etag.is_empty() {
            let e = Error::new(
                ErrorKind::Server,
                "MissingETag",
                "the bucket answered without a readable ETag: its CORS rule must expose the ETag header (ExposeHeaders: ETag)",
            );
            return self.end(Outcome::Failed(e));
        }
        if let (true, Some(d)) = (self.config.etag_is_md5, &a.md5) {
            if !etag.eq_ignore_ascii_case(&d.hex()) {
                let e = Error::new(
                    ErrorKind::Integrity,
                    "PartChecksumMismatch",
                    format!("part {number}: the server's ETag {etag} is not the MD5 {} of the bytes sent", d.hex()),
                );
                return self.end(Outcome::Failed(e));
            }
        }
        if let (Some(ours), Some(theirs)) = (a.crc64, a.server_crc64) {
            if ours != theirs {
                let e = Error::new(
                    ErrorKind::Integrity,
                    "Crc64Mismatch",
                    format!("part {number}: the server's CRC-64 {theirs} is not the {ours} of the bytes sent"),
                );
                return self.end(Outcome::Failed(e));
            }
        }
        self.parts[i].0 = PartState::Done {
            etag,
            checksum: a.checksum,
            md5: a.md5,
            crc64: a.crc64,
        };
    }

    /// Part `number` failed with `e` at `now`; `random` in `[0, 1)` draws the backoff.
    pub fn on_part_failed(&mut self, number: u32, e: Error, now: u64, random: f64) {
        self.on_part_failed_after(number, e, 0, now, random);
    }

    /// Part `number` failed with `e` after `sent` bytes of its body went out. An attempt that got
    /// further than every earlier one made progress: the part's attempt budget starts again
    /// (bounded: `sent` can only grow up to the part's size).
    pub fn on_part_failed_after(
        &mut self,
        number: u32,
        e: Error,
        sent: u64,
        now: u64,
        random: f64,
    ) {
        let Some(i) = self.index_in_flight(number) else {
            return;
        };
        self.in_flight -= 1;
        self.first_open = self.first_open.min(i);
        if sent > self.furthest[i] {
            self.furthest[i] = sent;
            self.parts[i].1 = 0;
        }
        let failures = self.parts[i].1 + 1;
        self.parts[i].1 = failures;
        if is_retryable(&e) && failures < self.config.retry.attempts {
            self.parts[i].0 =
                PartState::Waiting(now + self.config.retry.delay_ms(failures, random));
            return;
        }
        let mut named = e;
        named.message = format!(
            "part {number} failed after {failures} attempt(s): {}",
            named.message
        );
        self.end(Outcome::Failed(named));
    }

    /// Create or Complete failed with `e` at `now`.
    pub fn on_request_failed(&mut self, e: Error, now: u64, random: f64) {
        let retry = self.config.retry;
        match &mut self.phase {
            Phase::Creating {
                sent,
                failures,
                retry_at,
            }
            | Phase::Completing {
                sent,
                failures,
                retry_at,
            } => {
                *failures += 1;
                if is_retryable(&e) && *failures < retry.attempts {
                    *sent = false;
                    *retry_at = Some(now + retry.delay_ms(*failures, random));
                    return;
                }
                self.end(Outcome::Failed(e));
            }
            Phase::Aborting { .. } => self.end(Outcome::Failed(e)),
            _ => {}
        }
    }

    /// Complete answered; the object is checked against the parts' MD5s where the dialect forms
    /// its ETag from them, and against their CRC-64s where the server reports the object's.
    pub fn on_completed(&mut self, completed: Completed) {
        if !matches!(self.phase, Phase::Completing { .. }) {
            return;
        }
        let plan = self.plan;
        let parts: Vec<PartDigests> = self
            .parts
            .iter()
            .enumerate()
            .map(|(i, (s, _))| match s {
                PartState::Done {
                    md5,
                    crc64,
                    checksum,
                    ..
                } => PartDigests {
                    checksum: checksum.clone(),
                    md5: *md5,
                    crc64: *crc64,
                    len: plan.part_len(i as u32 + 1),
                },
                _ => PartDigests {
                    md5: None,
                    crc64: None,
                    checksum: None,
                    len: 0,
                },
            })
            .collect();
        match verify(
            &completed,
            &parts,
            self.config.etag_is_md5,
            self.config.checksum,
        ) {
            Ok(verified) => self.end(Outcome::Done {
                completed,
                verified,
            }),
            Err(e) => self.end(Outcome::Failed(e)),
        }
    }

    /// Stop: the shell cancels what is in flight, then sends the Abort this asks for (none if
    /// Create never answered).
    pub fn abort(&mut self) {
        if matches!(
            self.phase,
            Phase::Ended(Outcome::Done { .. }) | Phase::Ended(Outcome::Aborted)
        ) {
            return;
        }
        for (s, _) in &mut self.parts {
            if *s == PartState::InFlight {
                *s = PartState::Pending;
            }
        }
        self.in_flight = 0;
        self.first_open = 0;
        match (&self.phase, &self.upload_id) {
            (Phase::Creating { sent: true, .. }, None) => {
                self.phase = Phase::Aborting { sent: true }
            }
            (_, None) => self.end(Outcome::Aborted),
            _ => self.phase = Phase::Aborting { sent: false },
        }
    }

    /// Abort answered (204, or `NoSuchUpload`: nothing is left either way).
    pub fn on_aborted(&mut self) {
        self.end(Outcome::Aborted);
    }

    fn index_in_flight(&self, number: u32) -> Option<usize> {
        let i = (number as usize).checked_sub(1)?;
        (self.parts.get(i)?.0 == PartState::InFlight && matches!(self.phase, Phase::Uploading))
            .then_some(i)
    }
}
