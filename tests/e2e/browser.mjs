// Shared Playwright helpers: Debian's Chromium (never a downloaded browser), the demo page, one
// upload through its form, and a watch over everything the page received for the secret.

import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * Opens the demo page in a fresh context. Every request and response of the context is kept
 * (URL, headers, body) so `assertNeverSaw` can check it afterwards.
 */
export async function openPage(browser, server) {
  const context = await browser.newContext();
  const traffic = [];
  context.on('request', (req) => {
    traffic.push(
      (async () => ({
        what: `request ${req.method()} ${req.url()}`,
        text: [req.url(), JSON.stringify(await req.allHeaders()), req.postDataBuffer()?.toString('latin1') ?? ''],
      }))(),
    );
  });
  context.on('response', (res) => {
    traffic.push(
      (async () => ({
        what: `response ${res.status()} ${res.url()}`,
        text: [
          JSON.stringify(await res.allHeaders()),
          // Redirects and aborted requests have no body.
          await res.body().then((b) => b.toString('latin1'), () => ''),
        ],
      }))(),
    );
  });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(server.page);
  await page.waitForSelector('body:not([data-ready="false"])');
  const ready = await page.getAttribute('body', 'data-ready');
  assert.equal(ready, 'true', `the page did not start: ${await page.textContent('#status')} ${problems.join('; ')}`);

  return {
    page,
    context,
    /** Fails if the page's DOM or any request or response of the context contains `secret`. */
    async assertNeverSaw(secret) {
      assert.ok(secret && secret.length >= 16, 'no secret to look for');
      assert.ok(!(await page.content()).includes(secret), 'page.content() contains the secret key');
      const all = await Promise.all(traffic);
      assert.ok(all.length > 0, 'no network traffic was recorded');
      for (const { what, text } of all) {
        // Bodies were decoded as latin1; the secret is ASCII, so a match is a match either way.
        assert.ok(!text.some((t) => t.includes(secret)), `${what} contains the secret key`);
      }
      return all.length;
    },
  };
}

/**
 * Sets the page's object options: every option input shown is cleared first, then `options`
 * (named as the core names them: `cacheControl`, `storageClass`, `metadata: { name: value }`,
 * `forbidOverwrite: true`, `callback: { url, body, contentType }` for OSS or a URL for CMS,
 * `isEncrypt`, …) is typed in. Call after choosing the dialect and method.
 */
export async function fillOptions(page, options = {}) {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('#options details')) d.open = true;
    for (const el of document.querySelectorAll('#options input, #options select')) {
      if (el.type === 'checkbox') el.checked = false;
      else if (el.tagName === 'SELECT') el.selectedIndex = 0;
      else el.value = '';
    }
  });
  const rows = page.locator('#metadata-rows li');
  while ((await rows.count()) > 0) await rows.first().locator('.meta-remove').click();
  for (const [name, value] of Object.entries(options)) {
    if (value === undefined) continue;
    if (name === 'metadata') {
      for (const [metaName, metaValue] of Object.entries(value)) {
        await page.click('#metadata-add');
        await rows.last().locator('.meta-name').fill(metaName);
        await rows.last().locator('.meta-value').fill(String(metaValue));
      }
    } else if (name === 'callback' && typeof value === 'object') {
      await page.fill('#callbackUrl', value.url ?? '');
      await page.fill('#callbackBody', value.body ?? '');
      if (value.contentType) await page.selectOption('#callbackContentType', value.contentType);
    } else if (name === 'callback') {
      await page.fill('#cmsCallback', value);
    } else if (typeof value === 'boolean' && name === 'forbidOverwrite') {
      await page.setChecked('#forbidOverwrite', value);
    } else if ((await page.locator(`#${name}`).evaluate((el) => el.tagName)) === 'SELECT') {
      await page.selectOption(`#${name}`, String(value));
    } else {
      await page.fill(`#${name}`, String(value));
    }
  }
}

/**
 * Uploads `buffer` as a file named `name` through the page's form and waits for the result
 * (`ok`, `error`, or `preview` for a dialect the local bucket does not speak). `key` undefined
 * keeps the page's default key; `options` undefined leaves the object options as they are.
 */
export async function uploadThroughPage(
  page,
  { name, mimeType = 'application/octet-stream', buffer, key, method, scenario = 'none', dialect = 's3', options },
) {
  await page.setInputFiles('#file', { name, mimeType, buffer });
  if (key !== undefined) await page.fill('#key', key);
  await page.selectOption('#dialect', dialect);
  await page.selectOption('#method', method);
  if (dialect === 's3') await page.selectOption('#scenario', scenario);
  if (options !== undefined) await fillOptions(page, options);
  await page.click('#upload');
  await page.waitForSelector('#result[data-status="ok"], #result[data-status="error"], #result[data-status="preview"]', {
    timeout: 60_000,
  });
  return page.evaluate(() => {
    const text = (id) => document.getElementById(id)?.textContent ?? null;
    const pairs = [...document.querySelectorAll('#request-pairs tbody tr')].map((tr) => [
      tr.cells[0].textContent,
      tr.cells[1].textContent,
    ]);
    return {
      status: document.getElementById('result').dataset.status,
      etag: text('result-etag'),
      md5Check: text('result-md5-check'),
      key: text('result-key'),
      size: text('result-size'),
      time: text('result-time'),
      speed: text('result-speed'),
      requestId: text('result-request-id'),
      errorCode: text('error-code'),
      errorMessage: text('error-message'),
      errorStatus: text('error-status'),
      errorField: text('error-field'),
      md5Hex: text('md5-hex'),
      md5Base64: text('md5-base64'),
      request: {
        state: document.getElementById('request').dataset.state,
        method: text('request-method'),
        url: text('request-url'),
        dialect: text('request-dialect'),
        pairs,
      },
      preview: text('result-preview'),
    };
  });
}

/**
 * The error the page shows next to an input (`.field-error` in the input's row or group):
 * `{ text, field, invalid }` where `invalid` is the element marked aria-invalid's id or class.
 */
export function fieldErrors(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.field-error')].map((note) => {
      const invalid = document.querySelector(`[aria-describedby~="${note.id}"]`);
      return {
        text: note.textContent,
        field: note.dataset.field,
        id: note.id,
        invalid: invalid ? invalid.id || invalid.className : null,
        ariaInvalid: invalid?.getAttribute('aria-invalid') ?? null,
      };
    }),
  );
}

/** `/sign` from Node, as the page would call it; returns the parsed JSON and the status. */
export async function signFromNode(server, request) {
  const res = await fetch(new URL('/sign', server.page), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  return { status: res.status, body: await res.json() };
}

/** Where the server stores `key`: DATA_DIR/<bucket>/<key>. */
export const objectPath = (server, key) => join(server.dataDir, server.bucket, key);

/** Every non-hidden file under the bucket folder (s3s-fs keeps its metadata in dot files). */
export function storedFiles(server) {
  const base = join(server.dataDir, server.bucket);
  if (!existsSync(base)) return [];
  return readdirSync(base, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && !d.name.startsWith('.'))
    .map((d) => join(d.parentPath ?? d.path, d.name).slice(base.length + 1));
}
