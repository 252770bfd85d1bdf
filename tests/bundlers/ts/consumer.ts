// A TypeScript app against the packed declarations, by the package's name (exports map → types).
// Compiled with moduleResolution bundler and node16; the @ts-expect-error lines fail the build if
// the declarations ever degrade to `any` or the exports map stops fencing the package's insides.
import init, {
  contentMd5, putObject, signMultipart, signPostForm, uploadFile,
  type BucketUploadError, type Md5Result, type MultipartResult, type MultipartSignRequest, type PostForm,
  type SignedMultipartRequest, type UploadResult,
} from 'bucket-upload';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'dummy' };

export async function page(file: File, signal: AbortSignal): Promise<[UploadResult, MultipartResult]> {
  await init();
  await init({ module_or_path: new URL('/bucket_upload_bg.wasm', location.href) });
  const md5: Md5Result = await contentMd5(file, { onProgress: (done: number, total: number) => done / total, signal });
  const form: PostForm = signPostForm({
    endpoint: 'http://127.0.0.1:9000', bucket: 'demo', region: 'us-east-1', pathStyle: true, credentials,
    key: 'uploads/${filename}', expiresIn: 600, conditions: [['content-length-range', 0, 1 << 20]],
  });
  const fields: [string, string][] = form.fields;
  const put: UploadResult = await putObject(file, { url: 'http://127.0.0.1:9000/demo/k' }, { contentMd5: md5 });
  const sign = async (request: MultipartSignRequest) => {
    const r = await fetch('/sign', { method: 'POST', body: JSON.stringify({ method: 'multipart', ...request }) });
    return (await r.json()) as { url: string; headers?: Record<string, string>; body?: string };
  };
  const upload = uploadFile(file, {
    endpoint: 'http://127.0.0.1:9000', bucket: 'demo', pathStyle: true, key: 'uploads/big.bin', sign, concurrency: 4,
    checksum: 'crc32c', signal, onProgress: ({ loaded, total, partsDone }) => console.log(loaded / total, partsDone),
  });
  upload.pause();
  upload.resume();
  const done: MultipartResult = await upload.done;
  try {
    // @ts-expect-error: the key is required
    uploadFile(file, { endpoint: 'http://h', bucket: 'b', sign });
  } catch (e) {
    const error = e as BucketUploadError;
    console.log(error.code, error.kind, error.field, fields.length);
  }
  // @ts-expect-error: not a checksum this module computes
  uploadFile(file, { endpoint: 'http://h', bucket: 'b', key: 'k', sign, checksum: 'md4' });
  return [put, done];
}

export function backend(request: MultipartSignRequest): SignedMultipartRequest {
  const signed: SignedMultipartRequest = signMultipart({
    ...request, endpoint: 'http://127.0.0.1:9000', bucket: 'demo', region: 'us-east-1', pathStyle: true, credentials,
    expiresIn: 900,
  });
  signMultipart({ operation: 'uploadPart', endpoint: 'http://h', bucket: 'b', key: 'k', credentials, uploadId: 'u', partNumber: 1 });
  // @ts-expect-error: not an operation
  signMultipart({ operation: 'copy', endpoint: 'http://h', bucket: 'b', key: 'k', credentials });
  const url: string = signed.url;
  const body: string | undefined = signed.body;
  console.log(url, body, signed.headers['x-amz-date']);
  return signed;
}

export async function fenced(): Promise<void> {
  // @ts-expect-error: the exports map publishes '.', './worker', './wasm' and './package.json' only
  await import('bucket-upload/bucket_upload.js');
}
