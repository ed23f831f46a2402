/**
 * Policy numbers live in the standards table (src/lib/standards), never typed into the site: a
 * standards.csv override or a new national standard must change every page. tests/standards.test.ts
 * scans src/lib/indicators for numeric literals; this scans the site code — pages, components,
 * layouts, src/lib/site and src/lib/views — for the same numbers typed as code literals, and for
 * policy wording typed into text (“6项”, “85%”, “56–65人”, “20个工作日”). It also checks that a page's
 * frontmatter only asks a view for its data: no .reduce/.sort/.filter/.flatMap, no sums, no
 * arithmetic on counts (rendering with .map in the template is fine).
 *
 * A line that must keep a number that only looks like policy (a calendar fact, a display precision,
 * a national statistic shown as context) ends with a comment `lint-allow: <why>`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

function walk(dir: string, ext: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p, ext));
    else if (ext.some((e) => name.endsWith(e))) out.push(p);
  }
  return out.sort();
}

/** Numbers of the standards table a site file must not type as code (single digits are too common to tell). */
const CODE_POLICY = new Set(['0.65', '0.55', '0.5', '0.50', '0.45', '0.40', '0.35', '0.30', '0.85', '0.9', '0.15', '4.2', '5.3', '4.5', '5.8', '7.5', '10.2', '2.3', '2.4', '2000', '2500', '6000', '7000', '8000', '45', '50', '55', '56', '65', '66', '96', '90', '95', '85', '360']);
/** Policy numbers as they read in a sentence: the number followed by its unit. */
const TEXT_POLICY = new Set(['6', '7', '85', '45', '50', '55', '56', '65', '66', '20', '95', '90', '96', '100', '10', '5', '12', '2000', '2500', '6000', '7000', '8000', '4.2', '5.3', '4.5', '5.8', '7.5', '10.2', '2.3', '2.4', '0.9', '0.65', '0.55', '0.50', '0.5', '0.45', '0.40', '0.35', '0.30']);
const TEXT_NUMBER = /(?<![\d.])(\d+(?:\.\d+)?)(?=\s*(?:项|人|%|％|个工作日|工作日|元|m²|平方米|间|学时|个班|班))/g;
const BARE_CV = /(?<![\d.])(0\.(?:65|55|50?|45|40|35|30))(?![\d])/g;

const allowed = (line: string) => line.includes('lint-allow:');
const withoutAllowed = (src: string) => src.split('\n').map((l) => (allowed(l) ? '' : l)).join('\n');
const stripComments = (src: string) => src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1').replace(/<!--[\s\S]*?-->/g, '');
const STRING = /'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`|"(?:[^"\\\n]|\\.)*"/g;

/** Code with every string emptied (Chinese messages are checked as text). */
const codeOf = (src: string) => src.replace(STRING, "''");
/** The contents of the strings in code. */
const stringsOf = (src: string) => [...src.matchAll(STRING)].map((m) => m[0].slice(1, -1)).join('\n');

function scan(file: string): string[] {
  const rel = relative(ROOT, file);
  let src = stripComments(withoutAllowed(readFileSync(file, 'utf8')));
  const hits: string[] = [];
  const code = (c: string) => {
    for (const m of codeOf(c).matchAll(/(?<![\w.$])\d+(?:\.\d+)?(?![\w.])/g)) if (CODE_POLICY.has(m[0])) hits.push(`${rel}: ${m[0]} (code)`);
    text(stringsOf(c));
  };
  const text = (t: string) => {
    for (const m of t.matchAll(TEXT_NUMBER)) if (TEXT_POLICY.has(m[1])) hits.push(`${rel}: “${t.slice(Math.max(0, m.index! - 6), m.index! + m[0].length + 3).replace(/\s+/g, ' ')}” (text)`);
    for (const m of t.matchAll(BARE_CV)) hits.push(`${rel}: ${m[1]} (text)`);
  };
  if (file.endsWith('.astro')) {
    const fm = /^---\n([\s\S]*?)\n---/.exec(src);
    if (fm) {
      code(fm[1]);
      src = src.slice(fm[0].length);
    }
    for (const m of src.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)) code(m[1]);
    src = src.replace(/<script[^>]*>[\s\S]*?<\/script>/g, '').replace(/<style[^>]*>[\s\S]*?<\/style>/g, '');
    text(src);
  } else {
    code(src);
  }
  return hits;
}

const SITE = [
  ...walk(join(ROOT, 'src', 'pages'), ['.astro', '.ts']),
  ...walk(join(ROOT, 'src', 'components'), ['.astro', '.ts']),
  ...walk(join(ROOT, 'src', 'layouts'), ['.astro', '.ts']),
  ...walk(join(ROOT, 'src', 'lib', 'site'), ['.ts']),
  ...walk(join(ROOT, 'src', 'lib', 'views'), ['.ts']),
];

describe('no policy number typed into the site', () => {
  it('scans pages, components, layouts, src/lib/site and src/lib/views', () => {
    expect(SITE.filter((f) => f.endsWith('.astro')).length).toBeGreaterThan(20);
    expect(SITE.some((f) => f.includes(join('lib', 'views', 'home.ts')))).toBe(true);
  });

  it('finds a typed threshold (the scan itself works)', () => {
    // what the old county page had: “6项以上” and “85%” in the template, 56 in code
    const probe = (s: string) => [...s.matchAll(TEXT_NUMBER)].map((m) => m[1]).filter((n) => TEXT_POLICY.has(n));
    expect(probe('7项中6项以上，其余项不低于85%')).toEqual(['7', '6', '85']);
    expect(probe('2025年3月，第12行')).toEqual([]);
    expect([...codeOf("const large = 56; const t = '56人';").matchAll(/(?<![\w.$])\d+(?:\.\d+)?(?![\w.])/g)].map((m) => m[0])).toEqual(['56']);
  });

  it('none in the site code', () => {
    expect(SITE.flatMap(scan)).toEqual([]);
  });
});

describe('pages only render', () => {
  const pages = walk(join(ROOT, 'src', 'pages'), ['.astro']);
  const COMPUTE = [
    [/\.(reduce|reduceRight|sort|toSorted|filter|flatMap)\(/g, 'array computation (a lookup with .find is fine)'],
    [/\+=|-=|\*=|\/=/g, 'accumulation'],
    [/\.length\s*[-+*/%]|[-+*/%]\s*[\w.?!]+\.length\b/g, 'arithmetic on a count'],
    [/\bMath\.\w+\(/g, 'arithmetic'],
    [/\bfor\s*\(|\bwhile\s*\(/g, 'loop'],
  ] as const;

  it(`scans every page (${pages.length})`, () => {
    expect(pages.length).toBeGreaterThan(20);
  });

  it('frontmatter asks a view module and passes its answer on', () => {
    const hits: string[] = [];
    for (const f of pages) {
      const fm = /^---\n([\s\S]*?)\n---/.exec(readFileSync(f, 'utf8'));
      if (!fm) continue;
      const code = codeOf(stripComments(withoutAllowed(fm[1])));
      for (const [re, what] of COMPUTE) for (const m of code.matchAll(re)) hits.push(`${relative(ROOT, f)}: ${m[0]} (${what})`);
    }
    expect(hits).toEqual([]);
  });

  it('templates render what they are given: .map, never .reduce/.sort/.filter/.flatMap', () => {
    const hits: string[] = [];
    for (const f of pages) {
      const template = readFileSync(f, 'utf8').replace(/^---\n[\s\S]*?\n---/, '').replace(/<script[^>]*>[\s\S]*?<\/script>/g, '');
      for (const m of stripComments(template).matchAll(/\.(reduce|reduceRight|sort|toSorted|filter|flatMap)\(/g)) hits.push(`${relative(ROOT, f)}: ${m[0]}`);
    }
    expect(hits).toEqual([]);
  });
});
