import type { DatasetSchema, RowOf } from './types';
import { count, gradeColumn, schoolIdColumn } from './columns';

export const classes = {
  id: 'classes',
  zh: '班级规模',
  en: 'Class sizes',
  description: '每个班级一行：学年初的班级学生数。',
  perYear: true,
  optional: false,
  primaryKey: ['school_id', 'grade', 'class_name'],
  columns: [
    schoolIdColumn,
    gradeColumn,
    { key: 'class_name', zh: '班级', en: 'Class', type: 'text', required: true, description: '班级名称或编号，同校同年级内不得重复。', example: '1班' },
    { ...count('students', '学生数', 'Students', true, '学年初该班学生数。', '43'), pupils: 'count' },
  ],
} as const satisfies DatasetSchema;

export type ClassRow = RowOf<typeof classes>;
