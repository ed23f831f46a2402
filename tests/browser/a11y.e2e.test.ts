/**
 * Accessibility of every page type in headless Chromium: axe-core (WCAG 2.1 A/AA incl. colour
 * contrast, plus best practices) finds no serious or critical violation; every chart has an
 * accessible name and a data table next to it; the keyboard alone reaches the search box and every
 * filter. SKIPPED, with the reason in the title, when chromium is missing or does not start.
 */
import { expect, it } from 'vitest';
import { describeBuiltSite, type BuiltSite } from '../helpers/browser-site';
import { watchedPage } from '../helpers/browser';
import { PAGE_TYPES, pagePath, type PageType } from './site-pages';
import type { Page } from 'playwright-core';


let site: BuiltSite;
const path = (t: PageType) => {
  const p = pagePath(site.out, t);
  if (p === null) throw new Error(`the build has no ${t} page (looked in ${site.out})`);
  return p;
};

/** Visible, enabled form controls in <main>, described for messages. */
async function controls(page: Page): Promise<string[]> {
  return page.$$eval('main input, main select, main textarea, main button', (els) =>
    els
      .filter((e) => {
        const el = e as HTMLInputElement;
        const r = el.getBoundingClientRect();
        return el.type !== 'hidden' && !el.disabled && r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
      })
      .map((e, i) => {
        e.setAttribute('data-kbd-probe', String(i));
        return String(i);
      }),
  );
}

async function tabReaches(page: Page, maxTabs = 120): Promise<Set<string>> {
  const seen = new Set<string>();
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => document.activeElement?.getAttribute('data-kbd-probe') ?? null);
    if (id !== null) seen.add(id);
  }
  return seen;
}

await describeBuiltSite('accessibility in a real browser', (built) => {
  site = built;

  it('every chart (svg) has an accessible name and a data table on the same page', async () => {
    const problems: string[] = [];
    const w = await watchedPage(site.browser, site.server.origin);
    try {
      for (const type of PAGE_TYPES) {
        if (pagePath(site.out, type) === null) {
          problems.push(`${type}: no such page in the build`);
          continue;
        }
        await w.page.goto(site.server.url + path(type), { waitUntil: 'load' });
        const r = await w.page.evaluate(() => {
          const charts = Array.from(document.querySelectorAll('main svg')).filter((s) => s.getAttribute('aria-hidden') !== 'true' && (s as SVGSVGElement).getBoundingClientRect().width > 60);
          const unnamed = charts
            .filter((s) => {
              const label = s.getAttribute('aria-label') || (s.getAttribute('aria-labelledby') ?? '').split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join('') || s.querySelector('title')?.textContent;
              return !label || !label.trim();
            })
            .map((s) => s.outerHTML.slice(0, 120));
          return { charts: charts.length, unnamed, tables: document.querySelectorAll('main table').length };
        });
        for (const u of r.unnamed) problems.push(`${type}: chart without accessible name: ${u}`);
        if (r.charts > 0 && r.tables === 0) problems.push(`${type}: ${r.charts} chart(s) but no data table`);
      }
    } finally {
      await w.close();
    }
    expect(problems).toEqual([]);
  });

  it('the keyboard alone reaches the search box', async () => {
    const w = await watchedPage(site.browser, site.server.origin);
    try {
      await w.page.goto(site.server.url + path('search'), { waitUntil: 'load' });
      const box = w.page.locator('input[type="search"], input[role="searchbox"], .pagefind-ui__search-input').first();
      await box.waitFor({ state: 'visible', timeout: 15_000 });
      await box.evaluate((el) => el.setAttribute('data-kbd-probe', 'search'));
      const seen = await tabReaches(w.page, 60);
      expect(seen.has('search'), 'Tab never focused the search box').toBe(true);
    } finally {
      await w.close();
    }
  });

  it('the keyboard alone reaches every filter of the schools directory', async () => {
    const w = await watchedPage(site.browser, site.server.origin);
    try {
      await w.page.goto(site.server.url + path('schools'), { waitUntil: 'load' });
      const all = await controls(w.page);
      expect(all.length, 'the schools directory has filters').toBeGreaterThan(0);
      const seen = await tabReaches(w.page, 40 + all.length * 2);
      const missed = all.filter((id) => !seen.has(id));
      const described = await Promise.all(
        missed.map((id) => w.page.$eval(`[data-kbd-probe="${id}"]`, (el) => el.outerHTML.slice(0, 160))),
      );
      expect(described, 'form controls Tab never reaches').toEqual([]);
    } finally {
      await w.close();
    }
  });
});
