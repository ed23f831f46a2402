/**
 * Search on the built sample site: loads dist/pagefind/pagefind.js in Node (fetch reads the index
 * files from disk), applies the same query transformation as the /search/ page (segmentQuery +
 * rankResults), and checks what a reader would notice: a full school name puts that school first,
 * a county name finds the county page, a street or community of a school's zone finds the school,
 * pinyin finds a school. Prints precision for every school name.
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSiteOnce } from './helpers/site';
import { loadPortalData } from '../src/lib/model/load';
import type { PortalData } from '../src/lib/model/types';
import { rankResults, segmentQuery } from '../src/lib/site/search-query';
import { matchNames, mergeResults, type PagefindHit } from '../src/lib/views/search-client';
import type { NameEntry } from '../src/lib/views/search';

interface Hit {
  url: string;
  title: string;
  type: string;
}

let out: string;
let data: PortalData;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let pagefind: any;

let names: NameEntry[] = [];

/** What the /search/ page does: the name index first (matchNames), then Pagefind's pages (mergeResults). */
async function search(raw: string, filters: Record<string, string> = {}): Promise<Hit[]> {
  const res = await pagefind.search(segmentQuery(raw) || null, { filters });
  const frags = (await Promise.all(res.results.slice(0, 30).map((r: { data: () => Promise<unknown> }) => r.data()))) as PagefindHit[];
  const nameHits = Object.keys(filters).length ? [] : matchNames(raw, names);
  return mergeResults(nameHits, frags).map((r) => ({ url: r.url, title: r.title, type: r.type }));
}

const schoolPath = (id: string) => `/schools/${id}/`;

beforeAll(async () => {
  out = await buildSiteOnce();
  data = (await loadPortalData(join(fileURLToPath(new URL('..', import.meta.url)), 'data'))).data;
  names = JSON.parse(await readFile(join(out, 'search', 'names.json'), 'utf8')) as NameEntry[];
  const dir = join(out, 'pagefind');
  // pagefind.js fetches its index relative to its own URL; in Node, read those files from disk.
  globalThis.fetch = (async (u: string | URL) => new Response(await readFile(fileURLToPath(String(u))))) as typeof fetch;
  pagefind = await import(pathToFileURL(join(dir, 'pagefind.js')).href);
  await pagefind.options({ basePath: pathToFileURL(dir + '/').href });
  await pagefind.init();
}, 600_000);

describe('query transformation', () => {
  it('segments unspaced Chinese into space-separated words, keeps pinyin', () => {
    expect(segmentQuery('实验小学')).toBe('实验 小学');
    expect(segmentQuery('  SY  xx ')).toBe('sy xx');
    expect(segmentQuery('文昌街道，实验小学')).toBe('文昌 街道 实验 小学');
  });
  it('ranks the page titled exactly as the query first', () => {
    const r = rankResults('云溪县', [{ title: '云溪县招生公开' }, { title: '云溪县实验小学' }, { title: '云溪县' }]);
    expect(r.map((x) => x.title)).toEqual(['云溪县', '云溪县招生公开', '云溪县实验小学']);
  });
});

describe('search on the built sample site', () => {
  it('indexes every school page, county page and topic page, with page types', async () => {
    expect(existsSync(join(out, 'pagefind', 'pagefind-entry.json'))).toBe(true);
    const r = await pagefind.search(null, { filters: { 类型: '学校' } });
    expect(r.results.length).toBe(data.schools.length);
  });

  it('a full school name puts that school first (every school; prints precision)', async () => {
    let top1 = 0;
    let top5 = 0;
    let pagefindOrderTop1 = 0;
    const misses: string[] = [];
    for (const s of data.schools) {
      // For the record: Pagefind's own order for the segmented query, before rankResults.
      const plain = await pagefind.search(segmentQuery(s.name));
      const first = plain.results[0] ? await plain.results[0].data() : null;
      if (first?.url.endsWith(schoolPath(s.school_id))) pagefindOrderTop1++;
      const hits = await search(s.name);
      expect(JSON.stringify(hits), 'no pinyin in what the reader sees').not.toMatch(/qinghe|shiyan/);
      const i = hits.findIndex((h) => h.url.endsWith(schoolPath(s.school_id)));
      if (i === 0) top1++;
      else misses.push(`${s.name} → ${hits[0]?.title ?? '无结果'}`);
      if (i >= 0 && i < 5) top5++;
    }
    const n = data.schools.length;
    console.log(`school-name search: top-1 ${top1}/${n} = ${(top1 / n).toFixed(3)}, in top 5 ${top5}/${n} = ${(top5 / n).toFixed(3)} (Pagefind order alone: top-1 ${pagefindOrderTop1}/${n})`);
    expect(top1 / n, misses.join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  it('the first hit for a school name is a school page (shows its type)', async () => {
    const s = data.schools[0];
    const [first] = await search(s.name);
    expect(first.type).toBe('学校');
  });

  it('a county name finds the county page first', async () => {
    for (const c of data.regions.filter((r) => r.level === 'county')) {
      const hits = await search(c.name);
      expect(hits[0]?.url, c.name).toMatch(new RegExp(`/counties/${c.region_code}/$`));
      expect(hits[0].type).toBe('县区');
    }
  });

  it('a street or community in a school’s zone finds that school', async () => {
    const latest = data.years[data.years.length - 1];
    const zones = latest.zones ?? [];
    expect(zones.length).toBeGreaterThan(0);
    // Every distinct area: all schools whose zone contains it must be among the results.
    const byArea = new Map<string, Set<string>>();
    for (const z of zones) byArea.set(z.area, (byArea.get(z.area) ?? new Set()).add(z.school_id));
    let found = 0;
    const misses: string[] = [];
    for (const [area, ids] of byArea) {
      const hits = await search(area);
      const schoolHits = hits.filter((h) => h.type === '学校').slice(0, 5);
      const ok = [...ids].every((id) => schoolHits.some((h) => h.url.endsWith(schoolPath(id))));
      if (ok) found++;
      else misses.push(`${area} → ${schoolHits.map((h) => h.title).join('、') || '无学校'}`);
    }
    console.log(`zone search: ${found}/${byArea.size} areas list their school(s) among the first 5 school results`);
    expect(found / byArea.size, misses.slice(0, 10).join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  it('a street name alone (without the community) finds the schools zoned there', async () => {
    const s = data.schools.find((x) => x.school_id === '2199010001')!;
    const street = (data.years[data.years.length - 1].zones ?? []).find((z) => z.school_id === s.school_id)!.area.match(/^(.+?街道)/)?.[1];
    expect(street).toBeTruthy();
    const hits = await search(street!);
    expect(hits.slice(0, 5).some((h) => h.url.endsWith(schoolPath(s.school_id)))).toBe(true);
  });

  it('excerpts are clean Chinese: no pinyin text in any page Pagefind indexes', async () => {
    const r = await pagefind.search(segmentQuery('qinghe'));
    expect(r.results.length).toBe(0);
  });

  it('a county by its pinyin and initials (qinghe, qhq → 青禾区 first)', async () => {
    for (const q of ['qinghe', 'qhq', 'qinghequ']) expect((await search(q))[0]?.title, q).toBe('青禾区');
  });

  it('a one-character typo or a missing character of a school name still finds it first', async () => {
    const s = data.schools.find((x) => x.name === '青禾区实验小学')!;
    for (const q of ['青和区实验小学', '青禾区实小学', '清禾区实验小学']) expect((await search(q))[0]?.url, q).toMatch(new RegExp(`${schoolPath(s.school_id)}$`));
  });

  it('a school code puts the school first (not the changelog)', async () => {
    for (const s of data.schools) expect((await search(s.school_id))[0]?.url, s.school_id).toMatch(new RegExp(`${schoolPath(s.school_id)}$`));
  });

  it('pinyin of a school name finds it; initials find the schools with those words', async () => {
    const s = data.schools.find((x) => x.name === '青禾区实验小学')!;
    const full = await search('qinghequshiyanxiaoxue');
    expect(full[0]?.url).toMatch(new RegExp(`${schoolPath(s.school_id)}$`));
    const initials = await search('sy xx');
    expect(initials.slice(0, 5).some((h) => h.url.endsWith(schoolPath(s.school_id)))).toBe(true);
  });

  it('filters by data year: a school closed before the latest year is not listed for it', async () => {
    const latest = data.years[data.years.length - 1].year;
    const r = await pagefind.search(null, { filters: { 类型: '学校', 年份: String(latest) } });
    const open = data.schools.filter((s) => s.closed_year === null || s.closed_year > latest).length;
    expect(r.results.length).toBeGreaterThan(0);
    expect(r.results.length).toBeLessThanOrEqual(open);
  });

  it('filters by county and stage', async () => {
    const county = data.regions.find((r) => r.level === 'county')!;
    const r = await pagefind.search(segmentQuery('小学'), { filters: { 县区: county.name, 学段: '小学' } });
    const frags = await Promise.all(r.results.map((x: { data: () => Promise<{ filters: Record<string, string[]> }> }) => x.data()));
    expect(frags.length).toBeGreaterThan(0);
    for (const f of frags) {
      expect(f.filters['县区']).toContain(county.name);
      expect(f.filters['学段']).toContain('小学');
    }
  });
});
