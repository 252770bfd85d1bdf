// Compiled with `tsc --noEmit --strict` against the generated pkg/bucket_upload.d.ts: the README's
// calls must type-check, and misuse must not (the @ts-expect-error lines fail the build if the
// declarations ever become `any`).
import init, {
  contentMd5, digests, postObject, putObject, presignGet, presignPut, signPolicy, signPostForm, signPutHeaders,
  signMultipart, uploadFile, type MultipartResult, type MultipartSignRequest, type BucketUploadError, type Md5Result, type PostForm, type UploadResult,
} from '../../pkg/bucket_upload.js';

export async function demo(file: File, signal: AbortSignal): Promise<void> {
  await init();
  const md5: Md5Result = await contentMd5(file, { chunkSize: 8 << 20, onProgress: (d, t) => d / t, signal });
  const credentials = { accessKeyId: 'AK', secretAccessKey: 'SK', sessionToken: 'T' };
  const form: PostForm = signPostForm({
    dialect: 's3', version: 'v4', endpoint: 'http://127.0.0.1:9000', bucket: 'demo', region: 'us-east-1',
    pathStyle: true, credentials, key: 'uploads/${filename}', expiresIn: 600, now: new Date(),
    conditions: [['starts-with', '$key', 'uploads/'], ['content-length-range', 0, 10485760]],
    fields: { 'Content-Type': 'text/plain', success_action_status: '201', 'x-amz-meta-owner': 'ann' },
  });
  const typed: PostForm = signPostForm({
    dialect: 'oss', endpoint: 'https://oss-cn-hangzhou.aliyuncs.com', bucket: 'b', credentials, key: 'k',
    acl: 'private', storageClass: 'IA', metadata: { owner: 'ann' }, tagging: { a: 'b' }, forbidOverwrite: true,
    serverSideEncryption: 'KMS', serverSideDataEncryption: 'SM4', successActionStatus: 201,
    callback: { url: 'https://e.com/cb', body: 'bucket=${bucket}', customValue: { v: '1' } },
    conditions: [['in', '$content-type', ['image/jpeg', 'image/png']], ['not-in', '$cache-control', ['no-cache']]],
  });
  // @ts-expect-error: in / not-in take a list of strings, not a string
  signPostForm({ dialect: 'oss', endpoint: 'http://h', bucket: 'b', credentials, key: 'k', conditions: [['not-in', '$cache-control', 'no-cache']] });
  presignPut({ endpoint: 'http://h', bucket: 'b', credentials, key: 'k', contentMd5: md5, tagging: 'a=b&c',
    objectLockMode: 'COMPLIANCE', objectLockRetainUntilDate: '2030-01-01T00:00:00Z' });
  // @ts-expect-error: not an ACL of any dialect
  presignPut({ endpoint: 'http://h', bucket: 'b', credentials, key: 'k', acl: 'everyone' });
  // @ts-expect-error: success_action_status is a POST form field
  presignPut({ endpoint: 'http://h', bucket: 'b', credentials, key: 'k', successActionStatus: 201 });
  const posted: UploadResult = await postObject(file, form, { onProgress: () => {}, signal, contentMd5: md5 });
  // Hash and send at once: the MD5 may still be pending.
  await postObject(file, form, { contentMd5: contentMd5(file) });
  const url: string = presignPut({ endpoint: 'http://h', bucket: 'b', credentials, key: 'k', headers: { 'Content-MD5': md5.base64 } });
  const put: UploadResult = await putObject(file, { url }, { contentMd5: md5 });
  const both = await digests(file, { algorithms: ['md5', 'crc64ecma'] });
  const oss: UploadResult = await putObject(file, { url }, { dialect: 'oss', digests: both, crc64ecma: 11051210869376104954n });
  console.log(oss.crc64Verified, oss.crc64ecma, oss.dialect);
  // @ts-expect-error: not a dialect
  await putObject(file, { url }, { dialect: 'gcs' });
  const signed = signPutHeaders({ endpoint: 'http://h', bucket: 'b', credentials, key: 'k' });
  signPutHeaders({ dialect: 'oss', endpoint: 'http://h', bucket: 'b', credentials, key: 'k', contentLength: file.size,
    signContentLength: true, additionalHeaders: ['host', 'content-length'] });
  // @ts-expect-error: a list of header names
  presignPut({ dialect: 'oss', endpoint: 'http://h', bucket: 'b', credentials, key: 'k', additionalHeaders: 'host' });
  const fields: [string, string][] = signPolicy('e30=', { version: 'v2', credentials }).fields;
  console.log(typed.url, posted.etag, put.md5Verified, signed.headers, fields, await contentMd5(file));
  // @ts-expect-error: the bucket is required
  signPostForm({ endpoint: 'http://h', credentials, key: 'k' });
  // @ts-expect-error: only 'v2' | 'v4'
  presignPut({ endpoint: 'http://h', bucket: 'b', credentials, key: 'k', version: 'v3' });
  const link: string = presignGet({ dialect: 'oss', endpoint: 'http://h', bucket: 'b', credentials, key: 'k',
    versionId: 'v1', responseContentDisposition: 'attachment; filename="a.pdf"', trafficLimit: 819200 });
  // @ts-expect-error: a speed limit is a number of bit/s
  presignGet({ endpoint: 'http://h', bucket: 'b', credentials, key: 'k', trafficLimit: 'fast' });
  console.log(link);
}

export async function multipart(file: File, signal: AbortSignal): Promise<MultipartResult> {
  const sign = async (request: MultipartSignRequest) => {
    const r = await fetch('/sign', { method: 'POST', body: JSON.stringify({ method: 'multipart', ...request }) });
    return (await r.json()) as { url: string; headers?: Record<string, string>; body?: string };
  };
  const upload = uploadFile(file, {
    endpoint: 'http://127.0.0.1:9000', bucket: 'demo', pathStyle: true, key: 'uploads/big.bin', contentType: 'video/mp4',
    sign, concurrency: 4, partSize: 8 << 20, checksum: 'crc32c', retry: { attempts: 3 }, signal,
    onProgress: ({ loaded, total, partsDone, partsTotal, inFlight }) => console.log(loaded / total, partsDone, partsTotal, inFlight[0]?.partNumber),
  });
  upload.pause();
  upload.resume();
  if (signal.aborted) await upload.abort();
  console.log(upload.uploadId);
  // @ts-expect-error: not a part checksum this module computes
  uploadFile(file, { endpoint: 'http://h', bucket: 'b', key: 'k', sign, checksum: 'crc64' });
  const signed = signMultipart({ operation: 'complete', endpoint: 'http://h', bucket: 'b', key: 'k',
    credentials: { accessKeyId: 'AK', secretAccessKey: 'SK' }, uploadId: 'U', parts: [{ partNumber: 1, etag: '"e"' }] });
  console.log(signed.body?.length, signed.headers);
  // @ts-expect-error: not an operation
  signMultipart({ operation: 'copy', endpoint: 'http://h', bucket: 'b', key: 'k', credentials: { accessKeyId: 'A', secretAccessKey: 'S' } });
  return upload.done;
}

export function describe(e: BucketUploadError): string {
  if (e.code === 'FileAlreadyExists' || e.code === 'Crc64Mismatch') return `${e.code} ${e.ec ?? ''}`;
  return `${e.code} ${e.kind} ${e.field ?? ''} ${e.status ?? ''} ${e.requestId ?? ''}`;
}

// Regression: async exports were declared `Promise<Promise<…>>` (an unchecked_return_type that
// already said Promise, wrapped again by wasm-bindgen).
import { diagnose, listUploads, type DiagnoseReport, type ResumableUpload } from '../../pkg/bucket_upload.js';
type Exactly<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;
export const diagnoseIsOnePromise: Exactly<ReturnType<typeof diagnose>, Promise<DiagnoseReport>> = true;
export const listUploadsIsOnePromise: Exactly<ReturnType<typeof listUploads>, Promise<ResumableUpload[]>> = true;
