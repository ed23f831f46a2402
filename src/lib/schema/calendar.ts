import type { DatasetSchema, RowOf } from './types';

/** 放假 (a day off) or 上班 (a working day, e.g. a 调休 weekend). */
export const DAY_TYPES = [
  { key: 'holiday', zh: '放假', en: 'Day off', aliases: ['休', '假', '节假日', '休息'] },
  { key: 'workday', zh: '上班', en: 'Working day', aliases: ['班', '调休上班', '工作日', '补班'] },
] as const;

/**
 * Optional calendar.csv: working-day calendar for the publication rule. The portal holds the
 * State Council's notices from 2021 on (src/lib/standards/holidays.ts); a row here adds or
 * corrects one date (a year the built-in table lacks, such as the next year once its notice is
 * out). A year with rows here or in the built-in table counts as covered; other years are
 * computed Monday–Friday and marked 近似.
 */
export const calendar = {
  id: 'calendar',
  zh: '节假日安排',
  en: 'Holiday calendar',
  description: '可选：国务院办公厅当年《关于部分节假日安排的通知》中的放假日和调休上班日，每个日期一行；用于计算“20个工作日内公开”。本站已内置2021年起的通知。',
  perYear: false,
  optional: true,
  primaryKey: ['date'],
  columns: [
    { key: 'date', zh: '日期', en: 'Date', type: 'date', required: true, description: '放假或调休上班的日期。', example: '2027-10-01' },
    { key: 'day_type', zh: '类型', en: 'Day type', type: 'enum', required: true, values: DAY_TYPES, description: '放假或上班（调休上班的周末填“上班”）。', example: '放假' },
    { key: 'name', zh: '名称', en: 'Name', type: 'text', required: false, description: '节日名称。', example: '国庆节' },
    { key: 'source', zh: '依据', en: 'Source', type: 'text', required: true, description: '通知名称和文号。', example: '国务院办公厅关于2027年部分节假日安排的通知' },
  ],
} as const satisfies DatasetSchema;

export type CalendarRow = RowOf<typeof calendar>;
