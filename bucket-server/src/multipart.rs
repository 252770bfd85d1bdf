//! Multipart uploads as S3 answers them, on top of s3s-fs 0.14.1, which (see
//! ../shared/research/multipart-survey.md, part D):
//! - lists parts without ETag, unsorted, unpaged, and for any uploadId;
//! - ignores an UploadPart's `x-amz-checksum-*` (part_checksum.rs) and accepts part number 0;
//! - completes without comparing the client's ETags, and deletes the upload *before* checking
//!   the part list, so a refused Complete could not be retried;
//! - answers `AccessDenied` for an unknown uploadId, and has no ListMultipartUploads.
//!
//! Everything Complete can refuse is therefore checked first (complete.rs); s3s-fs only assembles.

use s3s::dto::*;
use s3s::{S3Error, S3ErrorCode, S3Request, S3Response, S3Result, S3};

use crate::bucket_fs::BucketFs;
use crate::object_key::check;
use crate::part_checksum;
use crate::uploads::{hex, StoredPart};
use std::sync::Arc;

/// S3's default and maximum page of ListParts and ListMultipartUploads.
const MAX_PAGE: i32 = 1000;

pub(crate) fn error(code: S3ErrorCode, message: impl Into<String>) -> S3Error {
    S3Error::with_message(code, message.into())
}

pub(crate) fn no_such_upload() -> S3Error {
    error(
        S3ErrorCode::NoSuchUpload,
        "The specified upload does not exist. The upload ID may be invalid, or the upload may \
         have been aborted or completed.",
    )
}

pub(crate) fn invalid_part(message: String) -> S3Error {
    error(S3ErrorCode::InvalidPart, message)
}

/// A page size: absent means the default, over the cap means the cap, negative is refused.
fn page_size(asked: Option<i32>, field: &str) -> S3Result<usize> {
    match asked {
        None => Ok(MAX_PAGE as usize),
        Some(n) if n < 0 => Err(error(
            S3ErrorCode::InvalidArgument,
            format!("{field} must be a non-negative integer"),
        )),
        Some(n) => Ok(n.min(MAX_PAGE) as usize),
    }
}

pub(crate) fn io(e: std::io::Error) -> S3Error {
    S3Error::internal_error(e)
}

/// Part reads and hashing are blocking file IO: let the runtime move this worker's other tasks
/// to another thread meanwhile.
pub(crate) fn blocking<T>(f: impl FnOnce() -> T) -> T {
    tokio::task::block_in_place(f)
}

/// Runs `work` on its own task, so that a client closing the connection (a page reloaded) cannot
/// cancel it half-way: S3's Complete and Abort either happen or not; s3s-fs's, dropped between
/// two file operations, left an upload half-deleted.
pub(crate) async fn run_to_end<T: Send + 'static>(
    work: impl std::future::Future<Output = S3Result<T>> + Send + 'static,
) -> S3Result<T> {
    tokio::spawn(work)
        .await
        .map_err(|_| error(S3ErrorCode::InternalError, "the operation's task failed"))?
}

impl BucketFs {
    pub(crate) fn known_upload(&self, bucket: &str, key: &str, id: &str) -> S3Result<()> {
        check(key)?;
        if self.uploads.exists(bucket, key, id) {
            Ok(())
        } else {
            Err(no_such_upload())
        }
    }

    pub(crate) async fn create_upload(
        &self,
        req: S3Request<CreateMultipartUploadInput>,
    ) -> S3Result<S3Response<CreateMultipartUploadOutput>> {
        check(&req.input.key)?;
        // s3s-fs would create an upload in a bucket that does not exist.
        if !self.uploads.bucket_exists(&req.input.bucket) {
            return Err(S3Error::new(S3ErrorCode::NoSuchBucket));
        }
        self.fs.create_multipart_upload(req).await
    }

    pub(crate) async fn upload_one_part(
        &self,
        mut req: S3Request<UploadPartInput>,
    ) -> S3Result<S3Response<UploadPartOutput>> {
        let i = &req.input;
        if !(1..=10_000).contains(&i.part_number) {
            return Err(error(
                S3ErrorCode::InvalidArgument,
                "Part number must be an integer between 1 and 10000, inclusive",
            ));
        }
        self.known_upload(&i.bucket, &i.key, &i.upload_id)?;
        let (bucket, key, id, number) = (
            i.bucket.clone(),
            i.key.clone(),
            i.upload_id.clone(),
            i.part_number,
        );
        let guard = part_checksum::guard(&mut req.input)?;
        let result = self.fs.upload_part(req).await;
        // Regression (a_part_landing_after_abort_is_not_kept): a part still streaming when the
        // upload was aborted was written after Abort had cleaned up, and stayed on disk with no
        // upload to list it. S3 answers such a part NoSuchUpload and keeps nothing.
        if result.is_ok() && !self.uploads.exists(&bucket, &key, &id) {
            self.uploads.remove_part(&id, number);
            return Err(no_such_upload());
        }
        let Some((claim, mismatch)) = guard else {
            return result;
        };
        if part_checksum::tripped(&mismatch) {
            return Err(claim.bad_digest());
        }
        let mut resp = result?;
        claim.echo(&mut resp.output);
        Ok(resp)
    }

    pub(crate) async fn copy_part(
        &self,
        req: S3Request<UploadPartCopyInput>,
    ) -> S3Result<S3Response<UploadPartCopyOutput>> {
        let i = &req.input;
        if let CopySource::Bucket { key, .. } = &i.copy_source {
            check(key)?;
        }
        self.known_upload(&i.bucket, &i.key, &i.upload_id)?;
        self.fs.upload_part_copy(req).await
    }

    pub(crate) async fn list_upload_parts(
        &self,
        req: S3Request<ListPartsInput>,
    ) -> S3Result<S3Response<ListPartsOutput>> {
        let ListPartsInput {
            bucket,
            key,
            upload_id,
            max_parts,
            part_number_marker,
            ..
        } = req.input;
        self.known_upload(&bucket, &key, &upload_id)?;
        let max = page_size(max_parts, "max-parts")?;
        let marker = part_number_marker.unwrap_or(0);
        let mut after: Vec<StoredPart> = blocking(|| self.uploads.parts(&upload_id))
            .map_err(io)?
            .into_iter()
            .filter(|p| p.number > marker)
            .collect();
        let is_truncated = after.len() > max;
        after.truncate(max);
        let parts = blocking(|| {
            after
                .iter()
                .map(|p| {
                    Ok(Part {
                        e_tag: Some(ETag::Strong(hex(&self.uploads.md5(p)?))),
                        last_modified: Some(Timestamp::from(p.modified)),
                        part_number: Some(p.number),
                        size: Some(p.size as i64),
                        ..Default::default()
                    })
                })
                .collect::<std::io::Result<Vec<Part>>>()
        })
        .map_err(io)?;
        let output = ListPartsOutput {
            bucket: Some(bucket),
            key: Some(key),
            upload_id: Some(upload_id),
            max_parts: Some(max as i32),
            part_number_marker: Some(marker),
            next_part_number_marker: after.last().map(|p| p.number).filter(|_| is_truncated),
            is_truncated: Some(is_truncated),
            parts: Some(parts),
            ..Default::default()
        };
        Ok(S3Response::new(output))
    }

    pub(crate) async fn abort_upload(
        &self,
        req: S3Request<AbortMultipartUploadInput>,
    ) -> S3Result<S3Response<AbortMultipartUploadOutput>> {
        let i = &req.input;
        self.known_upload(&i.bucket, &i.key, &i.upload_id)?;
        let upload_id = i.upload_id.clone();
        let (fs, uploads) = (Arc::clone(&self.fs), Arc::clone(&self.uploads));
        run_to_end(async move {
            let resp = fs.abort_multipart_upload(req).await?;
            uploads.forget(&upload_id);
            Ok(resp)
        })
        .await
    }

    pub(crate) async fn list_uploads(
        &self,
        req: S3Request<ListMultipartUploadsInput>,
    ) -> S3Result<S3Response<ListMultipartUploadsOutput>> {
        let ListMultipartUploadsInput {
            bucket,
            prefix,
            key_marker,
            upload_id_marker,
            max_uploads,
            delimiter,
            ..
        } = req.input;
        if !self.uploads.bucket_exists(&bucket) {
            return Err(S3Error::new(S3ErrorCode::NoSuchBucket));
        }
        if delimiter.is_some() {
            return Err(error(
                S3ErrorCode::NotImplemented,
                "this local bucket lists uploads without a delimiter only",
            ));
        }
        let max = page_size(max_uploads, "max-uploads")?;
        let all =
            blocking(|| self.uploads.list(&bucket, prefix.as_deref().unwrap_or(""))).map_err(io)?;
        // S3: after key-marker alone, keys greater than it; with upload-id-marker too, the same
        // key's uploads listed after that id, then greater keys.
        let start = match (key_marker.as_deref(), upload_id_marker.as_deref()) {
            (Some(k), Some(id)) => match all.iter().position(|u| u.key == k && u.id == id) {
                Some(at) => at + 1,
                None => all.iter().take_while(|u| u.key.as_str() <= k).count(),
            },
            (Some(k), None) => all.iter().take_while(|u| u.key.as_str() <= k).count(),
            _ => 0,
        };
        let rest = &all[start..];
        let page = &rest[..rest.len().min(max)];
        let is_truncated = rest.len() > page.len();
        let last = page.last().filter(|_| is_truncated);
        let output = ListMultipartUploadsOutput {
            bucket: Some(bucket),
            prefix,
            key_marker,
            upload_id_marker,
            max_uploads: Some(max as i32),
            is_truncated: Some(is_truncated),
            next_key_marker: last.map(|u| u.key.clone()),
            next_upload_id_marker: last.map(|u| u.id.clone()),
            uploads: Some(
                page.iter()
                    .map(|u| MultipartUpload {
                        key: Some(u.key.clone()),
                        upload_id: Some(u.id.clone()),
                        initiated: Some(Timestamp::from(u.initiated)),
                        storage_class: Some(StorageClass::from_static(StorageClass::STANDARD)),
                        ..Default::default()
                    })
                    .collect(),
            ),
            ..Default::default()
        };
        Ok(S3Response::new(output))
    }
}
