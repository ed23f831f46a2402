/**
 * The one setup of the browser suites that read the built sample site: launch Chromium, build the
 * site once (shared per checkout), serve it under its base path, and close both afterwards. When
 * Chromium is missing the suite is reported as SKIPPED with the reason in its title.
 */
import { afterAll, beforeAll, describe } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildSiteOnce } from './site';
import { serveStatic, type StaticServer } from './server';
import { launchBrowser, suiteTitle } from './browser';
import { SAMPLE_BASE } from '../browser/site-pages';

export interface BuiltSite {
  readonly browser: Browser;
  /** The build's output folder (set before the first test runs). */
  readonly out: string;
  /** The local server of `out` (set before the first test runs). */
  readonly server: StaticServer;
}

export async function describeBuiltSite(title: string, body: (site: BuiltSite) => void): Promise<void> {
  const launched = await launchBrowser();
  describe.skipIf(!launched.browser)(suiteTitle(title, launched), () => {
    const site = { browser: launched.browser!, out: '', server: null as unknown as StaticServer };
    beforeAll(async () => {
      site.out = await buildSiteOnce();
      site.server = await serveStatic(site.out, SAMPLE_BASE);
    });
    afterAll(async () => {
      await site.server?.close();
      await launched.browser?.close();
    });
    body(site);
  });
}
