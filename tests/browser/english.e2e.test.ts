/**
 * The English version (issue 14 item 7) in headless Chromium, on the sample (portal.yml
 * english: true): the /en/ pages of every kind exist, say lang="en", link their Chinese page
 * with hreflang and are linked back from it (every hreflang target exists), show the sample
 * banner in English, fit a 390 px phone without sideways scroll, keep the header compact, and axe
 * finds no serious or critical violation. With english: false (the minimal fixture) no /en/ page
 * is built and no Chinese page links one. SKIPPED, with the reason in the title, when chromium is
 * missing.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, buildSiteOnce } from '../helpers/site';
import { serveStatic, type StaticServer } from '../helpers/server';
import { launchBrowser, seriousAxeViolations, suiteTitle, watchedPage } from '../helpers/browser';
import { fixtureCopy } from '../fixture-dir';
import { SAMPLE_BASE } from './site-pages';

const launched = await launchBrowser();

/** One English page of each kind (paths relative to the base). */
const EN_PAGES = ['en/', 'en/schools/', 'en/schools/2199010001/', 'en/schools/3199020009/', 'en/counties/', 'en/counties/990101/', 'en/topics/', 'en/topics/admissions/', 'en/topics/class-size/', 'en/topics/funding/', 'en/topics/teachers/', 'en/methodology/', 'en/data/', 'en/data/admissions/'];

/** Site paths (relative to the base) of every HTML page in a build (as tests/browser/every-page.e2e.test.ts lists them). */
function everyPage(out: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) {
        if (e.name !== 'pagefind' && e.name !== '_astro') walk(join(dir, e.name));
      } else if (e.name === 'index.html') {
        const rel = relative(out, dir).split('\\').join('/');
        found.push(rel ? rel + '/' : '');
      }
    }
  };
  walk(out);
  return found.sort();
}

/** hreflang alternates of a built page: { 'zh-CN': path, en: path, 'x-default': path }. */
function alternates(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)) out[m[1]] = m[2];
  return out;
}

describe('the English version in the built sample', () => {
  let out = '';
  const html = (p: string) => readFileSync(join(out, p, 'index.html'), 'utf8');
  beforeAll(async () => {
    out = await buildSiteOnce();
  }, 900_000);

  it('English pages of every kind exist, with lang="en" and the banner in English', () => {
    for (const p of EN_PAGES) {
      expect(existsSync(join(out, p, 'index.html')), p).toBe(true);
      const h = html(p);
      expect(h, p).toMatch(/<html lang="en"/);
      expect(h, p).toMatch(/class="sample-banner"[^>]*>[\s\S]{0,80}Sample data/);
    }
  });

  it('hreflang both ways: every /en/ page names its Chinese page, which names it back; every target exists', () => {
    const all = everyPage(out);
    const enPages = all.filter((p) => p.startsWith('en/'));
    // every school and county, the lists, methodology, data and each dataset
    expect(enPages.length).toBeGreaterThanOrEqual(EN_PAGES.length);
    const bad: string[] = [];
    for (const p of all) {
      const a = alternates(html(p));
      const isEn = p.startsWith('en/');
      if (isEn && !a.en) bad.push(`${p}: no hreflang`);
      if (!a.en) continue;
      const self = SAMPLE_BASE + p;
      if ((isEn ? a.en : a['zh-CN']) !== self) bad.push(`${p}: hreflang does not name the page itself`);
      if (a['x-default'] !== a['zh-CN']) bad.push(`${p}: x-default is not the Chinese page`);
      for (const target of [a.en, a['zh-CN']]) {
        const rel = target.slice(SAMPLE_BASE.length);
        if (!all.includes(rel)) bad.push(`${p}: ${target} does not exist`);
        else if (alternates(html(rel)).en !== a.en) bad.push(`${p}: ${target} does not link back`);
      }
    }
    expect(bad).toEqual([]);
    // the Chinese pages that have an English version say so
    for (const p of ['', 'schools/2199010001/', 'counties/', 'topics/', 'topics/class-size/', 'methodology/', 'data/admissions/']) expect(alternates(html(p)).en, p).toBe(`${SAMPLE_BASE}en/${p}`);
    expect(alternates(html('guide/')).en).toBeUndefined();
    expect(alternates(html('topics/progress/')).en).toBeUndefined();
  });

  it('English pages stay out of the Chinese search index', () => {
    for (const p of EN_PAGES) expect(html(p), p).not.toMatch(/data-pagefind-body/);
  });
});

describe.skipIf(!launched.browser)(suiteTitle('English pages in a real browser', launched), () => {
  const browser = launched.browser!;
  let server: StaticServer;
  const seen: { path: string; sideways: number; header: number; axe: string[]; problems: string[]; switchTo: string | null }[] = [];

  beforeAll(async () => {
    const out = await buildSiteOnce();
    server = await serveStatic(out, SAMPLE_BASE);
    const w = await watchedPage(browser, server.origin, { width: 390, height: 844 });
    for (const path of EN_PAGES) {
      const before = [w.errors.length, w.failed.length, w.foreign.length];
      await w.page.goto(server.url + path, { waitUntil: 'load' });
      const m = await w.page.evaluate(() => ({
        sw: document.documentElement.scrollWidth,
        header: Math.round((document.querySelector('.sample-banner')?.getBoundingClientRect().height ?? 0) + (document.querySelector('header')?.getBoundingClientRect().height ?? 0)),
        switchTo: document.querySelector('.lang-switch')?.getAttribute('href') ?? null,
      }));
      const axe = (await seriousAxeViolations(w.page)).map((v) => `${v.impact} ${v.id}: ${v.help} ${v.nodes[0] ?? ''}`);
      const problems = [...w.errors.slice(before[0]), ...w.failed.slice(before[1]), ...w.foreign.slice(before[2])];
      seen.push({ path, sideways: m.sw - 390, header: m.header, axe, problems, switchTo: m.switchTo });
    }
    await w.close();
  }, 900_000);
  afterAll(async () => {
    await server?.close();
    await browser.close();
  });

  it('no sideways scroll at 390 px and a compact header (≤ 140 px)', () => {
    expect(seen.filter((s) => s.sideways > 0).map((s) => `${s.path}: ${s.sideways} px too wide`)).toEqual([]);
    expect(seen.filter((s) => s.header > 140).map((s) => `${s.path}: header ${s.header} px`)).toEqual([]);
  });

  it('axe: no serious or critical violation; no console error, failed request or other host', () => {
    expect(seen.flatMap((s) => s.axe.map((a) => `${s.path}: ${a}`))).toEqual([]);
    expect(seen.flatMap((s) => s.problems.map((a) => `${s.path}: ${a}`))).toEqual([]);
  });

  it('the language switch leads to the Chinese page', () => {
    expect(seen.map((s) => [s.path, s.switchTo])).toEqual(seen.map((s) => [s.path, SAMPLE_BASE + s.path.slice('en/'.length)]));
  });
});

describe('with english: false', () => {
  let out = '';
  let fx: { dir: string; cleanup: () => void };
  beforeAll(async () => {
    fx = fixtureCopy('minimal');
    out = mkdtempSync(join(tmpdir(), 'portal-no-english-'));
    const r = await buildSite(fx.dir, out);
    expect(r.ok, r.log).toBe(true);
  }, 900_000);
  afterAll(() => {
    fx?.cleanup();
    rmSync(out, { recursive: true, force: true });
  });

  it('no /en/ page is built and no Chinese page links one or shows the switch', () => {
    expect(existsSync(join(out, 'en'))).toBe(false);
    for (const p of everyPage(out)) {
      const h = readFileSync(join(out, p, 'index.html'), 'utf8');
      expect(h, p).not.toMatch(/hreflang="en"|class="lang-switch"/);
      expect(h, p).toMatch(/<html lang="zh-CN"/);
    }
  });
});
