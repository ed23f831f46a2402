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
import { BUILD_SCRIPT_EXISTS, buildSiteOnce } from './helpers/site';
import { listFiles } from './helpers/links';

const why = BUILD_SCRIPT_EXISTS ? '' : ' — SKIPPED: scripts/build.ts does not exist yet';
if (why) console.warn(`\n⚠ performance budgets${why}\n`);

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

/** Tables of a page that would be indexed: not inside (or on) an element with data-pagefind-ignore. */
export function indexedTables(html: string): number {
  const body = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '');
  // Pagefind indexes only inside data-pagefind-body when a page has one.
  const usesBody = /\sdata-pagefind-body\b/.test(body);
  const stack: { name: string; ignore: boolean; bodyRoot: boolean }[] = [];
  let count = 0;
  for (const m of body.matchAll(/<(\/?)([a-zA-Z][\w:-]*)([^>]*?)(\/?)>/g)) {
    const [, close, rawName, attrs, selfClose] = m;
    const name = rawName.toLowerCase();
    if (close) {
      const at = stack.map((e) => e.name).lastIndexOf(name);
      if (at >= 0) stack.length = at;
      continue;
    }
    const ignore = /\sdata-pagefind-ignore\b/.test(` ${attrs}`);
    const bodyRoot = /\sdata-pagefind-body\b/.test(` ${attrs}`);
    if (name === 'table') {
      const ignored = ignore || stack.some((e) => e.ignore);
      const inBody = !usesBody || bodyRoot || stack.some((e) => e.bodyRoot);
      if (!ignored && inBody) count++;
    }
    if (!VOID.has(name) && !selfClose) stack.push({ name, ignore, bodyRoot });
  }
  return count;
}

describe('the table scanner itself', () => {
  it('counts only tables Pagefind would index', () => {
    expect(indexedTables('<main><table></table><div data-pagefind-ignore><table></table></div><table data-pagefind-ignore="all"></table></main>')).toBe(1);
    expect(indexedTables('<header><table></table></header><main data-pagefind-body><p>x<br></p><table></table></main>')).toBe(1);
    expect(indexedTables('<main data-pagefind-body><section data-pagefind-ignore><svg><rect/></svg><table></table></section></main>')).toBe(0);
  });
});

describe.skipIf(!BUILD_SCRIPT_EXISTS)(`performance budgets on the sample build${why}`, () => {
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
    const offenders = pages
      .map((p) => ({ p, n: indexedTables(readFileSync(join(dist, p), 'utf8')) }))
      .filter((x) => x.n > 0)
      .map((x) => `${x.p}: ${x.n} table(s) indexed`);
    expect(offenders, `tables Pagefind would index (mark them or an ancestor data-pagefind-ignore):\n${offenders.slice(0, 15).join('\n')}`).toEqual([]);
  });
});
