//! The S3 implementation the bucket serves: s3s-fs, behind a wrapper that refuses object keys
//! s3s-fs would resolve outside the bucket (object_key.rs), verifies a PutObject's
//! `x-amz-checksum-*` before anything is stored (part_checksum.rs), answers multipart
//! requests as S3 does where s3s-fs does not (multipart.rs), and applies GetObject's `response-*`
//! overrides, which s3s-fs ignores.
//!
//! The wrapper implements `s3s::S3` and forwards every operation s3s-fs 0.14.1 implements, plus
//! ListMultipartUploads; any other operation answers s3s's `NotImplemented`, as before. A POST
//! Object form reaches `put_object` inside s3s with the form's key, so the check covers POST as
//! well as PUT.

use s3s::dto::*;
use s3s::{S3Request, S3Response, S3Result, S3};
use s3s_fs::FileSystem;

use std::path::Path;
use std::sync::Arc;

use crate::object_key::check;
use crate::part_checksum;
use crate::uploads::Uploads;

/// s3s-fs with every object key checked before it is used as a path.
pub struct BucketFs {
    /// Shared with the tasks that finish a Complete or an Abort after the client has gone.
    pub(crate) fs: Arc<FileSystem>,
    /// s3s-fs's multipart files, read back (uploads.rs).
    pub(crate) uploads: Arc<Uploads>,
}

impl BucketFs {
    /// `root` must be the canonical folder `fs` was created on.
    pub fn new(fs: FileSystem, root: &Path) -> Self {
        let uploads = Arc::new(Uploads::new(root));
        Self {
            fs: Arc::new(fs),
            uploads,
        }
    }
}

#[async_trait::async_trait]
impl S3 for BucketFs {
    // Bucket-level operations: s3s validates bucket names (check_bucket_name refuses `..`), and
    // listing prefixes only filter keys found under the bucket folder, so these pass through.
    async fn create_bucket(
        &self,
        req: S3Request<CreateBucketInput>,
    ) -> S3Result<S3Response<CreateBucketOutput>> {
        self.fs.create_bucket(req).await
    }

    async fn delete_bucket(
        &self,
        req: S3Request<DeleteBucketInput>,
    ) -> S3Result<S3Response<DeleteBucketOutput>> {
        self.fs.delete_bucket(req).await
    }

    async fn head_bucket(
        &self,
        req: S3Request<HeadBucketInput>,
    ) -> S3Result<S3Response<HeadBucketOutput>> {
        self.fs.head_bucket(req).await
    }

    async fn get_bucket_location(
        &self,
        req: S3Request<GetBucketLocationInput>,
    ) -> S3Result<S3Response<GetBucketLocationOutput>> {
        self.fs.get_bucket_location(req).await
    }

    async fn list_buckets(
        &self,
        req: S3Request<ListBucketsInput>,
    ) -> S3Result<S3Response<ListBucketsOutput>> {
        self.fs.list_buckets(req).await
    }

    async fn list_objects(
        &self,
        req: S3Request<ListObjectsInput>,
    ) -> S3Result<S3Response<ListObjectsOutput>> {
        self.fs.list_objects(req).await
    }

    async fn list_objects_v2(
        &self,
        req: S3Request<ListObjectsV2Input>,
    ) -> S3Result<S3Response<ListObjectsV2Output>> {
        self.fs.list_objects_v2(req).await
    }

    // Object operations: the key is checked first.
    // A claimed x-amz-checksum-* is verified while the body streams (part_checksum.rs): s3s-fs
    // checks it only after renaming the new file over the old one.
    async fn put_object(
        &self,
        mut req: S3Request<PutObjectInput>,
    ) -> S3Result<S3Response<PutObjectOutput>> {
        check(&req.input.key)?;
        let Some((claim, mismatch)) = part_checksum::guard_put(&mut req.input)? else {
            return self.fs.put_object(req).await;
        };
        let result = self.fs.put_object(req).await;
        if part_checksum::tripped(&mismatch) {
            return Err(claim.bad_digest());
        }
        result
    }

    /// s3s verifies the signature, `response-*` overrides included; s3s-fs ignores the
    /// overrides, so they are applied here, as S3 does: "You can override values for a set of
    /// response headers" (<https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html>).
    async fn get_object(
        &self,
        req: S3Request<GetObjectInput>,
    ) -> S3Result<S3Response<GetObjectOutput>> {
        check(&req.input.key)?;
        let i = &req.input;
        let overrides = (
            i.response_cache_control.clone(),
            i.response_content_disposition.clone(),
            i.response_content_encoding.clone(),
            i.response_content_language.clone(),
            i.response_content_type.clone(),
            i.response_expires.clone(),
        );
        let mut resp = self.fs.get_object(req).await?;
        let o = &mut resp.output;
        let (cache, disposition, encoding, language, content_type, expires) = overrides;
        o.cache_control = cache.or(o.cache_control.take());
        o.content_disposition = disposition.or(o.content_disposition.take());
        o.content_encoding = encoding.or(o.content_encoding.take());
        o.content_language = language.or(o.content_language.take());
        o.content_type = content_type.or(o.content_type.take());
        o.expires = expires.or(o.expires.take());
        Ok(resp)
    }

    async fn head_object(
        &self,
        req: S3Request<HeadObjectInput>,
    ) -> S3Result<S3Response<HeadObjectOutput>> {
        check(&req.input.key)?;
        self.fs.head_object(req).await
    }

    async fn delete_object(
        &self,
        req: S3Request<DeleteObjectInput>,
    ) -> S3Result<S3Response<DeleteObjectOutput>> {
        check(&req.input.key)?;
        self.fs.delete_object(req).await
    }

    async fn delete_objects(
        &self,
        req: S3Request<DeleteObjectsInput>,
    ) -> S3Result<S3Response<DeleteObjectsOutput>> {
        // All or nothing: one bad key refuses the batch before any file is removed.
        for object in &req.input.delete.objects {
            check(&object.key)?;
        }
        self.fs.delete_objects(req).await
    }

    async fn copy_object(
        &self,
        req: S3Request<CopyObjectInput>,
    ) -> S3Result<S3Response<CopyObjectOutput>> {
        check(&req.input.key)?;
        if let CopySource::Bucket { key, .. } = &req.input.copy_source {
            check(key)?;
        }
        self.fs.copy_object(req).await
    }

    // Multipart operations: checked and completed in multipart.rs.
    async fn create_multipart_upload(
        &self,
        req: S3Request<CreateMultipartUploadInput>,
    ) -> S3Result<S3Response<CreateMultipartUploadOutput>> {
        self.create_upload(req).await
    }

    async fn upload_part(
        &self,
        req: S3Request<UploadPartInput>,
    ) -> S3Result<S3Response<UploadPartOutput>> {
        self.upload_one_part(req).await
    }

    async fn upload_part_copy(
        &self,
        req: S3Request<UploadPartCopyInput>,
    ) -> S3Result<S3Response<UploadPartCopyOutput>> {
        self.copy_part(req).await
    }

    async fn list_parts(
        &self,
        req: S3Request<ListPartsInput>,
    ) -> S3Result<S3Response<ListPartsOutput>> {
        self.list_upload_parts(req).await
    }

    async fn complete_multipart_upload(
        &self,
        req: S3Request<CompleteMultipartUploadInput>,
    ) -> S3Result<S3Response<CompleteMultipartUploadOutput>> {
        self.complete_upload(req).await
    }

    async fn abort_multipart_upload(
        &self,
        req: S3Request<AbortMultipartUploadInput>,
    ) -> S3Result<S3Response<AbortMultipartUploadOutput>> {
        self.abort_upload(req).await
    }

    async fn list_multipart_uploads(
        &self,
        req: S3Request<ListMultipartUploadsInput>,
    ) -> S3Result<S3Response<ListMultipartUploadsOutput>> {
        self.list_uploads(req).await
    }
}
