/**
 * Extra search keys for a school page, so a reader without a Chinese keyboard finds it:
 * pinyin per word (qinghe qu shiyan xiaoxue), the whole name joined (qinghequshiyanxiaoxue),
 * initials per word (qh q sy xx) and of the whole name (qhqsyxx). Words come from
 * Intl.Segmenter, the same segmentation the search box applies to Chinese queries.
 * Rendered in an aria-hidden, visually hidden span inside the indexed body.
 */
import { pinyin } from 'pinyin-pro';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

function syllables(text: string): string[] {
  return pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed', v: true }).filter((s) => /^[a-z]+$/.test(s));
}

export function pinyinKeys(name: string): string {
  const words = [...segmenter.segment(name)].filter((s) => s.isWordLike).map((s) => syllables(s.segment)).filter((w) => w.length);
  if (!words.length) return '';
  const perWord = words.map((w) => w.join(''));
  const initials = words.map((w) => w.map((s) => s[0]).join(''));
  return [...new Set([perWord.join(' '), perWord.join(''), initials.join(' '), initials.join('')])].join(' ');
}
