import type { DatasetSchema, RowOf } from './types';
import { count, schoolIdColumn } from './columns';

export const teachers = {
  id: 'teachers',
  zh: '教师队伍',
  en: 'Teachers',
  description: '每校一行：专任教师、持证、交流轮岗和培训完成情况。',
  perYear: true,
  optional: false,
  primaryKey: ['school_id'],
  columns: [
    schoolIdColumn,
    count('teachers', '专任教师数', 'Full-time teachers', true, '专任教师总数。', '75'),
    count('certified_teachers', '持教师资格证人数', 'Teachers with a certificate', false, '持有教师资格证的专任教师数，不得大于专任教师数。', '75'),
    count('exchange_eligible', '应交流人数', 'Teachers eligible for exchange', false, '符合交流轮岗条件的教师数。', '30'),
    count('exchanged', '交流人数', 'Teachers exchanged', false, '当年实际交流轮岗的教师数，不得大于应交流人数。', '4'),
    count('backbone_exchanged', '交流骨干教师数', 'Backbone teachers exchanged', false, '交流教师中骨干教师数，不得大于交流人数。', '1'),
    count('training_360h_done', '五年360学时完成人数', 'Teachers with 360 training hours in 5 years', false, '五年内完成360学时培训的教师数，不得大于专任教师数。', '70'),
  ],
} as const satisfies DatasetSchema;

export type TeacherRow = RowOf<typeof teachers>;
