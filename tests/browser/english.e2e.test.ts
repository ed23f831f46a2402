/**
 * The English version (issue 14 item 7) in the built sample (portal.yml english: true): the
 * /en/ pages of every kind exist, say lang="en", link their Chinese page with hreflang and are
 * linked back from it (every hreflang target exists), show the sample banner in English, and
 * switch language to their Chinese page. In Chromium (width at 320/390/1280, header, axe,
 * requests) every /en/ page is checked with every other page by every-page.e2e.test.ts. With
 * english: false (the minimal fixture) no /en/ page is built and no Chinese page links one.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, buildSiteOnce } from '../helpers/site';
import { fixtureCopy } from '../fixture-dir';
import { everyPage, SAMPLE_BASE } from './site-pages';

/** One English page of each kind (paths relative to the base). */
const EN_PAGES = ['en/', 'en/schools/', 'en/schools/2199010001/', 'en/schools/3199020009/', 'en/counties/', 'en/counties/990101/', 'en/topics/', 'en/topics/admissions/', 'en/topics/class-size/', 'en/topics/funding/', 'en/topics/teachers/', 'en/methodology/', 'en/data/', 'en/data/admissions/'];

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

  it('the language switch of every English page leads to its Chinese page', () => {
    const switchOf = (p: string) => /<a[^>]*class="lang-switch"[^>]*href="([^"]+)"|<a[^>]*href="([^"]+)"[^>]*class="lang-switch"/.exec(html(p));
    expect(EN_PAGES.map((p) => [p, switchOf(p)?.[1] ?? switchOf(p)?.[2] ?? null])).toEqual(EN_PAGES.map((p) => [p, SAMPLE_BASE + p.slice('en/'.length)]));
  });

  it('English pages stay out of the Chinese search index', () => {
    for (const p of EN_PAGES) expect(html(p), p).not.toMatch(/data-pagefind-body/);
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
