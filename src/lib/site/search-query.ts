/**
 * The search box's query transformation, shared by the browser script on /search/ and the
 * tests. Pagefind reads an unspaced Chinese query (阳光小学) as any of its segments, which
 * floods results; words separated by spaces (阳光 小学) must all match. So Chinese runs are
 * segmented into words with Intl.Segmenter — the same segmentation Pagefind applies — and
 * joined with spaces. Latin text (pinyin such as “qinghe” or initials “sy xx”) is kept,
 * lower-cased. Punctuation is dropped.
 */
const HAN = /\p{Script=Han}/u;

let segmenter: Intl.Segmenter | null = null;
function seg(): Intl.Segmenter | null {
  if (segmenter) return segmenter;
  try {
    segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  } catch {
    segmenter = null;
  }
  return segmenter;
}

export function segmentQuery(raw: string): string {
  const out: string[] = [];
  for (const token of raw.normalize('NFKC').trim().split(/\s+/)) {
    if (!token) continue;
    if (!HAN.test(token)) {
      const t = token.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
      if (t) out.push(t);
      continue;
    }
    const s = seg();
    if (!s) {
      out.push(token);
      continue;
    }
    for (const part of s.segment(token)) if (part.isWordLike) out.push(part.segment.toLowerCase());
  }
  return out.join(' ');
}

export interface RankedItem {
  readonly title: string;
}

/**
 * Puts the page whose title is the query first, then titles containing the whole query, then
 * Pagefind's order — so typing a full school name lands on that school even when a topic page
 * mentions it more often. Stable otherwise.
 */
export function rankResults<T extends RankedItem>(raw: string, items: readonly T[]): T[] {
  const q = raw.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  if (!q) return [...items];
  const score = (t: string) => {
    const title = t.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
    return title === q ? 0 : title.includes(q) ? 1 : 2;
  };
  return items.map((it, i) => ({ it, i, s: score(it.title) })).sort((a, b) => a.s - b.s || a.i - b.i).map((x) => x.it);
}
