/**
 * Search, as a reader meets it: the name index (built from the data) and the search page's own
 * matching, merging and escaping (src/lib/views/search-client.ts, the module the page runs).
 *
 * Measured on the sample and on a generated region of 300 schools: the full name, the code, the
 * pinyin and the initials of every school put that school first; so does a one-character typo
 * (a wrong or a missing character) whenever the typo is closer to that school than to any other
 * name — when it is equally close to several (第1教学点 → 第某教学点), the school is among them.
 * Name hits always come before Pagefind's pages (mergeResults), so Pagefind cannot push them down.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../src/lib/pipeline';
import { generateLarge } from '../src/lib/sample';
import { nameIndex, pinyinOf, type NameEntry } from '../src/lib/views/search';
import { editDistance, matchNames, mergeResults, resultHtml, safeExcerpt, safeHref, type PagefindHit } from '../src/lib/views/search-client';
import { SAMPLE_DATA } from './helpers/site';

const entry = (n: string, t: string, c = '', u = `/x/${c || n}/`): NameEntry => ({ u, n, t, c, ...((x) => ({ p: x.pinyin, i: x.initials }))(pinyinOf(n)), d: '' });

describe('escaping of results (no page data reaches innerHTML unescaped)', () => {
  it('keeps only <mark> from a Pagefind excerpt; tags, attributes and entities in page text stay text', () => {
    expect(safeExcerpt('青禾区<mark>实验</mark>小学')).toBe('青禾区<mark>实验</mark>小学');
    expect(safeExcerpt('<img src=x onerror=alert(1)><mark>a</mark>')).toBe('&lt;img src=x onerror=alert(1)&gt;<mark>a</mark>');
    // Pagefind encodes page text: an encoded tag is decoded once and escaped again, never revived.
    expect(safeExcerpt('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(safeExcerpt('<mark onclick="x">a</mark>')).toBe('&lt;mark onclick=&quot;x&quot;&gt;a</mark>');
    expect(safeExcerpt('A &amp; B')).toBe('A &amp; B');
  });

  it('escapes title, type and context, and links only to paths of this site', () => {
    const html = resultHtml({ url: 'javascript:alert(1)', title: '<b>校</b>', type: '学"校', context: "O'Neil & <i>", excerpt: '' });
    expect(html).toContain('href="#"');
    expect(html).toContain('&lt;b&gt;校&lt;/b&gt;');
    expect(html).toContain('学&quot;校');
    expect(html).toContain('O&#39;Neil &amp; &lt;i&gt;');
    expect(html).not.toMatch(/<b>|<i>/);
    expect(safeHref('//evil.example/')).toBe('#');
    expect(safeHref('/schools/1/')).toBe('/schools/1/');
  });
});

describe('matching names', () => {
  const idx = [entry('青禾区', '县区', '990101'), entry('青禾区实验小学', '学校', '2199010001'), entry('青禾区红杉小学', '学校', '2199010002'), entry('云溪县实验小学', '学校', '2199020001'), entry('班额', '专题')];
  const first = (q: string) => matchNames(q, idx)[0]?.entry.n;

  it('one character wrong, missing or extra still finds the school', () => {
    expect(editDistance('青和区实验小学', '青禾区实验小学')).toBe(1);
    expect(first('青和区实验小学')).toBe('青禾区实验小学');
    expect(first('青禾区实小学')).toBe('青禾区实验小学');
    expect(first('青禾区实验小小学')).toBe('青禾区实验小学');
  });
  it('a county by its pinyin and initials, before the schools named after it', () => {
    expect(first('qinghe')).toBe('青禾区');
    expect(first('qinghequ')).toBe('青禾区');
    expect(first('qhq')).toBe('青禾区');
    expect(first('Qing He Qu')).toBe('青禾区');
  });
  it('a school by its code, pinyin (with or without spaces) and initials', () => {
    expect(first('2199010002')).toBe('青禾区红杉小学');
    expect(first('qinghequ hongshan xiaoxue')).toBe('青禾区红杉小学');
    expect(first('qhqhsxx')).toBe('青禾区红杉小学');
    expect(matchNames('sy xx', idx).map((h) => h.entry.n)).toEqual(['青禾区实验小学', '云溪县实验小学']);
  });
  it('several words must all match', () => {
    expect(matchNames('云溪 实验', idx).map((h) => h.entry.n)).toEqual(['云溪县实验小学']);
  });
  it('a query that names nothing finds nothing', () => {
    expect(matchNames('大学', idx)).toEqual([]);
    expect(matchNames('   ', idx)).toEqual([]);
  });
});

describe('merging with Pagefind', () => {
  const pf = (url: string, type: string, title = url): PagefindHit => ({ url, excerpt: `…${title}…`, meta: { type, title } });
  it('name hits first, then school/county/topic pages, then reference pages; each page once', () => {
    const names = matchNames('青禾区实验小学', [entry('青禾区实验小学', '学校', '1', '/schools/1/')]);
    const r = mergeResults(names, [pf('/data/dictionary/', '页面'), pf('/methodology/', '方法说明'), pf('/schools/1/', '学校'), pf('/counties/9/', '县区'), pf('/guide/', '指南')]);
    expect(r.map((x) => x.url)).toEqual(['/schools/1/', '/counties/9/', '/data/dictionary/', '/methodology/', '/guide/']);
    // The school keeps Pagefind's excerpt of its own page.
    expect(r[0]!.excerpt).toBe('…/schools/1/…');
  });
});

/** What a reader types for each school, and whether the school comes first. */
function measure(index: readonly NameEntry[], everyPosition = true) {
  const schools = index.filter((e) => e.t === '学校');
  const names = new Set(index.map((e) => e.n));
  const failures: string[] = [];
  let checked = 0;
  let ambiguous = 0;
  const expectFirst = (q: string, e: NameEntry, why: string) => {
    checked++;
    const top = matchNames(q, index)[0]?.entry;
    if (top?.u !== e.u) failures.push(`${why} “${q}” → ${top ? top.n : '（无）'}，应为 ${e.n}`);
  };
  const sameName = new Map<string, number>();
  for (const e of schools) sameName.set(e.n, (sameName.get(e.n) ?? 0) + 1);
  schools.forEach((e, n) => {
    expectFirst(e.c, e, '代码');
    if (sameName.get(e.n)! > 1) return; // two schools of one name: only the code tells them apart
    expectFirst(e.n, e, '全名');
    expectFirst(e.p, e, '拼音');
    expectFirst(e.p.replace(/ /g, ''), e, '拼音（连写）');
    const chars = [...e.n];
    // Every position on the sample; two positions per school (varying with the school) on a large region.
    const positions = everyPosition ? chars.map((_, k) => k) : [n % chars.length, (n * 7 + 3) % chars.length];
    for (const k of positions) {
      for (const typo of [[...chars.slice(0, k), '某', ...chars.slice(k + 1)].join(''), [...chars.slice(0, k), ...chars.slice(k + 1)].join('')]) {
        if (names.has(typo) || [...typo].length < 3) continue; // the typo is another real name
        const close = schools.filter((s) => editDistance(typo, s.n, 1) <= 1);
        if (close.length === 1) expectFirst(typo, e, '错一字');
        else {
          ambiguous++;
          const top = matchNames(typo, index, close.length + 5).slice(0, close.length).map((h) => h.entry.u);
          checked++;
          if (!top.includes(e.u)) failures.push(`错一字（与${close.length}所学校同样接近）“${typo}” → 不在前${close.length}个`);
        }
      }
    }
  });
  return { schools: schools.length, checked, ambiguous, failures };
}

describe('every school first for its name, code, pinyin and a one-character typo', () => {
  it('on the sample region', async () => {
    const p = await runPipeline({ dataDir: SAMPLE_DATA });
    const m = measure(nameIndex(p.portal()));
    console.log(`sample: ${m.schools} schools, ${m.checked} queries (${m.ambiguous} typos equally close to several schools), ${m.failures.length} failures`);
    expect(m.failures).toEqual([]);
    expect(m.schools).toBeGreaterThan(30);
  });

  const dir = mkdtempSync(join(tmpdir(), 'views-search-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('on a generated region of 300 schools', async () => {
    generateLarge(dir, 300);
    const p = await runPipeline({ dataDir: dir });
    const m = measure(nameIndex(p.portal()), false);
    console.log(`generated: ${m.schools} schools, ${m.checked} queries (${m.ambiguous} typos equally close to several schools), ${m.failures.length} failures`);
    expect(m.failures.slice(0, 20)).toEqual([]);
    expect(m.schools).toBe(300);
  }, 240_000);
});
