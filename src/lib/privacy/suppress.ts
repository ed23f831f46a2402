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

/**
 * The model as it may be published: every sensitive count suppressed. Pages and downloads read
 * this, never the raw model, for anything that shows a sensitive column (indicators that only
 * publish aggregates over many schools may use the raw model; see publishedTotal for totals).
 */
export function suppressPortalData(data: PortalData): PortalData {
  const n = data.settings.suppression_threshold ?? DEFAULT_THRESHOLD;
  const rec = data as unknown as Record<string, readonly Record<string, unknown>[] | undefined>;
  const top: Record<string, unknown> = {};
  for (const d of TOP_LEVEL_DATASETS) {
    const rows = rec[d.id];
    if (rows) top[d.id] = suppressRows(d, rows, n);
  }
  const years = data.years.map((y) => {
    const out: Record<string, unknown> = { ...y };
    const yr = y as unknown as Record<string, readonly Record<string, unknown>[] | undefined>;
    for (const d of YEAR_DATASETS) {
      const rows = yr[d.id];
      if (rows) out[d.id] = suppressRows(d, rows, n);
    }
    return out as unknown as YearData;
  });
  return { ...data, ...top, years } as PortalData;
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
