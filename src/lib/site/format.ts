/**
 * How numbers and typed values read on the pages. A value that is not a number never shows as
 * 0: missing inputs say “未公布” and name what is missing, uncomputable values give the reason.
 */
import type { Check, Computed, Comparison } from '../indicators/types';
import { ALL_DATASETS, LOCALES, OWNERSHIPS, PART_STAGES, SCHOOL_KINDS, STAGES, MILESTONES, ADMISSION_METHODS } from '../schema';
import { suppressCount } from '../privacy/suppress';

// Creating an Intl.NumberFormat costs far more than formatting with one (it was the single
// largest cost of rendering school pages): keep one per precision.
const formats = new Map<number, Intl.NumberFormat>();
function numberFormat(digits: number): Intl.NumberFormat {
  let f = formats.get(digits);
  if (!f) formats.set(digits, (f = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: digits })));
  return f;
}

/** Thousands separators, up to `digits` decimals, trailing zeros dropped. */
export function fmt(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return '—';
  return numberFormat(Number.isInteger(x) ? 0 : digits).format(x);
}

/** A CV reads best with 3–4 decimals (limits are 0.45–0.65). */
export function fmtCv(x: number): string {
  return x.toFixed(3);
}

export function fmtUnit(x: number, unit: string, digits = 2): string {
  if (unit === '%') return `${fmt(x, 1)}%`;
  if (unit === '') return fmt(x, 3);
  return `${fmt(x, digits)} ${unit}`;
}

const COLUMN_ZH = new Map<string, string>();
for (const d of ALL_DATASETS) {
  COLUMN_ZH.set(d.id, d.zh);
  for (const c of d.columns) COLUMN_ZH.set(`${d.id}.${c.key}`, `${d.zh}·${c.zh}`);
}

/** “resources.equipment_value_yuan” → “办学条件·教学仪器设备值”; “2023/counties.x” → “2023年 …”. */
export function describeMissing(entry: string): string {
  let year = '';
  let rest = entry;
  const y = /^(\d{4})\/(.*)$/.exec(entry);
  if (y) {
    year = `${y[1]}年`;
    rest = y[2];
  }
  const [ds, sid] = rest.split(':');
  if (sid) return `${year}${COLUMN_ZH.get(ds) ?? ds}（无该校记录）`;
  return `${year}${COLUMN_ZH.get(ds) ?? ds}`;
}

export interface Shown {
  /** Short text for a table cell. */
  readonly text: string;
  /** Longer explanation (title attribute / footnote); empty for plain numbers. */
  readonly note: string;
  readonly isNumber: boolean;
}

/** A typed value as text: the number, or “未公布” / “无法计算” / “不适用” with the reason. */
export function show(c: Computed, unit = '', digits = 2): Shown {
  switch (c.kind) {
    case 'value':
      return { text: fmtUnit(c.value, unit, digits), note: c.note ?? '', isNumber: true };
    case 'missing':
      return { text: '未公布', note: `缺少：${c.missing.map(describeMissing).join('、')}`, isNumber: false };
    case 'undefined':
      return { text: '无法计算', note: c.reason, isNumber: false };
    case 'not_applicable':
      return { text: '不适用', note: c.reason, isNumber: false };
  }
}

export function cmpZh(c: Comparison): string {
  return c === '>=' ? '≥' : '≤';
}

/** “达标 ✓” / “差 0.3 m² ✗” / “未公布 ?” — text and symbol, so colour is never the only carrier. */
export function checkStatus(ch: Check): { symbol: string; text: string; cls: 'met' | 'gap' | 'unknown' } {
  if (ch.met === true) return { symbol: '✓', text: '达标', cls: 'met' };
  if (ch.met === false) {
    const g = ch.gap !== null ? `差 ${fmtUnit(ch.gap, ch.unit)}` : '未达标';
    return { symbol: '✗', text: g, cls: 'gap' };
  }
  const s = show(ch.value, ch.unit);
  return { symbol: '?', text: s.text, cls: 'unknown' };
}

const enumZh = (list: readonly { key: string; zh: string }[]) => new Map(list.map((v) => [v.key, v.zh] as const));
const STAGE_ZH = enumZh(STAGES);
const PART_ZH = enumZh(PART_STAGES);
const OWN_ZH = enumZh(OWNERSHIPS);
const LOCALE_ZH = enumZh(LOCALES);
const KIND_ZH = enumZh(SCHOOL_KINDS);
const MILESTONE_ZH = enumZh(MILESTONES);
const METHOD_ZH = enumZh(ADMISSION_METHODS);

export const zh = {
  stage: (k: string) => STAGE_ZH.get(k) ?? k,
  part: (k: string) => PART_ZH.get(k) ?? k,
  ownership: (k: string) => OWN_ZH.get(k) ?? k,
  locale: (k: string) => LOCALE_ZH.get(k) ?? k,
  kind: (k: string) => KIND_ZH.get(k) ?? k,
  milestone: (k: string) => MILESTONE_ZH.get(k) ?? k,
  method: (k: string | null) => (k ? (METHOD_ZH.get(k) ?? k) : '未公布'),
};

export const PLAN_STATUS_ZH: Record<string, string> = {
  met: '已达标',
  met_early: '提前达标',
  on_track: '未到目标年份',
  missed: '到期未达标',
  unknown: '数据不足，无法判断',
  not_applicable: '数据无法检验',
};

export const PUBLICATION_ZH: Record<string, string> = {
  on_time: '按时公开',
  late: '逾期公开',
  not_published: '未公开',
  date_missing: '未填公布日期',
  not_due: '未到公开期限',
};

/**
 * A sensitive small count (残疾儿童录取数, 特教学生数) as it may be shown: “<5” for 1–4,
 * “未公布” for blank. Exported for other pages that show these columns.
 */
export function showSensitive(v: number | null | undefined, threshold: number): string {
  const s = suppressCount(v ?? null, threshold);
  if (s === null) return '未公布';
  return typeof s === 'number' ? fmt(s) : s;
}

/** A plain optional count or measure from a CSV row. */
export function showCell(v: number | null | undefined, unit = ''): string {
  if (v === null || v === undefined) return '未公布';
  return unit ? fmtUnit(v, unit) : fmt(v);
}
