/**
 * The words of every built page, as a reader reads them: no doubled punctuation (“。。”), no
 * doubled word (“小学小学”), no null / undefined / NaN, and — with english: false — no English
 * words in the Chinese UI. Allowed: codes and keys in <code>, what to type in <kbd>, text marked lang="en", file names
 * (schools.csv), e-mail and web addresses, site paths, format and tool names (Excel, JSON …), and
 * the data dictionary's “key 中文” value lists. The guide, the download pages and the changelog
 * document files, keys and paths, so only the first three checks apply there.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSiteOnce } from './helpers/site';

let out = '';
const pages: { path: string; lines: string[] }[] = [];

/** Visible text of a page, one line per text node; code, English-marked text and scripts removed. */
export function visibleLines(html: string): string[] {
  const h = html
    .replace(/<head[\s\S]*?<\/head>/, ' ')
    .replace(/<(script|style|code|pre|kbd)\b[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<([a-z]+)\b[^>]*\blang="en"[^>]*>[\s\S]*?<\/\1>/g, ' ');
  return h
    .replace(/<[^>]+>/g, '\n')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&[a-z#0-9]+;/g, ' ')
    .split('\n')
    .map((t) => t.trim())
    .filter(Boolean);
}

const ALLOWED = /^(Excel|JSON|XLSX|CSV|WPS|BibTeX|EndNote|NoteExpress|Zotero|Frictionless|pandas|Atom|Pagefind|GitHub|GitLab|Pages|Actions|SHA|BOM|UTF|YAML|Markdown|Python|Node|Chrome|Safari|Firefox|Edge)$/i;

export function latinWords(line: string): string[] {
  const t = line
    .replace(/[\w.+-]+@[\w.-]+/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[\w./-]*[\w-]+\.(csv|yml|yaml|json|zip|xlsx|cff|bib|ris|geojson|md|html|xml|svg|png)\b/g, ' ')
    .replace(/(^|\s)\/[\w./-]*/g, ' ')
    .replace(/\b[a-z_]+ (?=\p{Script=Han})/gu, ' ');
  return (t.match(/\b[A-Za-z][a-z]{2,}\b/g) ?? []).filter((w) => !ALLOWED.test(w));
}

export function glitches(line: string): string[] {
  const out: string[] = [];
  const p = line.match(/([。，；：！？、])\1/);
  if (p) out.push(`重复标点“${p[0]}”`);
  const w = line.match(/(\p{Script=Han}{2,4})\1/u);
  if (w && !/^(\p{Script=Han})\1+$/u.test(w[0])) out.push(`重复词“${w[0]}”`);
  const n = line.match(/\b(null|undefined|NaN)\b/);
  if (n) out.push(`“${n[0]}”`);
  return out;
}

beforeAll(async () => {
  out = await buildSiteOnce();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'pagefind' && e.name !== '_astro') walk(p);
      } else if (e.name === 'index.html') pages.push({ path: relative(out, dir) + '/', lines: visibleLines(readFileSync(p, 'utf8')) });
    }
  };
  walk(out);
}, 900_000);

describe('the scanner itself', () => {
  it('finds what a reader would notice, and leaves codes and file names alone', () => {
    expect(glitches('已公开。。')).toEqual(['重复标点“。。”']);
    expect(glitches('青禾区实验小学小学部')).toEqual(['重复词“小学小学”']);
    expect(glitches('经费 NaN 元')).toEqual(['“NaN”']);
    expect(glitches('天天向上，2025年')).toEqual([]);
    expect(latinWords('招生计划与结果 Admission plans and results')).toEqual(['Admission', 'plans', 'and', 'results']);
    expect(latinWords('见 schools.csv 和 /data/latest/，联系 data@example.gov.cn，下载 Excel')).toEqual([]);
    expect(latinWords('primary 小学; junior 初中')).toEqual([]);
  });
});

describe('text of every built page', () => {
  it('has pages to read', () => expect(pages.length).toBeGreaterThan(60));

  it('no doubled punctuation, doubled words, null, undefined or NaN on any page', () => {
    const found = pages.flatMap((p) => p.lines.flatMap((l) => glitches(l).map((g) => `${p.path}: ${g} in “${l.slice(0, 60)}”`)));
    expect(found).toEqual([]);
  });

  it('no English words in the Chinese UI, outside the reference pages (the English version under en/ is English)', () => {
    const reference = /^(guide|data|changelog|en)\//;
    const found = pages
      .filter((p) => !reference.test(p.path))
      .flatMap((p) => p.lines.flatMap((l) => (latinWords(l).length ? [`${p.path}: ${latinWords(l).join(' ')} in “${l.slice(0, 60)}”`] : [])));
    expect([...new Set(found)]).toEqual([]);
  });
});
