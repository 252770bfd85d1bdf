// Launches Debian's Firefox ESR (never a downloaded browser) through puppeteer-core over
// WebDriver BiDi. Pages are Puppeteer pages: `page.goto`, `page.evaluate(fn, arg)`.

import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';

export const FIREFOX = ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => existsSync(p));

/** false when Firefox is installed; otherwise why the Firefox tests skip. */
export const skipFirefox = FIREFOX ? false : 'no Firefox (/usr/bin/firefox-esr): run `bash scripts/setup.sh`';

export function launchFirefox() {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // No update checks, telemetry or remote settings: only loopback traffic.
    extraPrefsFirefox: {
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'network.captive-portal-service.enabled': false,
    },
  });
}
