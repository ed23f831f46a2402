import type { DatasetSchema, RowOf } from './types';
import { count, measure, schoolIdColumn } from './columns';

export const funding = {
  id: 'funding',
  zh: '学校经费',
  en: 'School funding',
  description: '每校一行：上一财政年度的公用经费、培训经费、特教经费和投入。',
  perYear: true,
  optional: false,
  primaryKey: ['school_id'],
  columns: [
    schoolIdColumn,
    // Set per pupil (生均公用经费标准 × pupils), and training funds as a share of them.
    { ...measure('public_funds_yuan', '公用经费支出', 'Public funds spent', true, '元', '全年公用经费支出。', '1450000'), pupils: 'derived' },
    { ...measure('training_funds_yuan', '教师培训经费', 'Teacher training funds', false, '元', '全年教师培训经费支出，应不低于公用经费的5%。', '80000'), pupils: 'derived' },
    {
      ...count('special_ed_students', '特教学生数', 'Special-education students', false, '在校特殊教育学生数（含随班就读）。少于5人时网站显示为“<5”。', '6'),
      sensitive: true,
      pupils: 'count',
    },
    {
      // Set per pupil (funds ÷ the per-pupil standard = the pupils): withheld with a “<5” count.
      ...measure('special_ed_funds_yuan', '特教公用经费', 'Special-education public funds', false, '元', '用于特殊教育学生的公用经费。特教学生数少于5人时网站和下载均不公布此项（按生均标准可推算出人数）。', '48000'),
      suppressWith: 'special_ed_students',
      pupils: 'derived',
    },
    measure('investment_yuan', '基建及装备投入', 'Investment in buildings and equipment', false, '元', '当年基本建设及装备投入。', '3000000'),
  ],
} as const satisfies DatasetSchema;

export type FundingRow = RowOf<typeof funding>;
