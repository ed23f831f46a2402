/**
 * Glossary links where a term first appears on a page (src/lib/site/glossary-links.ts): the first
 * occurrence of each term in the prose of <main> becomes a link to its entry — never inside a
 * heading, a link, a table, a chart, code or hidden text; longest term first; entities read as
 * characters; pages in English and the glossary itself left alone; the same bytes every time.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GlossaryLinker, glossaryTermsFromPage, linkGlossaryInDist, linkGlossaryTerms } from '../src/lib/site/glossary-links';

const terms = [
  { term: '差异系数', href: '/glossary/#cv' },
  { term: '综合差异系数', href: '/glossary/#composite-cv' },
  { term: '优质均衡', href: '/glossary/#quality-balance' },
  { term: '划片', href: '/glossary/#zone' },
  { term: '划片入学', href: '/glossary/#zoning' },
  { term: '<5', href: '/glossary/#suppressed' },
];
const page = (main: string, lang = 'zh-CN') => `<!DOCTYPE html><html lang="${lang}"><head><title>差异系数</title></head><body><header><p>差异系数</p></header><main id="main">${main}</main><footer>优质均衡</footer></body></html>`;
const mainOf = (html: string) => /<main id="main">([\s\S]*)<\/main>/.exec(html)![1];
const link = (main: string) => mainOf(linkGlossaryTerms(page(main), terms));
const a = (href: string, text: string) => `<a href="${href}" class="glossary-term">${text}</a>`;

describe('linking the first occurrence in the prose of <main>', () => {
  it('links the first occurrence of each term only, and nothing outside <main>', () => {
    const html = linkGlossaryTerms(page('<p>优质均衡看差异系数，差异系数越小越好。</p><p>优质均衡。</p>'), terms);
    expect(mainOf(html)).toBe(`<p>${a('/glossary/#quality-balance', '优质均衡')}看${a('/glossary/#cv', '差异系数')}，差异系数越小越好。</p><p>优质均衡。</p>`);
    expect(html).toContain('<header><p>差异系数</p></header>');
    expect(html).toContain('<footer>优质均衡</footer>');
    expect(html).toContain('<title>差异系数</title>');
  });

  it('inside nested inline tags the term is linked where it stands; a term split by a tag is left alone', () => {
    expect(link('<p>要求<strong>各项<em>差异系数</em></strong>不超过</p>')).toBe(`<p>要求<strong>各项<em>${a('/glossary/#cv', '差异系数')}</em></strong>不超过</p>`);
    expect(link('<p>差异<b>系数</b></p>')).toBe('<p>差异<b>系数</b></p>');
  });

  it('never in headings, links, tables, charts and their figures, code, captions, summaries, navigation or hidden text', () => {
    const skipped = [
      '<h2>差异系数</h2>',
      '<p><a href="/counties/">差异系数</a></p>',
      '<table><caption>差异系数</caption><tr><td>差异系数</td></tr></table>',
      '<svg><text>差异系数</text><title>差异系数</title></svg>',
      '<script>const s = "<p>差异系数</p>";</script>',
      '<style>.x::after{content:"差异系数"}</style>',
      '<p><code>差异系数</code></p>',
      '<figure class="chart"><figcaption>差异系数</figcaption><p class="summary">差异系数由0.56降至0.41。</p></figure>',
      '<details><summary>差异系数</summary></details>',
      '<nav><p>差异系数</p></nav>',
      '<p><span class="visually-hidden">差异系数</span></p>',
      '<div hidden><p>差异系数</p></div>',
    ].join('');
    expect(link(skipped)).toBe(skipped);
    // … and the first occurrence in prose after them is the one linked
    expect(link(`${skipped}<p>差异系数</p>`)).toBe(`${skipped}<p>${a('/glossary/#cv', '差异系数')}</p>`);
  });

  it('a term inside an existing link is skipped; a link already pointing at the entry counts as linked', () => {
    expect(link('<p><a href="/x/">差异系数</a>，差异系数</p>')).toBe(`<p><a href="/x/">差异系数</a>，${a('/glossary/#cv', '差异系数')}</p>`);
    const own = '<p><a href="/glossary/#cv">差异系数</a>，差异系数</p>';
    expect(link(own)).toBe(own);
  });

  it('longest term first, no overlaps: 综合差异系数 whole, then 差异系数; 划片入学 over 划片', () => {
    expect(link('<p>综合差异系数是差异系数的平均；综合差异系数只作参考。</p>')).toBe(
      `<p>${a('/glossary/#composite-cv', '综合差异系数')}是${a('/glossary/#cv', '差异系数')}的平均；综合差异系数只作参考。</p>`,
    );
    // a repeated longer term never gives away the shorter one inside it
    expect(link('<p>综合差异系数，综合差异系数</p>')).toBe(`<p>${a('/glossary/#composite-cv', '综合差异系数')}，综合差异系数</p>`);
    expect(link('<p>实行划片入学，按划片招生。</p>')).toBe(`<p>实行${a('/glossary/#zoning', '划片入学')}，按${a('/glossary/#zone', '划片')}招生。</p>`);
  });

  it('entities are read as characters and kept as written: &lt;5 is the term “<5”', () => {
    expect(link('<p>R&amp;D：小于&lt;5的数不显示；&#24046;异系数</p>')).toBe(`<p>R&amp;D：小于${a('/glossary/#suppressed', '&lt;5')}的数不显示；${a('/glossary/#cv', '&#24046;异系数')}</p>`);
  });

  it('attribute values holding “>” and comments do not confuse it', () => {
    expect(link('<p title="a > b"><!-- 差异系数 -->差异系数</p>')).toBe(`<p title="a > b"><!-- 差异系数 -->${a('/glossary/#cv', '差异系数')}</p>`);
  });

  it('English pages and pages without <main> are left as they are', () => {
    const en = page('<p>差异系数</p>', 'en');
    expect(linkGlossaryTerms(en, terms)).toBe(en);
    expect(linkGlossaryTerms('<p>差异系数</p>', terms)).toBe('<p>差异系数</p>');
  });

  it('deterministic and idempotent: a second pass changes no byte', () => {
    const once = linkGlossaryTerms(page('<p>优质均衡和差异系数，综合差异系数。</p>'), terms);
    expect(linkGlossaryTerms(page('<p>优质均衡和差异系数，综合差异系数。</p>'), terms)).toBe(once);
    expect(linkGlossaryTerms(once, terms)).toBe(once);
  });

  it('fast: a 60 KB page in well under a millisecond or so', () => {
    const linker = new GlossaryLinker(terms);
    const big = page('<p>' + '本站公开学校的办学条件数据，逐项对照国家标准。'.repeat(2500) + '差异系数</p>');
    const t0 = performance.now();
    for (let i = 0; i < 50; i++) linker.link(big);
    const perPage = (performance.now() - t0) / 50;
    expect(perPage).toBeLessThan(20);
  });
});

describe('the pass over a built site', () => {
  it('reads the terms from the glossary page, with the base path; skips the glossary page and /en/', () => {
    const glossary = page('<dl class="glossary prose"><dt id="cv">差异系数</dt><dd>…</dd><dt id="suppressed">&lt;5</dt><dd>…</dd></dl>');
    expect(glossaryTermsFromPage(glossary, '/jiaoyu/')).toEqual([
      { term: '差异系数', href: '/jiaoyu/glossary/#cv' },
      { term: '<5', href: '/jiaoyu/glossary/#suppressed' },
    ]);
    const dist = mkdtempSync(join(tmpdir(), 'glossary-links-'));
    try {
      for (const d of ['glossary', 'en/schools', 'schools/1']) mkdirSync(join(dist, d), { recursive: true });
      writeFileSync(join(dist, 'glossary/index.html'), glossary);
      writeFileSync(join(dist, 'schools/1/index.html'), page('<p>差异系数</p>'));
      writeFileSync(join(dist, 'en/schools/index.html'), page('<p>差异系数</p>'));
      const line = linkGlossaryInDist(dist, '/jiaoyu/');
      expect(line).toMatch(/^术语链接：1 个页面中 1 个加上了术语表链接/);
      expect(readFileSync(join(dist, 'schools/1/index.html'), 'utf8')).toContain(a('/jiaoyu/glossary/#cv', '差异系数'));
      expect(readFileSync(join(dist, 'glossary/index.html'), 'utf8')).toBe(glossary);
      expect(readFileSync(join(dist, 'en/schools/index.html'), 'utf8')).toBe(page('<p>差异系数</p>'));
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
