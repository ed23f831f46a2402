/**
 * Constructors and guards for typed values (see Computed in ./types.ts). A blank is never 0.
 */
import type { Computed, MissingValue, NotApplicableValue, NumberValue, UndefinedCode, UndefinedValue } from './types';

export function value(v: number, note?: string): NumberValue {
  return note === undefined ? { kind: 'value', value: v } : { kind: 'value', value: v, note };
}

export function missing(...what: readonly (string | readonly string[])[]): MissingValue {
  const all = new Set<string>();
  for (const w of what) for (const m of typeof w === 'string' ? [w] : w) all.add(m);
  return { kind: 'missing', missing: [...all].sort() };
}

export function undefinedValue(code: UndefinedCode, reason: string): UndefinedValue {
  return { kind: 'undefined', code, reason };
}

export function notApplicable(reason: string): NotApplicableValue {
  return { kind: 'not_applicable', reason };
}

export function isValue(c: Computed | undefined | null): c is NumberValue {
  return c != null && c.kind === 'value';
}

export function isMissing(c: Computed | undefined | null): c is MissingValue {
  return c != null && c.kind === 'missing';
}

/** The number, or null when not computed. For sums and displays, never for “treat as 0”. */
export function num(c: Computed): number | null {
  return c.kind === 'value' ? c.value : null;
}

/** Merge the missing lists of several values (for a result built from them). */
export function missingOf(...cs: readonly Computed[]): MissingValue | null {
  const ms = cs.filter(isMissing);
  return ms.length ? missing(...ms.map((m) => m.missing)) : null;
}

/** a / b, or a typed reason why not. `scale` 100 gives a percentage. */
export function ratio(a: Computed, b: Computed, zeroReason: string, scale = 1): Computed {
  const m = missingOf(a, b);
  if (m) return m;
  if (a.kind !== 'value') return a;
  if (b.kind !== 'value') return b;
  if (b.value === 0) return undefinedValue('zero_denominator', zeroReason);
  return value((a.value / b.value) * scale);
}

/** A cell of a row: null (blank) becomes Missing naming `dataset.column`. */
export function cell(v: number | null | undefined, dataset: string, column: string): Computed {
  return v == null ? missing(`${dataset}.${column}`) : value(v);
}

/** Percent scale (a unit conversion, not a policy number). */
export const PERCENT = 100;

/**
 * Floating-point tolerance for comparisons with thresholds, so that 3.825 / 4.5 counts as
 * exactly 85 % and 42 × 100 / 1000 as exactly 4.2. Not a policy margin.
 */
export const EPSILON = 1e-9;

/** Rounds away binary noise (0.30000000000000004 → 0.3) so JSON output is tidy and stable. */
export function tidy(x: number): number {
  if (!Number.isFinite(x)) return x;
  const r = Math.round(x * 1e10) / 1e10;
  return Object.is(r, -0) ? 0 : r;
}

export function atLeast(v: number, t: number): boolean {
  return v >= t - EPSILON * Math.max(1, Math.abs(t));
}

export function atMost(v: number, t: number): boolean {
  return v <= t + EPSILON * Math.max(1, Math.abs(t));
}

/** Sum of a column over rows; Missing (naming the column) when any cell is blank. */
export function sumCells<R>(rows: readonly R[], get: (r: R) => number | null | undefined, dataset: string, column: string): Computed {
  let s = 0;
  for (const r of rows) {
    const v = get(r);
    if (v == null) return missing(`${dataset}.${column}`);
    s += v;
  }
  return value(tidy(s));
}
