//! The `--help` text of `put-object`: every flag with its value and default, where the
//! credentials come from, and what the command prints and exits with.

/// Printed for `--help`, and pointed to after a usage error.
pub const HELP: &str = "\
put-object: upload one object to a bucket (S3, Alibaba OSS, Huawei OBS or CMS).

usage: put-object --bucket B --key K --body file://PATH|TEXT [flags]

The body is read twice: once to hash it 1 MiB at a time (Content-MD5, and the CRC-64 OSS
reports), once to stream it to the server, so a file of any size uploads in constant memory.

object:
  --bucket NAME                        the bucket
  --key KEY                            the object's full path
  --body file://PATH | TEXT            a file to upload, or the text itself
  --metadata NAME=VALUE                user metadata, repeatable (the dialect's x-*-meta- prefix is added)
  --tagging 'TagA=A&TagB=B'            object tags, URL-encoded for you
  --object-acl ACL                     canned ACL in the dialect's list (private, public-read, ...)
  --storage-class CLASS                in the dialect's spelling (S3 STANDARD_IA, OSS IA, OBS WARM, ...)
  --forbid-overwrite [true|false]      OSS: refuse to replace an existing object (alone: true)
  --cache-control VALUE
  --content-disposition VALUE
  --content-encoding VALUE
  --content-type VALUE                 none is sent unless given
  --expires HTTP-DATE                  the stored object's Expires header
  --server-side-encryption ALG         S3 AES256|aws:kms|aws:kms:dsse|aws:fsx, OSS AES256|KMS, OBS kms|AES256
  --server-side-data-encryption ALG    OSS, with KMS: SM4
  --server-side-encryption-key-id ID   the KMS key, with a KMS algorithm

where and how:
  --dialect s3|oss|obs|cms             the protocol (default s3)
  --signature-version v2|v4            default v4, but v2 for obs (its native API has only the
                                       OBS signature); for oss, v2 means OSS V1 (HMAC-SHA1)
  --endpoint URL                       http(s)://host[:port]; default from --region for s3
                                       (s3.REGION.amazonaws.com), oss (oss-REGION.aliyuncs.com)
                                       and obs (obs.REGION.myhuaweicloud.com); cms needs one
  --region REGION                      signing region (default us-east-1)
  --path-style                         endpoint/bucket/key instead of bucket.endpoint/key
  -h, --help                           this text

credentials, from the environment (never from the command line, never printed):
  the first set whose key id and secret are both non-empty wins, and the session token comes
  from that same set:
    1. BUCKET_ACCESS_KEY, BUCKET_SECRET_KEY, BUCKET_SESSION_TOKEN
    2. the dialect's own: AWS_* for s3 and obs, OSS_* for oss
    3. the other one: OSS_ACCESS_KEY_ID, OSS_ACCESS_KEY_SECRET, OSS_SESSION_TOKEN
                      or AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN
  cms uses only the token: the first non-empty *_SESSION_TOKEN in the same order.

output: `name: value` lines on stdout: etag (checked against the MD5 unless KMS-encrypted),
  version id, request id, crc64ecma (when OSS sends one; checked against the body's), md5, size.
errors: one line on stderr, `error: CODE (--FLAG): MESSAGE` for bad input,
  `error: CODE: MESSAGE (HTTP STATUS, request id ID[, EC ...])` for a refusal.
exit status: 0 uploaded and verified; 1 the request failed (server refusal, network, checksum
mismatch, body unreadable while sending); 2 bad command line or input, nothing was sent.";
