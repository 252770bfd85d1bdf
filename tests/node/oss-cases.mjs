// The fixed inputs of the OSS oracles (oss-oracle.mjs, oss-sdk.test.mjs, oss-record.mjs): at least
// five families, among them a unicode key, a reserved-character key, mixed-case metadata, a
// session token, and every PutObject header of seed 001.

import { createHash } from 'node:crypto';
import { SESSION_TOKEN } from './inputs.mjs';

const md5b64 = (s) => createHash('md5').update(s, 'utf8').digest('base64');

/** The file name of a case's fixture under tests/vectors/oss-sdk/: its name, slugged. */
export const fixtureName = (c) => c.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Every input family the OSS oracles run over (at least five, per the issue). */
export const OSS_CASES = [
  {
    name: 'plain',
    endpoint: 'https://oss-cn-hangzhou.aliyuncs.com',
    bucket: 'example-bucket',
    region: 'cn-hangzhou',
    pathStyle: false,
    key: 'uploads/photo.jpg',
    expiresIn: 3600,
    headers: [['Content-Type', 'image/jpeg'], ['Content-MD5', md5b64('not really a jpeg\n')]],
    post: {
      conditions: [['content-length-range', 1, 10485760], ['starts-with', '$Content-Type', 'image/']],
      fields: { 'Content-Type': 'image/jpeg', success_action_status: '201' },
    },
  },
  {
    name: 'unicode key, region given with the oss- prefix',
    endpoint: 'https://oss-cn-shanghai.aliyuncs.com',
    bucket: 'example-bucket',
    region: 'oss-cn-shanghai',
    pathStyle: false,
    key: 'uploads/naïve 文件 ☃.txt',
    expiresIn: 600,
    headers: [['Content-Type', 'text/plain; charset=utf-8'], ['Content-MD5', md5b64('naïve 文件 ☃\n')]],
    post: {
      conditions: [['content-length-range', 0, 65536], ['starts-with', '$key', 'uploads/']],
      fields: { 'Content-Type': 'text/plain; charset=utf-8' },
    },
  },
  {
    name: 'reserved characters in key, path-style',
    endpoint: 'https://oss-cn-hangzhou.aliyuncs.com',
    bucket: 'example-bucket',
    region: 'cn-hangzhou',
    pathStyle: true,
    key: "a+b=c&d?e#f%g;h,i:j@k$l!m'n(o)p*q~r",
    expiresIn: 3600,
    headers: [['Content-Type', 'application/octet-stream']],
    post: { conditions: [], fields: { 'Content-Type': 'application/octet-stream' } },
  },
  {
    name: 'mixed-case metadata',
    endpoint: 'https://oss-ap-southeast-1.aliyuncs.com',
    bucket: 'reports-bucket',
    region: 'ap-southeast-1',
    pathStyle: false,
    key: 'docs/Q3 report.pdf',
    expiresIn: 7200,
    // Two spaces inside a value on purpose: V1 and V4 trim values but do not collapse spaces.
    headers: [
      ['Content-Type', 'application/pdf'],
      ['Content-MD5', md5b64('%PDF-1.4\n')],
      ['x-oss-meta-Owner-Name', 'Ada  Lovelace'],
      ['x-oss-meta-Project', 'Q3'],
    ],
    post: {
      conditions: [['content-length-range', 1, 5242880]],
      fields: { 'Content-Type': 'application/pdf', 'x-oss-meta-Owner-Name': 'Ada  Lovelace', 'x-oss-meta-Project': 'Q3' },
    },
  },
  {
    name: 'session token',
    endpoint: 'https://oss-cn-beijing.aliyuncs.com',
    bucket: 'example-bucket',
    region: 'cn-beijing',
    pathStyle: false,
    sessionToken: SESSION_TOKEN,
    key: 'uploads/temp/data.bin',
    expiresIn: 300,
    headers: [['Content-Type', 'application/octet-stream'], ['x-oss-meta-owner', 'grace']],
    post: {
      conditions: [['content-length-range', 1, 1048576]],
      fields: { 'Content-Type': 'application/octet-stream', 'x-oss-meta-owner': 'grace' },
    },
  },
  {
    name: 'every PutObject header of seed 001, with a session token',
    endpoint: 'https://oss-cn-hangzhou.aliyuncs.com',
    bucket: 'archive-bucket',
    region: 'cn-hangzhou',
    pathStyle: false,
    sessionToken: SESSION_TOKEN,
    key: 'backup/2026/db.tar.gz',
    expiresIn: 900,
    headers: [
      ['Content-Type', 'application/gzip'],
      ['Content-MD5', md5b64('backup\n')],
      ['Cache-Control', 'no-cache'],
      ['Content-Disposition', 'attachment; filename="db.tar.gz"'],
      ['Content-Encoding', 'gzip'],
      ['Expires', 'Fri, 28 Feb 2031 05:38:42 GMT'],
      ['x-oss-forbid-overwrite', 'true'],
      ['x-oss-server-side-encryption', 'KMS'],
      ['x-oss-server-side-data-encryption', 'SM4'],
      ['x-oss-server-side-encryption-key-id', '9468da86-3509-4f8d-a61e-6eab1eac0000'],
      ['x-oss-object-acl', 'private'],
      ['x-oss-storage-class', 'IA'],
      ['x-oss-tagging', 'TagA=A&TagB=B'],
      ['x-oss-meta-location', 'hangzhou'],
    ],
    post: {
      conditions: [['content-length-range', 1, 5368709120]],
      fields: {
        'Content-Type': 'application/gzip',
        'Cache-Control': 'no-cache',
        'Content-Disposition': 'attachment; filename="db.tar.gz"',
        'x-oss-forbid-overwrite': 'true',
        'x-oss-object-acl': 'private',
        'x-oss-storage-class': 'IA',
        'x-oss-meta-location': 'hangzhou',
        success_action_status: '204',
      },
    },
  },
  {
    name: 'OSS-compatible server on a port, path-style, key with ${filename}',
    endpoint: 'http://localhost:9000',
    bucket: 'local-bucket',
    region: 'cn-hangzhou',
    pathStyle: true,
    key: 'uploads/holiday photo.jpg',
    expiresIn: 60,
    headers: [['Content-Type', 'image/jpeg']],
    post: {
      key: 'uploads/${filename}',
      conditions: [['content-length-range', 0, 1048576]],
      fields: { 'Content-Type': 'image/jpeg' },
    },
  },
];
