/** Compares a computed value with an applied standard: met, gap and ratio (see Check in ./types.ts). */
import type { AppliedStandard, Check, Computed } from './types';
import { atLeast, atMost, tidy } from './values';

export function makeCheck(std: AppliedStandard, value: Computed): Check {
  let met: boolean | null = null;
  let gap: number | null = null;
  let ratio: number | null = null;
  const t = std.threshold;
  if (value.kind === 'value') {
    const v = value.value;
    // strict (“高于”): equal does not meet it — 0 growth is not growth
    met = std.comparison === '>=' ? (std.strict ? v > t && !atMost(v, t) : atLeast(v, t)) : atMost(v, t);
    gap = met ? 0 : tidy(std.comparison === '>=' ? t - v : v - t);
    ratio = t === 0 ? null : tidy(v / t);
  }
  // One object literal per shape (no spreads): a check is made about 25 times per school and
  // year, and spread copies were a tenth of computing the indicators. Same keys, same order.
  return std.strict
    ? { key: std.key, stage: std.stage, value, threshold: t, comparison: std.comparison, unit: std.unit, strict: true, met, gap, ratio }
    : { key: std.key, stage: std.stage, value, threshold: t, comparison: std.comparison, unit: std.unit, met, gap, ratio };
}

/** A check with a threshold that is not in the standards table (e.g. planned seats). */
export function makeAdHocCheck(key: string, threshold: number, comparison: '>=' | '<=', unit: string, value: Computed): Check {
  return makeCheck(
    {
      key,
      stage: 'all',
      threshold,
      comparison,
      unit,
      zh: key,
      en: key,
      group: 'admissions',
      source: { title: '', number: null, year: null },
      note: '',
      computable: true,
      origin: 'national',
      nationalThreshold: threshold,
      citation: '',
    },
    value,
  );
}
