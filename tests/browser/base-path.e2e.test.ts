/**
 * The portal served under a sub-path (portal.yml base_path: /jiaoyu/, as on a bureau's existing
 * site): pages, styles, scripts and the search index all load from under /jiaoyu/ — nothing is
 * requested from the server root — and a search result leads to the school's page under /jiaoyu/.
 * SKIPPED, with the reason in the title, when chromium is missing or does not start.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPortalData } from '../../src/lib/model/load';
import { buildSiteOnce, SAMPLE_DATA, sampleDataWithBase } from '../helpers/site';
import { serveStatic, type StaticServer } from '../helpers/server';
import { launchBrowser, suiteTitle, watchedPage } from '../helpers/browser';
import { pagePath, type PageType } from './site-pages';

const BASE = '/jiaoyu/';
const launched = await launchBrowser();
const { data } = await loadPortalData(SAMPLE_DATA);
const school = (data.schools as unknown as { school_id: string; name: string; status: string }[]).find((s) => s.status !== 'closed')!;

let out = '';
let server: StaticServer;

describe.skipIf(!launched.browser)(suiteTitle(`site under base path ${BASE}`, launched), () => {
  const browser = launched.browser!;
  beforeAll(async () => {
    // The same build as quality-links and publishing-base-path (one per test run).
    out = await buildSiteOnce(await sampleDataWithBase(BASE));
    server = await serveStatic(out, BASE);
  });
  afterAll(async () => {
    await server?.close();
    await browser.close();
  });

  for (const type of ['home', 'school', 'county', 'schools', 'search'] as PageType[]) {
    it(`${type} page: everything it loads comes from under ${BASE}`, async () => {
      const p = pagePath(out, type, { school: school.school_id });
      expect(p, `${type} page in the build`).not.toBeNull();
      const w = await watchedPage(browser, server.origin);
      const outside: string[] = [];
      w.page.on('request', (r) => {
        const u = new URL(r.url());
        if (u.origin === server.origin && !u.pathname.startsWith(BASE)) outside.push(u.pathname);
      });
      try {
        const res = await w.page.goto(server.url + p, { waitUntil: 'networkidle' });
        expect(res?.status()).toBe(200);
        expect(outside, 'requests outside the base path').toEqual([]);
        expect(w.failed, 'failed requests').toEqual([]);
        expect(w.errors, 'console errors').toEqual([]);
        expect(w.foreign, 'other hosts').toEqual([]);
        // Internal links in the page point under the base path too.
        const stray = await w.page.$$eval('a[href^="/"]', (as, base) => as.map((a) => a.getAttribute('href')!).filter((h) => !h.startsWith(base as string)), BASE);
        expect(stray, 'root-relative links outside the base path').toEqual([]);
      } finally {
        await w.close();
      }
    });
  }

  it(`search under ${BASE} finds ${school.name} and links to its page under ${BASE}`, async () => {
    const w = await watchedPage(browser, server.origin);
    try {
      await w.page.goto(server.url + pagePath(out, 'search'), { waitUntil: 'networkidle' });
      const box = w.page.locator('main input[type="search"], main input[role="searchbox"]').first();
      await box.click();
      await box.pressSequentially(school.name, { delay: 20 });
      await box.press('Enter');
      const hit = w.page.locator(`main a[href*="schools/${school.school_id}/"]`).first();
      await hit.waitFor({ state: 'visible', timeout: 15_000 });
      expect(await hit.getAttribute('href')).toMatch(new RegExp(`^(${server.origin})?${BASE}schools/${school.school_id}/`));
      await Promise.all([w.page.waitForLoadState('load'), hit.click()]);
      expect(new URL(w.page.url()).pathname).toBe(`${BASE}schools/${school.school_id}/`);
      expect(await w.page.locator('h1').textContent()).toContain(school.name);
      expect([...w.errors, ...w.failed, ...w.foreign]).toEqual([]);
    } finally {
      await w.close();
    }
  });
});
