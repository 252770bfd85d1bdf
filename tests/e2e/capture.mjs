// Request capture for the OSS/OBS/CMS end-to-end tests: no such server runs here, so the page's
// requests to any origin but the page's own are intercepted with Playwright's page.route, recorded
// exactly as Chromium would send them (method, URL, headers, body bytes) and answered with a
// canned response. CORS preflights of intercepted requests are answered by Playwright itself.
//
//   const cap = await openCapturePage(browser, server);
//   cap.answer({ status: 200, headers: { ETag: '"…"' } });   // the next request's response
//   const r = await cap.page.evaluate(...);                     // the module sends something
//   const [req] = cap.take();                                   // what it sent

import assert from 'node:assert/strict';

/** Headers Chromium adds to an XHR on its own; everything else came from our module. */
export const BROWSER_HEADERS = new Set([
  'accept', 'origin', 'referer', 'user-agent', 'sec-ch-ua', 'sec-ch-ua-mobile', 'sec-ch-ua-platform',
  'accept-language', 'accept-encoding', 'connection', 'content-length', 'host',
]);

/** Headers a page may never set (the Fetch standard's forbidden names, minus the ones above). */
export const FORBIDDEN = new Set(['date', 'host', 'content-length', 'connection', 'user-agent']);

/** CORS answer headers that let the page read `expose` (all by default). */
export function corsHeaders(expose = '*') {
  return { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': expose };
}

export async function openCapturePage(browser, server) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  // A blank page of the server's origin (so /pkg/ loads as in the demo), independent of the
  // demo page's own script.
  const blank = new URL('capture-blank.html', server.page).href;
  await page.route(blank, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>capture</title>' }));
  await page.goto(blank);
  await page.evaluate(async () => {
    window.bu = await import('/pkg/bucket_upload.js');
    await window.bu.default();
    window.settle = async (f) => {
      try {
        return { ok: await f() };
      } catch (e) {
        const { name, code, kind, field, status, requestId, ec, message } = e ?? {};
        return { error: { name, code, kind, field, status, requestId, ec, message } };
      }
    };
  });
  const own = new URL(server.page).origin;
  const captured = [];
  const answers = [];
  await page.route(
    (url) => url.origin !== own,
    async (route, request) => {
      captured.push({
        method: request.method(),
        url: request.url(),
        headers: await request.allHeaders(),
        body: request.postDataBuffer() ?? Buffer.alloc(0),
      });
      const next = answers.shift() ?? { status: 599, body: 'no answer queued' };
      await route.fulfill({
        status: next.status,
        headers: { ...corsHeaders(next.expose), ...(next.headers ?? {}) },
        body: next.body ?? '',
      });
    },
  );
  return {
    page,
    context,
    problems,
    /** Queues the response to the next intercepted request. */
    answer(a) {
      answers.push(a);
    },
    /** Forgets queued answers and captured requests (a failed test may leave some). */
    reset() {
      answers.length = 0;
      captured.length = 0;
    },
    /** The requests captured since the last call. */
    take() {
      return captured.splice(0, captured.length);
    },
    /** Runs `page.evaluate(fn, arg)`; in the page, `settle(async () => …)` turns a
     *  BucketUploadError into `{ error: { name, code, kind, field, status, requestId, ec,
     *  message } }` and a value into `{ ok }` (an in-page helper, so no eval is needed). */
    run(fn, arg) {
      return page.evaluate(fn, arg);
    },
  };
}

/**
 * The parts of a multipart/form-data body, in order: `{ name, filename, type, data }` (data a
 * Buffer). Written here from RFC 7578, independently of the module that built the body.
 */
export function parseMultipart(body, contentType) {
  const m = /^multipart\/form-data;\s*boundary=(.+)$/i.exec(contentType ?? '');
  assert.ok(m, `not a multipart/form-data Content-Type: ${contentType}`);
  const boundary = Buffer.from(`--${m[1].replace(/^"|"$/g, '')}`);
  const parts = [];
  let at = body.indexOf(boundary);
  assert.equal(at, 0, 'the body does not start with the boundary');
  for (;;) {
    at += boundary.length;
    if (body.subarray(at, at + 2).toString() === '--') break; // the closing boundary
    assert.equal(body.subarray(at, at + 2).toString(), '\r\n', 'CRLF after a boundary');
    at += 2;
    const headEnd = body.indexOf('\r\n\r\n', at);
    assert.ok(headEnd > 0, 'a part without a blank line after its headers');
    const head = body.subarray(at, headEnd).toString('utf8');
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), boundary]), headEnd + 4);
    assert.ok(next > 0, 'a part without a following boundary');
    const data = body.subarray(headEnd + 4, next);
    const disposition = /^content-disposition:\s*form-data;\s*name="([^"]*)"(?:;\s*filename="([^"]*)")?\s*$/im.exec(head);
    assert.ok(disposition, `a part without a form-data Content-Disposition: ${head}`);
    const type = /^content-type:\s*(.+)$/im.exec(head)?.[1]?.trim();
    parts.push({ name: disposition[1], filename: disposition[2], type, data: Buffer.from(data) });
    at = next + 2;
  }
  return parts;
}

/** The text fields of parsed parts as [[name, value], ...] (the file part excluded). */
export const textFields = (parts) => parts.filter((p) => p.filename === undefined).map((p) => [p.name, p.data.toString('utf8')]);
