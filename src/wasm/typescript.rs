//! TypeScript declarations for the option and result objects of signing, single uploads and
//! hashing (wasm-bindgen types the functions); multipart's are in `typescript_multipart.rs`.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS: &str = r#"
export interface Credentials { accessKeyId: string; secretAccessKey: string; sessionToken?: string }
/** A POST policy condition as the policy writes it (`$` optional). `in` / `not-in` (one or more
 *  strings) are OSS only; a form whose own field breaks one is refused (`ConditionNotMet`). */
export type Condition =
  | ['eq' | 'starts-with', string, string]
  | ['in' | 'not-in', string, string[]]
  | ['content-length-range', number, number]
  | Record<string, string>;
interface Target {
  dialect?: 's3' | 'oss' | 'obs' | 'cms';
  version?: 'v2' | 'v4';
  /** `http(s)://host[:port]` */
  endpoint: string;
  bucket: string;
  region?: string;
  pathStyle?: boolean;
  credentials: Credentials;
  key: string;
  /** Seconds until expiry. */
  expiresIn?: number;
  /** The signing instant; defaults to the clock. */
  now?: Date | number;
}
/** Each dialect accepts its own subset (an unknown value is a `BucketUploadError` naming the
 *  option and listing the allowed values); an option a dialect lacks is `UnsupportedOption`. */
export type Acl =
  | 'private' | 'public-read' | 'public-read-write' | 'authenticated-read' | 'aws-exec-read'
  | 'bucket-owner-read' | 'bucket-owner-full-control' | 'default';
export type StorageClass =
  | 'STANDARD' | 'REDUCED_REDUNDANCY' | 'STANDARD_IA' | 'ONEZONE_IA' | 'INTELLIGENT_TIERING'
  | 'GLACIER' | 'DEEP_ARCHIVE' | 'OUTPOSTS' | 'GLACIER_IR' | 'SNOW' | 'EXPRESS_ONEZONE'
  | 'FSX_OPENZFS' | 'FSX_ONTAP' | 'WARM' | 'COLD'
  | 'Standard' | 'IA' | 'Archive' | 'ColdArchive' | 'DeepColdArchive';
/** OSS callback parameters, as ali-oss takes them. */
export interface OssCallback {
  url: string; body: string; host?: string;
  contentType?: 'application/x-www-form-urlencoded' | 'application/json';
  callbackSNI?: boolean;
  /** Sent as `x:name` variables. */
  customValue?: Record<string, string>;
}
/** Typed object options, flat in the options object; turned into the dialect's headers (PUT) or
 *  form fields (POST) before signing. An empty string is the same as leaving an option out. */
export interface ObjectOptions {
  /** s3: private … bucket-owner-full-control, aws-exec-read; oss: private, public-read,
   *  public-read-write, default; obs: private, public-read, public-read-write,
   *  bucket-owner-full-control. */
  acl?: Acl;
  /** s3: STANDARD … GLACIER_IR, OUTPOSTS, SNOW, EXPRESS_ONEZONE, FSX_OPENZFS, FSX_ONTAP; oss:
   *  Standard, IA, Archive, ColdArchive, DeepColdArchive; obs: STANDARD, WARM, COLD, DEEP_ARCHIVE,
   *  STANDARD_IA (sent as WARM), GLACIER (sent as COLD). */
  storageClass?: StorageClass;
  cacheControl?: string;
  contentDisposition?: string;
  contentEncoding?: string;
  contentType?: string;
  /** The stored object's HTTP `Expires` (an HTTP-date), not the signature's expiry. */
  expires?: string;
  /** Base64 or hex MD5 of the body, or what `contentMd5()` resolved to. */
  contentMd5?: string | Md5Result;
  /** oss only. */
  forbidOverwrite?: boolean;
  /** s3: AES256, aws:kms, aws:kms:dsse, aws:fsx; oss: AES256, KMS; obs: kms (or aws:kms),
   *  AES256 (SSE-OBS). */
  serverSideEncryption?: 'AES256' | 'aws:kms' | 'aws:kms:dsse' | 'aws:fsx' | 'KMS' | 'kms';
  /** Only with a KMS serverSideEncryption. */
  serverSideEncryptionKeyId?: string;
  /** oss only, with serverSideEncryption 'KMS'. */
  serverSideDataEncryption?: 'SM4';
  /** SSE-C (s3, obs), with sseCustomerKey. */
  sseCustomerAlgorithm?: 'AES256';
  /** SSE-C key, base64 (256 bits; obs also 512); the module sends its MD5. */
  sseCustomerKey?: string;
  /** `'TagA=A&TagB=B'` or `{ TagA: 'A' }` (s3, oss); URL-encoded by the module. At most 10 tags,
   *  keys of 1–128 and values of at most 256 characters. */
  tagging?: string | Record<string, string>;
  /** Names without the prefix; s3/obs 2 KB, oss/cms 8 KB in all. oss names: letters, digits, '-'. */
  metadata?: Record<string, string | number>;
  /** s3, obs: starts with /, http:// or https://; at most 2048 bytes. */
  websiteRedirectLocation?: string;
  /** s3 (PUT): GOVERNANCE | COMPLIANCE; obs: COMPLIANCE. With objectLockRetainUntilDate. */
  objectLockMode?: 'COMPLIANCE' | 'GOVERNANCE';
  /** ISO 8601 UTC, e.g. `2030-07-01T04:11:15Z`, after `now`. With objectLockMode. */
  objectLockRetainUntilDate?: string;
  /** oss: callback parameters; cms: the callback URL (`x-cms-callback`). */
  callback?: OssCallback | string;
  /** cms only (`x-cms-isEncrypt`). */
  isEncrypt?: boolean;
}
/** s3 only: one additional checksum of a single upload, the base64 S3 takes (what `digests()`
 *  gives) — sent as `x-amz-checksum-<alg>` (PUT, signed) or as that form field plus
 *  `x-amz-checksum-algorithm` (POST, pinned in the policy). At most one. */
export interface SingleUploadChecksum {
  checksumCrc32?: string;
  checksumCrc32c?: string;
  checksumCrc64nvme?: string;
  checksumSha256?: string | { base64: string };
  /** Names the algorithm; with `digests` the value is taken from there. */
  checksumAlgorithm?: ChecksumAlgorithm;
  /** What `digests(file, { algorithms: ['crc32c'] })` resolved to (awaited), read with
   *  `checksumAlgorithm`. */
  digests?: DigestsResult;
}
export interface SignPostFormOptions extends Target, ObjectOptions, SingleUploadChecksum {
  conditions?: Condition[];
  fields?: Record<string, string | number>;
  /** POST only: where the browser is sent (with a 303) after the upload. */
  successActionRedirect?: string;
  /** POST only. */
  successActionStatus?: 200 | 201 | 204 | '200' | '201' | '204';
}
/** signContentLength (s3/oss v4): sign contentLength as Content-Length (the browser sends the body's
 *  size: it must be exactly that). additionalHeaders (oss v4): ali-oss's; each sent, once. */
export interface SignedHeaderChoice { signContentLength?: boolean; additionalHeaders?: string[] }
export interface PutOptions extends Target, ObjectOptions, SingleUploadChecksum, SignedHeaderChoice {
  headers?: Record<string, string>;
  /** The body's size: checked against the 5 GiB limit; signed with signContentLength. */
  contentLength?: number;
}
/** `presignGet`: a download link. `response*` set the headers the bucket answers with (signed). */
export interface GetOptions extends Target {
  versionId?: string; responseContentType?: string; responseContentDisposition?: string;
  responseCacheControl?: string; responseContentEncoding?: string; responseContentLanguage?: string;
  /** An HTTP-date. */ responseExpires?: string; /** oss only: bit/s, 819200–838860800. */ trafficLimit?: number }
export interface SignPolicyOptions {
  dialect?: 's3' | 'oss' | 'obs' | 'cms'; version?: 'v2' | 'v4'; credentials: Credentials; region?: string; now?: Date | number;
}
export interface PostForm { url: string; fields: [string, string][] }
export interface SignedRequest {
  method: string; url: string; headers: Record<string, string>;
  stringToSign: string; canonicalRequest?: string;
}
export interface Md5Result { base64: string; hex: string }
export interface ReadOptions {
  /** Hash in a module Worker running this package (default: true in pages that have Worker). */
  worker?: boolean;
  chunkSize?: number;
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
}
export type Dialect = 's3' | 'oss' | 'obs' | 'cms';
export interface UploadOptions {
  /** Transient failures are retried (default 5 attempts, full-jitter backoff; a POST only while its
   *  policy is valid); false: none. */
  retry?: false | { attempts?: number; baseDelayMs?: number; maxDelayMs?: number };
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
  /** How to read the answer (request/version id headers, error details). Default: the form's or
   *  request's own `dialect`, else inferred from what was signed (`OSSAccessKeyId`/`x-oss-*` or
   *  an `OSS`/`OSS4-HMAC-SHA256` Authorization: oss; `AccessKeyId`/`x-obs-*` or `OBS`: obs;
   *  an `Authentication` header: cms), else 's3'. */
  dialect?: Dialect;
  /** The MD5 computed by `contentMd5`: the ETag must equal it. putObject also sends it as
   *  Content-MD5 unless the request's headers carry one. A Promise (`contentMd5(file)` not yet
   *  awaited) lets a POST upload while the file is hashed; the ETag is checked when both are
   *  done. A PUT awaits it first (Content-MD5 is a header). */
  contentMd5?: Md5Result | string | Promise<Md5Result>;
  /** The CRC-64/ECMA `digests()` computed (decimal string; or a BigInt / safe integer): an OSS
   *  `x-oss-hash-crc64ecma` answer must equal it (else `Crc64Mismatch`). */
  crc64ecma?: string | bigint | number;
  /** What `digests(file, { algorithms: ['md5', 'crc64ecma'] })` resolved to: both are checked
   *  against the answer (never sent). */
  digests?: Pick<DigestsResult, 'md5' | 'crc64ecma'> | Promise<DigestsResult>;
}
export type PutUploadOptions = UploadOptions;
export interface UploadResult {
  status: number; etag?: string; md5Verified: boolean;
  /** The server's x-oss-hash-crc64ecma (decimal), when it sent one and CORS exposes it. */
  crc64ecma?: string;
  /** The server's CRC-64 was compared with `crc64ecma`/`digests` and equals it. */
  crc64Verified: boolean;
  location?: string; bucket?: string; key?: string; versionId?: string; requestId?: string;
  /** The dialect the answer was read in. */
  dialect: Dialect;
}
/** The PutObject refusals of Alibaba OSS's PutObject document (seed 001), with their statuses:
 *  MissingContentLength 411; InvalidEncryptionAlgorithmError, InvalidObjectName, InvalidArgument,
 *  RequestTimeout 400; AccessDenied, KmsServiceNotEnabled 403; NoSuchBucket 404;
 *  FileAlreadyExists, FileImmutable 409. A refusal's `code` is the server's `<Code>` verbatim. */
export type PutObjectErrorCode =
  | 'MissingContentLength' | 'InvalidEncryptionAlgorithmError' | 'AccessDenied' | 'NoSuchBucket'
  | 'InvalidObjectName' | 'InvalidArgument' | 'RequestTimeout' | 'KmsServiceNotEnabled'
  | 'FileAlreadyExists' | 'FileImmutable';
export type DigestAlgorithm = 'md5' | 'crc64ecma' | 'crc32' | 'crc32c' | 'crc64nvme' | 'sha256';
export interface DigestOptions extends ReadOptions { algorithms?: DigestAlgorithm[] }
export interface DigestsResult {
  md5?: Md5Result;
  /** Unsigned decimal, as OSS's x-oss-hash-crc64ecma. */
  crc64ecma?: string;
  /** Base64 of the big-endian CRC, as S3's x-amz-checksum-crc32c. */
  crc32c?: string;
  /** Base64 of the big-endian CRC-32, as S3's x-amz-checksum-crc32. */
  crc32?: string;
  /** Base64 of the big-endian CRC-64/NVME, as S3's x-amz-checksum-crc64nvme. */
  crc64nvme?: string;
  sha256?: { base64: string; hex: string };
}
"#;
