import type { Column } from './types';

/** Column definitions shared by many datasets, so the key, labels and rule are written once. */

export const schoolIdColumn = {
  key: 'school_id',
  zh: '学校标识码',
  en: 'School ID',
  type: 'code',
  digits: 10,
  required: true,
  description: '教育部分配的10位学校标识码，按文本填写，保留前导零；须在 schools.csv 中存在。',
  example: '2121000101',
} as const satisfies Column;

export const regionCodeColumn = {
  key: 'region_code',
  zh: '行政区划代码',
  en: 'Region code',
  type: 'code',
  digits: 6,
  required: true,
  description: '6位行政区划代码（GB/T 2260），按文本填写。',
  example: '219901',
} as const satisfies Column;

/** A count of people or things: a non-negative integer. */
export function count<K extends string, R extends boolean>(
  key: K,
  zh: string,
  en: string,
  required: R,
  description: string,
  example: string,
  unit = '人',
) {
  return { key, zh, en, type: 'integer', required, min: 0, unit, description, example } as const;
}

/** An amount of money in yuan or an area in m²: a non-negative number. */
export function measure<K extends string, R extends boolean>(
  key: K,
  zh: string,
  en: string,
  required: R,
  unit: string,
  description: string,
  example: string,
) {
  return { key, zh, en, type: 'number', required, min: 0, unit, description, example } as const;
}

export function percent<K extends string, R extends boolean>(
  key: K,
  zh: string,
  en: string,
  required: R,
  description: string,
  example: string,
) {
  return { key, zh, en, type: 'percent', required, min: 0, max: 100, unit: '%', description, example } as const;
}

export function date<K extends string>(key: K, zh: string, en: string, description: string, example: string) {
  return { key, zh, en, type: 'date', required: false, description, example } as const;
}

export const gradeColumn = {
  key: 'grade',
  zh: '年级',
  en: 'Grade',
  type: 'integer',
  required: true,
  min: 1,
  max: 9,
  description: '年级，1–6 为小学，7–9 为初中；须是该校学段开设的年级。',
  example: '1',
} as const satisfies Column;
