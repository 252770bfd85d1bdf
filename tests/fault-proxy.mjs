// A fault-injection HTTP proxy for the e2e tests (node:http and node:net only): it listens on
// 127.0.0.1 (a port the OS chooses), forwards every request to the local bucket and, per test,
// breaks the requests its rules match.
//
//   const proxy = await startFaultProxy({ target: server.endpoint });
//   proxy.rule({ kind: 'part', partNumber: 2, action: 'reset', afterBytes: 0.5, times: 1 });
//   ... upload with endpoint: proxy.url ...
//   proxy.attempts('part', 2);   // 2
//   proxy.resentBytes();         // body bytes of every attempt after the first
//   proxy.reset();               // rules, counters and log cleared (between tests)
//   await proxy.close();
//
// Requests are classified by method and query, as S3 multipart requests are told apart:
//   POST   ?uploads                      create      GET ?uploads (no uploadId)  listUploads
//   PUT    ?partNumber=N&uploadId=…      part N      GET ?uploadId=…             listParts
//   POST   ?uploadId=… (no partNumber)   complete    DELETE ?uploadId=…          abort
//   OPTIONS                              preflight (always passed through; never counted as an attempt)
// Each (kind, part number) has an attempt counter; a rule with `times: K` fires on attempts 1..K
// (default: every attempt). Rules match on `kind`/`partNumber`, or on `method` plus `query` (a
// string such as 'partNumber=2' or 'uploadId&!partNumber', or an object; `!name` = absent).
// The first matching rule wins. Actions:
//   reset   forward `afterBytes` bytes of the request body to the bucket (a number, or a fraction
//           < 1 of Content-Length), then reset the client's connection (TCP RST) and drop the
//           upstream request: a connection lost half-way through a part.
//   status  read the whole body (never forwarded), wait `delayMs` (default 0), answer `status`
//           (default 503) with an error body of `shape` 's3' (default), 'oss' or 'obs' and `code`
//           (default SlowDown / ServerBusy / ServiceUnavailable), or a literal `body`.
//   stall   forward the request, then hold the bucket's response for `stallMs` with no byte sent.
//   delay   wait `delayMs` before forwarding the request at all.
// `proxy.dropConnections()` resets every connection open at that moment: the network lost.
//
// Signatures. The page's `sign` callback gets URLs signed by the demo backend for the bucket's
// own origin (`/sign` ignores the endpoint the page names), and SigV4 covers the `host` header
// (in a presigned URL's X-Amz-SignedHeaders, as in an Authorization header). So: the page's sign
// wrapper swaps the bucket's origin in the signed URL for the proxy's (path and query, which the
// signature covers, untouched), and this proxy restores `Host: <bucket host:port>` before it
// forwards: the bucket sees the exact request that was signed and the signature verifies.
// A page that signs for itself (`credentials`) signs for the endpoint it names, the proxy: then
// `proxy.keepHost(true)` (until the next reset) forwards the browser's own Host unchanged.
//
// CORS. Preflights go through to the bucket, which answers them; the bucket's own responses pass
// unchanged; the error responses made up here carry `Access-Control-Allow-Origin: *` and expose
// ETag, Date and the request-id headers, so the page can read them as it would the bucket's.
//
// Every response says `Connection: close`, so each browser request arrives on a fresh connection.
// Chromium silently re-sends a request that fails on a *reused* keep-alive connection before any
// response byte; with fresh connections the attempts counted here are exactly the library's.

import http from 'node:http';

const kindsOf = {
  create: 'create',
  part: 'part',
  complete: 'complete',
  abort: 'abort',
  listParts: 'listParts',
  listUploads: 'listUploads',
  head: 'head',
};

/** `{ kind, partNumber, uploadId }` of a request. */
export function classify(method, url) {
  const q = new URL(url, 'http://x').searchParams;
  const uploadId = q.get('uploadId') ?? undefined;
  const partNumber = q.has('partNumber') ? Number(q.get('partNumber')) : undefined;
  let kind = 'other';
  if (method === 'OPTIONS') kind = 'preflight';
  else if (q.has('uploads') && method === 'POST') kind = kindsOf.create;
  else if (q.has('uploads') && method === 'GET') kind = kindsOf.listUploads;
  else if (uploadId !== undefined && partNumber !== undefined && method === 'PUT') kind = kindsOf.part;
  else if (uploadId !== undefined && method === 'POST') kind = kindsOf.complete;
  else if (uploadId !== undefined && method === 'DELETE') kind = kindsOf.abort;
  else if (uploadId !== undefined && method === 'GET') kind = kindsOf.listParts;
  else if (method === 'HEAD') kind = kindsOf.head;
  return { kind, partNumber, uploadId, query: q };
}

function queryMatches(spec, q) {
  const entries =
    typeof spec === 'string'
      ? spec.split('&').filter(Boolean).map((p) => {
          const at = p.indexOf('=');
          return at < 0 ? [p, undefined] : [p.slice(0, at), p.slice(at + 1)];
        })
      : Object.entries(spec);
  return entries.every(([name, value]) => {
    if (name.startsWith('!')) return !q.has(name.slice(1));
    if (!q.has(name)) return false;
    return value === undefined || value === true || q.get(name) === String(value);
  });
}

function ruleMatches(rule, req, c, attempt) {
  if (rule.method && rule.method.toUpperCase() !== req.method) return false;
  if (rule.kind && rule.kind !== c.kind) return false;
  if (rule.partNumber !== undefined && rule.partNumber !== c.partNumber) return false;
  if (rule.query && !queryMatches(rule.query, c.query)) return false;
  if (c.kind === 'preflight' && rule.method?.toUpperCase() !== 'OPTIONS') return false;
  return attempt <= (rule.times ?? Infinity);
}

const esc = (s) => String(s).replace(/[<>&]/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[ch]);

/** An error response as the dialect's servers shape it: `{ status, headers, body }`. */
export function errorResponse({ shape = 's3', status = 503, code, message, requestId } = {}) {
  const rid = requestId ?? `FAULT${Date.now().toString(16).toUpperCase()}${Math.floor(Math.random() * 1e6)}`;
  const headers = { 'content-type': 'application/xml' };
  let body;
  if (shape === 'oss') {
    code ??= 'ServerBusy';
    message ??= 'Please reduce your request rate.';
    const ec = '0048-00000503';
    headers['x-oss-request-id'] = rid;
    headers['x-oss-ec'] = ec;
    body =
      `<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>${esc(code)}</Code>\n  <Message>${esc(message)}</Message>\n` +
      `  <RequestId>${rid}</RequestId>\n  <HostId>bucket.oss-cn-hangzhou.aliyuncs.com</HostId>\n  <EC>${ec}</EC>\n` +
      `  <RecommendDoc>https://api.aliyun.com/troubleshoot?q=${ec}</RecommendDoc>\n</Error>\n`;
  } else if (shape === 'obs') {
    code ??= 'ServiceUnavailable';
    message ??= 'Reduce your request rate.';
    headers['x-obs-request-id'] = rid;
    headers['x-obs-error-code'] = code;
    body =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Error><Code>${esc(code)}</Code>` +
      `<Message>${esc(message)}</Message><RequestId>${rid}</RequestId>` +
      `<HostId>ZkhwanmxhZnPpXHmodvmYUtrKI2vmLtVNzZbJ0XHHUA6IqEYrjytHdS9G59xmcNP</HostId></Error>`;
  } else {
    code ??= status === 503 ? 'SlowDown' : 'InternalError';
    message ??= code === 'SlowDown' ? 'Please reduce your request rate.' : `injected ${status}`;
    headers['x-amz-request-id'] = rid;
    body =
      `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${esc(code)}</Code><Message>${esc(message)}</Message>` +
      `<RequestId>${rid}</RequestId><HostId>fault-proxy</HostId></Error>`;
  }
  return { status, headers, body };
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers':
    'ETag, Date, x-amz-request-id, x-amz-id-2, x-oss-request-id, x-oss-ec, x-obs-request-id, x-obs-error-code',
};

const HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'proxy-connection', 'upgrade', 'te', 'trailer']);

const sleep = (ms, signal) =>
  new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

/**
 * Starts the proxy in front of `target` (the bucket's endpoint, e.g. `http://127.0.0.1:PORT`).
 * Resolves to `{ url, origin, target, rule, reset, attempts, resentBytes, log, close }`.
 */
export async function startFaultProxy({ target }) {
  const upstream = new URL(target);
  const upstreamHost = upstream.host; // exactly what the signature covers
  let rules = [];
  let counters = new Map();
  let log = [];
  /** Released on reset/close: stalls and delays end at once so nothing outlives a test. */
  let release = new AbortController();
  /** Forward the client's Host as it came (a page signing for the proxy's origin). */
  let clientHost = false;
  const sockets = new Set();

  const server = http.createServer((req, res) => handle(req, res).catch((e) => fail(req, res, e)));
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.keepAliveTimeout = 1000;

  function fail(req, res, e) {
    if (!res.headersSent && !res.destroyed) {
      const r = errorResponse({ status: 502, code: 'FaultProxyError', message: `fault proxy: ${e.message}` });
      res.writeHead(r.status, { ...r.headers, ...CORS, connection: 'close' }).end(r.body);
    } else req.socket.destroy();
  }

  async function handle(req, res) {
    const c = classify(req.method, req.url);
    const key = c.kind === 'part' ? `part:${c.partNumber}` : c.kind;
    const attempt = c.kind === 'preflight' ? 0 : (counters.get(key) ?? 0) + 1;
    if (c.kind !== 'preflight') counters.set(key, attempt);
    const rule = rules.find((r) => ruleMatches(r, req, c, attempt));
    const contentLength = Number(req.headers['content-length'] ?? 0);
    const entry = {
      t: Date.now(),
      method: req.method,
      kind: c.kind,
      partNumber: c.partNumber,
      uploadId: c.uploadId,
      attempt,
      action: rule?.action ?? 'pass',
      contentLength,
      bytesIn: 0,
      bytesForwarded: 0,
      status: undefined,
      /** An error answer's <Code> and <Message> (the bucket's or the injected one). */
      code: undefined,
      message: undefined,
      end: undefined,
      respondedAt: undefined,
    };
    log.push(entry);
    const signal = release.signal;
    res.on('close', () => {
      if (!res.writableFinished) entry.end ??= entry.stalling ? 'client gave up during the stall' : 'client gone';
    });
    // The body is read from the start, always (a paused socket would not notice the client
    // going away): chunks wait in `queue` until a sink forwards them.
    const queue = [];
    let sink = null;
    let ended = false;
    let onEnd = null;
    req.on('data', (chunk) => {
      entry.bytesIn += chunk.length;
      if (sink) sink(chunk);
      else queue.push(chunk);
    });
    req.on('end', () => {
      ended = true;
      onEnd?.();
    });
    const bodyRead = new Promise((resolve) => {
      req.on('end', resolve);
      req.on('close', resolve);
    });

    if (rule?.action === 'status') {
      sink = () => {};
      queue.length = 0;
      await bodyRead;
      if (rule.delayMs) await sleep(rule.delayMs, signal);
      const r = rule.body !== undefined ? { status: rule.status ?? 503, headers: rule.headers ?? {}, body: rule.body } : errorResponse(rule);
      if (res.destroyed) return;
      entry.status = r.status;
      entry.code = /<Code>([^<]*)<\/Code>/.exec(r.body)?.[1];
      entry.respondedAt = Date.now();
      entry.end = 'injected';
      res.writeHead(r.status, { ...r.headers, ...CORS, connection: 'close' }).end(r.body);
      return;
    }
    if (rule?.action === 'delay') {
      await sleep(rule.delayMs ?? 0, signal);
      // Not `req.destroyed`: a request whose body has all arrived is destroyed (autoDestroy)
      // though its client still waits for the answer.
      if (res.destroyed || req.socket.destroyed) return;
    }

    const headers = {};
    for (const [name, value] of Object.entries(req.headers)) if (!HOP.has(name)) headers[name] = value;
    if (!clientHost || !headers.host) headers.host = upstreamHost;
    const up = http.request({
      host: upstream.hostname,
      port: upstream.port || 80,
      method: req.method,
      path: req.url,
      headers,
      agent: false,
    });
    let resetting = false;
    const cutAt =
      rule?.action === 'reset'
        ? Math.floor((rule.afterBytes ?? 0.5) < 1 ? contentLength * (rule.afterBytes ?? 0.5) : rule.afterBytes)
        : Infinity;
    const cut = () => {
      up.destroy();
      if (typeof req.socket.resetAndDestroy === 'function') req.socket.resetAndDestroy();
      else req.socket.destroy();
    };

    if (res.destroyed) return void up.destroy();
    res.on('close', () => {
      if (!res.writableFinished) up.destroy();
    });
    up.on('error', (e) => {
      if (resetting || entry.end) return;
      entry.end = `upstream error: ${e.message}`;
      fail(req, res, e);
    });

    if (cutAt === 0) {
      // Nothing to forward: reset before a byte goes to the bucket.
      resetting = true;
      entry.end = 'reset after 0 bytes';
      return cut();
    }
    // Request body: forwarded by hand to count it and to cut it.
    let draining = false;
    const forward = (chunk) => {
      if (resetting) return;
      const room = cutAt - entry.bytesForwarded;
      if (chunk.length >= room) {
        resetting = true;
        const head = chunk.subarray(0, room);
        entry.bytesForwarded += head.length;
        entry.end = `reset after ${entry.bytesForwarded} bytes`;
        up.write(head, cut);
        return;
      }
      entry.bytesForwarded += chunk.length;
      if (!up.write(chunk) && !draining) {
        // One listener however many queued chunks come before the drain.
        draining = true;
        req.pause();
        up.once('drain', () => {
          draining = false;
          req.resume();
        });
      }
    };
    for (const chunk of queue.splice(0)) forward(chunk);
    sink = forward;
    onEnd = () => {
      if (!resetting) up.end();
    };
    if (ended) onEnd();

    up.on('response', async (ur) => {
      if (rule?.action === 'stall') {
        entry.stalling = true;
        ur.pause();
        const held = Date.now();
        await sleep(rule.stallMs ?? 0, signal);
        entry.stalling = false;
        entry.stalledMs = Date.now() - held;
        if (res.destroyed) return void ur.destroy();
      }
      const out = {};
      for (const [name, value] of Object.entries(ur.headers)) if (!HOP.has(name)) out[name] = value;
      out.connection = 'close';
      entry.status = ur.statusCode;
      entry.respondedAt = Date.now();
      if (ur.statusCode >= 400) {
        // The bucket's refusal, for the test to name: its <Code> and <Message> (first 8 KB).
        let text = '';
        ur.on('data', (chunk) => {
          if (text.length < 8192) text += chunk.toString('utf8');
        });
        ur.on('end', () => {
          entry.code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
          entry.message = /<Message>([^<]*)<\/Message>/.exec(text)?.[1];
        });
      }
      res.writeHead(ur.statusCode, out);
      ur.pipe(res);
      ur.on('end', () => (entry.end ??= 'passed'));
    });
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;

  const requests = (kind, partNumber) =>
    log.filter((e) => e.kind === kind && (partNumber === undefined || e.partNumber === partNumber));

  return {
    url: origin,
    origin,
    target: upstream.origin,
    /** Adds a rule (see the header); returns it. */
    rule(r) {
      if (!['reset', 'status', 'stall', 'delay'].includes(r.action)) throw new Error(`unknown action ${r.action}`);
      rules.push(r);
      return r;
    },
    /** true: forward the Host the browser sent (requests signed for the proxy); reset clears it. */
    keepHost(on = true) {
      clientHost = on;
    },
    /** Clears rules, counters and the log; ends stalls and delays still running. */
    reset() {
      clientHost = false;
      release.abort();
      release = new AbortController();
      rules = [];
      counters = new Map();
      log = [];
    },
    /** Every request seen since the last reset, in arrival order. */
    get log() {
      return log;
    },
    /** Requests of `kind` (and part) that arrived: the attempts made. */
    attempts(kind, partNumber) {
      return requests(kind, partNumber).length;
    },
    /** `{ create: 1, complete: 1, abort: 0, listParts: 0, parts: { 1: 1, 2: 2 } }`. */
    attemptsByKind() {
      const out = { create: 0, parts: {}, complete: 0, abort: 0, listParts: 0 };
      for (const e of log) {
        if (e.kind === 'preflight' || e.kind === 'other') continue;
        if (e.kind === 'part') out.parts[e.partNumber] = (out.parts[e.partNumber] ?? 0) + 1;
        else out[e.kind] = (out[e.kind] ?? 0) + 1;
      }
      return out;
    },
    /** Body bytes of `kind` (default parts) the proxy received on attempts after the first. */
    resentBytes(kind = 'part') {
      return log.filter((e) => e.kind === kind && e.attempt > 1).reduce((n, e) => n + e.bytesIn, 0);
    },
    /** Body bytes of `kind` (default parts) forwarded to the bucket, over every attempt. */
    forwardedBytes(kind = 'part', partNumber) {
      return requests(kind, partNumber).reduce((n, e) => n + e.bytesForwarded, 0);
    },
    /**
     * The network drops: every client connection open now is reset (TCP RST) and its upstream
     * request dropped; what they were doing ends as `dropped` in the log. Returns how many.
     */
    dropConnections() {
      for (const e of log) if (e.end === undefined && e.respondedAt === undefined && e.kind !== 'preflight') e.end = 'dropped';
      let n = 0;
      for (const s of sockets) {
        n++;
        if (typeof s.resetAndDestroy === 'function') s.resetAndDestroy();
        else s.destroy();
      }
      return n;
    },
    async close() {
      release.abort();
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
