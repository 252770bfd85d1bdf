//! Whether an upload whose Complete answer never arrived (the page reloaded or went offline
//! right after sending it) did complete: the checkpoint then names an upload id the server no
//! longer knows (`NoSuchUpload`), and sending the whole file again would be the only way on.
//! A HEAD of the object settles it: the object is the upload when its size is the file's and
//! its ETag is the MD5 of the checkpoint's part MD5s with their count (S3, OBS, MinIO, s3s),
//! which only those bytes produce; on OSS, whose ETags are formed otherwise, when its
//! `x-oss-hash-crc64ecma` is the CRC-64 the parts' CRCs combine into. Otherwise (SSE-KMS) the
//! object cannot be told apart from another writer's, and the upload starts again.

use super::crc64_combine::combine_parts;
use super::etag::{check_multipart_etag, EtagCheck};
use super::events::PartAnswer;
use super::plan::PartPlan;
use super::read::Completed;
use super::reconcile::SavedPart;
use crate::core::response::{parse_crc64, HttpResponse};

/// The completed upload `head` (the object's HEAD answer) shows, with its parts and the check
/// that showed it (`"etag"`, or `"crc64"` on OSS), if it is the one the checkpoint's parts
/// `saved` make; `None` when it is not, or cannot be known.
pub fn already_stored(
    plan: &PartPlan,
    saved: &[SavedPart],
    head: &HttpResponse,
) -> Option<(Vec<(u32, PartAnswer)>, Completed, &'static str)> {
    if head.status != 200 {
        return None;
    }
    // Every part of the plan, each once, of its planned size and with its MD5.
    let mut parts = Vec::with_capacity(plan.count as usize);
    for n in 1..=plan.count {
        let mut same = saved.iter().filter(|p| p.part_number == n);
        let (Some(p), None) = (same.next(), same.next()) else {
            return None;
        };
        if p.size != plan.part_len(n) {
            return None;
        }
        let answer = PartAnswer {
            etag: p.etag.clone(),
            checksum: p.checksum.clone(),
            md5: Some(p.md5?),
            crc64: p.crc64,
            server_crc64: None,
        };
        parts.push((n, answer));
    }
    let md5s: Vec<_> = parts.iter().filter_map(|(_, a)| a.md5).collect();
    let size: u64 = head.header("content-length")?.trim().parse().ok()?;
    let etag = head.header("etag")?;
    if size != plan.size {
        return None;
    }
    let verified = match check_multipart_etag(etag, &md5s) {
        EtagCheck::Matches => "etag",
        EtagCheck::Differs => return None,
        // OSS forms its ETags otherwise; its whole-object CRC-64 is the parts' CRCs combined.
        EtagCheck::NotComparable => {
            let theirs = head.header("x-oss-hash-crc64ecma").and_then(parse_crc64)?;
            let crcs: Option<Vec<(u64, u64)>> = parts
                .iter()
                .map(|(n, a)| a.crc64.map(|c| (c, plan.part_len(*n))))
                .collect();
            if combine_parts(crcs?) != theirs {
                return None;
            }
            "crc64"
        }
    };
    let completed = Completed {
        etag: etag.trim().trim_matches('"').to_string(),
        version_id: head
            .header("x-amz-version-id")
            .or_else(|| head.header("x-obs-version-id"))
            .map(str::to_string),
        request_id: head
            .header("x-amz-request-id")
            .or_else(|| head.header("x-obs-request-id"))
            .or_else(|| head.header("x-oss-request-id"))
            .map(str::to_string),
        crc64ecma: head.header("x-oss-hash-crc64ecma").map(str::to_string),
        ..Completed::default()
    };
    Some((parts, completed, verified))
}
