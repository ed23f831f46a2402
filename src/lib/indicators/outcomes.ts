/**
 * Outcomes (outcomes.csv is per school): dropout rate against the stage limit (primary 0,
 * junior ≤ 1 %; a nine/twelve-year school reports one figure, compared with the junior limit),
 * pass and good rates. Region rates: dropouts ÷ students at start; pass/good rates weighted by
 * students at start.
 */
import type { OutcomeRow, PartStage, SchoolStage } from '../schema';
import type { StandardsIndex } from '../standards';
import { makeCheck } from './check';
import type { Check, Computed } from './types';
import { missing, PERCENT, ratio, sumCells, tidy, value } from './values';

export function dropoutStage(stage: SchoolStage): PartStage {
  return stage === 'primary' ? 'primary' : 'junior';
}

export function dropoutCheck(rows: readonly OutcomeRow[], stage: SchoolStage, noneWhat: string | readonly string[] | null, standards: StandardsIndex) {
  const none = noneWhat ? missing(noneWhat) : null;
  const studentsStart = none ?? sumCells(rows, (r) => r.students_start, 'outcomes', 'students_start');
  const dropouts = none ?? sumCells(rows, (r) => r.dropouts, 'outcomes', 'dropouts');
  let rate = ratio(dropouts, studentsStart, '学年初在校生数为0', PERCENT);
  if (rate.kind === 'value' && (stage === 'nine_year' || stage === 'twelve_year'))
    rate = value(rate.value, '一贯制学校辍学数未分学段，按初中标准比较');
  return { studentsStart, dropouts, rate: makeCheck(standards.get('dropout_rate', dropoutStage(stage)), rate) };
}

/** Student-weighted mean of a percentage column (weights: students_start). */
export function weightedRate(rows: readonly OutcomeRow[], col: 'pass_rate' | 'good_rate', noneWhat: string | readonly string[] | null): Computed {
  if (noneWhat) return missing(noneWhat);
  if (rows.length === 0) return missing(`outcomes.${col}`);
  if (rows.length === 1) {
    const r = rows[0][col];
    return r == null ? missing(`outcomes.${col}`) : value(r);
  }
  let w = 0;
  let s = 0;
  for (const r of rows) {
    if (r[col] == null) return missing(`outcomes.${col}`);
    if (r.students_start == null) return missing('outcomes.students_start');
    w += r.students_start;
    s += r.students_start * r[col]!;
  }
  return w === 0 ? missing('outcomes.students_start') : value(tidy(s / w));
}

export function rateChecks(rows: readonly OutcomeRow[], noneWhat: string | readonly string[] | null, standards: StandardsIndex): { passRate: Check; goodRate: Check } {
  return {
    passRate: makeCheck(standards.get('pass_rate'), weightedRate(rows, 'pass_rate', noneWhat)),
    goodRate: makeCheck(standards.get('good_rate'), weightedRate(rows, 'good_rate', noneWhat)),
  };
}
