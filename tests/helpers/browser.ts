/**
 * Headless Chromium for the browser and accessibility tests (Debian's /usr/bin/chromium driven by
 * playwright-core; nothing is downloaded). When no browser is installed the tests are SKIPPED with
 * the reason printed — never passed silently. .ci/run installs chromium so CI runs them.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Flags this machine needs: no sandbox as root, and no background calls to Google's hosts. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Why browser tests cannot run here, or null when they can. Synchronous so it can drive skipIf. */
export function browserUnavailableReason(): string | null {
  if (process.env.SKIP_BROWSER_TESTS) return `SKIP_BROWSER_TESTS=${process.env.SKIP_BROWSER_TESTS} is set`;
  if (!existsSync(CHROMIUM_PATH))
    return `no Chromium at ${CHROMIUM_PATH} (install Debian's package: apt-get install -y chromium, or set CHROMIUM_PATH)`;
  return null;
}

/** Call at the top of a browser test file: prints the skip reason loudly once. */
export function warnIfSkipped(what: string): string | null {
  const reason = browserUnavailableReason();
  if (reason) console.warn(`\n⚠ SKIPPED ${what}: ${reason}\n`);
  return reason;
}

export interface LaunchedBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/** Launches headless Chromium, or returns null with the reason when it is not installed. */
export async function launchBrowser(): Promise<LaunchedBrowser | { browser: null; reason: string }> {
  const reason = browserUnavailableReason();
  if (reason) return { browser: null, reason };
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'portal-chromium-'));
  // launch() (not launchPersistentContext) so each test can make contexts with JS on or off;
  // the profile dir keeps Chromium from touching $HOME.
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, `--user-data-dir=${profile}`],
  });
  return {
    browser,
    close: async () => {
      await browser.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface PageLog {
  consoleErrors: string[];
  pageErrors: string[];
  requests: string[];
  failed: string[];
}

/** Records console errors, uncaught exceptions, every request and every failed request of a page. */
export function recordPage(page: Page): PageLog {
  const log: PageLog = { consoleErrors: [], pageErrors: [], requests: [], failed: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') log.consoleErrors.push(`${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => log.pageErrors.push(String(e)));
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('requestfailed', (r) => log.failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => {
    if (r.status() >= 400) log.failed.push(`${r.url()} HTTP ${r.status()}`);
  });
  return log;
}

/** Requests that left the local server (data: and blob: URLs are in-page, not network). */
export function foreignRequests(log: PageLog, origin: string): string[] {
  return log.requests.filter((u) => !u.startsWith(origin + '/') && u !== origin && !/^(data|blob|about):/.test(u));
}

export async function newContext(browser: Browser, opts: { width?: number; height?: number; javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 },
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    locale: 'zh-CN',
    serviceWorkers: 'block',
  });
}
