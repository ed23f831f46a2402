/**
 * The seven resource indicators of one school part (primary or junior). A nine/twelve-year
 * school has one resources.csv row per part, so each part is computed from its own students
 * and resources, exactly as the national statistics report 一贯制学校的小学部 / 初中部.
 */
import type { PartStage, ResourceRow } from '../schema';
import { QUALITY_INDICATORS, type StandardsIndex } from '../standards';
import { makeCheck } from './check';
import type { Computed, IndicatorCheck, QualityIndicatorKey } from './types';
import { missing, tidy, undefinedValue, value } from './values';

/** The value of one indicator for one resources row: numerator × per ÷ students. */
export function indicatorValue(row: ResourceRow, key: QualityIndicatorKey): Computed {
  const def = QUALITY_INDICATORS.find((q) => q.key === key)!;
  const numerator = row[def.column];
  if (numerator == null) return missing(`resources.${def.column}`);
  if (row.students === 0) return undefinedValue('zero_denominator', '在校生数为0，无法计算生均或每百名学生指标');
  // multiply first: 42 × 100 / 1000 is exactly 4.2, 42 / 1000 × 100 is not
  return value(tidy((numerator * def.per) / row.students));
}

/** All seven, in table order. `row` undefined → every indicator Missing (no resources row). */
export function schoolIndicators(row: ResourceRow | undefined, stage: PartStage, standards: StandardsIndex, missingWhat: string): IndicatorCheck[] {
  return QUALITY_INDICATORS.map((q) => {
    const v = row ? indicatorValue(row, q.key) : missing(missingWhat);
    return makeCheck(standards.get(q.key, stage), v) as IndicatorCheck;
  });
}
