/**
 * Which school parts count in a region's CV and shares. The 2017 method assesses all
 * compulsory schools of the national statistics except special-education schools, vocational
 * schools and teaching points (教学点) under `teaching_point_min_students` (50); those are
 * listed, not counted. Parts with 0 students carry no weight and are listed too.
 */
import type { StandardsIndex } from '../standards';
import type { Counted, ExclusionReason } from './types';

export function countedStatus(
  kind: 'regular' | 'teaching_point' | 'special_education',
  students: number | null,
  hasRow: boolean,
  standards: StandardsIndex,
): Counted {
  const no = (reason: ExclusionReason, note: string): Counted => ({ counted: false, reason, note });
  if (kind === 'special_education') return no('special_education', '特殊教育学校，列出但不计入资源配置评估');
  const min = standards.threshold('teaching_point_min_students');
  if (kind === 'teaching_point' && students !== null && students < min)
    return no('small_teaching_point', `教学点，在校生${students}人，不足${min}人，列出但不计入`);
  if (!hasRow) return no('no_resources_row', '当年办学条件数据中没有该校该学段的行');
  if (students === 0) return no('no_students', '在校生数为0，不参与加权计算');
  return { counted: true };
}
