// The fixed inputs of the OBS oracles (obs-oracle.mjs, obs-sdk.test.mjs, obs-s3-compat.test.mjs,
// obs-record.mjs): at least five families, among them a unicode key, a reserved-character key,
// mixed-case metadata, a session token, and every PutObject header of seeds 002/003.

import { createHash } from 'node:crypto';
import { SESSION_TOKEN } from './inputs.mjs';

const md5b64 = (s) => createHash('md5').update(s, 'utf8').digest('base64');

/** The file name of a case's fixture under tests/vectors/obs-sdk/: its name, slugged. */
export const fixtureName = (c) => c.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * Every input family (at least five). `headers` are OUR raw headers (native `x-obs-*` names);
 * `params` are the same request in the SDK's putObject parameters. `s3Headers` / `s3Params`,
 * where given, are the S3-compatible spelling for obs-s3-compat.test.mjs.
 */
export const OBS_CASES = [
  {
    name: 'plain',
    endpoint: 'https://obs.cn-north-4.myhuaweicloud.com',
    bucket: 'example-bucket',
    region: 'cn-north-4',
    key: 'uploads/photo.jpg',
    expiresIn: 3600,
    headers: [['Content-Type', 'image/jpeg'], ['Content-MD5', md5b64('not really a jpeg\n')]],
    params: { ContentType: 'image/jpeg', ContentMD5: md5b64('not really a jpeg\n') },
    post: { fields: { 'Content-Type': 'image/jpeg', success_action_status: '201' }, conditions: [['content-length-range', 1, 10485760]] },
  },
  {
    name: 'unicode key',
    endpoint: 'https://obs.ap-southeast-1.myhuaweicloud.com',
    bucket: 'example-bucket',
    region: 'ap-southeast-1',
    key: 'uploads/naïve 文件 ☃.txt',
    expiresIn: 600,
    headers: [['Content-Type', 'text/plain; charset=utf-8'], ['Content-MD5', md5b64('naïve 文件 ☃\n')]],
    params: { ContentType: 'text/plain; charset=utf-8', ContentMD5: md5b64('naïve 文件 ☃\n') },
    post: { fields: { 'Content-Type': 'text/plain; charset=utf-8' }, conditions: [] },
  },
  {
    name: 'reserved characters in key',
    endpoint: 'https://obs.cn-north-4.myhuaweicloud.com',
    bucket: 'example-bucket',
    region: 'cn-north-4',
    key: "a+b=c&d?e#f%g;h,i:j@k$l!m'n(o)p*q~r",
    expiresIn: 3600,
    headers: [['Content-Type', 'application/octet-stream']],
    params: { ContentType: 'application/octet-stream' },
    post: { fields: { 'Content-Type': 'application/octet-stream' }, conditions: [] },
  },
  {
    name: 'mixed-case metadata',
    endpoint: 'https://obs.cn-south-1.myhuaweicloud.com',
    bucket: 'reports-bucket',
    region: 'cn-south-1',
    key: 'docs/Q3 report.pdf',
    expiresIn: 7200,
    // Two spaces inside a value on purpose (SigV4 collapses them in canonical headers; the
    // HMAC-SHA1 signatures keep them).
    headers: [
      ['Content-Type', 'application/pdf'],
      ['Content-MD5', md5b64('%PDF-1.4\n')],
      ['x-obs-meta-Owner-Name', 'Ada  Lovelace'],
      ['x-obs-meta-Project', 'Q3'],
    ],
    params: { ContentType: 'application/pdf', ContentMD5: md5b64('%PDF-1.4\n'), Metadata: { 'Owner-Name': 'Ada  Lovelace', Project: 'Q3' } },
    post: { fields: { 'Content-Type': 'application/pdf', 'x-obs-meta-Owner-Name': 'Ada  Lovelace' }, conditions: [['content-length-range', 1, 5242880]] },
  },
  {
    name: 'session token',
    endpoint: 'https://obs.cn-north-4.myhuaweicloud.com',
    bucket: 'example-bucket',
    region: 'cn-north-4',
    sessionToken: SESSION_TOKEN,
    key: 'uploads/temp/data.bin',
    expiresIn: 300,
    headers: [['Content-Type', 'application/octet-stream'], ['x-obs-meta-owner', 'grace']],
    params: { ContentType: 'application/octet-stream', Metadata: { owner: 'grace' } },
    post: { fields: { 'Content-Type': 'application/octet-stream', 'x-obs-meta-owner': 'grace' }, conditions: [['content-length-range', 1, 1048576]] },
  },
  {
    name: 'every PutObject header of seeds 002 and 003, on a custom port, with a session token',
    endpoint: 'https://obs.example.com:8443',
    bucket: 'archive-bucket',
    region: 'cn-north-4',
    sessionToken: SESSION_TOKEN,
    key: 'backup/2026/db.tar.gz',
    expiresIn: 900,
    headers: [
      ['Content-Type', 'application/gzip'],
      ['Content-MD5', md5b64('backup\n')],
      ['x-obs-acl', 'public-read'],
      ['x-obs-storage-class', 'WARM'],
      ['x-obs-meta-location', 'beijing'],
      ['Cache-Control', 'no-cache'],
      ['Content-Disposition', 'attachment; filename="db.tar.gz"'],
      ['Content-Encoding', 'gzip'],
      ['x-obs-website-redirect-location', '/anotherPage.html'],
      ['x-obs-server-side-encryption', 'kms'],
      ['x-obs-server-side-encryption-kms-key-id', 'cn-north-4:domainiddomainiddomainiddoma0001:key/4f1cd4de-ab64-4807-920a-47fc42e7f0d0'],
    ],
    params: {
      ContentType: 'application/gzip',
      ContentMD5: md5b64('backup\n'),
      ACL: 'public-read',
      StorageClass: 'WARM',
      Metadata: { location: 'beijing' },
      CacheControl: 'no-cache',
      ContentDisposition: 'attachment; filename="db.tar.gz"',
      ContentEncoding: 'gzip',
      WebsiteRedirectLocation: '/anotherPage.html',
      SseKms: 'kms',
      SseKmsKey: 'cn-north-4:domainiddomainiddomainiddoma0001:key/4f1cd4de-ab64-4807-920a-47fc42e7f0d0',
    },
    post: {
      fields: {
        'Content-Type': 'application/gzip',
        'x-obs-acl': 'public-read',
        'x-obs-storage-class': 'WARM',
        'x-obs-meta-location': 'beijing',
        'Cache-Control': 'no-cache',
        success_action_redirect: 'https://www.example.com/done',
      },
      conditions: [['content-length-range', 1, 5368709120]],
    },
  },
];
