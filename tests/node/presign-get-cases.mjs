// The fixed inputs of the presigned-GET oracles (presign-get-oracle.mjs, presign-get-record.mjs,
// presign-get.test.mjs): per dialect at least five cases, with unicode and reserved characters in
// keys and in the override values, a session token, path-style and custom endpoints, a version
// id, and (OSS) a speed limit. `get` holds our module's options, named as `presignGet` takes them.

import { SESSION_TOKEN } from './inputs.mjs';

/** The file name of a case's fixture under tests/vectors/presign-get/: dialect and name, slugged. */
export const fixtureName = (dialect, c) =>
  `${dialect}-${c.name}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Override values shared by the dialects: unicode, quotes, `;`, `%`, `'`, `&`, `=`, `+`, `#`, `?`, `/`. */
const NAIVE = 'attachment; filename="naïve résumé.pdf"';
const RFC6266 = "inline; filename*=UTF-8''%E6%96%87%E4%BB%B6.txt";
const RESERVED = 'attachment; filename="a&b=c+d#e?f%g/h (1)!*.txt"';
const EXPIRES = 'Fri, 02 Jan 2026 04:04:05 GMT';

export const S3_CASES = [
  {
    name: 'download as an attachment with a unicode file name',
    endpoint: 'https://s3.eu-west-1.amazonaws.com', bucket: 'example-bucket', region: 'eu-west-1', pathStyle: false,
    key: 'reports/naïve résumé.pdf', expiresIn: 3600,
    get: { responseContentDisposition: NAIVE, responseContentType: 'application/pdf' },
  },
  {
    name: 'every override and a version id',
    endpoint: 'https://s3.us-west-2.amazonaws.com', bucket: 'media-bucket', region: 'us-west-2', pathStyle: false,
    key: 'a/b/文件 ☃.txt', expiresIn: 600,
    get: {
      versionId: '3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY+MTRCxf3vjVBH40Nr8X8gdRQBpUMLUo',
      responseContentType: 'text/plain; charset=utf-8',
      responseContentLanguage: 'de-CH, fr;q=0.8',
      responseExpires: EXPIRES,
      responseCacheControl: 'no-cache, max-age=0, s-maxage=60',
      responseContentDisposition: RFC6266,
      responseContentEncoding: 'identity',
    },
  },
  {
    name: 'reserved characters in key and values, path-style',
    endpoint: 'https://s3.eu-west-1.amazonaws.com', bucket: 'example-bucket', region: 'eu-west-1', pathStyle: true,
    key: "a+b=c&d?e#f%g;h,i:j@k$l!m'n(o)p*q~r", expiresIn: 3600,
    get: { responseContentDisposition: RESERVED, responseCacheControl: 'private, max-age=60' },
  },
  {
    name: 'session token and a version id',
    endpoint: 'https://s3.eu-west-1.amazonaws.com', bucket: 'example-bucket', region: 'eu-west-1', pathStyle: false,
    sessionToken: SESSION_TOKEN, key: 'uploads/temp/data.bin', expiresIn: 300,
    get: { versionId: 'L4kqtJlcpXroDTDmpUMLUo.null', responseContentType: 'application/octet-stream' },
  },
  {
    name: 'local server on a port, emoji in the file name',
    endpoint: 'http://127.0.0.1:9000', bucket: 'local-bucket', region: 'us-east-1', pathStyle: true,
    key: 'uploads/my holiday photo 2026.jpg', expiresIn: 900,
    get: { responseContentDisposition: 'attachment; filename="☀️ 📷 beach.jpg"', responseContentLanguage: 'en' },
  },
];

export const OSS_CASES = [
  {
    name: 'download as an attachment with a unicode file name',
    endpoint: 'https://oss-cn-hangzhou.aliyuncs.com', bucket: 'example-bucket', region: 'cn-hangzhou', pathStyle: false,
    key: 'reports/naïve résumé.pdf', expiresIn: 3600,
    get: { responseContentDisposition: NAIVE, responseContentType: 'application/pdf' },
  },
  {
    name: 'every override, a version id and a speed limit',
    endpoint: 'https://oss-cn-shanghai.aliyuncs.com', bucket: 'media-bucket', region: 'oss-cn-shanghai', pathStyle: false,
    key: 'a/b/文件 ☃.txt', expiresIn: 600,
    get: {
      versionId: 'CAEQNhiBgMDJgZCA0BYiIDc4MGZjZGI2OTBjOTRmNTE5NmU5NmFhZjhjYmY0',
      responseContentType: 'text/plain; charset=utf-8',
      responseContentLanguage: 'zh-CN',
      responseExpires: EXPIRES,
      responseCacheControl: 'no-cache, max-age=0',
      responseContentDisposition: RFC6266,
      responseContentEncoding: 'identity',
      trafficLimit: 819200,
    },
  },
  {
    name: 'reserved characters in key and values, path-style',
    endpoint: 'https://oss-cn-hangzhou.aliyuncs.com', bucket: 'example-bucket', region: 'cn-hangzhou', pathStyle: true,
    key: "a+b=c&d?e#f%g;h,i:j@k$l!m'n(o)p*q~r", expiresIn: 3600,
    get: { responseContentDisposition: RESERVED, responseCacheControl: 'private, max-age=60' },
  },
  {
    name: 'session token, a version id and the top speed limit',
    endpoint: 'https://oss-cn-beijing.aliyuncs.com', bucket: 'example-bucket', region: 'cn-beijing', pathStyle: false,
    sessionToken: SESSION_TOKEN, key: 'uploads/temp/data.bin', expiresIn: 300,
    get: { versionId: 'null', trafficLimit: 838860800 },
  },
  {
    name: 'OSS-compatible server on a port, emoji in the file name',
    endpoint: 'http://localhost:9000', bucket: 'local-bucket', region: 'cn-hangzhou', pathStyle: true,
    key: 'uploads/holiday photo.jpg', expiresIn: 60,
    get: { responseContentDisposition: 'attachment; filename="☀️ 📷 beach.jpg"', trafficLimit: 1048576 },
  },
];

export const OBS_CASES = [
  {
    name: 'download as an attachment with a unicode file name',
    endpoint: 'https://obs.cn-north-4.myhuaweicloud.com', bucket: 'example-bucket', region: 'cn-north-4',
    key: 'reports/naïve résumé.pdf', expiresIn: 3600,
    get: { responseContentDisposition: NAIVE, responseContentType: 'application/pdf' },
  },
  {
    name: 'every override and a version id',
    endpoint: 'https://obs.ap-southeast-1.myhuaweicloud.com', bucket: 'media-bucket', region: 'ap-southeast-1',
    key: 'a/b/文件 ☃.txt', expiresIn: 600,
    get: {
      versionId: 'G001117FCE89978B0000401205D5DC9A',
      responseContentType: 'text/plain; charset=utf-8',
      responseContentLanguage: 'de-CH, fr;q=0.8',
      responseExpires: EXPIRES,
      responseCacheControl: 'no-cache, max-age=0, s-maxage=60',
      responseContentDisposition: RFC6266,
      responseContentEncoding: 'identity',
    },
  },
  {
    name: 'reserved characters in key and values',
    endpoint: 'https://obs.cn-north-4.myhuaweicloud.com', bucket: 'example-bucket', region: 'cn-north-4',
    key: "a+b=c&d?e#f%g;h,i:j@k$l!m'n(o)p*q~r", expiresIn: 3600,
    get: { responseContentDisposition: RESERVED, responseCacheControl: 'private, max-age=60' },
  },
  {
    name: 'session token and a version id',
    endpoint: 'https://obs.cn-north-4.myhuaweicloud.com', bucket: 'example-bucket', region: 'cn-north-4',
    sessionToken: SESSION_TOKEN, key: 'uploads/temp/data.bin', expiresIn: 300,
    get: { versionId: 'G001117FCE89978B0000401205D5DC9B', responseContentType: 'application/octet-stream' },
  },
  {
    name: 'custom endpoint on a port, emoji in the file name',
    endpoint: 'http://obs.example.com:8080', bucket: 'local-bucket', region: 'cn-north-4',
    key: 'uploads/my holiday photo 2026.jpg', expiresIn: 900,
    get: { responseContentDisposition: 'attachment; filename="☀️ 📷 beach.jpg"', responseContentLanguage: 'en' },
  },
];
