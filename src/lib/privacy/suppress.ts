/**
 * Small-count suppression for sensitive categories (schema columns marked `sensitive: true`,
 * e.g. 残疾儿童录取数, 特教学生数).
 *
 * Design — one rule for cells, one rule for everything computed from them:
 *
 * 1. Primary suppression. A count with 0 < n < threshold is published as “<threshold”
 *    (default “<5”). 0 is shown: it names nobody. Empty stays empty (“not reported”).
 *
 * 2. No exact number is ever computed from a suppressed cell. A classic leak is
 *    “county total 22, shown schools 12 + 7 + 0 → the hidden school has 3”. Complementary
 *    suppression (hiding a second, larger cell) does not close it reliably: with two hidden
 *    cells of 1 each the total still reveals both (22 − 20 = 2 = 1 + 1), and with “<5” shown
 *    on both the reader knows each is 1–4, so a residual of 8 means 4 + 4. Instead every total,
 *    share or ratio is computed FROM THE PUBLISHED CELLS ONLY: a total over parts that contain
 *    “<5” is published as the range it must lie in (shown sum + k … shown sum + k·(threshold−1)),
 *    and a share or per-pupil ratio whose numerator or denominator is suppressed is not shown.
 *    Whatever a reader combines, they learn nothing the “<5” cells did not already say; the
 *    hierarchy (school → county → city) stays consistent because each level sums published
 *    ranges, never raw values.
 *
 * Pages and downloads both call `suppressPortalData` (or the helpers below) so they agree.
 */
import type { PortalData, YearData } from '../model/types';
import { ALL_DATASETS, TOP_LEVEL_DATASETS, YEAR_DATASETS } from '../schema';
import type { DatasetSchema } from '../schema/types';

export const DEFAULT_THRESHOLD = 5;

/** The text a suppressed cell shows, e.g. “<5”. */
export function suppressionMarker(threshold: number): string {
  return `<${threshold}`;
}

/** Keys of the columns of a dataset whose small counts are suppressed. */
export function sensitiveColumns(schema: Pick<DatasetSchema, 'columns'>): string[] {
  return schema.columns.filter((c) => c.sensitive).map((c) => c.key);
}

/** Every sensitive column of the contract, as `dataset.column`. */
export function allSensitiveColumns(): string[] {
  return ALL_DATASETS.flatMap((d) => sensitiveColumns(d).map((k) => `${d.id}.${k}`));
}

export function isSuppressed(v: unknown): v is string {
  return typeof v === 'string' && /^<\d+$/.test(v);
}

/** Primary suppression of one published count. */
export function suppressCount(v: number | null | undefined, threshold: number): number | string | null {
  if (v === null || v === undefined) return null;
  return v > 0 && v < threshold ? suppressionMarker(threshold) : v;
}

/**
 * Columns withheld together with a sensitive count, as [dependent, count] pairs
 * (`special_ed_funds_yuan` with `special_ed_students`): values from which the count can be
 * recomputed (an amount set per pupil). Declared in the schema (`suppressWith`).
 */
export function dependentColumns(schema: Pick<DatasetSchema, 'columns'>): [string, string][] {
  return schema.columns.filter((c) => c.suppressWith).map((c) => [c.key, c.suppressWith!] as [string, string]);
}

/** true when a raw count is one that suppression hides (0 < n < threshold). */
export function isSmallCount(v: unknown, threshold: number): boolean {
  return typeof v === 'number' && v > 0 && v < threshold;
}

/**
 * One row with its small sensitive counts replaced by `hidden` (the marker for publication,
 * null for indicators) and every value that would give such a count back blanked (null).
 * Untouched rows keep their identity.
 */
export function withholdRow<R extends Readonly<Record<string, unknown>>>(
  row: R,
  cols: readonly string[],
  deps: readonly (readonly [string, string])[],
  threshold: number,
  hidden: string | null,
): R {
  let out: Record<string, unknown> | null = null;
  for (const [k, of] of deps) if (isSmallCount(row[of], threshold) && row[k] !== null && row[k] !== undefined) (out ??= { ...row })[k] = null;
  for (const k of cols) if (isSmallCount(row[k], threshold)) (out ??= { ...row })[k] = hidden;
  return (out ?? row) as R;
}

/**
 * The rows of one dataset as published: small sensitive counts shown as the marker, and the
 * values that would give them back (suppressWith) left empty. Untouched rows keep identity.
 */
export function suppressRows<R extends Readonly<Record<string, unknown>>>(
  schema: Pick<DatasetSchema, 'columns'>,
  rows: readonly R[],
  threshold: number,
): R[] {
  const cols = sensitiveColumns(schema);
  if (cols.length === 0) return rows.slice();
  const deps = dependentColumns(schema);
  const marker = suppressionMarker(threshold);
  return rows.map((r) => withholdRow(r, cols, deps, threshold, marker));
}

// ───────────── special-education schools with fewer pupils than the threshold ─────────────

/** Columns that count a school's pupils (`count`) or are set per pupil / a rate over them (`derived`). */
export function pupilColumns(schema: Pick<DatasetSchema, 'columns'>): { counts: string[]; derived: string[] } {
  return {
    counts: schema.columns.filter((c) => c.pupils === 'count').map((c) => c.key),
    derived: schema.columns.filter((c) => c.pupils === 'derived').map((c) => c.key),
  };
}

/**
 * `year|school_id` of every 特殊教育学校 whose pupils that year number more than 0 and fewer than
 * the threshold. All its pupils have a disability, so the school's pupil count is a small count of
 * a sensitive category, like 特教学生数 “<5”. Its pupils are counted from resources.csv (the sum
 * of its stage rows); without those, from its classes, outcomes.csv or 特教学生数.
 */
export function smallSpecialSchools(data: PortalData, threshold: number): Set<string> {
  const special = new Set(data.schools.filter((s) => s.kind === 'special_education').map((s) => s.school_id));
  const out = new Set<string>();
  if (special.size === 0) return out;
  for (const y of data.years) {
    const sums = new Map<string, { resources: number | null; classes: number | null; start: number | null; specialEd: number | null }>();
    const of = (id: unknown) => {
      if (typeof id !== 'string' || !special.has(id)) return null;
      let t = sums.get(id);
      if (!t) sums.set(id, (t = { resources: null, classes: null, start: null, specialEd: null }));
      return t;
    };
    const add = (a: number | null, v: unknown) => (typeof v === 'number' ? (a ?? 0) + v : a);
    for (const r of y.resources ?? []) {
      const t = of(r.school_id);
      if (t) t.resources = add(t.resources, r.students);
    }
    for (const r of y.classes ?? []) {
      const t = of(r.school_id);
      if (t) t.classes = add(t.classes, r.students);
    }
    for (const r of y.outcomes ?? []) {
      const t = of(r.school_id);
      if (t) t.start = add(t.start, r.students_start);
    }
    for (const r of y.funding ?? []) {
      const t = of(r.school_id);
      if (t) t.specialEd = add(t.specialEd, r.special_ed_students);
    }
    for (const [id, t] of sums) {
      const pupils = t.resources ?? t.classes ?? t.start ?? t.specialEd;
      if (isSmallCount(pupils, threshold)) out.add(`${y.year}|${id}`);
    }
  }
  return out;
}

/**
 * Cells blanked by withholdSmallSchools because they counted the pupils of a small
 * special-education school (0 < n < threshold): published as “<N” by suppressPortalData. Keyed by
 * the row object, so nothing else in the code has to know.
 */
const smallPupilCells = new WeakMap<object, readonly string[]>();

/**
 * The rows a year file had before withholdSmallSchools took a small special-education school's
 * rows out of the model, keyed by the new year object: the downloads (suppressPortalData) publish
 * those rows with “<N” and empty cells instead.
 */
const rowsBeforeWithholding = new WeakMap<object, Readonly<Record<string, readonly Record<string, unknown>[]>>>();

/** The model with the rows withholdSmallSchools took out put back (for the downloads and the reasons). */
export function withRowsRestored(data: PortalData): PortalData {
  if (!data.years.some((y) => rowsBeforeWithholding.has(y))) return data;
  return { ...data, years: data.years.map((y) => { const r = rowsBeforeWithholding.get(y); return r ? ({ ...y, ...r } as unknown as YearData) : y; }) };
}

/**
 * The model without the pupils of small special-education schools (smallSpecialSchools).
 *
 * `rows` (the model pages and indicators read): the school's rows of every year file that holds
 * a count of its pupils (admissions, classes, resources, funding, outcomes) are left out for that
 * year, so the school page says those figures are not published and no indicator, per-pupil
 * value, class chart or county total includes them. Page code never meets a blank where a count
 * is required.
 *
 * `cells` (the downloads): the rows stay; each small `count` is blanked (published “<N”) and each
 * `derived` value (amounts set per pupil, rates over the pupils) is blanked (published empty).
 * Rows of other schools keep their identity in both.
 */
export function withholdSmallSchools(
  data: PortalData,
  threshold: number = data.settings.suppression_threshold ?? DEFAULT_THRESHOLD,
  mode: 'rows' | 'cells' = 'rows',
): PortalData {
  const small = smallSpecialSchools(data, threshold);
  if (small.size === 0) return data;
  const years = data.years.map((y) => {
    let out: Record<string, unknown> | null = null;
    const before: Record<string, readonly Record<string, unknown>[]> = {};
    const yr = y as unknown as Record<string, readonly Record<string, unknown>[] | undefined>;
    for (const d of YEAR_DATASETS) {
      const rows = yr[d.id];
      const { counts, derived } = pupilColumns(d);
      if (!rows || (!counts.length && !derived.length)) continue;
      const isSmall = (r: Record<string, unknown>) => small.has(`${y.year}|${String(r.school_id)}`);
      if (!rows.some(isSmall)) continue;
      if (mode === 'rows') {
        before[d.id] = rows;
        (out ??= { ...y })[d.id] = rows.filter((r) => !isSmall(r));
        continue;
      }
      (out ??= { ...y })[d.id] = rows.map((r) => {
        if (!isSmall(r)) return r;
        const row: Record<string, unknown> = { ...r };
        const marked: string[] = [];
        // A count of 0 names nobody and one at or above the threshold (applicants) hides nothing.
        for (const k of counts) {
          if (!isSmallCount(r[k], threshold)) continue;
          marked.push(k);
          row[k] = null;
        }
        for (const k of derived) row[k] = null;
        if (marked.length) smallPupilCells.set(row, marked);
        return row;
      });
    }
    if (!out) return y;
    if (mode === 'rows') rowsBeforeWithholding.set(out, before);
    return out as unknown as YearData;
  });
  return { ...data, years };
}

/**
 * The model as it may be published: every sensitive count suppressed, and the pupils of small
 * special-education schools withheld (“<N”, their per-pupil amounts and rates empty). Downloads
 * and diffs read this.
 */
export function suppressPortalData(data: PortalData): PortalData {
  const n = data.settings.suppression_threshold ?? DEFAULT_THRESHOLD;
  const withheld = withholdSmallSchools(withRowsRestored(data), n, 'cells');
  const marker = suppressionMarker(n);
  const suppress = (d: DatasetSchema, rows: readonly Record<string, unknown>[]) => {
    const out = suppressRows(d, rows, n);
    for (let i = 0; i < rows.length; i++) {
      const marked = smallPupilCells.get(rows[i]);
      if (!marked) continue;
      const row: Record<string, unknown> = { ...out[i] };
      for (const k of marked) row[k] = marker;
      out[i] = row;
    }
    return out;
  };
  const rec = withheld as unknown as Record<string, readonly Record<string, unknown>[] | undefined>;
  const top: Record<string, unknown> = {};
  for (const d of TOP_LEVEL_DATASETS) {
    const rows = rec[d.id];
    if (rows) top[d.id] = suppress(d, rows);
  }
  const years = withheld.years.map((y) => {
    const out: Record<string, unknown> = { ...y };
    const yr = y as unknown as Record<string, readonly Record<string, unknown>[] | undefined>;
    for (const d of YEAR_DATASETS) {
      const rows = yr[d.id];
      if (rows) out[d.id] = suppress(d, rows);
    }
    return out as unknown as YearData;
  });
  return { ...withheld, ...top, years } as PortalData;
}

/** A total as it may be published, computed only from published parts. */
export interface PublishedTotal {
  /** The exact total, or null when a part is suppressed. */
  readonly exact: number | null;
  /** Smallest and largest value the total can have given the published parts. */
  readonly low: number;
  readonly high: number;
  /** Parts shown as “<N”. */
  readonly suppressedParts: number;
  /** Parts not reported (empty): left out of the total. */
  readonly missingParts: number;
  /** What a page or download shows: “37” or “38–50”. */
  readonly text: string;
}

/**
 * Sum of published parts (numbers, “<N” markers or null). A suppressed part counts as the range
 * 1 … N−1, so the total of a county with a hidden school is a range and the hidden value cannot
 * be recovered by subtraction.
 */
export function publishedTotal(parts: readonly (number | string | null | undefined)[], threshold: number): PublishedTotal {
  let shown = 0;
  let k = 0;
  let missing = 0;
  for (const p of parts) {
    if (p === null || p === undefined) missing++;
    else if (typeof p === 'number') {
      if (p > 0 && p < threshold) k++; // a raw small count must never be summed exactly
      else shown += p;
    } else if (isSuppressed(p)) k++;
    else missing++;
  }
  const low = shown + k;
  const high = shown + k * (threshold - 1);
  return {
    exact: k === 0 ? shown : null,
    low,
    high,
    suppressedParts: k,
    missingParts: missing,
    text: k === 0 ? String(shown) : `${low}–${high}`,
  };
}

/**
 * A share or ratio (e.g. 特教生均公用经费 = funds ÷ special-ed pupils, or disabled ÷ admitted):
 * null — not shown — when either side is suppressed or a raw small sensitive count, because
 * ratio × the other side gives the hidden count back.
 */
export function publishedRatio(
  numerator: number | string | null | undefined,
  denominator: number | string | null | undefined,
  threshold: number,
  sensitive: { numerator?: boolean; denominator?: boolean } = { numerator: true, denominator: true },
): number | null {
  const hidden = (v: unknown, s: boolean | undefined) =>
    isSuppressed(v) || (s === true && typeof v === 'number' && v > 0 && v < threshold);
  if (hidden(numerator, sensitive.numerator) || hidden(denominator, sensitive.denominator)) return null;
  if (typeof numerator !== 'number' || typeof denominator !== 'number' || denominator === 0) return null;
  return numerator / denominator;
}

/**
 * What a reader can deduce about each suppressed part from the published parts and a published
 * total (exact or a range): the tightest interval per part. Used by tests and by the build's
 * self-check — a part whose interval is a single number has been disclosed.
 */
export function deducibleRanges(
  parts: readonly (number | string | null | undefined)[],
  total: { low: number; high: number },
  threshold: number,
): { index: number; low: number; high: number }[] {
  let shown = 0;
  const hidden: number[] = [];
  parts.forEach((p, i) => {
    if (typeof p === 'number') shown += p;
    else if (isSuppressed(p)) hidden.push(i);
  });
  const k = hidden.length;
  const rLow = total.low - shown;
  const rHigh = total.high - shown;
  const lo = 1;
  const hi = threshold - 1;
  return hidden.map((index) => ({
    index,
    low: Math.max(lo, rLow - (k - 1) * hi),
    high: Math.min(hi, rHigh - (k - 1) * lo),
  }));
}
