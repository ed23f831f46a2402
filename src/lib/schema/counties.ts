import type { DatasetSchema, RowOf } from './types';
import { measure, percent, regionCodeColumn } from './columns';

export const counties = {
  id: 'counties',
  zh: '县区年度数据',
  en: 'County yearly data',
  description: '只有县区能报告的数据：义务教育财政拨款与财政收支、教师工资、名额分配、随迁子女、残疾儿童入学、巩固率、满意度。',
  perYear: true,
  optional: false,
  primaryKey: ['region_code'],
  columns: [
    { ...regionCodeColumn, description: '县区的行政区划代码；须是 regions.csv 中层级为“县区”的区划。' },
    {
      ...measure('compulsory_education_appropriation_yuan', '义务教育财政拨款', 'Compulsory-education appropriations', false, '元', '当年用于实施义务教育的财政拨款（《义务教育法》第四十二条所说的“义务教育财政拨款”），用于检验其增长比例是否高于财政经常性收入的增长比例，以及生均数是否逐年增长。原表头“财政教育支出”（education_spending_yuan）仍可使用。', '1260000000'),
      aliases: ['education_spending_yuan', '财政教育支出', 'Public education spending'],
    },
    measure('recurrent_revenue_yuan', '经常性财政收入', 'Recurrent fiscal revenue', false, '元', '当年财政经常性收入。', '5400000000'),
    measure('general_budget_education_yuan', '一般公共预算教育支出', 'Education spending in the general public budget', false, '元', '当年一般公共预算支出中的教育支出（全部学段），用于计算教育支出占一般公共预算支出的比例。', '1890000000'),
    measure('general_budget_spending_yuan', '一般公共预算支出', 'General public budget spending', false, '元', '当年一般公共预算支出总额。', '9800000000'),
    measure('public_funds_standard_primary_yuan', '小学生均公用经费标准', 'Per-student public-funds standard, primary', false, '元', '省定小学生均公用经费基准定额。', '650'),
    measure('public_funds_standard_junior_yuan', '初中生均公用经费标准', 'Per-student public-funds standard, junior', false, '元', '省定初中生均公用经费基准定额。', '850'),
    measure('teacher_pay_yuan', '教师年平均工资', 'Average teacher pay', false, '元', '义务教育教师年平均工资收入。', '98000'),
    measure('civil_servant_pay_yuan', '当地公务员年平均工资', 'Average civil-servant pay', false, '元', '当地公务员年平均工资收入。', '96000'),
    percent('quota_allocation_pct', '优质高中招生名额分配比例', 'Quota places of quality high schools allocated', false, '优质普通高中招生名额分配到初中的比例（%）。', '55'),
    percent('migrant_public_pct', '随迁子女在公办学校及政府购买学位就读比例', 'Migrant children in public or purchased places', false, '随迁子女在公办学校和政府购买学位就读的比例（%）。', '92'),
    percent('disabled_enrollment_pct', '残疾儿童少年入学率', 'Enrolment rate of children with disabilities', false, '适龄残疾儿童少年入学率（%）。', '97'),
    percent('retention_junior_pct', '初中三年巩固率', 'Junior three-year retention', false, '初中三年巩固率（%）。', '98.5'),
    percent('satisfaction_pct', '社会认可度', 'Public satisfaction', false, '社会认可度调查满意度（%）。', '88'),
  ],
} as const satisfies DatasetSchema;

export type CountyYearRow = RowOf<typeof counties>;
