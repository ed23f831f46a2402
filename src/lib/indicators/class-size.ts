/**
 * Class-size profile of one school part: mean, max, classes above the stage limit
 * (class_size: primary 45, junior 50), 大班额 (large_class_min ≤ n < super_large_class_min,
 * i.e. 56–65) and 超大班额 (≥ super_large_class_min, 66). Bounds come from the standards table.
 */
import type { ClassRow, PartStage } from '../schema';
import type { StandardsIndex } from '../standards';
import type { ClassRef, ClassSizeProfile } from './types';
import { missing, tidy, value } from './values';

export type ClassBand = 'within_limit' | 'over_limit' | 'large' | 'super_large';

export function classBand(students: number, stage: PartStage, standards: StandardsIndex): ClassBand {
  if (students >= standards.threshold('super_large_class_min')) return 'super_large';
  if (students >= standards.threshold('large_class_min')) return 'large';
  if (students > standards.threshold('class_size', stage)) return 'over_limit';
  return 'within_limit';
}

export function classSizeProfile(
  rows: readonly ClassRow[] | undefined,
  stage: PartStage,
  standards: StandardsIndex,
  schoolId: string,
): ClassSizeProfile {
  const limit = standards.threshold('class_size', stage);
  const published = rows !== undefined;
  const list = [...(rows ?? [])].sort((a, b) => a.grade - b.grade || a.class_name.localeCompare(b.class_name, 'zh'));
  const students = list.reduce((s, r) => s + r.students, 0);
  const what = published ? `classes:${schoolId}` : 'classes';
  let overLimit = 0;
  let large = 0;
  let superLarge = 0;
  const overLimitClasses: ClassRef[] = [];
  for (const r of list) {
    const band = classBand(r.students, stage, standards);
    if (band === 'within_limit') continue;
    overLimit++;
    if (band === 'large') large++;
    if (band === 'super_large') superLarge++;
    overLimitClasses.push({ grade: r.grade, class_name: r.class_name, students: r.students, source: r._source });
  }
  return {
    published,
    classes: list.length,
    students,
    mean: list.length ? value(tidy(students / list.length)) : missing(what),
    max: list.length ? value(list.reduce((m, r) => Math.max(m, r.students), -Infinity)) : missing(what),
    limit,
    overLimit,
    large,
    superLarge,
    overLimitClasses,
  };
}
