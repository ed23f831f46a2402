/**
 * The schools directory: rows, and the filter pages that make it work without JavaScript on a
 * static host (/schools/county/<code>/, /schools/stage/<key>/ …). Large regions list schools
 * per county only, so no page carries tens of thousands of rows.
 */
import { LOCALES, OWNERSHIPS, STAGES } from '../schema';
import type { SchoolRow } from '../schema';
import type { Portal } from './portal';

/** Above this many schools, /schools/ and the region-wide filter pages list counties, not rows. */
export const DIRECTORY_ROW_LIMIT = 3000;

export type Dimension = 'county' | 'stage' | 'ownership' | 'locale';

export const DIMENSIONS: readonly { key: Dimension; zh: string }[] = [
  { key: 'county', zh: '县区' },
  { key: 'stage', zh: '学段' },
  { key: 'ownership', zh: '办学性质' },
  { key: 'locale', zh: '城乡' },
];

export interface DirectoryRow {
  readonly school: SchoolRow;
  readonly county: string;
  /** Latest-year students (all parts), null when not published. */
  readonly students: number | null;
  /** Latest-year 6-of-7 verdict per part, e.g. “小学 ✓”. */
  readonly verdicts: readonly { stage: string; status: 'passes' | 'fails' | 'unknown' }[];
}

export interface FilterOption {
  readonly dim: Dimension;
  readonly value: string;
  readonly label: string;
  readonly count: number;
}

export function directoryRows(p: Portal, schools: readonly SchoolRow[]): DirectoryRow[] {
  const y = p.latestYear;
  return [...schools]
    .sort((a, b) => a.region_code.localeCompare(b.region_code) || a.school_id.localeCompare(b.school_id))
    .map((school) => {
      const parts = y ? (p.resultsBySchoolYear.get(`${school.school_id}:${y}`) ?? []) : [];
      const known = parts.filter((r) => r.students.kind === 'value');
      return {
        school,
        county: p.regionsByCode.get(school.region_code)?.name ?? school.region_code,
        students: known.length ? known.reduce((s, r) => s + (r.students.kind === 'value' ? r.students.value : 0), 0) : null,
        verdicts: parts.map((r) => ({ stage: r.stage, status: r.verdict.status })),
      };
    });
}

const label = (list: readonly { key: string; zh: string }[]) => new Map(list.map((v) => [v.key, v.zh] as const));
const STAGE = label(STAGES);
const OWN = label(OWNERSHIPS);
const LOC = label(LOCALES);

export function valueOf(s: SchoolRow, dim: Dimension): string {
  return dim === 'county' ? s.region_code : dim === 'stage' ? s.stage : dim === 'ownership' ? s.ownership : s.locale;
}

const optionsMemo = new WeakMap<Portal, FilterOption[]>();

/** Every filter value present in the data, with counts, in a stable order (computed once per portal). */
export function filterOptions(p: Portal): FilterOption[] {
  const memo = optionsMemo.get(p);
  if (memo) return memo;
  const counts = new Map<string, number>();
  for (const s of p.data.schools) for (const d of ['stage', 'ownership', 'locale'] as const) counts.set(`${d}:${valueOf(s, d)}`, (counts.get(`${d}:${valueOf(s, d)}`) ?? 0) + 1);
  const count = (dim: Dimension, v: string) => counts.get(`${dim}:${v}`) ?? 0;
  const out: FilterOption[] = [];
  for (const c of p.counties) out.push({ dim: 'county', value: c.region_code, label: c.name, count: p.schoolsByCounty.get(c.region_code)?.length ?? 0 });
  for (const [dim, map] of [['stage', STAGE], ['ownership', OWN], ['locale', LOC]] as const) {
    for (const [k, zh] of map) {
      const n = count(dim, k);
      if (n > 0) out.push({ dim, value: k, label: zh, count: n });
    }
  }
  const result = out.filter((o) => o.count > 0);
  optionsMemo.set(p, result);
  return result;
}

/** Filter pages to pre-render: every county; region-wide stage/ownership/locale pages only when small enough. */
export function filterPages(p: Portal): FilterOption[] {
  const small = p.data.schools.length <= DIRECTORY_ROW_LIMIT;
  return filterOptions(p).filter((o) => o.dim === 'county' || small);
}

export function schoolsMatching(p: Portal, dim: Dimension, value: string): SchoolRow[] {
  return dim === 'county' ? [...(p.schoolsByCounty.get(value) ?? [])] : p.data.schools.filter((s) => valueOf(s, dim) === value);
}
