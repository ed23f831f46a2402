import type { DatasetSchema, RowOf } from './types';
import { schoolIdColumn } from './columns';

export const zones = {
  id: 'zones',
  zh: '招生范围',
  en: 'Admission zones',
  description: '每个街道、社区或村一行，家长可按地址查到对应学校。',
  perYear: true,
  optional: false,
  primaryKey: ['school_id', 'area'],
  columns: [
    schoolIdColumn,
    { key: 'area', zh: '片区', en: 'Area', type: 'text', required: true, description: '街道、社区或村的名称，每行一个。', example: '文昌街道翠湖社区' },
    { key: 'note', zh: '说明', en: 'Note', type: 'text', required: false, description: '补充说明，如门牌号范围。', example: '单号1–99号' },
  ],
} as const satisfies DatasetSchema;

export type ZoneRow = RowOf<typeof zones>;
