/**
 * The search page's logic, pure so it is tested without a browser (the page script only wires it
 * to the form, Pagefind and the DOM):
 *
 * - `matchNames(query, index)`: the name index (/search/names.json) against the query — a school
 *   code, a full name, a name with one character wrong, missing or extra, pinyin (qinghe,
 *   qinghequ shiyan) or initials (qhq, sy xx) — each hit with a tier (lower is better).
 * - `mergeResults(nameHits, pagefindHits)`: name hits first, then Pagefind's pages: school,
 *   county and topic pages before reference pages (methodology, data, guide, changelog), each
 *   group in Pagefind's order; a page appears once.
 * - `resultHtml(result)`: one result as HTML; every piece of page data is escaped, and of
 *   Pagefind's excerpt only its <mark> tags are kept.
 */
import type { NameEntry } from './search';

const HAN = /\p{Script=Han}/u;

export const normalise = (s: string): string => s.normalize('NFKC').replace(/[\s·・,，.。、\-—_/()（）]+/g, '').toLowerCase();

/** Levenshtein distance, stopping early once it exceeds `max` (returns max + 1). */
export function editDistance(a: string, b: string, max = 1): number {
  const A = [...a];
  const B = [...b];
  if (Math.abs(A.length - B.length) > max) return max + 1;
  let prev = Array.from({ length: B.length + 1 }, (_, j) => j);
  for (let i = 1; i <= A.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= B.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (A[i - 1] === B[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]!);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[B.length]!;
}

export interface NameHit {
  readonly entry: NameEntry;
  /** 0 exact name/code/pinyin/initials · 1 one character off · 2 name or pinyin starts with the query · 3 contains it. */
  readonly tier: 0 | 1 | 2 | 3;
}

/** Tier of one index entry for a normalised query, or null when it does not match. */
// The normalised forms of an entry, worked out once per entry rather than once per entry per
// query: a province's name index has tens of thousands of entries and is matched on every keystroke.
interface Keys {
  readonly name: string;
  readonly nameLength: number;
  readonly py: string;
  readonly ini: string;
  /** The pinyin and the initials from the 2nd, 3rd … word on (“shiyanxiaoxue”, “syxx”). */
  readonly pyTails: readonly string[];
  readonly iniTails: readonly string[];
}
const keysOf = new WeakMap<NameEntry, Keys>();
function keys(e: NameEntry): Keys {
  let k = keysOf.get(e);
  if (!k) {
    const name = normalise(e.n);
    const words = e.p.split(' ');
    const inis = e.i.split(' ');
    const tails = (parts: readonly string[]) => parts.slice(1).map((_, k) => parts.slice(k + 1).join(''));
    k = { name, nameLength: [...name].length, py: words.join(''), ini: inis.join(''), pyTails: tails(words), iniTails: tails(inis) };
    keysOf.set(e, k);
  }
  return k;
}

function tierOf(q: string, e: NameEntry, han: boolean): NameHit['tier'] | null {
  const { name, nameLength, py, ini, pyTails, iniTails } = keys(e);
  if (han) {
    if (name === q) return 0;
    const len = [...q].length;
    if (len >= 3 && Math.abs(len - nameLength) <= 1 && editDistance(q, name, 1) <= 1) return 1;
    if (name.startsWith(q)) return 2;
    if (len >= 2 && name.includes(q)) return 3;
    return null;
  }
  if (e.c && e.c.toLowerCase() === q) return 0;
  if (/^\d+$/.test(q)) return e.c && q.length >= 4 && e.c.startsWith(q) ? 2 : null;
  if (py === q || ini === q) return 0;
  if (q.length >= 6 && editDistance(q, py, 1) <= 1) return 1;
  if (q.length >= 2 && (py.startsWith(q) || ini.startsWith(q))) return 2;
  // A word of the name: “shiyan”, “shiyanxiaoxue”, “sy xx” (initials of consecutive words).
  for (let k = 0; k < pyTails.length; k++) {
    if (q.length >= 3 && pyTails[k]!.startsWith(q)) return 3;
    if (q.length >= 2 && iniTails[k]?.startsWith(q)) return 3;
  }
  return null;
}

const TYPE_ORDER: Record<string, number> = { 学校: 0, 县区: 1, 专题: 2 };

/**
 * Index entries matching the query, best first: by tier, then counties and topics before schools
 * only when the tier is equal and the name is shorter (青禾区 before 青禾区实验小学 for “qinghe”),
 * then index order. A query with several words (“青禾 实验”) must match every word.
 */
export function matchNames(raw: string, index: readonly NameEntry[], limit = 10): NameHit[] {
  const words = raw.normalize('NFKC').trim().split(/\s+/).filter(Boolean);
  const whole = normalise(raw);
  if (!whole) return [];
  const han = HAN.test(whole);
  const hits: (NameHit & { k: number })[] = [];
  index.forEach((entry, k) => {
    let tier = tierOf(whole, entry, han);
    if (tier === null && words.length > 1) {
      // Every word must match (as a contained word); the hit is then a “contains” hit.
      const ok = words.every((w) => tierOf(normalise(w), entry, HAN.test(w)) !== null);
      if (ok) tier = 3;
    }
    if (tier !== null) hits.push({ entry, tier, k });
  });
  hits.sort((a, b) => a.tier - b.tier || [...a.entry.n].length - [...b.entry.n].length || (TYPE_ORDER[a.entry.t] ?? 9) - (TYPE_ORDER[b.entry.t] ?? 9) || a.k - b.k);
  return hits.slice(0, limit).map(({ entry, tier }) => ({ entry, tier }));
}

/** A Pagefind result as the page has it after `result.data()`. */
export interface PagefindHit {
  readonly url: string;
  readonly excerpt: string;
  readonly meta: Readonly<Record<string, string>>;
  readonly filters?: Readonly<Record<string, readonly string[]>>;
}

export interface SearchResult {
  readonly url: string;
  readonly title: string;
  readonly type: string;
  /** Plain text under the title (escaped when rendered). */
  readonly context: string;
  /** Pagefind excerpt HTML (only <mark> kept when rendered), '' for name hits. */
  readonly excerpt: string;
}

/** Pages of these types are what a reader searches for; the rest are reference pages. */
export const PRIMARY_TYPES: readonly string[] = ['学校', '县区', '专题'];

const urlKey = (u: string) => u.replace(/index\.html$/, '').replace(/[?#].*$/, '');

/** Name hits, then Pagefind's school/county/topic pages, then its reference pages; each page once. */
export function mergeResults(names: readonly NameHit[], pages: readonly PagefindHit[]): SearchResult[] {
  const seen = new Set<string>();
  const out: SearchResult[] = [];
  const excerptOf = new Map(pages.map((p) => [urlKey(p.url), p.excerpt] as const));
  for (const h of names) {
    const k = urlKey(h.entry.u);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ url: h.entry.u, title: h.entry.n, type: h.entry.t, context: h.entry.d, excerpt: excerptOf.get(k) ?? '' });
  }
  const rest = pages.filter((p) => !seen.has(urlKey(p.url)));
  const primary = rest.filter((p) => PRIMARY_TYPES.includes(p.meta.type ?? ''));
  const reference = rest.filter((p) => !PRIMARY_TYPES.includes(p.meta.type ?? ''));
  for (const p of [...primary, ...reference]) {
    const k = urlKey(p.url);
    if (seen.has(k)) continue;
    seen.add(k);
    const county = p.filters?.['县区'];
    out.push({
      url: p.url,
      title: p.meta.title ?? '',
      type: p.meta.type ?? '页面',
      context: county && county.length && p.meta.type !== '县区' ? county.join('、') : '',
      excerpt: p.excerpt,
    });
  }
  return out;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * Pagefind's excerpt is HTML with <mark> around matches, and page text comes from the data: keep
 * only bare <mark>/</mark>, decode the few entities it carries, escape everything else.
 */
export function safeExcerpt(html: string): string {
  const unescape = (t: string) => t.replace(/&(lt|gt|quot|#39|#x27|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", amp: '&' })[e]!);
  return html
    .split(/(<\/?mark>)/)
    .map((part) => (/^<\/?mark>$/.test(part) ? part : escapeHtml(unescape(part))))
    .join('');
}

/** Only same-site paths become links (a crafted index cannot make a javascript: link). */
export function safeHref(u: string): string {
  return /^\/(?!\/)/.test(u) ? u : '#';
}

export function resultHtml(r: SearchResult): string {
  const context = r.context ? ` <small class="muted">${escapeHtml(r.context)}</small>` : '';
  const excerpt = r.excerpt ? `<p class="excerpt">${safeExcerpt(r.excerpt)}</p>` : '';
  return `<li><span class="tag type">${escapeHtml(r.type)}</span> <a href="${escapeHtml(safeHref(r.url))}">${escapeHtml(r.title)}</a>${context}${excerpt}</li>`;
}
