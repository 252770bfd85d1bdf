//! TypeScript declarations for the option and result objects (wasm-bindgen types the functions).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS: &str = r#"
export interface Credentials { accessKeyId: string; secretAccessKey: string; sessionToken?: string }
export type Condition =
  | ['eq' | 'starts-with', string, string]
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
export interface SignPostFormOptions extends Target {
  conditions?: Condition[];
  fields?: Record<string, string | number>;
}
export interface PutOptions extends Target {
  headers?: Record<string, string>;
  contentLength?: number;
}
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
export interface UploadOptions {
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
  /** The MD5 computed by `contentMd5`: the ETag must equal it. */
  contentMd5?: Md5Result | string;
}
export type PutUploadOptions = UploadOptions;
export interface UploadResult {
  status: number; etag?: string; md5Verified: boolean; location?: string;
  bucket?: string; key?: string; versionId?: string; requestId?: string;
}
export type DigestAlgorithm = 'md5' | 'crc64ecma' | 'crc32c' | 'sha256';
export interface DigestOptions extends ReadOptions { algorithms?: DigestAlgorithm[] }
export interface DigestsResult {
  md5?: Md5Result;
  /** Unsigned decimal, as OSS's x-oss-hash-crc64ecma. */
  crc64ecma?: string;
  /** Base64 of the big-endian CRC, as S3's x-amz-checksum-crc32c. */
  crc32c?: string;
  sha256?: { base64: string; hex: string };
}
/** Every rejection and throw of this module is an Error with these properties. */
export interface BucketUploadError extends Error {
  name: 'BucketUploadError';
  /** What went wrong: a validation rule (`KeyTooLong`), the server's code (`AccessDenied`),
   *  `Aborted`, `NetworkError`, `NotReadable`, `ChecksumMismatch`. */
  code: string;
  kind: 'validation' | 'server' | 'network' | 'aborted' | 'integrity' | 'read';
  /** The option or field at fault, for validation errors. */
  field?: string;
  status?: number;
  requestId?: string;
}
"#;
