//! CompleteMultipartUpload, checked in full before s3s-fs 0.14.1 assembles the object: s3s-fs
//! deletes the upload before it looks at the part list, never compares the client's ETags, and
//! can only assemble parts 1..N. Whatever is refused here leaves the upload and its parts in
//! place, so the client can fix its list and complete again.

use s3s::dto::*;
use s3s::{S3ErrorCode, S3Request, S3Response, S3Result, S3};

use crate::bucket_fs::BucketFs;
use crate::multipart::{blocking, error, invalid_part, io, run_to_end};
use crate::uploads::hex;
use std::sync::Arc;

/// S3's minimum size of every part but the last.
const MIN_PART_SIZE: u64 = 5 << 20;

impl BucketFs {
    pub(crate) async fn complete_upload(
        &self,
        req: S3Request<CompleteMultipartUploadInput>,
    ) -> S3Result<S3Response<CompleteMultipartUploadOutput>> {
        let i = &req.input;
        self.known_upload(&i.bucket, &i.key, &i.upload_id)?;
        let listed = i
            .multipart_upload
            .as_ref()
            .and_then(|m| m.parts.as_deref())
            .unwrap_or_default();
        blocking(|| self.check_completion(&i.upload_id, listed))?;
        let upload_id = i.upload_id.clone();
        let (fs, uploads) = (Arc::clone(&self.fs), Arc::clone(&self.uploads));
        // Regression (complete_survives_a_client_that_leaves): a page reloaded mid-Complete
        // dropped this future half-way, leaving the upload neither complete nor listable (s3s-fs
        // had deleted its id but not its parts). S3's Complete is atomic: run it to its end.
        run_to_end(async move {
            let resp = fs.complete_multipart_upload(req).await?;
            // s3s-fs leaves the parts Complete did not list; S3 discards them.
            uploads.forget(&upload_id);
            Ok(resp)
        })
        .await
    }

    /// Every refusal S3 (or s3s-fs) could make of this part list, before s3s-fs deletes anything.
    fn check_completion(&self, upload_id: &str, listed: &[CompletedPart]) -> S3Result<()> {
        if listed.is_empty() {
            return Err(invalid_part("You must specify at least one part".into()));
        }
        // The order of the whole list first, as S3 reports it before any part's content.
        let mut previous = 0;
        for (index, part) in listed.iter().enumerate() {
            let Some(number) = part.part_number else {
                return Err(invalid_part(format!(
                    "part {} has no PartNumber",
                    index + 1
                )));
            };
            if number <= previous {
                return Err(error(
                    S3ErrorCode::InvalidPartOrder,
                    "The list of parts was not in ascending order. Parts must be ordered by part \
                     number.",
                ));
            }
            previous = number;
        }
        // S3 allows gaps; s3s-fs assembles only 1..N and fails after deleting the upload.
        if let Some((index, number)) = listed
            .iter()
            .filter_map(|p| p.part_number)
            .enumerate()
            .find(|(index, n)| *n as usize != index + 1)
        {
            return Err(error(
                S3ErrorCode::InvalidPartOrder,
                format!(
                    "this local bucket (s3s-fs) completes only parts numbered 1..N without gaps; \
                     part {number} is at position {}",
                    index + 1
                ),
            ));
        }
        let stored = self.uploads.parts(upload_id).map_err(io)?;
        let mut sizes = Vec::with_capacity(listed.len());
        for part in listed {
            let number = part.part_number.unwrap_or_default();
            let not_found = || {
                invalid_part(format!(
                    "One or more of the specified parts could not be found. The part may not \
                     have been uploaded, or the specified entity tag may not match the part's \
                     entity tag. (part {number})"
                ))
            };
            let Some(on_disk) = stored.iter().find(|p| p.number == number) else {
                return Err(not_found());
            };
            let Some(etag) = &part.e_tag else {
                return Err(invalid_part(format!("part {number} has no ETag")));
            };
            // s3s parses `"…"` and bare hex alike; compare the value only.
            let expected = hex(&self.uploads.md5(on_disk).map_err(io)?);
            if !etag
                .value()
                .trim_matches('"')
                .eq_ignore_ascii_case(&expected)
            {
                return Err(not_found());
            }
            sizes.push((number, on_disk.size));
        }
        // Sizes last: a part that is missing or not the client's is the more useful error.
        for &(number, size) in &sizes[..sizes.len() - 1] {
            if size < MIN_PART_SIZE {
                return Err(error(
                    S3ErrorCode::EntityTooSmall,
                    format!(
                        "Your proposed upload is smaller than the minimum allowed object size. \
                         (part {number}: {} bytes, the minimum is {MIN_PART_SIZE} bytes for all \
                         but the last part)",
                        size
                    ),
                ));
            }
        }
        Ok(())
    }
}
