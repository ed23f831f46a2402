/**
 * The built sample site, checked as a reader and a browser would meet it: every page type is
 * there, in Chinese, with the 示例数据 banner; every chart carries a title, a description, a
 * one-sentence summary and its data table; nothing is fetched from another host; no internal link
 * is broken; invalid data stops the build with the Chinese issue list.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, buildSiteOnce, SAMPLE_DATA } from './helpers/site';
import { checkLinks, describeBroken, listFiles } from './helpers/links';
import { loadPortalData } from '../src/lib/model/load';
import type { PortalData } from '../src/lib/model/types';

let out: string;
let pages: string[];
let data: PortalData;
const html = (p: string) => readFileSync(join(out, p), 'utf8');

beforeAll(async () => {
  out = await buildSiteOnce();
  pages = listFiles(out).filter((f) => f.endsWith('.html'));
  data = (await loadPortalData(SAMPLE_DATA)).data;
}, 600_000);

describe('page types', () => {
  it('home, directory, every school, every county, topics, methodology, search and data pages exist', () => {
    const expected = [
      'index.html',
      'schools/index.html',
      'counties/index.html',
      'topics/index.html',
      'topics/admissions/index.html',
      'topics/class-size/index.html',
      'topics/funding/index.html',
      'topics/teachers/index.html',
      'topics/progress/index.html',
      'methodology/index.html',
      'search/index.html',
      'data/index.html',
      ...data.schools.map((s) => `schools/${s.school_id}/index.html`),
      ...data.regions.filter((r) => r.level === 'county').flatMap((r) => [`counties/${r.region_code}/index.html`, `topics/admissions/${r.region_code}/index.html`]),
    ];
    expect(expected.filter((p) => !existsSync(join(out, p)))).toEqual([]);
  });

  it('a school page names the school in its h1 and a county page names the county', () => {
    const s = data.schools[0];
    expect(html(`schools/${s.school_id}/index.html`)).toMatch(new RegExp(`<h1[^>]*>${s.name}</h1>`));
    const c = data.regions.find((r) => r.level === 'county')!;
    expect(html(`counties/${c.region_code}/index.html`)).toMatch(new RegExp(`<h1[^>]*>${c.name}</h1>`));
  });
});

describe('every page', () => {
  it('is in Chinese (lang="zh-CN"; the English version under en/ lang="en") with a title and a description', () => {
    const bad = pages.filter((p) => {
      const h = html(p);
      const lang = p.startsWith('en/') ? 'en' : 'zh-CN';
      return !new RegExp(`<html lang="${lang}"`).test(h) || !/<title>[^<]+<\/title>/.test(h) || !/<meta name="description" content="[^"]+"/.test(h);
    });
    expect(bad).toEqual([]);
  });

  it('shows the 示例数据 banner while portal.yml says sample: true', () => {
    expect(data.settings.sample).toBe(true);
    const without = pages.filter((p) => !(p.startsWith('en/') ? /class="sample-banner"[^>]*>[\s\S]{0,80}Sample data/ : /class="sample-banner"[^>]*>[\s\S]{0,80}示例数据/).test(html(p)));
    expect(without).toEqual([]);
  });

  it('fetches nothing from another host: no external src, stylesheet, script, font or CSS url()', () => {
    const external: string[] = [];
    for (const p of pages) {
      const h = html(p);
      for (const m of h.matchAll(/\s(?:src|srcset|poster)="([^"]*)"/g)) if (/^(https?:)?\/\//.test(m[1])) external.push(`${p}: ${m[1]}`);
      for (const m of h.matchAll(/<link\b[^>]*\bhref="([^"]*)"/g)) if (/^(https?:)?\/\//.test(m[1]) && !/rel="(canonical|license)"/.test(m[0])) external.push(`${p}: ${m[1]}`);
      for (const m of h.matchAll(/url\(\s*['"]?((?:https?:)?\/\/[^'")]+)/g)) external.push(`${p}: ${m[1]}`);
    }
    for (const css of listFiles(out).filter((f) => f.endsWith('.css'))) {
      for (const m of readFileSync(join(out, css), 'utf8').matchAll(/url\(\s*['"]?((?:https?:)?\/\/[^'")]+)/g)) external.push(`${css}: ${m[1]}`);
      expect(readFileSync(join(out, css), 'utf8')).not.toMatch(/@import\s+url\(\s*['"]?https?:/);
    }
    expect(external).toEqual([]);
  });

  it('links to other hosts only where the data names them (licence, plan documents, school websites)', () => {
    const allowed = new Set<string>();
    const host = (u: string | null | undefined) => {
      try {
        return u ? new URL(u).host : null;
      } catch {
        return null;
      }
    };
    for (const u of [data.settings.license.url, ...data.plans.map((p) => p.source_url), ...data.schools.map((s) => s.website)]) {
      const h = host(u as string | null);
      if (h) allowed.add(h);
    }
    const unexpected: string[] = [];
    for (const p of pages) for (const m of html(p).matchAll(/<a\b[^>]*\bhref="(https?:\/\/[^"]+)"/g)) if (!allowed.has(new URL(m[1]).host)) unexpected.push(`${p}: ${m[1]}`);
    expect(unexpected).toEqual([]);
  });

  it('has no broken internal link or asset', () => {
    const { broken, checked } = checkLinks(out, { base: data.settings.base_path });
    expect(checked).toBeGreaterThan(pages.length * 5);
    expect(broken, describeBroken(broken)).toEqual([]);
  });
});

describe('charts', () => {
  const figures = () =>
    pages.flatMap((p) => {
      const h = html(p);
      return [...h.matchAll(/<figure class="chart[^"]*"[^>]*>([\s\S]*?)<\/figure>\s*<details class="chart-data"[^>]*>([\s\S]*?)<\/details>|<figure class="chart[^"]*"[^>]*>([\s\S]*?)<\/figure>/g)].map((m) => ({ page: p, fig: m[1] ?? m[3], table: m[2] ?? null }));
    });

  it('county, topic and school pages have charts', () => {
    const f = figures();
    const c = data.regions.find((r) => r.level === 'county')!;
    for (const page of [`counties/${c.region_code}/index.html`, 'topics/class-size/index.html', `schools/${data.schools[0].school_id}/index.html`]) {
      expect(f.filter((x) => x.page === page).length, page).toBeGreaterThan(0);
    }
  });

  it('every chart has a title, a description (aria-labelledby), a summary sentence and its data table right after', () => {
    const bad: string[] = [];
    for (const { page, fig, table } of figures()) {
      const svg = /<svg\b[^>]*>/.exec(fig)?.[0] ?? '';
      const ids = /aria-labelledby="([^"]+)"/.exec(svg)?.[1].split(' ') ?? [];
      const titleOk = ids.length === 2 && new RegExp(`<title id="${ids[0]}">[^<]+</title>`).test(fig) && new RegExp(`<desc id="${ids[1]}">[^<]+</desc>`).test(fig);
      const summary = /<p class="summary">([^<]+)<\/p>/.exec(fig)?.[1] ?? '';
      const tableOk = !!table && /<table>[\s\S]*<th[\s\S]*<td/.test(table);
      if (!/role="img"/.test(svg) || !titleOk || !summary.endsWith('。') || !tableOk) bad.push(`${page}: ${/<figcaption>([^<]*)/.exec(fig)?.[1]}`);
    }
    expect(bad).toEqual([]);
  });

  it('chart tables stay out of the search index', () => {
    for (const p of pages) for (const m of html(p).matchAll(/<details class="chart-data"([^>]*)>/g)) expect(m[1]).toContain('data-pagefind-ignore');
  });

  it('no chart table or page shows NaN or undefined', () => {
    const bad = pages.filter((p) => /NaN|>undefined</.test(html(p).replace(/<script[\s\S]*?<\/script>/g, '')));
    expect(bad).toEqual([]);
  });
});

describe('build with invalid data', () => {
  let work: string;
  let result: Awaited<ReturnType<typeof buildSite>>;
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'portal-site-bad-'));
    cpSync(SAMPLE_DATA, join(work, 'data'), { recursive: true });
    const f = join(work, 'data', 'schools.csv');
    const lines = readFileSync(f, 'utf8').split(/\r?\n/);
    // Row 3 repeats the school code of row 2 (a duplicate school_id).
    const first = lines[1].split(',')[0];
    lines[2] = [first, ...lines[2].split(',').slice(1)].join(',');
    writeFileSync(f, lines.join('\n'));
    result = await buildSite(join(work, 'data'), join(work, 'dist'));
  }, 600_000);

  it('exits 1 with the Chinese issue list, naming the file and row, and no stack trace', () => {
    expect(result.code).toBe(1);
    expect(result.log).toContain('schools.csv');
    expect(result.log).toMatch(/第3行/);
    expect(result.log).toContain('错误');
    expect(result.log).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(result.log).not.toMatch(/Error:/);
    expect(existsSync(join(work, 'dist', 'index.html'))).toBe(false);
    rmSync(work, { recursive: true, force: true });
  });
});

describe('a year whose files are not published', () => {
  let work: string;
  let ok = false;
  const text = (f: string) =>
    readFileSync(join(work, 'dist', f), 'utf8')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ');
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'portal-site-gap-'));
    cpSync(SAMPLE_DATA, join(work, 'data'), { recursive: true });
    rmSync(join(work, 'data', '2022', 'admissions.csv'));
    rmSync(join(work, 'data', '2024', 'classes.csv'));
    rmSync(join(work, 'data', '2023', 'resources.csv'));
    const r = await buildSite(join(work, 'data'), join(work, 'dist'));
    ok = r.ok;
    if (!ok) console.log(r.log);
  }, 600_000);

  it('reads “未公布” for that year on the county page and the topic pages, never 0', () => {
    expect(ok).toBe(true);
    const county = data.regions.find((r) => r.level === 'county')!;
    const c = text(`counties/${county.region_code}/index.html`);
    expect(c).toMatch(/2022年 未公布（2022\/admissions\.csv）/);
    expect(c).toMatch(/2024年 未公布/);
    // The CV monitoring table: every indicator reads 未公布 for 2023.
    const cvRow = /每百名学生拥有高于规定学历教师数 \S+ ([^ ]+)(?: ✓| ✗ 超出)? ([^ ]+)(?: ✓| ✗ 超出)? ([^ ]+)/.exec(c);
    expect(cvRow?.[3]).toBe('未公布');
    expect(text('topics/admissions/index.html')).toMatch(new RegExp(`${county.name} [^未]*未公布`));
    expect(text('topics/class-size/index.html')).toMatch(/2024年 未公布/);
    rmSync(work, { recursive: true, force: true });
  });
});
