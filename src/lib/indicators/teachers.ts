/**
 * Teacher figures (teachers.csv is per school): certificate share (100 %), exchange rate
 * (≥ 10 % of eligible, a county-wide rule), backbone share of those exchanged (≥ 20 %) and
 * 360-hour training completion (100 %). Region figures are ratios of sums, not means of ratios.
 */
import type { TeacherRow } from '../schema';
import type { StandardsIndex } from '../standards';
import { makeCheck } from './check';
import type { Check, Computed } from './types';
import { isValue, missing, notApplicable, PERCENT, ratio, sumCells } from './values';

export interface TeacherFigures {
  readonly teachers: Computed;
  readonly certifiedShare: Check;
  readonly exchangeRate: Check;
  readonly backboneExchangedShare: Check;
  readonly training360Share: Check;
}

export function teacherFigures(rows: readonly TeacherRow[], noneWhat: string | readonly string[] | null, standards: StandardsIndex): TeacherFigures {
  const none = noneWhat ? missing(noneWhat) : null;
  const sum = (get: (r: TeacherRow) => number | null, col: string): Computed =>
    none ?? sumCells(rows, get, 'teachers', col);
  const teachers = sum((r) => r.teachers, 'teachers');
  const eligible = sum((r) => r.exchange_eligible, 'exchange_eligible');
  const exchanged = sum((r) => r.exchanged, 'exchanged');
  const backbone = sum((r) => r.backbone_exchanged, 'backbone_exchanged');
  const backboneShare =
    isValue(exchanged) && exchanged.value === 0 ? notApplicable('当年无交流教师') : ratio(backbone, exchanged, '交流人数为0', PERCENT);
  const exchangeRate =
    isValue(eligible) && eligible.value === 0 ? notApplicable('无符合交流条件的教师') : ratio(exchanged, eligible, '应交流人数为0', PERCENT);
  return {
    teachers,
    certifiedShare: makeCheck(standards.get('certified_teachers_share'), ratio(sum((r) => r.certified_teachers, 'certified_teachers'), teachers, '专任教师数为0', PERCENT)),
    exchangeRate: makeCheck(standards.get('teacher_exchange_rate'), exchangeRate),
    backboneExchangedShare: makeCheck(standards.get('backbone_exchange_share'), backboneShare),
    training360Share: makeCheck(standards.get('training_360h_share'), ratio(sum((r) => r.training_360h_done, 'training_360h_done'), teachers, '专任教师数为0', PERCENT)),
  };
}
