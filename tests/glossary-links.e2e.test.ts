/**
 * Glossary links on the built sample site (the build's pass, src/lib/site/glossary-links.ts):
 * Chinese pages link the first appearance of glossary terms in their prose, once per term, to an
 * entry that exists; never inside headings, tables, charts or other links; not on /glossary/
 * itself nor under /en/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSiteOnce } from './helpers/site';
import { listFiles } from './helpers/links';

let out = '';
beforeAll(async () => {
  out = await buildSiteOnce();
}, 600_000);

const TERM_LINK = /<a href="([^"]*\/glossary\/#([^"]+))" class="glossary-term">([^<]*)<\/a>/g;
const read = (f: string) => readFileSync(join(out, f), 'utf8');

describe('glossary links on the built sample site', () => {
  it('school, county, topic and methodology pages link their terms, each once, to entries that exist', () => {
    const glossary = read('glossary/index.html');
    const ids = new Set([...glossary.matchAll(/<dt\b[^>]*\bid="([^"]+)"/g)].map((m) => m[1]));
    const expectLinks: Record<string, string[]> = {
      'schools/2199010001/index.html': ['优质均衡', '划片', '大班额'],
      'counties/990101/index.html': ['优质均衡', '差异系数', '综合差异系数'],
      'topics/class-size/index.html': ['大班额', '超大班额'],
      'methodology/index.html': ['综合差异系数', '基本均衡', '划片'],
    };
    for (const [page, want] of Object.entries(expectLinks)) {
      const links = [...read(page).matchAll(TERM_LINK)];
      const words = links.map((m) => m[3]);
      for (const w of want) expect(words, page).toContain(w);
      expect(new Set(words).size, `${page}: a term linked twice`).toBe(words.length);
      for (const m of links) expect(ids.has(m[2]), `${page}: #${m[2]}`).toBe(true);
    }
  });

  it('never inside a heading, a table, a chart, another link, or outside <main>; not on /glossary/ or /en/', () => {
    const bad: string[] = [];
    for (const f of listFiles(out).filter((x) => x.endsWith('.html') && !x.startsWith('pagefind/'))) {
      const html = read(f);
      if (f === 'glossary/index.html' || f.startsWith('en/')) {
        if (html.includes('class="glossary-term"')) bad.push(`${f}: has glossary-term links`);
        continue;
      }
      const main = /<main\b[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? '';
      if ((html.match(/class="glossary-term"/g) ?? []).length !== (main.match(/class="glossary-term"/g) ?? []).length) bad.push(`${f}: link outside <main>`);
      for (const re of [/<h([1-6])\b[\s\S]*?<\/h\1>/g, /<table\b[\s\S]*?<\/table>/g, /<svg\b[\s\S]*?<\/svg>/g, /<a\b[^>]*>(?:(?!<\/a>)[\s\S])*<a\b/g])
        for (const m of main.matchAll(re)) if (m[0].includes('class="glossary-term"')) bad.push(`${f}: ${m[0].slice(0, 80)}`);
    }
    expect(bad).toEqual([]);
  });
});
