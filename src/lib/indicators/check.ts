/** Compares a computed value with an applied standard: met, gap and ratio (see Check in ./types.ts). */
import type { AppliedStandard, Check, Computed } from './types';
import { atLeast, atMost, tidy } from './values';

export function makeCheck(std: AppliedStandard, value: Computed): Check {
  const base = { key: std.key, stage: std.stage, value, threshold: std.threshold, comparison: std.comparison, unit: std.unit, ...(std.strict ? { strict: true } : {}) };
  if (value.kind !== 'value') return { ...base, met: null, gap: null, ratio: null };
  const v = value.value;
  const t = std.threshold;
  // strict (“高于”): equal does not meet it — 0 growth is not growth
  const met = std.comparison === '>=' ? (std.strict ? v > t && !atMost(v, t) : atLeast(v, t)) : atMost(v, t);
  const gap = met ? 0 : tidy(std.comparison === '>=' ? t - v : v - t);
  const ratio = t === 0 ? null : tidy(v / t);
  return { ...base, met, gap, ratio };
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
