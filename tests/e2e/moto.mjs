// Starts moto_server (from the venv scripts/setup.sh makes at .venv-moto) on a free 127.0.0.1
// port for one test file, creates a bucket and gives it a CORS rule that exposes ETag (moto
// exposes no headers to pages without one) and names Authorization beside `*` (the Fetch standard
// does not let a wildcard Access-Control-Allow-Headers cover Authorization; Chromium 156 still
// accepted it here, but a spec-conforming browser would refuse the preflight). moto verifies no signatures: it is a protocol peer
// for browser flows, not a signature check. The process is killed when the test process exits.
//
//   const moto = await startMoto();   // { endpoint, bucket, stop, stderr }
//   ...
//   await moto.stop();

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { root } from './server.mjs';

export const MOTO = join(root, '.venv-moto/bin/moto_server');

/** false when moto is installed; otherwise why the moto tests skip. */
export const skipMoto = existsSync(MOTO)
  ? false
  : `moto is not installed (no ${MOTO}): run \`bash scripts/setup.sh\` (it installs moto[server] into .venv-moto)`;

const running = new Set();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    for (const child of running) child.kill('SIGKILL');
    process.exit(130);
  });
}

/** A port the OS just handed out on 127.0.0.1 (closed again, for moto to bind). */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export const CORS_RULE = `<?xml version="1.0" encoding="UTF-8"?>
<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedMethod>POST</AllowedMethod>
    <AllowedMethod>DELETE</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <AllowedHeader>Authorization</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <ExposeHeader>x-amz-request-id</ExposeHeader>
    <MaxAgeSeconds>600</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

async function check(res, what) {
  if (!res.ok) throw new Error(`moto: ${what} answered ${res.status}: ${await res.text()}`);
  return res;
}

export async function startMoto({ bucket = 'bucket-upload-e2e', timeoutMs = 20_000 } = {}) {
  let child;
  let endpoint;
  let stderr = '';
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    endpoint = `http://127.0.0.1:${port}`;
    child = spawn(MOTO, ['-H', '127.0.0.1', '-p', String(port)], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    running.add(child);
    stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-8000); });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.once('error', () => {});
    const deadline = Date.now() + timeoutMs;
    let up = false;
    while (Date.now() < deadline && child.exitCode === null && child.signalCode === null) {
      up = await fetch(`${endpoint}/`).then((r) => r.ok || r.status < 500, () => false);
      if (up) break;
      await new Promise((r) => setTimeout(r, 150));
    }
    if (up) {
      child.exited = exited;
      break;
    }
    child.kill('SIGKILL');
    running.delete(child);
    // The port may have been taken between freePort() and moto's bind: try another, twice.
    if (attempt >= 2) throw new Error(`moto_server did not start within ${timeoutMs} ms\nstderr:\n${stderr}`);
  }

  await check(await fetch(`${endpoint}/${bucket}`, { method: 'PUT' }), 'CreateBucket');
  await check(
    await fetch(`${endpoint}/${bucket}?cors`, {
      method: 'PUT',
      headers: { 'content-type': 'application/xml', 'content-md5': createHash('md5').update(CORS_RULE).digest('base64') },
      body: CORS_RULE,
    }),
    'PutBucketCors',
  );

  let stopped = false;
  return {
    endpoint,
    bucket,
    stderr: () => stderr,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 5000);
        await child.exited;
        clearTimeout(t);
      }
      running.delete(child);
    },
  };
}
