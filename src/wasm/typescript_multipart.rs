//! TypeScript declarations of the multipart API: `signMultipart`'s options and answer, what
//! `uploadFile` hands its `sign` callback, its options, progress and result, `diagnose`,
//! `listUploads`, and the error every call rejects with.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS: &str = r#"
/** `headObject`: after a lost Complete answer, whether the object is the upload (nothing re-sent). */
export type MultipartOperation = 'create' | 'uploadPart' | 'complete' | 'listParts' | 'abort' | 'headObject';
export type ChecksumAlgorithm = 'CRC32' | 'CRC32C' | 'CRC64NVME' | 'SHA256';
export interface CompletedPart { partNumber: number; etag: string; checksum?: string }
/** `signMultipart` options: one operation of a multipart upload. Object options go on create;
 *  uploadPart takes only contentMd5 and the SSE-C key. */
export interface SignMultipartOptions extends Target, ObjectOptions, SignedHeaderChoice {
  operation: MultipartOperation;
  /** true: a presigned URL (the default for uploadPart); false: an Authorization header. */
  presign?: boolean;
  uploadId?: string;
  /** 1 to 10,000. */
  partNumber?: number;
  partNumberMarker?: number;
  /** 1 to 1,000. */
  maxParts?: number;
  /** complete: ascending and unique. */
  parts?: CompletedPart[];
  /** s3: declared on create; names the part checksums on uploadPart and complete. */
  checksumAlgorithm?: ChecksumAlgorithm;
  /** uploadPart: the part's checksum, base64. */
  checksum?: string;
  /** uploadPart: the part's size (signContentLength signs it; complete signs its XML's). */
  contentLength?: number;
  headers?: Record<string, string>;
}
export interface SignedMultipartRequest {
  method: string; url: string; headers: Record<string, string>;
  /** complete: the XML body, exactly as signed. */
  body?: string;
  stringToSign: string; canonicalRequest?: string;
}
/** What `sign` receives: the signMultipart options without credentials. */
export type MultipartSignRequest = Omit<SignMultipartOptions, 'credentials' | 'now'>;
export interface MultipartProgress {
  /** Bytes the server stored plus bytes in flight; never goes backwards. */
  loaded: number; total: number; partsDone: number; partsTotal: number;
  /** The parts being sent now, with the bytes of each sent so far. */
  inFlight: { partNumber: number; loaded: number; size: number }[];
}
export interface UploadFileOptions extends Omit<Target, 'credentials'>, ObjectOptions {
  /** The backend signs each request (the safe default)... */
  sign?: (request: MultipartSignRequest) =>
    { url: string; headers?: Record<string, string>; method?: string; body?: string }
    | Promise<{ url: string; headers?: Record<string, string>; method?: string; body?: string }>;
  /** ...or temporary credentials sign in the page. */
  credentials?: Credentials;
  /** Bytes per part (default: the dialect's minimum or ceil(size / 10,000) rounded up to a MiB). */
  partSize?: number;
  /** Parts in flight (default 4). */
  concurrency?: number;
  /** Per-part checksum besides Content-MD5 (s3 only). */
  checksum?: 'md5' | 'crc32c' | 'sha256' | 'crc64nvme';
  /** Attempts per request (default 5), full-jitter backoff; false: no retries. */
  retry?: false | { attempts?: number; baseDelayMs?: number; maxDelayMs?: number };
  /** Resume from this browser's checkpoint of the same file and target (default true). */
  resume?: boolean;
  /** Checkpoints of this endpoint and bucket not written for this long are aborted and dropped
   *  when an upload starts (default 7 days). */
  resumeMaxAgeMs?: number;
  /** A request with no progress for this long is cancelled and retried (default 30000; 0: never). */
  stallTimeoutMs?: number;
  /** Hash parts in a Worker (default: when available). */
  worker?: boolean;
  /** Sign each part's and Complete's Content-Length (s3/oss v4); the sign request then carries it. */
  signContentLength?: boolean;
  onProgress?: (p: MultipartProgress) => void;
  signal?: AbortSignal;
}
export interface MultipartResult {
  etag: string; key: string; bucket: string; location?: string; versionId?: string;
  requestId?: string; uploadId?: string; parts: number;
  /** Continued from a checkpoint (after a reload), reusing `partsReused` stored parts. */
  resumed: boolean; partsReused: number;
  /** A checkpoint's upload id was gone on the server (NoSuchUpload): a new upload was made. */
  restarted: boolean;
  /** The upload had completed though its answer was lost (a reload mid-Complete): a HEAD showed
   *  the object's size and ETag are this file's parts; nothing was sent. */
  alreadyStored: boolean;
  /** The checks made: 'parts' (every part's ETag is its MD5), 'etag' (the object's ETag is the
   *  MD5 of the part MD5s). */
  verified: string[];
}
/** What `diagnose()` found: each check with the fix when it failed. */
export interface DiagnoseReport {
  ok: boolean;
  /** How far the page's clock is behind the bucket's (seconds; 0 when unknown or right). */
  clockOffsetSeconds: number;
  findings: { check: string; ok: boolean; detail: string; fix?: string }[];
}
/** A checkpoint `uploadFile` can resume from (`listUploads()`). */
export interface ResumableUpload {
  id: string; key: string; bucket: string; endpoint: string; uploadId?: string; fileName: string;
  size: number; partsDone: number; partsTotal: number; updatedAt: number; ageMs: number;
}
/** Every rejection and throw of this module is an Error with these properties. */
export interface BucketUploadError extends Error {
  name: 'BucketUploadError';
  /** What went wrong: a validation rule (`KeyTooLong`), the server's code (`AccessDenied`, see
   *  PutObjectErrorCode), `Aborted`, `NetworkError`, `NotReadable`, `ChecksumMismatch` (ETag vs
   *  MD5), `Crc64Mismatch` (x-oss-hash-crc64ecma vs CRC-64). */
  code: PutObjectErrorCode | (string & {});
  kind: 'validation' | 'server' | 'network' | 'aborted' | 'integrity' | 'read';
  /** The option or field at fault, for validation errors. */
  field?: string;
  status?: number;
  requestId?: string;
  /** OSS's fine-grained error code (`<EC>` or `x-oss-ec`), e.g. `0003-00000001`. */
  ec?: string;
}
"#;
