import type { DatasetSchema, RowOf } from './types';
import { count, percent, schoolIdColumn } from './columns';

export const outcomes = {
  id: 'outcomes',
  zh: '教育质量',
  en: 'Outcomes',
  description: '每校一行：学年初在校生、辍学人数、学业合格率和综合素质评价优良率。',
  perYear: true,
  optional: false,
  primaryKey: ['school_id'],
  columns: [
    schoolIdColumn,
    { ...count('students_start', '学年初在校生数', 'Students at the start of the year', false, '学年初在校生数。', '1200'), pupils: 'count' },
    { ...count('dropouts', '辍学人数', 'Dropouts', false, '学年内辍学人数，不得大于学年初在校生数。', '0'), pupils: 'count' },
    { ...percent('pass_rate', '学业合格率', 'Academic pass rate', false, '学业水平合格率（%）。', '97.2'), pupils: 'derived' },
    { ...percent('good_rate', '综合素质评价优良率', 'Good-or-better comprehensive evaluation', false, '综合素质评价优良率（%）。', '92'), pupils: 'derived' },
  ],
} as const satisfies DatasetSchema;

export type OutcomeRow = RowOf<typeof outcomes>;
