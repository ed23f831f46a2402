/**
 * Internal link check over a built site: every href/src/srcset/action in every HTML page, every
 * url() in CSS, must name a file that exists in dist/ (under the site's base path), and every
 * #fragment must name an id (or <a name>) in the target page. %-encoded paths are decoded the
 * way a web server decodes them. External links (other hosts, mailto:, tel:) are not followed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file under dir, relative to it with '/' separators, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    for (const name of readdirSync(p).sort()) {
      const f = join(p, name);
      if (statSync(f).isDirectory()) walk(f);
      else out.push(relative(dir, f).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

export interface BrokenLink {
  /** Page (path inside dist) that holds the link. */
  page: string;
  /** The attribute value as written. */
  link: string;
  /** Why it is broken. */
  reason: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** HTML without the bodies of <script>, <style> and comments (their text is not markup). */
function markupOnly(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)\b([^>]*)>[\s\S]*?<\/\1\s*>/gi, '<$1$2></$1>');
}

const ATTR = /\s(href|src|srcset|action|poster|data-src|xlink:href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
const ID = /\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;

export function linksOf(html: string): string[] {
  const out: string[] = [];
  const m = markupOnly(html);
  // Only attributes inside tags: scan each tag.
  for (const tag of m.matchAll(/<[a-zA-Z][^>]*>/g)) {
    // <meta content> and <link rel=canonical/alternate> with absolute URLs are checked as links too
    // when they point at the site itself (handled by the caller via the origin option).
    for (const a of tag[0].matchAll(ATTR)) {
      const raw = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
      if (a[1].toLowerCase() === 'srcset') {
        for (const part of raw.split(',')) {
          const u = part.trim().split(/\s+/)[0];
          if (u) out.push(u);
        }
      } else out.push(raw);
    }
  }
  return out;
}

export function idsOf(html: string): Set<string> {
  const ids = new Set<string>();
  const m = markupOnly(html);
  for (const tag of m.matchAll(/<[a-zA-Z][^>]*>/g)) {
    for (const a of tag[0].matchAll(ID)) ids.add(decodeEntities(a[1] ?? a[2] ?? a[3] ?? ''));
  }
  return ids;
}

export interface LinkCheckOptions {
  /** Base path the site was built with, default '/'. */
  base?: string;
  /** The site's own absolute origin (e.g. https://edu.example.gov.cn): absolute links to it are checked too. */
  site?: string;
}

/** URL path of a page file: schools/x/index.html → /base/schools/x/ */
function pageUrl(base: string, file: string): string {
  const p = file.endsWith('index.html') ? file.slice(0, -'index.html'.length) : file;
  return base + p;
}

export function checkLinks(dist: string, opts: LinkCheckOptions = {}): { checked: number; pages: number; broken: BrokenLink[] } {
  const base = (opts.base ?? '/').endsWith('/') ? opts.base ?? '/' : `${opts.base}/`;
  const siteUrl = opts.site ? new URL(opts.site) : null;
  const files = listFiles(dist);
  const fileSet = new Set(files);
  const htmlFiles = files.filter((f) => f.endsWith('.html'));
  const cssFiles = files.filter((f) => f.endsWith('.css'));
  const idCache = new Map<string, Set<string>>();
  const ids = (file: string) => {
    let s = idCache.get(file);
    if (!s) {
      s = idsOf(readFileSync(join(dist, file), 'utf8'));
      idCache.set(file, s);
    }
    return s;
  };
  const fake = 'http://portal.invalid';
  /** Resolves a path inside the site to a file in dist, or a reason it does not resolve. */
  const target = (pathname: string): { file: string } | { reason: string } => {
    let path: string;
    try {
      path = decodeURIComponent(pathname);
    } catch {
      return { reason: 'bad %-encoding' };
    }
    if (!(path + '/').startsWith(base)) return { reason: `outside the base path ${base}` };
    const rel = path.slice(base.length);
    const candidates = rel === '' || rel.endsWith('/') ? [`${rel}index.html`] : [rel, `${rel}/index.html`, `${rel}.html`];
    for (const c of candidates) if (fileSet.has(c)) return { file: c };
    return { reason: 'no such file in dist/' };
  };

  const broken: BrokenLink[] = [];
  let checked = 0;
  const check = (page: string, pageHref: string, link: string) => {
    const l = link.trim();
    if (l === '' || l === '#') return;
    if (/^(mailto|tel|sms|javascript|data|blob|about):/i.test(l)) return;
    let url: URL;
    try {
      url = new URL(l, fake + pageHref);
    } catch {
      broken.push({ page, link, reason: 'not a URL' });
      return;
    }
    const own = url.origin === fake || (siteUrl && url.origin === siteUrl.origin);
    if (!own) return;
    checked++;
    const t = target(url.pathname);
    if ('reason' in t) {
      broken.push({ page, link, reason: t.reason });
      return;
    }
    if (url.hash && url.hash !== '#') {
      let frag: string;
      try {
        frag = decodeURIComponent(url.hash.slice(1));
      } catch {
        frag = url.hash.slice(1);
      }
      if (frag === 'top') return; // HTML: #top scrolls to the top even without an element
      if (t.file.endsWith('.html') && !ids(t.file).has(frag)) broken.push({ page, link, reason: `no element with id "${frag}" in ${t.file}` });
    }
  };

  for (const page of htmlFiles) {
    const html = readFileSync(join(dist, page), 'utf8');
    const href = pageUrl(base, page);
    // <base href> would change resolution; the site does not use it, so flag it if it appears.
    const baseTag = /<base\s[^>]*href\s*=\s*"([^"]*)"/i.exec(html);
    const from = baseTag ? new URL(baseTag[1], fake + href).pathname : href;
    for (const link of linksOf(html)) check(page, from, link);
  }
  for (const css of cssFiles) {
    const text = readFileSync(join(dist, css), 'utf8');
    for (const m of text.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"]*))\s*\)/g)) {
      const u = (m[1] ?? m[2] ?? m[3] ?? '').trim();
      if (u.startsWith('#')) continue; // SVG filter references inside CSS
      check(css, base + css, u);
    }
  }
  return { checked, pages: htmlFiles.length, broken };
}

export function describeBroken(broken: readonly BrokenLink[], max = 40): string {
  const lines = broken.slice(0, max).map((b) => `  ${b.page}: ${b.link} — ${b.reason}`);
  if (broken.length > max) lines.push(`  … and ${broken.length - max} more`);
  return lines.join('\n');
}

export function isDir(p: string): boolean {
  return existsSync(p) && statSync(p).isDirectory();
}
