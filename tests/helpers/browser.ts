/**
 * Headless Chromium for browser tests: Debian's /usr/bin/chromium driven by playwright-core.
 * When no browser is installed the tests are reported as SKIPPED with the reason in their name —
 * never passed silently. (.ci/run installs chromium when missing.)
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export type Launched = { browser: Browser; reason: null } | { browser: null; reason: string };

export async function launchBrowser(): Promise<Launched> {
  if (process.env.PORTAL_TEST_UNIT) {
    throw new Error('This test opens a browser, so it is an end-to-end test: name its file *.e2e.test.ts (README, "Tests"). npm run test:unit opens no browser.');
  }
  if (!existsSync(CHROMIUM_PATH)) return { browser: null, reason: `no browser at ${CHROMIUM_PATH} (apt-get install chromium)` };
  try {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
    return { browser, reason: null };
  } catch (e) {
    return { browser: null, reason: `chromium at ${CHROMIUM_PATH} failed to start: ${(e as Error).message.split('\n')[0]}` };
  }
}

/** Test-suite title that carries the skip reason, so a skipped run says why. */
export function suiteTitle(title: string, l: Launched | { reason: string | null }): string {
  return l.reason ? `${title} — SKIPPED: ${l.reason}` : title;
}

import type { BrowserContext, Page } from 'playwright-core';
import { join } from 'node:path';
import { ROOT } from './site';

export interface WatchedPage {
  readonly page: Page;
  readonly context: BrowserContext;
  /** console.error messages and uncaught exceptions, with the page URL. */
  readonly errors: string[];
  /** Requests to any origin other than the local server (blocked, and recorded). */
  readonly foreign: string[];
  /** Same-origin responses with status ≥ 400. */
  readonly failed: string[];
  close(): Promise<void>;
}

/**
 * A page in a fresh context that records console errors, page errors, failed same-origin
 * requests and every request to another host (which is aborted: the portal must work offline
 * and must not leak readers to third parties).
 */
export async function watchedPage(
  browser: Browser,
  origin: string,
  opts: { javaScriptEnabled?: boolean; width?: number; height?: number } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 },
    locale: 'zh-CN',
  });
  const errors: string[] = [];
  const foreign: string[] = [];
  const failed: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + '/') || url === origin || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    foreign.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error on ${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`uncaught on ${page.url()}: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400 && r.url().startsWith(origin)) failed.push(`${r.status()} ${r.url()}`);
  });
  return { page, context, errors, foreign, failed, close: () => context.close() };
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: string[];
}

/** Runs axe-core (WCAG 2.x A/AA rules incl. color-contrast) and returns serious/critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: join(ROOT, 'node_modules', 'axe-core', 'axe.min.js') });
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`.slice(0, 300)) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
