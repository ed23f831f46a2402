import type { DatasetSchema, RowOf } from './types';
import { count, date, gradeColumn, schoolIdColumn } from './columns';
import { ADMISSION_METHODS } from './values';

export const admissions = {
  id: 'admissions',
  zh: '招生计划与结果',
  en: 'Admission plans and results',
  description: '每校每年级一行：招生计划（春季公布）与录取结果（秋季公布）。录取数留空表示结果尚未公布。',
  perYear: true,
  optional: false,
  primaryKey: ['school_id', 'grade'],
  columns: [
    schoolIdColumn,
    { ...gradeColumn, description: '招生年级，通常小学为1、初中为7；插班生可填其他年级。', example: '1' },
    count('planned_classes', '计划班数', 'Planned classes', false, '计划招收的班级数。', '4', '个'),
    count('planned_seats', '计划招生数', 'Planned seats', true, '公布的招生计划人数。', '180'),
    { ...count('applicants', '报名人数', 'Applicants', false, '报名（登记）人数。', '210'), pupils: 'count' },
    { ...count('admitted', '录取人数', 'Admitted', false, '实际录取人数；结果未公布时留空。', '178'), pupils: 'count' },
    { ...count('admitted_in_zone', '划片内录取数', 'Admitted from the zone', false, '录取者中来自本校招生范围的人数，不得大于录取人数。', '170'), pupils: 'count' },
    { ...count('admitted_migrant', '随迁子女录取数', 'Migrant children admitted', false, '录取者中随迁子女人数，不得大于录取人数。', '25'), pupils: 'count' },
    {
      ...count('admitted_disabled', '残疾儿童录取数', 'Children with disabilities admitted', false, '录取者中残疾儿童少年人数，不得大于录取人数。少于5人时网站显示为“<5”。', '2'),
      sensitive: true,
      pupils: 'count',
    },
    { key: 'method', zh: '招生方式', en: 'Admission method', type: 'enum', required: false, values: ADMISSION_METHODS, description: '划片、摇号或混合。', example: '划片' },
    date('plan_published_on', '计划公布日期', 'Plan published on', '招生计划向社会公布的日期。', '2025-05-10'),
    date('results_published_on', '结果公布日期', 'Results published on', '录取结果公布的日期，不得早于计划公布日期。', '2025-07-20'),
  ],
} as const satisfies DatasetSchema;

export type AdmissionRow = RowOf<typeof admissions>;
