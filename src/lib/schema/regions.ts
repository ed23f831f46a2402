import type { DatasetSchema, RowOf } from './types';
import { regionCodeColumn } from './columns';
import { REGION_LEVELS } from './values';

export const regions = {
  id: 'regions',
  zh: '行政区划',
  en: 'Regions',
  description: '本门户覆盖的行政区划树（省 → 市 → 县区）。',
  perYear: false,
  optional: false,
  primaryKey: ['region_code'],
  columns: [
    { ...regionCodeColumn, description: '6位行政区划代码（GB/T 2260），按文本填写；在本文件中不得重复。' },
    { key: 'name', zh: '名称', en: 'Name', type: 'text', required: true, description: '区划全称，如“某某区”。', example: '示例市青禾区' },
    {
      key: 'parent_code',
      zh: '上级代码',
      en: 'Parent code',
      type: 'code',
      digits: 6,
      required: false,
      description: '上级区划的行政区划代码；最高一级留空。须在本文件中存在。',
      example: '219900',
    },
    { key: 'level', zh: '层级', en: 'Level', type: 'enum', required: true, values: REGION_LEVELS, description: '省、市或县区。', example: '县区' },
  ],
} as const satisfies DatasetSchema;

export type RegionRow = RowOf<typeof regions>;
