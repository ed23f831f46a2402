/**
 * How each of the seven resource indicators is made from a resources.csv row: a numerator
 * column over the students, times `per` (100 for “每百名学生”, 1 for “生均”).
 */
import type { QualityIndicatorKey } from '../indicators/types';

export interface QualityIndicatorInput {
  readonly key: QualityIndicatorKey;
  /** resources.csv column of the numerator. */
  readonly column:
    | 'qualified_teachers'
    | 'backbone_teachers'
    | 'pe_arts_teachers'
    | 'teaching_space_m2'
    | 'sports_space_m2'
    | 'equipment_value_yuan'
    | 'multimedia_rooms';
  readonly per: number;
  /** Also one of the 2012 basic-balance indicators (tested against cv_basic). */
  readonly basic: boolean;
}

/** In the order of the 2017 method (L1–L7 of county monitoring tables). */
export const QUALITY_INDICATORS: readonly QualityIndicatorInput[] = [
  { key: 'qualified_teachers_per_100', column: 'qualified_teachers', per: 100, basic: true },
  { key: 'backbone_teachers_per_100', column: 'backbone_teachers', per: 100, basic: false },
  { key: 'pe_arts_teachers_per_100', column: 'pe_arts_teachers', per: 100, basic: false },
  { key: 'teaching_space_per_student', column: 'teaching_space_m2', per: 1, basic: true },
  { key: 'sports_space_per_student', column: 'sports_space_m2', per: 1, basic: true },
  { key: 'equipment_value_per_student', column: 'equipment_value_yuan', per: 1, basic: true },
  { key: 'multimedia_rooms_per_100', column: 'multimedia_rooms', per: 100, basic: false },
];

export const QUALITY_INDICATOR_KEYS: readonly QualityIndicatorKey[] = QUALITY_INDICATORS.map((q) => q.key);

/**
 * The 2012 method's list has eight indicators (生均教学及辅助用房面积, 生均体育运动场馆面积,
 * 生均教学仪器设备值, 每百名学生拥有计算机台数, 生均图书册数, 师生比, 生均高于规定学历教师数,
 * 生均中级及以上专业技术职务教师数); the data holds the four marked `basic` above.
 */
export const BASIC_2012_INDICATORS = 8;
