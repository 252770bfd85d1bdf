// Starts the already-built local bucket server (target/server/bucket-server) for one test file:
// both ports chosen by the OS, a fresh temporary data dir, a random secret for this run. Builds
// nothing. The process is killed when the test process exits, whatever the outcome.
//
//   const server = await startServer();   // { page, endpoint, bucket, dataDir, accessKey, secretKey, stop }
//   ...
//   await server.stop();

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const binary = join(root, 'target/server/bucket-server');

/** false when the server binary and the package exist; otherwise why the e2e tests skip. */
export const skip = (() => {
  const missing = [binary, join(root, 'pkg/bucket_upload.js'), join(root, 'pkg/bucket_upload_bg.wasm')].filter(
    (p) => !existsSync(p),
  );
  return missing.length
    ? `missing ${missing.join(', ')} (build with \`cargo build -p bucket-server --profile server\` and \`bash scripts/build.sh\`)`
    : false;
})();

const LINES = {
  'bucket endpoint': 'endpoint',
  page: 'page',
  bucket: 'bucket',
  'data dir': 'dataDir',
  'access key': 'accessKey',
  'secret key': 'secretKey',
};

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

export async function startServer({ timeoutMs = 15_000 } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'bucket-upload-e2e-'));
  // --www and --pkg from this checkout: the binary's defaults are those of the checkout it was
  // built in (a worktree with a copied target/ would otherwise serve another pkg/).
  const child = spawn(
    binary,
    ['--bucket-port', '0', '--www-port', '0', '--data', dataDir, '--www', join(root, 'www'), '--pkg', join(root, 'pkg')],
    {
      cwd: root,
      // A secret nobody could guess, so "the page never shows it" means something.
      env: { ...process.env, BUCKET_SECRET_KEY: randomBytes(30).toString('base64url') },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  running.add(child);
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d) => {
    stderr = (stderr + d).slice(-8000);
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const info = await new Promise((resolve, reject) => {
    const found = {};
    let buffer = '';
    const timer = setTimeout(() => fail(`no start lines within ${timeoutMs} ms`), timeoutMs);
    function fail(why) {
      clearTimeout(timer);
      child.kill('SIGKILL');
      // Never echo stdout: it holds the secret.
      reject(new Error(`bucket-server did not start: ${why}\nstderr:\n${stderr}`));
    }
    child.once('error', (e) => fail(e.message));
    exited.then(({ code, signal }) => fail(`exited with ${signal ?? `code ${code}`}`));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl).trim();
        buffer = buffer.slice(nl + 1);
        const at = line.indexOf(': ');
        const name = at > 0 ? LINES[line.slice(0, at)] : undefined;
        if (name) found[name] = line.slice(at + 2);
      }
      if (Object.keys(found).length === Object.keys(LINES).length) {
        clearTimeout(timer);
        resolve(found);
      }
    });
  });
  child.stdout.resume(); // keep draining, in case the server writes more

  let stopped = false;
  return {
    ...info,
    page: info.page.endsWith('/') ? info.page : `${info.page}/`,
    /** The server's stderr so far (never stdout, which holds the secret). */
    stderr: () => stderr,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(t);
      }
      running.delete(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
