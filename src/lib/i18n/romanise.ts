/**
 * Names stay in Chinese on the English pages (the data is not translated); a reader who cannot
 * read them gets the pinyin beside the name: 青禾区实验小学 → “Qinghe Qu Shiyan Xiaoxue”.
 * Words come from Intl.Segmenter, as in src/lib/site/search-keys.ts.
 */
import { pinyin } from 'pinyin-pro';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const cache = new Map<string, string>();

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const SUFFIX = /^[省市区县镇乡村街路]$/u;

/**
 * Pinyin without tones, one capitalised word per Chinese word; '' when the name has no Chinese.
 * Runs of single characters the segmenter does not know (青 禾) are one word (Qinghe), but an
 * administrative suffix stays apart (Qinghe Qu, Lüshui Xian), as on Chinese road signs.
 */
export function romanise(name: string): string {
  let r = cache.get(name);
  if (r !== undefined) return r;
  const segs = [...segmenter.segment(name)].filter((s) => s.isWordLike).map((s) => s.segment);
  const han = (x: string) => /\p{Script=Han}/u.test(x);
  const single = (x: string) => [...x].length === 1 && han(x) && !SUFFIX.test(x);
  // words built only from unknown single characters, which the next single character joins
  const merged: { text: string; open: boolean }[] = [];
  for (const s of segs) {
    const prev = merged[merged.length - 1];
    if (prev?.open && single(s)) prev.text += s;
    else merged.push({ text: s, open: single(s) });
  }
  const hasHan = merged.some((w) => han(w.text));
  r = hasHan
    ? merged
        .map(({ text: w }) => (han(w) ? cap(pinyin(w, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }).join('').replace(/\s+/g, '').replace(/v/g, 'ü')) : w))
        .join(' ')
    : '';
  cache.set(name, r);
  return r;
}
/** “青禾区实验小学 (Qinghe Qu Shiyan Xiaoxue)”, or the name alone when there is nothing to add. */
export function nameWithPinyin(name: string): string {
  const r = romanise(name);
  return r ? `${name} (${r})` : name;
}
