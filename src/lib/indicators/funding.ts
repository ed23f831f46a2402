/**
 * School funding (funding.csv is per school): public funds per student, against the county's
 * provincial per-student standard (counties.csv; 不足100人的村小学和教学点按100人核定 — rural
 * primary schools and teaching points only, never junior or nine-year schools), teacher
 * training share (≥ 5 % of public funds) and special-education funds per student (≥ 6000 元).
 */
import type { CountyYearRow, FundingRow, SchoolRow } from '../schema';
import type { StandardsIndex } from '../standards';
import { makeCheck } from './check';
import type { Computed, FundingSummary } from './types';
import { cell, missing, notApplicable, PERCENT, ratio, tidy, value } from './values';

export interface PartStudents {
  readonly primary: Computed | null;
  readonly junior: Computed | null;
}

/** Expected public funds from the provincial standard, with the small-school floor. */
export function expectedPublicFunds(
  school: SchoolRow,
  parts: PartStudents,
  county: CountyYearRow | undefined,
  countiesPublished: boolean,
  standards: StandardsIndex,
): Computed {
  if (!county) return missing(countiesPublished ? `counties:${school.region_code}` : 'counties');
  const ms: string[] = [];
  let expected = 0;
  let total = 0;
  for (const [stage, students] of [['primary', parts.primary], ['junior', parts.junior]] as const) {
    if (students === null) continue;
    if (students.kind === 'missing') { ms.push(...students.missing); continue; }
    if (students.kind !== 'value') continue;
    const std = stage === 'primary' ? county.public_funds_standard_primary_yuan : county.public_funds_standard_junior_yuan;
    if (std == null) { ms.push(`counties.public_funds_standard_${stage}_yuan`); continue; }
    expected += std * students.value;
    total += students.value;
  }
  if (ms.length) return missing(ms);
  const floor = standards.threshold('public_funds_small_school_floor');
  // 不足100名学生的村小学和教学点: teaching points, and rural schools that are primary schools only
  const small = school.kind === 'teaching_point' || (school.locale === 'rural' && school.stage === 'primary');
  if (small && total > 0 && total < floor) expected = (expected / total) * floor;
  return value(tidy(expected));
}

export function fundingSummary(
  school: SchoolRow,
  row: FundingRow | undefined,
  published: boolean,
  students: Computed,
  expected: Computed,
  standards: StandardsIndex,
): FundingSummary {
  const none = missing(published ? `funding:${school.school_id}` : 'funding');
  const publicFunds = row ? value(row.public_funds_yuan) : none;
  const trainingFunds = row ? cell(row.training_funds_yuan, 'funding', 'training_funds_yuan') : none;
  let specialEd: Computed;
  if (!row) specialEd = none;
  else if (school.kind === 'special_education') {
    specialEd = ratio(
      value(row.special_ed_funds_yuan ?? row.public_funds_yuan),
      row.special_ed_students != null ? value(row.special_ed_students) : students,
      '学生数为0',
    );
  } else if (row.special_ed_students == null || row.special_ed_students === 0) {
    specialEd = notApplicable('未报告特殊教育学生');
  } else {
    specialEd = ratio(cell(row.special_ed_funds_yuan, 'funding', 'special_ed_funds_yuan'), value(row.special_ed_students), '特教学生数为0');
  }
  return {
    publicFunds,
    publicFundsPerStudent: ratio(publicFunds, students, '在校生数为0'),
    publicFundsVsStandard: makeCheck(
      standards.get('public_funds_vs_standard'),
      school.kind === 'special_education' ? notApplicable('特殊教育学校按特教生均标准检验') : ratio(publicFunds, expected, '核定经费为0', PERCENT),
    ),
    trainingShare: makeCheck(standards.get('training_funds_share'), ratio(trainingFunds, publicFunds, '公用经费为0', PERCENT)),
    specialEdPerStudent: makeCheck(standards.get('special_ed_funds_per_student'), specialEd),
    source: row?._source ?? null,
  };
}
