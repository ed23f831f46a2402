/**
 * Indicators as they may be published. A per-pupil ratio over a suppressed count gives the count
 * back (18 000 元 ÷ 6 000 元/人 = 3 pupils), and so does a county ratio combined with the other
 * schools' published figures — or even a “below standard” verdict (18 000 ÷ n < 6 000 → n = 4
 * when n < 5). Following the rule of suppress.ts (nothing exact is computed from a hidden cell),
 * indicators for publication are computed on a model in which every suppressed count is
 * “not reported”: the school gets no per-pupil value and no verdict for that indicator, and the
 * county ratio is over the schools whose counts are published.
 */
import { computeIndicators } from '../indicators';
import type { IndicatorResults, SchoolYearResult } from '../indicators/types';
import type { PortalData, YearData } from '../model/types';
import { TOP_LEVEL_DATASETS, YEAR_DATASETS } from '../schema';
import { DEFAULT_THRESHOLD, dependentColumns, pupilColumns, sensitiveColumns, smallSpecialSchools, withholdRow, withholdSmallSchools, withRowsRestored } from './suppress';

/**
 * The model with every small sensitive count (0 < n < threshold) blanked, and every value that
 * would give such a count back (schema `suppressWith`, e.g. 特教公用经费) blanked with it.
 */
export function withoutSmallCounts(raw: PortalData): PortalData {
  const n = raw.settings.suppression_threshold ?? DEFAULT_THRESHOLD;
  // The pupils of a small special-education school, and what is set per pupil there, first.
  const data = withholdSmallSchools(raw, n);
  const blank = (schema: (typeof YEAR_DATASETS)[number] | (typeof TOP_LEVEL_DATASETS)[number], rows: readonly Record<string, unknown>[]) => {
    const cols = sensitiveColumns(schema);
    if (!cols.length) return rows;
    const deps = dependentColumns(schema);
    return rows.map((r) => withholdRow(r, cols, deps, n, null));
  };
  const rec = data as unknown as Record<string, readonly Record<string, unknown>[] | undefined>;
  const top: Record<string, unknown> = {};
  for (const d of TOP_LEVEL_DATASETS) if (rec[d.id]) top[d.id] = blank(d, rec[d.id]!);
  const years = data.years.map((y) => {
    const out: Record<string, unknown> = { ...y };
    const yr = y as unknown as Record<string, readonly Record<string, unknown>[] | undefined>;
    for (const d of YEAR_DATASETS) if (yr[d.id]) out[d.id] = blank(d, yr[d.id]!);
    return out as unknown as YearData;
  });
  return { ...data, ...top, years } as PortalData;
}

/** Why a school has no special-education per-pupil value on the site. */
export function withheldReason(threshold: number): string {
  return `特殊教育学生少于${threshold}人：为保护隐私，不公布生均经费及是否达标。`;
}

/**
 * computeIndicators on the publishable model, with the reason of a withheld value saying so
 * (rather than “not reported”). Pages and indicator downloads should read these results.
 */
/** Why a small special-education school has no pupil numbers and no per-pupil values on the site. */
export function smallSchoolReason(threshold: number): string {
  return `特殊教育学校在校生少于${threshold}人：为保护隐私，不公布人数及按人数计算的数值。`;
}

/** The year files whose rows withholdSmallSchools takes out for a small special-education school. */
const PUPIL_DATASETS = YEAR_DATASETS.filter((d) => {
  const { counts, derived } = pupilColumns(d);
  return counts.length + derived.length > 0;
}).map((d) => d.id);
/** A `missing` entry (`resources.students`, `resources:5199010004`, `funding`) about one of those files. */
const aboutPupils = (m: string) => PUPIL_DATASETS.some((d) => m === d || m.startsWith(`${d}.`) || m.startsWith(`${d}:`));

/** Every value in `v` (a result tree) missing because of a withheld cell: “not published, because …”. */
function explainWithheld<T>(v: T, reason: string): T {
  if (Array.isArray(v)) return v.map((x) => explainWithheld(x, reason)) as T;
  if (typeof v !== 'object' || v === null) return v;
  const o = v as Record<string, unknown>;
  if (o.kind === 'missing' && Array.isArray(o.missing) && o.missing.some((m) => aboutPupils(String(m)))) return { kind: 'not_applicable', reason } as T;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(o)) out[k] = explainWithheld(x, reason);
  return out as T;
}

export function publishableIndicators(data: PortalData): IndicatorResults {
  const n = data.settings.suppression_threshold ?? DEFAULT_THRESHOLD;
  // Worked out on the rows as loaded: the model pages read no longer holds those schools' rows.
  const smallSchools = smallSpecialSchools(withRowsRestored(data), n);
  const hidden = new Set<string>();
  for (const y of data.years)
    for (const r of y.funding ?? []) {
      const v = r.special_ed_students;
      if (typeof v === 'number' && v > 0 && v < n) hidden.add(`${y.year}|${r.school_id}`);
    }
  const results = computeIndicators(withoutSmallCounts(data));
  if (!hidden.size && !smallSchools.size) return results;
  const reason = withheldReason(n);
  const smallReason = smallSchoolReason(n);
  const schools = results.schools.map((s): SchoolYearResult => {
    // A small special-education school: what is missing is missing because it is withheld.
    if (smallSchools.has(`${s.year}|${s.school_id}`)) return explainWithheld(s, smallReason);
    if (!hidden.has(`${s.year}|${s.school_id}`)) return s;
    const c = s.funding.specialEdPerStudent;
    if (c.value.kind === 'value') return s; // special-education schools use all their pupils: nothing hidden
    return { ...s, funding: { ...s.funding, specialEdPerStudent: { ...c, value: { kind: 'not_applicable', reason }, met: null, gap: null, ratio: null } } };
  });
  return { ...results, schools };
}
