/**
 * Performance budgets that do not depend on the machine, checked on every build of the sample:
 * a school page weighs under 60 KB (HTML + CSS + JS it loads, uncompressed) and shows its content
 * without JavaScript; numeric tables stay out of the search index (data-pagefind-ignore), which
 * is what keeps Pagefind's memory and index size in check at 20,000 schools (see
 * docs/performance.md). Timed figures live in `npm run bench`, not here.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSiteOnce } from './helpers/site';
import { listFiles } from './helpers/links';


const BUDGET_KB = 60;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Bytes of the page plus every stylesheet and script file it loads from the site. */
function weight(dist: string, file: string): { html: number; css: number; js: number } {
  const html = readFileSync(join(dist, file), 'utf8');
  const size = (re: RegExp) => {
    const seen = new Set<string>();
    let sum = 0;
    for (const m of html.matchAll(re)) {
      const href = m[1].split(/[?#]/)[0];
      if (/^([a-z]+:)?\/\//i.test(href)) continue;
      const p = href.startsWith('/') ? join(dist, href.replace(/^\/+/, '')) : join(dist, dirname(file), href);
      if (seen.has(p)) continue;
      seen.add(p);
      if (existsSync(p) && statSync(p).isFile()) sum += statSync(p).size;
    }
    return sum;
  };
  return {
    html: Buffer.byteLength(html),
    css: size(/<link\b[^>]*\brel=["']?stylesheet["']?[^>]*\bhref=["']([^"']+)["']/gi) + size(/<link\b[^>]*\bhref=["']([^"']+)["'][^>]*\brel=["']?stylesheet/gi),
    js: size(/<script\b[^>]*\bsrc=["']([^"']+)["']/gi) + size(/<link\b[^>]*\brel=["']?modulepreload["']?[^>]*\bhref=["']([^"']+)["']/gi),
  };
}

/** A cell that only adds "words" like 1234, 56.7 %, 2025-09-01 or a SHA-256 to a search index. */
const NUMERIC_CELL = /^(?:[\s\d.,%+\-−–—:/<>≥≤×~（）()]+|[0-9a-f]{16,}|[\d.,\s]+\s*(?:B|KB|MB|GB|元|万元|人|所|个|班|%|‰|㎡|平方米|册|台|间)?)$/i;

export interface IndexedTable {
  /** Caption or first header cell, to name the table in a failure message. */
  name: string;
  cells: number;
  numericCells: number;
}

/**
 * Tables of a page that Pagefind would index: not inside (or on) an element with
 * data-pagefind-ignore, and inside data-pagefind-body when the page has one.
 */
/**
 * `siteUsesBody`: Pagefind's rule is site-wide — once any page marks data-pagefind-body, pages
 * without it are not indexed at all (the English pages, for one).
 */
export function indexedTables(html: string, siteUsesBody = false): IndexedTable[] {
  const body = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '');
  const usesBody = siteUsesBody || /\sdata-pagefind-body\b/.test(body);
  const stack: { name: string; ignore: boolean; bodyRoot: boolean; start?: number }[] = [];
  const out: IndexedTable[] = [];
  for (const m of body.matchAll(/<(\/?)([a-zA-Z][\w:-]*)([^>]*?)(\/?)>/g)) {
    const [, close, rawName, attrs, selfClose] = m;
    const name = rawName.toLowerCase();
    if (close) {
      const at = stack.map((e) => e.name).lastIndexOf(name);
      if (at >= 0) {
        const el = stack[at];
        if (name === 'table' && el.start !== undefined) {
          const inner = body.slice(el.start, m.index);
          const text = (s: string) => s.replace(/<[^>]*>/g, '').replace(/&nbsp;|&#160;/g, ' ').replace(/\s+/g, ' ').trim();
          const cells = [...inner.matchAll(/<td\b[^>]*>([\s\S]*?)<\/td>/gi)].map((c) => text(c[1])).filter((c) => c !== '');
          const caption = /<caption\b[^>]*>([\s\S]*?)<\/caption>/i.exec(inner) ?? /<th\b[^>]*>([\s\S]*?)<\/th>/i.exec(inner);
          out.push({ name: caption ? text(caption[1]).slice(0, 40) : '(no caption)', cells: cells.length, numericCells: cells.filter((c) => NUMERIC_CELL.test(c)).length });
        }
        stack.length = at;
      }
      continue;
    }
    const ignore = /\sdata-pagefind-ignore\b/.test(` ${attrs}`);
    const bodyRoot = /\sdata-pagefind-body\b/.test(` ${attrs}`);
    let start: number | undefined;
    if (name === 'table') {
      const ignored = ignore || stack.some((e) => e.ignore);
      const inBody = !usesBody || bodyRoot || stack.some((e) => e.bodyRoot);
      if (!ignored && inBody) start = m.index + m[0].length;
    }
    if (!VOID.has(name) && !selfClose) stack.push({ name, ignore, bodyRoot, start });
  }
  return out;
}

/** Indexed tables whose cells are mostly numbers (the ones that blow up Pagefind's vocabulary). */
export const numericIndexed = (html: string, siteUsesBody = false) => indexedTables(html, siteUsesBody).filter((t) => t.cells > 0 && t.numericCells / t.cells >= 0.5);

describe('the table scanner itself', () => {
  it('finds only tables Pagefind would index, and tells numeric ones from text ones', () => {
    const t = (cells: string) => `<table><caption>表</caption><tr>${cells}</tr></table>`;
    const n = '<td>1,234</td><td>56.7%</td><td>学校</td>';
    expect(indexedTables(`<main>${t(n)}<div data-pagefind-ignore>${t(n)}</div><table data-pagefind-ignore="all"></table></main>`)).toHaveLength(1);
    expect(indexedTables(`<header>${t(n)}</header><main data-pagefind-body><p>x<br></p>${t(n)}</main>`)).toHaveLength(1);
    expect(indexedTables(`<main data-pagefind-body><section data-pagefind-ignore><svg><rect/></svg>${t(n)}</section></main>`)).toHaveLength(0);
    // Mostly numbers (2 of 3 cells) → numeric; a text table (column dictionary) may be indexed.
    expect(numericIndexed(`<main>${t(n)}</main>`)).toEqual([{ name: '表', cells: 3, numericCells: 2 }]);
    expect(numericIndexed(`<main>${t('<td>school_id</td><td>学校标识码</td><td>文本</td>')}</main>`)).toEqual([]);
    expect(numericIndexed(`<main>${t('<td>a.csv</td><td>12.5 KB</td><td>3f2a9c0b1d4e5f60718293a4b5c6d7e8</td>')}</main>`)).toHaveLength(1);
    // A page without data-pagefind-body on a site where other pages have it is not indexed at all.
    expect(numericIndexed(`<main>${t(n)}</main>`, true)).toEqual([]);
  });
});

describe('performance budgets on the sample build', () => {
  it(`every school page weighs under ${BUDGET_KB} KB (HTML + CSS + JS) and carries its tables in the HTML`, async () => {
    const dist = await buildSiteOnce();
    const schools = existsSync(join(dist, 'schools'))
      ? readdirSync(join(dist, 'schools')).filter((d) => existsSync(join(dist, 'schools', d, 'index.html')))
      : [];
    expect(schools.length, 'no school pages (schools/<id>/index.html) in the build').toBeGreaterThan(20);
    const over: string[] = [];
    const noTables: string[] = [];
    for (const id of schools) {
      const file = `schools/${id}/index.html`;
      const w = weight(dist, file);
      const total = w.html + w.css + w.js;
      if (total >= BUDGET_KB * 1024) over.push(`${file}: ${(total / 1024).toFixed(1)} KB (HTML ${(w.html / 1024).toFixed(1)}, CSS ${(w.css / 1024).toFixed(1)}, JS ${(w.js / 1024).toFixed(1)})`);
      if (!/<table\b/i.test(readFileSync(join(dist, file), 'utf8'))) noTables.push(file);
    }
    expect(over, `school pages over ${BUDGET_KB} KB:\n${over.slice(0, 10).join('\n')}`).toEqual([]);
    expect(noTables, 'school pages whose figures are not in the HTML (need JavaScript to show)').toEqual([]);
  });

  it('numeric tables are kept out of the search index on every page (data-pagefind-ignore)', async () => {
    const dist = await buildSiteOnce();
    const pages = listFiles(dist).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'));
    const html = new Map(pages.map((p) => [p, readFileSync(join(dist, p), 'utf8')] as const));
    const siteUsesBody = [...html.values()].some((h) => /\sdata-pagefind-body\b/.test(h));
    const offenders = pages.flatMap((p) =>
      numericIndexed(html.get(p)!, siteUsesBody).map((t) => `${p}: “${t.name}” (${t.numericCells} of ${t.cells} cells are numbers, hashes or sizes)`),
    );
    expect(offenders, `numeric tables Pagefind would index (mark them or an ancestor data-pagefind-ignore):\n${offenders.slice(0, 20).join('\n')}`).toEqual([]);
  });
});
