/**
 * Build-time half of search: the name index (/search/names.json) the search page matches a query
 * against before it asks Pagefind — every school, county and topic page with its name, code,
 * pinyin and initials. Pinyin lives here, not in the pages' text, so Pagefind's excerpts stay
 * clean Chinese; a one-character typo, a pinyin spelling or a school code still finds the page
 * (src/lib/views/search-client.ts does the matching in the browser and in tests).
 */
import { pinyin } from 'pinyin-pro';
import type { Portal } from '../site/portal';
import { zh } from '../site/format';

/** One entry of the name index. Short keys keep the file small for a province (≈ 80 bytes a school). */
export interface NameEntry {
  /** Site path with base. */
  readonly u: string;
  /** Name as the page's title shows it. */
  readonly n: string;
  /** Page type shown in results: 学校 / 县区 / 专题. */
  readonly t: string;
  /** Code (school id, region code), '' when none. */
  readonly c: string;
  /** Pinyin of the name, one word per segment, space-separated (qinghe qu shiyan xiaoxue). */
  readonly p: string;
  /** Initials per segment, space-separated (qh q sy xx). */
  readonly i: string;
  /** Context line shown under the title (县区 · 学段 · 地址). */
  readonly d: string;
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

function syllables(text: string): string[] {
  // Digits and Latin letters stay (第1 and 第2 must not read alike); other signs go.
  return pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]+/g, ''))
    .filter(Boolean);
}

/** Pinyin and initials of a name, per word (Intl.Segmenter words, as the search box segments). */
export function pinyinOf(name: string): { pinyin: string; initials: string } {
  const words = [...segmenter.segment(name)].filter((s) => s.isWordLike).map((s) => syllables(s.segment)).filter((w) => w.length);
  return { pinyin: words.map((w) => w.join('')).join(' '), initials: words.map((w) => w.map((s) => (/^\d/.test(s) ? s : s[0])).join('')).join(' ') };
}

const TOPICS: readonly { path: string; name: string; desc: string }[] = [
  { path: 'topics/admissions/', name: '招生', desc: '招生计划、范围、办法和结果公开' },
  { path: 'topics/class-size/', name: '班额', desc: '大班额、超大班额和超过标准的班级' },
  { path: 'topics/funding/', name: '经费', desc: '生均公用经费、培训经费和财政投入' },
  { path: 'topics/teachers/', name: '教师', desc: '持证上岗、交流轮岗和培训' },
  { path: 'topics/progress/', name: '均衡进展', desc: '各县区推进目标和逐年状态' },
];

export function nameIndex(p: Portal): NameEntry[] {
  const entry = (u: string, n: string, t: string, c: string, d: string): NameEntry => {
    const py = pinyinOf(n);
    return { u: p.href(u), n, t, c, p: py.pinyin, i: py.initials, d };
  };
  return [
    ...p.counties.map((c) => entry(`counties/${c.region_code}/`, c.name, '县区', c.region_code, `${p.data.schools.filter((s) => s.region_code === c.region_code).length}所学校`)),
    ...p.data.schools.map((s) =>
      entry(
        `schools/${s.school_id}/`,
        s.name,
        '学校',
        s.school_id,
        [p.regionsByCode.get(s.region_code)?.name, zh.stage(s.stage), s.status === 'closed' ? '已撤并' : null, s.address].filter(Boolean).join(' · '),
      ),
    ),
    ...TOPICS.map((t) => entry(t.path, t.name, '专题', '', t.desc)),
  ];
}
