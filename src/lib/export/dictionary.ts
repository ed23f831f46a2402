/**
 * The data dictionary, derived from the schema modules (never written twice): one entry per
 * column of every dataset. The page /data/dictionary/, its CSV/JSON downloads and the templates
 * all read this.
 */
import { ALL_DATASETS } from '../schema';
import type { Column, ColumnType, DatasetSchema } from '../schema/types';
import type { TableDef } from './table';

export const TYPE_LABELS: Record<ColumnType, { zh: string; en: string }> = {
  code: { zh: '代码（文本）', en: 'code (text)' },
  text: { zh: '文本', en: 'text' },
  integer: { zh: '整数', en: 'integer' },
  number: { zh: '数值', en: 'number' },
  percent: { zh: '百分比（0–100）', en: 'percent (0–100)' },
  date: { zh: '日期', en: 'date' },
  year: { zh: '年份', en: 'year' },
  enum: { zh: '枚举', en: 'enum' },
  url: { zh: '网址', en: 'URL' },
};

export interface DictionaryEntry {
  readonly dataset: string;
  readonly dataset_zh: string;
  /** File as it lives in data/: `schools.csv`, `YEAR/admissions.csv`. */
  readonly file: string;
  readonly key: string;
  readonly zh: string;
  readonly en: string;
  readonly type: ColumnType;
  readonly type_zh: string;
  readonly unit: string | null;
  /** `primary 小学; junior 初中`, or a range `0–100`, or null. */
  readonly allowed: string | null;
  readonly required: boolean;
  readonly primary_key: boolean;
  readonly default: string | null;
  readonly description: string;
  readonly example: string;
}

export function fileOf(schema: Pick<DatasetSchema, 'id' | 'perYear'>): string {
  return schema.perYear ? `YEAR/${schema.id}.csv` : `${schema.id}.csv`;
}

export function allowedValues(c: Column): string | null {
  if (c.values) return c.values.map((v) => `${v.key} ${v.zh}`).join('; ');
  if (c.digits) return `${c.digits}位数字`;
  if (c.min !== undefined && c.max !== undefined) return `${c.min}–${c.max}`;
  if (c.min !== undefined) return `≥ ${c.min}`;
  if (c.max !== undefined) return `≤ ${c.max}`;
  return null;
}

export function dictionaryEntries(schema: DatasetSchema): DictionaryEntry[] {
  return schema.columns.map((c) => ({
    dataset: schema.id,
    dataset_zh: schema.zh,
    file: fileOf(schema),
    key: c.key,
    zh: c.zh,
    en: c.en,
    type: c.type,
    type_zh: TYPE_LABELS[c.type].zh,
    unit: c.unit ?? null,
    allowed: allowedValues(c),
    required: c.required,
    primary_key: schema.primaryKey.includes(c.key),
    default: c.default ?? null,
    description: c.description,
    example: c.example,
  }));
}

export function dataDictionary(schemas: readonly DatasetSchema[] = ALL_DATASETS): DictionaryEntry[] {
  return schemas.flatMap(dictionaryEntries);
}

const YES_NO = [
  { key: 'yes', zh: '是', en: 'Yes' },
  { key: 'no', zh: '否', en: 'No' },
] as const;

/** The dictionary itself as a downloadable table (same CSV/JSON writers as the data). */
export const dictionaryTable: TableDef = {
  id: 'dictionary',
  zh: '数据字典',
  en: 'Data dictionary',
  description: '每个数据集的每一列：键名、中英文名称、类型、单位、允许值、是否必填和示例。',
  primaryKey: ['dataset', 'key'],
  columns: [
    { key: 'dataset', zh: '数据集', en: 'Dataset', type: 'text', required: true, description: '数据集标识（文件名）。', example: 'schools' },
    { key: 'dataset_zh', zh: '数据集名称', en: 'Dataset name', type: 'text', required: true, description: '数据集中文名称。', example: '学校名录' },
    { key: 'file', zh: '文件', en: 'File', type: 'text', required: true, description: 'data/ 中的文件，YEAR 为学年文件夹。', example: 'schools.csv' },
    { key: 'key', zh: '键名', en: 'Key', type: 'text', required: true, description: '列的英文键名。', example: 'school_id' },
    { key: 'zh', zh: '中文名称', en: 'Chinese label', type: 'text', required: true, description: '列的中文名称（模板表头）。', example: '学校标识码' },
    { key: 'en', zh: '英文名称', en: 'English label', type: 'text', required: true, description: '列的英文名称。', example: 'School ID' },
    { key: 'type', zh: '类型', en: 'Type', type: 'text', required: true, description: '数据类型。', example: 'code' },
    { key: 'type_zh', zh: '类型说明', en: 'Type (Chinese)', type: 'text', required: true, description: '数据类型的中文说明。', example: '代码（文本）' },
    { key: 'unit', zh: '单位', en: 'Unit', type: 'text', required: false, description: '计量单位。', example: '人' },
    { key: 'allowed', zh: '允许值', en: 'Allowed values', type: 'text', required: false, description: '枚举值、位数或取值范围。', example: 'primary 小学; junior 初中' },
    { key: 'required', zh: '必填', en: 'Required', type: 'enum', values: YES_NO, required: true, description: '是否必填。', example: '是' },
    { key: 'primary_key', zh: '主键', en: 'Primary key', type: 'enum', values: YES_NO, required: true, description: '是否属于主键（组合唯一）。', example: '是' },
    { key: 'default', zh: '默认值', en: 'Default', type: 'text', required: false, description: '留空时采用的值。', example: 'open' },
    { key: 'description', zh: '说明', en: 'Description', type: 'text', required: true, description: '填写说明。', example: '学校全称。' },
    { key: 'example', zh: '示例', en: 'Example', type: 'text', required: true, description: '示例值。', example: '青禾区实验小学' },
  ],
};

export function dictionaryRows(entries: readonly DictionaryEntry[] = dataDictionary()) {
  return entries.map((e) => ({ ...e, required: e.required ? 'yes' : 'no', primary_key: e.primary_key ? 'yes' : 'no' }));
}
