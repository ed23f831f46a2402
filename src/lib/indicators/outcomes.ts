/**
 * Outcomes (outcomes.csv is per school): dropout rate against the stage limit (primary 0,
 * junior ≤ 1 %; a nine/twelve-year school reports one figure — see dropoutCheck), pass and
 * good rates (junior-stage local targets). Region rates: dropouts ÷ students at start; pass/good rates weighted by
 * students at start.
 */
import type { OutcomeRow, PartStage, SchoolStage } from '../schema';
import type { StandardsIndex } from '../standards';
import { makeCheck } from './check';
import type { Check, Computed } from './types';
import { isValue, missing, notApplicable, PERCENT, ratio, sumCells, tidy, value } from './values';

export function dropoutStage(stage: SchoolStage): PartStage {
  return stage === 'primary' ? 'primary' : 'junior';
}

/** Schools that report one dropout figure for a primary and a junior part together. */
function twoParts(stage: SchoolStage): boolean {
  return stage === 'nine_year' || stage === 'twelve_year';
}

/**
 * Dropout rate against the stage limit: primary 0, junior ≤ 1 %. A nine/twelve-year school
 * reports one figure for both parts: with no dropouts both limits are met; with dropouts the
 * primary limit (0) cannot be tested separately, so the check is undecided (met null) and says
 * why — it is never quietly held to the junior 1 %.
 */
export function dropoutCheck(rows: readonly OutcomeRow[], stage: SchoolStage, noneWhat: string | readonly string[] | null, standards: StandardsIndex) {
  const none = noneWhat ? missing(noneWhat) : null;
  const studentsStart = none ?? sumCells(rows, (r) => r.students_start, 'outcomes', 'students_start');
  const dropouts = none ?? sumCells(rows, (r) => r.dropouts, 'outcomes', 'dropouts');
  const rate = ratio(dropouts, studentsStart, '学年初在校生数为0', PERCENT);
  const std = standards.get('dropout_rate', dropoutStage(stage));
  if (!twoParts(stage) || rate.kind !== 'value') return { studentsStart, dropouts, rate: makeCheck(std, rate) };
  const primaryLimit = standards.threshold('dropout_rate', 'primary');
  if (isValue(dropouts) && dropouts.value === 0)
    return { studentsStart, dropouts, rate: makeCheck(std, value(rate.value, '全校无辍学，小学部、初中部的辍学率标准均达到')) };
  const note = `辍学数未分学段：小学部的标准（${primaryLimit}%）无法单独检验，初中部的标准也无法单独检验，不按初中标准代替`;
  return { studentsStart, dropouts, rate: { ...makeCheck(std, value(rate.value, note)), met: null, gap: null } as Check };
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

/**
 * Pass and good rates: junior-stage local targets (锦州). `junior` false (a primary school) →
 * not applicable.
 */
export function rateChecks(rows: readonly OutcomeRow[], noneWhat: string | readonly string[] | null, standards: StandardsIndex, junior = true): { passRate: Check; goodRate: Check } {
  const na = notApplicable('只适用于有初中学段的学校（初中学业水平考试）');
  return {
    passRate: makeCheck(standards.get('pass_rate', 'junior'), junior ? weightedRate(rows, 'pass_rate', noneWhat) : na),
    goodRate: makeCheck(standards.get('good_rate', 'junior'), junior ? weightedRate(rows, 'good_rate', noneWhat) : na),
  };
}
