/**
 * Every page of the built sample site (not one per route) in one headless Chromium: nothing scrolls
 * sideways at 320, 390 or 1280 px; axe finds no serious or critical violation at 390 px; the phone
 * header leaves the screen to the page; the long reference pages stay short enough to scan on a
 * phone. SKIPPED, with the reason in the title, when chromium is missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildSiteOnce } from '../helpers/site';
import { serveStatic, type StaticServer } from '../helpers/server';
import { launchBrowser, seriousAxeViolations, suiteTitle, watchedPage } from '../helpers/browser';
import { everyPage, SAMPLE_BASE } from './site-pages';

const launched = await launchBrowser();

interface Measure {
  readonly path: string;
  /** Widest element scrolling the page sideways per width (px over the viewport), or nothing. */
  readonly sideways: string[];
  readonly header390: number;
  readonly height390: number;
  readonly axe: string[];
  /** HTTP status, h1 count and lang of the page; console errors, failed and other-host requests it caused. */
  readonly status: number | null;
  readonly h1: number;
  readonly lang: string;
  readonly problems: string[];
}

async function overflow(page: Page, width: number): Promise<string | null> {
  await page.setViewportSize({ width, height: 844 });
  return page.evaluate((w) => {
    const sw = document.documentElement.scrollWidth;
    if (sw <= w) return null;
    let culprit = '';
    let widest = 0;
    for (const el of Array.from(document.querySelectorAll('main *, header *, footer *'))) {
      const r = el.getBoundingClientRect();
      if (r.right > widest && !el.closest('.table-wrap, nav ul')) {
        widest = r.right;
        culprit = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : ''}`;
      }
    }
    return `${w} px: page is ${sw} px wide (widest: ${culprit})`;
  }, width);
}

describe.skipIf(!launched.browser)(suiteTitle('every page in a real browser', launched), () => {
  const browser = launched.browser!;
  let out = '';
  let server: StaticServer;
  const measures: Measure[] = [];

  beforeAll(async () => {
    out = await buildSiteOnce();
    server = await serveStatic(out, SAMPLE_BASE);
    // Two pages side by side (the CI runner has 2 cores); results are sorted back into path order.
    const paths = everyPage(out);
    const survey = async (mine: readonly string[]) => {
      const w = await watchedPage(browser, server.origin, { width: 390, height: 844 });
      const page = w.page;
      for (const path of mine) {
        const seen = [w.errors.length, w.failed.length, w.foreign.length];
        await page.setViewportSize({ width: 390, height: 844 });
        const res = await page.goto(server.url + path, { waitUntil: 'load' });
        const head = await page.evaluate(() => ({ h1: document.querySelectorAll('h1').length, lang: document.documentElement.lang }));
        const m390 = await page.evaluate(() => ({
          header: Math.round((document.querySelector('.sample-banner')?.getBoundingClientRect().height ?? 0) + (document.querySelector('header')?.getBoundingClientRect().height ?? 0)),
          height: document.documentElement.scrollHeight,
        }));
        const axe = (await seriousAxeViolations(page)).map((v) => `${v.impact} ${v.id}: ${v.help} ${v.nodes[0] ?? ''}`);
        const sideways: string[] = [];
        for (const width of [390, 320, 1280]) {
          const o = await overflow(page, width);
          if (o) sideways.push(o);
        }
        const problems = [...w.errors.slice(seen[0]), ...w.failed.slice(seen[1]).map((f) => `failed ${f}`), ...w.foreign.slice(seen[2]).map((f) => `other host ${f}`)];
        measures.push({ path: path || '/', sideways, header390: m390.header, height390: m390.height, axe, status: res?.status() ?? null, ...head, problems });
      }
      await w.close();
    };
    await Promise.all([survey(paths.filter((_, i) => i % 2 === 0)), survey(paths.filter((_, i) => i % 2 === 1))]);
    measures.sort((x, y) => x.path.localeCompare(y.path));
  }, 1_800_000); // 152 pages with the English version (62 under en/); 900 s was not enough on a loaded 2-core machine
  afterAll(async () => {
    await server?.close();
    await browser.close();
  });

  it('the build has every page a reader navigates (home, schools, counties, topics, data, guide …)', () => {
    const paths = measures.map((m) => m.path);
    expect(paths.length).toBeGreaterThan(60);
    for (const p of ['/', 'schools/', 'counties/', 'topics/', 'methodology/', 'data/', 'data/dictionary/', 'guide/', 'search/', 'changelog/']) expect(paths).toContain(p);
  });

  it('every page loads (200) with one h1, lang zh-CN (en under en/), no console error, no failed request and no request to another host', () => {
    const lang = (path: string) => (path.startsWith('en/') ? 'en' : 'zh-CN');
    expect(measures.filter((m) => m.status !== 200 || m.h1 !== 1 || m.lang !== lang(m.path)).map((m) => `${m.path}: ${m.status} h1×${m.h1} lang=${m.lang}`)).toEqual([]);
    expect(measures.flatMap((m) => m.problems.map((x) => `${m.path}: ${x}`))).toEqual([]);
  });

  it('no page scrolls sideways at 320, 390 or 1280 px', () => {
    expect(measures.flatMap((m) => m.sideways.map((s) => `${m.path}: ${s}`))).toEqual([]);
  });

  it('axe: no serious or critical violation on any page (390 px)', () => {
    expect(measures.flatMap((m) => m.axe.map((a) => `${m.path}: ${a}`))).toEqual([]);
  });

  it('the phone header (banner and topic menu included) takes at most 140 of 844 px', () => {
    expect(measures.filter((m) => m.header390 > 140).map((m) => `${m.path}: ${m.header390} px`)).toEqual([]);
  });

  it('the reference pages are not tens of thousands of px tall on a phone (≤ 12,000 px at 390 px)', () => {
    const long = ['data/', 'methodology/', 'data/dictionary/', 'guide/', 'data/latest/'];
    expect(measures.filter((m) => long.includes(m.path) && m.height390 > 12_000).map((m) => `${m.path}: ${m.height390} px`)).toEqual([]);
  });
});
