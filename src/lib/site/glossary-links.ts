/**
 * Glossary links where a term first appears on a page (issue 14 item 6), as one pass over the
 * built HTML: in every Chinese page, the first occurrence of each glossary term in the prose of
 * <main> becomes a link to /glossary/#<anchor>.
 *
 * - Only text inside <main>; never in headings, links, tables, SVG, scripts, styles, code, form
 *   controls, captions, <summary>, <nav>, figures (a chart's caption and summary sentence
 *   belong to the chart), or text hidden from sight (visually-hidden, hidden,
 *   aria-hidden) — a link there would be unreadable, nested or invisible to the eye.
 * - Longest term first at any position, matches never overlap: 综合差异系数 is linked whole,
 *   and a later 综合差异系数 stays plain whole rather than giving away the 差异系数 inside it.
 * - A term already linked to its glossary entry (an existing <a href> to the same target)
 *   counts as linked; running the pass twice changes nothing.
 * - Entities are read as the characters they stand for (&lt;5 is the term “<5”); the page's
 *   own bytes are kept, only the <a> tags are added. Pure and deterministic.
 * - Not the glossary page itself, not pages under /en/ (nor any page whose <html lang> is not
 *   Chinese).
 *
 * Cost: one scan of <main> with one combined regular expression per text node (about 0.1 ms
 * for a school page); `linkGlossaryInDist` rewrites only the files that change.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface GlossaryTerm {
  readonly term: string;
  /** Site path with the base, e.g. /glossary/#cv. */
  readonly href: string;
}

/** Elements whose text is never linked (their whole subtree). */
const SKIP = new Set([
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'table', 'svg', 'math', 'script', 'style', 'code', 'pre', 'kbd', 'samp',
  'button', 'select', 'option', 'textarea', 'label', 'summary', 'figure', 'caption', 'nav', 'noscript', 'template', 'title', 'dt',
]);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decode the entities of a text node, keeping for each decoded char the raw offset it starts at. */
function decode(raw: string): { text: string; at: number[] } {
  if (!raw.includes('&')) return { text: raw, at: [] };
  let text = '';
  const at: number[] = [];
  const re = /&(#\d+|#x[0-9a-f]+|[a-z]+);/iy;
  for (let i = 0; i < raw.length; ) {
    if (raw[i] === '&') {
      re.lastIndex = i;
      const m = re.exec(raw);
      if (m) {
        const body = m[1];
        const ch = body[0] === '#' ? String.fromCodePoint(body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1))) : NAMED[body.toLowerCase()];
        if (ch !== undefined) {
          for (let k = 0; k < ch.length; k++) at.push(i);
          text += ch;
          i += m[0].length;
          continue;
        }
      }
    }
    at.push(i);
    text += raw[i];
    i++;
  }
  return { text, at };
}

/** Offset just after the close tag of the `name` element whose content starts at `from` (or `end`). */
function closeOf(html: string, name: string, from: number, end: number): number {
  const open = `<${name}`;
  const close = `</${name}`;
  let depth = 1;
  let i = from;
  while (i < end) {
    const c = html.indexOf(close, i);
    if (c < 0 || c >= end) return end;
    // same-name elements opened before this close tag nest one level deeper
    let o = html.indexOf(open, i);
    while (o >= 0 && o < c) {
      const next = html.charCodeAt(o + open.length);
      if (next === 32 || next === 62 || next === 47 || next === 10 || next === 9) depth++;
      o = html.indexOf(open, o + open.length);
    }
    depth--;
    const gt = html.indexOf('>', c);
    i = gt < 0 ? end : gt + 1;
    if (depth === 0) return Math.min(i, end);
  }
  return end;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Terms compiled once: one alternation, longest first, so at any position the longest term wins. */
export class GlossaryLinker {
  private readonly re: RegExp | null;
  private readonly list: readonly GlossaryTerm[];
  /** Alternations of the terms a page holds, by which terms (most pages hold a few). */
  private readonly subsets = new Map<string, RegExp>();
  private readonly byTerm: Map<string, GlossaryTerm>;
  private readonly byHref: Map<string, string[]>;

  constructor(terms: readonly GlossaryTerm[]) {
    const list = [...new Map(terms.filter((t) => t.term.length > 0).map((t) => [t.term, t] as const)).values()].sort((a, b) => b.term.length - a.term.length || (a.term < b.term ? -1 : 1));
    this.list = list;
    this.byTerm = new Map(list.map((t) => [t.term, t] as const));
    this.byHref = new Map();
    for (const t of list) this.byHref.set(t.href, [...(this.byHref.get(t.href) ?? []), t.term]);
    this.re = list.length ? new RegExp(list.map((t) => escapeRe(t.term)).join('|'), 'g') : null;
  }

  /** The page with the first occurrence of each term in the prose of <main> linked. */
  link(html: string): string {
    if (!this.re) return html;
    const lang = /<html\b[^>]*\blang="([^"]*)"/i.exec(html)?.[1];
    if (lang && !/^zh/i.test(lang)) return html;
    const open = /<main\b[^>]*>/i.exec(html);
    if (!open) return html;
    const start = open.index + open[0].length;
    const end = html.indexOf('</main>', start);
    if (end < 0) return html;
    // Only the terms the page holds somewhere in <main> (native substring search, entities
    // aside) are looked for in its text nodes.
    const main = html.slice(start, end);
    const numeric = main.includes('&#');
    const present = this.list.filter((t) => numeric || main.includes(t.term) || (/[&<>"']/.test(t.term) && main.includes(escapeAttr(t.term))));
    if (!present.length) return html;
    const key = present.map((t) => t.term).join('\u0000');
    let re = this.subsets.get(key);
    if (!re) {
      re = new RegExp(present.map((t) => escapeRe(t.term)).join('|'), 'g');
      this.subsets.set(key, re);
    }
    const used = new Set<string>(this.list.filter((t) => !present.includes(t)).map((t) => t.term));
    const out: string[] = [];
    let last = start;
    // attribute values may hold “>”: quoted values are read whole
    const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']+|"[^"]*"|'[^']*')*)>|<!--[\s\S]*?-->/g;
    tag.lastIndex = start;
    const flushText = (from: number, to: number) => {
      if (from >= to) return;
      const raw = html.slice(from, to);
      out.push(used.size === this.byTerm.size ? raw : this.linkText(raw, used, re!));
    };
    for (let m = tag.exec(html); m && m.index < end; m = tag.exec(html)) {
      flushText(last, m.index);
      out.push(m[0]);
      last = m.index + m[0].length;
      if (!m[2]) continue; // a comment
      const name = m[2].toLowerCase();
      const attrs = m[3];
      // close tags and void elements change nothing: only skipped elements matter, and those
      // are copied whole below
      if (m[1] || VOID.has(name) || attrs.endsWith('/')) continue;
      if (RAW_TEXT.has(name)) {
        // script, style …: their text is not markup; jump to their close tag
        const close = html.indexOf(`</${name}`, last);
        const to = close < 0 || close > end ? end : close;
        out.push(html.slice(last, to));
        last = to;
        tag.lastIndex = to;
        continue;
      }
      if (name === 'a') {
        // an existing link to a term's entry counts as that term's first link
        const href = /\bhref="([^"]*)"/.exec(attrs)?.[1];
        for (const t of (href && this.byHref.get(href.replace(/&amp;/g, '&'))) || []) used.add(t);
      }
      const skip = SKIP.has(name) || /\shidden(?=[\s=/]|$)|\saria-hidden="true"|\sclass="[^"]*\b(visually-hidden|sr-only)\b/.test(attrs);
      if (skip) {
        // Nothing inside is linked: copy the element whole, up to its own close tag (same-name
        // elements nested inside counted), without reading its markup tag by tag.
        const to = closeOf(html, name, last, end);
        out.push(html.slice(last, to));
        last = to;
        tag.lastIndex = to;
        continue;
      }
      if (used.size === this.byTerm.size) break;
    }
    if (used.size === this.byTerm.size) out.push(html.slice(last, end));
    else flushText(last, end);
    return html.slice(0, start) + out.join('') + html.slice(end);
  }

  private linkText(raw: string, used: Set<string>, re: RegExp): string {
    const { text, at } = decode(raw);
    re.lastIndex = 0;
    let outText = '';
    let rawPos = 0;
    const rawAt = (i: number) => (at.length ? (i < at.length ? at[i] : raw.length) : i);
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const term = m[0];
      if (used.has(term)) continue;
      used.add(term);
      const rs = rawAt(m.index);
      const reEnd = rawAt(m.index + term.length);
      outText += raw.slice(rawPos, rs) + `<a href="${escapeAttr(this.byTerm.get(term)!.href)}" class="glossary-term">` + raw.slice(rs, reEnd) + '</a>';
      rawPos = reEnd;
      if (used.size === this.byTerm.size) break;
    }
    return rawPos === 0 ? raw : outText + raw.slice(rawPos);
  }
}

/** One-off use (tests): link `html` with `terms`. */
export function linkGlossaryTerms(html: string, terms: readonly GlossaryTerm[]): string {
  return new GlossaryLinker(terms).link(html);
}

const unescapeHtml = (s: string) => decode(s).text;

/** The terms and anchors of the built glossary page (<dt id="cv">差异系数</dt>), hrefs with the base. */
export function glossaryTermsFromPage(glossaryHtml: string, base: string): GlossaryTerm[] {
  const b = base.endsWith('/') ? base : `${base}/`;
  return [...glossaryHtml.matchAll(/<dt\b[^>]*\bid="([^"]+)"[^>]*>([\s\S]*?)<\/dt>/g)].map((m) => ({ term: unescapeHtml(m[2].replace(/<[^>]+>/g, '').trim()), href: `${b}glossary/#${m[1]}` }));
}

/**
 * The pass of the build (stage 3): every .html under `distDir` except the glossary page, /en/
 * and the search index. Returns a line for the build log, with the pages changed and the time.
 */
export function linkGlossaryInDist(distDir: string, base: string): string {
  const t0 = performance.now();
  let glossary: string;
  try {
    glossary = readFileSync(join(distDir, 'glossary', 'index.html'), 'utf8');
  } catch {
    return '术语链接：没有术语表页面（glossary/index.html），未添加。';
  }
  const linker = new GlossaryLinker(glossaryTermsFromPage(glossary, base));
  let pages = 0;
  let changed = 0;
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      const rel = relative(distDir, p).split('\\').join('/');
      if (statSync(p).isDirectory()) {
        if (rel === 'en' || rel === 'pagefind' || rel === '_astro' || rel === 'data/releases') continue;
        walk(p);
      } else if (name.endsWith('.html') && rel !== 'glossary/index.html') {
        pages++;
        const html = readFileSync(p, 'utf8');
        const linked = linker.link(html);
        if (linked !== html) {
          writeFileSync(p, linked);
          changed++;
        }
      }
    }
  };
  walk(distDir);
  const ms = performance.now() - t0;
  return `术语链接：${pages} 个页面中 ${changed} 个加上了术语表链接（${(ms / 1000).toFixed(1)} 秒，每页 ${pages ? (ms / pages).toFixed(2) : '0'} 毫秒）。`;
}
