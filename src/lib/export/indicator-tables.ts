/**
 * The computed indicators and findings, flattened to tables so they download the same ways as
 * the data (CSV both flavours, JSON, Table Schema). A value that could not be computed is an
 * empty cell, and the `*_status` / note columns say why — never a 0.
 */
import { digitsFor, gapUnit } from '../indicators/format';
import type { Column, EnumValue } from '../schema/types';
import type { Computed, CountyYearResult, Finding, IndicatorResults, SchoolYearResult } from '../indicators/types';
import type { ExportRow, ExportTable, TableDef } from './table';

const QUALITY_KEYS = [
  ['qualified_teachers_per_100', '每百名学生拥有高于规定学历教师数', 'Teachers above required qualification per 100 students', '人'],
  ['backbone_teachers_per_100', '每百名学生拥有县级以上骨干教师数', 'County-level backbone teachers per 100 students', '人'],
  ['pe_arts_teachers_per_100', '每百名学生拥有体育、艺术专任教师数', 'PE and arts teachers per 100 students', '人'],
  ['teaching_space_per_student', '生均教学及辅助用房面积', 'Teaching space per student', 'm²'],
  ['sports_space_per_student', '生均体育运动场馆面积', 'Sports space per student', 'm²'],
  ['equipment_value_per_student', '生均教学仪器设备值', 'Equipment value per student', '元'],
  ['multimedia_rooms_per_100', '每百名学生拥有网络多媒体教室数', 'Multimedia rooms per 100 students', '间'],
] as const;

const COMPUTED_STATUS: readonly EnumValue[] = [
  { key: 'value', zh: '已计算', en: 'Computed' },
  { key: 'missing', zh: '数据未报送', en: 'Inputs not reported' },
  { key: 'undefined', zh: '无法计算', en: 'Cannot be computed' },
  { key: 'not_applicable', zh: '不适用', en: 'Not applicable' },
];
const STAGES: readonly EnumValue[] = [
  { key: 'primary', zh: '小学', en: 'Primary' },
  { key: 'junior', zh: '初中', en: 'Junior secondary' },
];
const VERDICTS: readonly EnumValue[] = [
  { key: 'passes', zh: '达标', en: 'Passes' },
  { key: 'fails', zh: '未达标', en: 'Fails' },
  { key: 'unknown', zh: '无法判断', en: 'Unknown' },
];
const YES_NO_UNKNOWN: readonly EnumValue[] = [
  { key: 'yes', zh: '是', en: 'Yes' },
  { key: 'no', zh: '否', en: 'No' },
  { key: 'unknown', zh: '无法判断', en: 'Unknown' },
];
const SEVERITIES: readonly EnumValue[] = [
  { key: 'notice', zh: '提示', en: 'Notice' },
  { key: 'concern', zh: '关注', en: 'Concern' },
  { key: 'serious', zh: '严重', en: 'Serious' },
];

const col = (key: string, zh: string, en: string, type: Column['type'], required: boolean, description: string, example: string, extra: Partial<Column> = {}): Column => ({
  key,
  zh,
  en,
  type,
  required,
  description,
  example,
  ...extra,
});

const yearCol = col('year', '学年', 'School year', 'year', true, '学年（2024 表示 2024 年秋季开始的学年）。', '2024');
const schoolIdCol = col('school_id', '学校标识码', 'School ID', 'code', true, '10位学校标识码。', '2121000101', { digits: 10 });
const regionCol = col('region_code', '行政区划代码', 'Region code', 'code', true, '6位行政区划代码。', '219901', { digits: 6 });
const stageCol = col('stage', '学段', 'Stage', 'enum', true, '小学或初中。', '小学', { values: STAGES });

/** Round computed ratios so files show what the site shows, not 17 binary digits. */
export function rounded(n: number, digits = 6): number {
  const f = 10 ** digits;
  const r = Math.round(n * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

function numOf(c: Computed | undefined): number | null {
  return c && c.kind === 'value' ? rounded(c.value) : null;
}

function noteOf(c: Computed | undefined): string | null {
  if (!c) return null;
  if (c.kind === 'missing') return `未报送：${c.missing.join('、')}`;
  if (c.kind === 'undefined' || c.kind === 'not_applicable') return c.reason;
  return c.note ?? null;
}

export const schoolIndicatorsTable: TableDef = {
  id: 'indicators-schools',
  zh: '学校办学条件指标',
  en: 'School resource indicators',
  description: '每校每学年每学段一行：优质均衡7项资源配置指标的计算值与“6项达标、其余不低于85%”判定。空值表示无法计算，原因见说明列。',
  primaryKey: ['year', 'school_id', 'stage'],
  columns: [
    yearCol,
    schoolIdCol,
    col('name', '学校名称', 'School name', 'text', true, '学校名称。', '青禾区实验小学'),
    regionCol,
    stageCol,
    col('students', '在校生数', 'Students', 'integer', false, '该学段在校生数。', '1200', { min: 0, unit: '人' }),
    ...QUALITY_KEYS.map(([k, zh, en, unit]) => col(k, zh, en, 'number', false, `${zh}（计算值）。`, '4.5', { unit })),
    col('indicators_met', '达标指标数', 'Indicators met', 'integer', true, '7项指标中达标的项数。', '6', { min: 0, max: 7 }),
    col('verdict', '综合判定', 'Verdict', 'enum', true, '达标、未达标或无法判断（数据不全）。', '达标', { values: VERDICTS }),
    col('counted', '计入差异系数', 'Counted in CV', 'enum', true, '是否计入县域差异系数。', '是', { values: YES_NO_UNKNOWN }),
    col('note', '说明', 'Note', 'text', false, '判定说明或不计入的原因。', '7项中达标6项'),
  ],
};

export const countyCvTable: TableDef = {
  id: 'indicators-cv',
  zh: '县域差异系数',
  en: 'Coefficients of variation by region',
  description: '每区划每学年每学段每项指标一行：按学生数加权的差异系数及其限值。',
  primaryKey: ['year', 'region_code', 'stage', 'indicator'],
  columns: [
    yearCol,
    regionCol,
    col('name', '区划名称', 'Region name', 'text', true, '区划名称。', '青禾区'),
    stageCol,
    col('indicator', '指标', 'Indicator', 'text', true, '指标键名。', 'teaching_space_per_student'),
    col('cv', '差异系数', 'Coefficient of variation', 'number', false, '差异系数计算值。', '0.32', { min: 0 }),
    col('limit', '限值', 'Limit', 'number', true, '差异系数上限。', '0.5'),
    col('passes', '符合', 'Within limit', 'enum', true, '差异系数是否不超过限值。', '是', { values: YES_NO_UNKNOWN }),
    col('schools', '计入学校数', 'Schools counted', 'integer', true, '计入计算的学校数。', '12', { min: 0, unit: '所' }),
    col('students', '学生数', 'Students', 'integer', true, '计入学校的学生总数。', '15000', { min: 0, unit: '人' }),
    col('mean', '均值', 'Mean', 'number', false, '按学生加权的区域均值。', '5.1'),
    col('note', '说明', 'Note', 'text', false, '无法计算的原因或特殊情况。', '全县仅1所学校'),
  ],
};

export const findingsTable: TableDef = {
  id: 'findings',
  zh: '发现',
  en: 'Findings',
  description: '依据国家和本地标准发现的问题（如大班额、指标未达标），不是数据错误。',
  primaryKey: ['id'],
  columns: [
    col('id', '编号', 'ID', 'text', true, '稳定编号。', 'large_class:2024:219901:2121000101:primary:1-3'),
    yearCol,
    col('rule', '规则', 'Rule', 'text', true, '规则代码。', 'large_class'),
    col('severity', '程度', 'Severity', 'enum', true, '提示、关注或严重。', '关注', { values: SEVERITIES }),
    col('subject', '对象类型', 'Subject kind', 'text', true, 'school、class、region 或 plan。', 'class'),
    col('region_code', '行政区划代码', 'Region code', 'code', true, '6位行政区划代码。', '219901', { digits: 6 }),
    col('school_id', '学校标识码', 'School ID', 'code', false, '10位学校标识码（区域层面的发现为空）。', '2121000101', { digits: 10 }),
    col('name', '名称', 'Name', 'text', true, '学校或区划名称。', '青禾区实验小学'),
    col('stage', '学段', 'Stage', 'enum', false, '小学或初中。', '小学', { values: STAGES }),
    col('grade', '年级', 'Grade', 'integer', false, '班级所在年级。', '3', { min: 1, max: 9 }),
    col('class_name', '班级', 'Class', 'text', false, '班级名称。', '3班'),
    col('indicator', '标准', 'Standard', 'text', true, '所依据的标准键名。', 'large_class_min'),
    col('value', '数值', 'Value', 'number', true, '实际值。', '58'),
    col('threshold', '标准值', 'Threshold', 'number', true, '标准值。', '56'),
    col('comparison', '比较', 'Comparison', 'text', true, '>= 表示应不低于，<= 表示应不高于。', '<='),
    col('unit', '单位', 'Unit', 'text', false, '单位。', '人'),
    col('gap', '差距', 'Gap', 'number', true, '与标准的差距（≥0）。', '2', { min: 0 }),
    col('message', '说明', 'Message', 'text', true, '中文说明。', '班额58人，属大班额'),
    col('sources', '来源', 'Sources', 'text', false, '计算所用的文件和行号。', '2024/classes.csv:12'),
  ],
};

export const INDICATOR_TABLES = [schoolIndicatorsTable, countyCvTable, findingsTable] as const;

function yesNo(b: boolean | null): string {
  return b === null ? 'unknown' : b ? 'yes' : 'no';
}

function schoolRow(s: SchoolYearResult): ExportRow {
  const row: Record<string, unknown> = {
    year: s.year,
    school_id: s.school_id,
    name: s.name,
    region_code: s.region_code,
    stage: s.stage,
    students: numOf(s.students),
    indicators_met: s.verdict.met,
    verdict: s.verdict.status,
    counted: yesNo(s.counted.counted),
    note: s.counted.counted ? s.verdict.explanation : `${s.verdict.explanation}；${s.counted.note}`,
  };
  for (const [k] of QUALITY_KEYS) row[k] = numOf(s.indicators.find((i) => i.key === k)?.value);
  return row;
}

function cvRows(c: CountyYearResult): ExportRow[] {
  return c.cv.map((cv) => ({
    year: c.year,
    region_code: c.region_code,
    name: c.name,
    stage: c.stage,
    indicator: cv.indicator,
    // a CV has 3 decimals everywhere: pages, findings and downloads (issue 12)
    cv: cv.value.kind === 'value' ? rounded(cv.value.value, digitsFor('')) : null,
    limit: cv.limit,
    passes: yesNo(cv.passes),
    schools: cv.schools,
    students: cv.students,
    mean: numOf(cv.mean),
    note: noteOf(cv.value),
  }));
}

function findingRow(f: Finding): ExportRow {
  return {
    id: f.id,
    year: f.year,
    rule: f.rule,
    severity: f.severity,
    subject: f.subject.kind,
    region_code: f.subject.region_code,
    school_id: f.subject.school_id,
    name: f.subject.name,
    stage: f.stage,
    grade: f.subject.class?.grade ?? null,
    class_name: f.subject.class?.class_name ?? null,
    indicator: f.indicator,
    // the precision of the quantity (CV 3 decimals, % 1 …), as in the finding's own message
    value: rounded(f.value, digitsFor(f.unit)),
    threshold: f.threshold,
    comparison: f.comparison,
    unit: f.unit || null,
    gap: rounded(f.gap, digitsFor(gapUnit(f.unit))),
    message: f.message,
    sources: f.sources.map((s) => `${s.file}:${s.row}`).join('; ') || null,
  };
}

export function indicatorTables(results: IndicatorResults): ExportTable[] {
  return [
    { def: schoolIndicatorsTable, rows: results.schools.map(schoolRow) },
    { def: countyCvTable, rows: results.counties.flatMap(cvRows) },
    { def: findingsTable, rows: results.findings.map(findingRow) },
  ];
}
