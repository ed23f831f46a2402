import type { EnumValue } from './types';

/** Shared allowed-value lists, used by several datasets. */

export const STAGES = [
  { key: 'primary', zh: '小学', en: 'Primary' },
  { key: 'junior', zh: '初中', en: 'Junior secondary' },
  { key: 'nine_year', zh: '九年一贯制', en: 'Nine-year school', aliases: ['九年一贯制学校'] },
  { key: 'twelve_year', zh: '十二年一贯制', en: 'Twelve-year school', aliases: ['十二年一贯制学校'] },
  { key: 'complete_secondary', zh: '完全中学', en: 'Complete secondary school', aliases: ['完中'] },
] as const satisfies readonly EnumValue[];

/** The two stages that indicators are computed for (one resources row each). */
export const PART_STAGES = [
  { key: 'primary', zh: '小学', en: 'Primary' },
  { key: 'junior', zh: '初中', en: 'Junior secondary' },
] as const satisfies readonly EnumValue[];

export type SchoolStage = (typeof STAGES)[number]['key'];
export type PartStage = (typeof PART_STAGES)[number]['key'];

/**
 * Grades of compulsory education each school stage teaches (6-3 system, the national norm).
 * Which part (primary/junior) a grade belongs to follows from the grade itself. Senior grades
 * (10–12) of twelve-year schools and complete secondary schools are outside compulsory
 * education and out of scope; a 完全中学 has a junior part only (the national statistics count
 * 完全中学的初中部 among junior schools).
 */
export const STAGE_GRADES: Record<SchoolStage, readonly number[]> = {
  primary: [1, 2, 3, 4, 5, 6],
  junior: [7, 8, 9],
  nine_year: [1, 2, 3, 4, 5, 6, 7, 8, 9],
  twelve_year: [1, 2, 3, 4, 5, 6, 7, 8, 9],
  complete_secondary: [7, 8, 9],
};

export function partOfGrade(grade: number): PartStage {
  return grade <= 6 ? 'primary' : 'junior';
}

/** Parts (primary/junior) a school stage contains. */
export const STAGE_PARTS: Record<SchoolStage, readonly PartStage[]> = {
  primary: ['primary'],
  junior: ['junior'],
  nine_year: ['primary', 'junior'],
  twelve_year: ['primary', 'junior'],
  complete_secondary: ['junior'],
};

export const OWNERSHIPS = [
  { key: 'public', zh: '公办', en: 'Public' },
  { key: 'private', zh: '民办', en: 'Private' },
] as const satisfies readonly EnumValue[];

/** 城乡类型; the official 3-digit 城乡分类代码 map onto the three groups. */
export const LOCALES = [
  { key: 'urban', zh: '城区', en: 'Urban', aliases: ['110', '111', '112', '主城区', '城乡结合区'] },
  { key: 'town', zh: '镇区', en: 'Town', aliases: ['120', '121', '122', '123', '镇中心区', '镇乡结合区', '特殊区域'] },
  { key: 'rural', zh: '乡村', en: 'Rural', aliases: ['200', '210', '220', '乡中心区', '村庄'] },
] as const satisfies readonly EnumValue[];

export const SCHOOL_KINDS = [
  { key: 'regular', zh: '普通学校', en: 'Regular school' },
  { key: 'teaching_point', zh: '教学点', en: 'Teaching point' },
  { key: 'special_education', zh: '特殊教育学校', en: 'Special-education school' },
] as const satisfies readonly EnumValue[];

export const SCHOOL_STATUSES = [
  { key: 'open', zh: '在办', en: 'Open' },
  { key: 'closed', zh: '已撤并', en: 'Closed or merged', aliases: ['撤并', '停办'] },
] as const satisfies readonly EnumValue[];

export const REGION_LEVELS = [
  { key: 'province', zh: '省', en: 'Province', aliases: ['省级', '自治区', '直辖市'] },
  { key: 'city', zh: '市', en: 'City', aliases: ['市级', '地级市', '州', '盟'] },
  { key: 'county', zh: '县区', en: 'County or district', aliases: ['县', '区', '县级', '县级市', '旗'] },
] as const satisfies readonly EnumValue[];

export const MILESTONES = [
  { key: 'school_standard', zh: '学校达标', en: 'School reaches the standard' },
  { key: 'county_application', zh: '申请验收', en: 'County applies for assessment' },
  { key: 'county_recognition', zh: '通过认定', en: 'County recognised' },
  { key: 'county_share', zh: '县区达标比例', en: 'Share of counties reaching the standard', aliases: ['达标县区比例', '县区比例'] },
  { key: 'other', zh: '其他', en: 'Other' },
] as const satisfies readonly EnumValue[];

/** Which balance a plan target refers to: 2012 basic balance or 2017 quality balance. */
export const BALANCE_STAGES = [
  { key: 'basic', zh: '基本均衡', en: 'Basic balance' },
  { key: 'quality', zh: '优质均衡', en: 'Quality balance' },
] as const satisfies readonly EnumValue[];

export const ADMISSION_METHODS = [
  { key: 'zone', zh: '划片', en: 'By zone', aliases: ['划片招生', '就近入学'] },
  { key: 'lottery', zh: '摇号', en: 'Lottery', aliases: ['电脑随机录取', '随机录取'] },
  { key: 'mixed', zh: '混合', en: 'Mixed', aliases: ['划片+摇号'] },
] as const satisfies readonly EnumValue[];

export const STANDARD_STAGES = [
  { key: 'primary', zh: '小学', en: 'Primary' },
  { key: 'junior', zh: '初中', en: 'Junior secondary' },
  { key: 'all', zh: '全部', en: 'All stages', aliases: ['通用', '义务教育'] },
] as const satisfies readonly EnumValue[];
