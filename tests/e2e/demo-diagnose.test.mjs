// The demo page's "Check the bucket" button (www/diagnose.js): it runs diagnose() against the
// local bucket with the multipart method's signer (the backend's /sign) and lists each finding —
// the check, ok or failed, the detail, and for a failure its fix with the CORS rule in a <pre>.
// Against the local bucket every check is ok and the test upload leaves nothing behind; with ETag
// removed from Access-Control-Expose-Headers (a Playwright route, as diagnose.test.mjs does) the
// page shows the failed "expose ETag" check and the rule that fixes it. The page never holds the
// secret key.

import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { launch, openPage } from './browser.mjs';
import { skip, startServer } from './server.mjs';

let server;
let browser;

before(async () => {
  if (skip) return;
  server = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Clicks the button and reads the report the page shows. */
async function check(page) {
  const button = page.getByRole('button', { name: 'Check the bucket' });
  assert.ok(await button.isEnabled(), 'the button is disabled on a ready page');
  await button.click();
  await page.waitForSelector('#diagnose-report[data-state="done"], #diagnose-report[data-state="error"]', { timeout: 30_000 });
  return page.evaluate(() => {
    const report = document.getElementById('diagnose-report');
    return {
      state: report.dataset.state,
      ok: report.dataset.ok,
      summary: document.getElementById('diagnose-summary')?.textContent ?? null,
      error: document.getElementById('diagnose-error')?.textContent ?? null,
      status: document.getElementById('diagnose-status').textContent,
      buttonDisabled: document.getElementById('diagnose').disabled,
      findings: [...report.querySelectorAll('#diagnose-findings > li')].map((li) => ({
        check: li.dataset.check,
        ok: li.dataset.ok,
        name: li.querySelector('.finding-check')?.textContent,
        verdict: li.querySelector('.finding-verdict')?.textContent,
        detail: li.querySelector('.finding-detail')?.textContent,
        fix: li.querySelector('.finding-fix p')?.textContent ?? null,
        rule: li.querySelector('.finding-fix pre')?.textContent ?? null,
      })),
    };
  });
}

const uploadsLeft = () => readdirSync(server.dataDir).filter((f) => f.startsWith('.upload'));

test('demo page: "Check the bucket" against the local bucket shows every check ok', { skip }, async () => {
  const { page, context, assertNeverSaw } = await openPage(browser, server);
  try {
    const r = await check(page);
    assert.equal(r.state, 'done', JSON.stringify(r));
    assert.equal(r.ok, 'true', JSON.stringify(r, null, 1));
    assert.deepEqual(r.findings.map((f) => f.check), ['create', 'clock', 'uploadPart', 'listParts', 'abort']);
    for (const f of r.findings) {
      assert.deepEqual([f.ok, f.verdict, f.name], ['true', 'ok', f.check], JSON.stringify(f));
      assert.ok(f.detail?.length > 10, `no detail for ${f.check}`);
      assert.equal(f.fix, null, `a passed check shows a fix: ${JSON.stringify(f)}`);
    }
    assert.equal(r.summary, 'All 5 checks passed.');
    assert.match(r.status, /ready for uploads/);
    assert.equal(r.buttonDisabled, false, 'the button stays disabled after the check');
    assert.deepEqual(uploadsLeft(), [], 'the test upload left files in the bucket');
    await assertNeverSaw(server.secretKey);
  } finally {
    await context.close();
  }
});

test('demo page: with ETag hidden from CORS, the failed "expose ETag" check and its CORS rule are shown', { skip }, async () => {
  const { page, context } = await openPage(browser, server);
  try {
    await page.route(`${server.endpoint}/**`, async (route) => {
      if (route.request().method() === 'OPTIONS') return route.continue();
      const response = await route.fetch();
      const headers = { ...response.headers() };
      headers['access-control-expose-headers'] = (headers['access-control-expose-headers'] ?? '')
        .split(',').map((h) => h.trim()).filter((h) => h.toLowerCase() !== 'etag').join(', ');
      await route.fulfill({ response, headers });
    });
    const r = await check(page);
    assert.equal(r.ok, 'false', JSON.stringify(r, null, 1));
    const failed = r.findings.filter((f) => f.ok === 'false');
    assert.deepEqual(failed.map((f) => f.check), ['expose ETag'], JSON.stringify(r, null, 1));
    const [f] = failed;
    assert.equal(f.verdict, 'failed');
    assert.match(f.detail, /ETag is not readable/);
    assert.match(f.fix, /^Fix: expose ETag/);
    // The rule in the <pre> is the JSON to paste: this page's origin, PUT and POST, ETag exposed.
    const rule = JSON.parse(f.rule);
    assert.ok(Array.isArray(rule) && rule.length === 1, f.rule);
    assert.deepEqual(rule[0].AllowedOrigins, [new URL(server.page).origin]);
    assert.ok(rule[0].AllowedMethods.includes('PUT') && rule[0].AllowedMethods.includes('POST'), f.rule);
    assert.ok(rule[0].ExposeHeaders.includes('ETag'), f.rule);
    assert.match(f.rule, /\n {2}\{/, 'the rule is not pretty-printed');
    assert.equal(r.summary, `1 of ${r.findings.length} checks failed.`);
    assert.match(r.status, /needs the fixes/);
    assert.deepEqual(uploadsLeft(), [], 'the test upload left files in the bucket');
  } finally {
    await context.close();
  }
});
