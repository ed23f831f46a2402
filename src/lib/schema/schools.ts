import type { DatasetSchema, RowOf } from './types';
import { schoolIdColumn } from './columns';
import { LOCALES, OWNERSHIPS, SCHOOL_KINDS, SCHOOL_STATUSES, STAGES } from './values';

export const schools = {
  id: 'schools',
  zh: '学校名录',
  en: 'Schools',
  description: '每所学校一行，含已撤并学校（以状态标明）。',
  perYear: false,
  optional: false,
  primaryKey: ['school_id'],
  columns: [
    { ...schoolIdColumn, description: '教育部分配的10位学校标识码，按文本填写，保留前导零；在本文件中不得重复。' },
    { key: 'name', zh: '学校名称', en: 'School name', type: 'text', required: true, description: '学校全称。', example: '青禾区实验小学' },
    {
      key: 'region_code',
      zh: '所属县区代码',
      en: 'County code',
      type: 'code',
      digits: 6,
      required: true,
      description: '学校所在县区的行政区划代码；须是 regions.csv 中层级为“县区”的区划。',
      example: '219901',
    },
    { key: 'stage', zh: '学段', en: 'Stage', type: 'enum', required: true, values: STAGES, description: '小学、初中、九年一贯制或十二年一贯制。', example: '小学' },
    { key: 'ownership', zh: '办学性质', en: 'Ownership', type: 'enum', required: true, values: OWNERSHIPS, description: '公办或民办。', example: '公办' },
    {
      key: 'locale',
      zh: '城乡类型',
      en: 'Urban/rural type',
      type: 'enum',
      required: true,
      values: LOCALES,
      description: '城区、镇区或乡村；也可填统计用3位城乡分类代码（如 111、220）。',
      example: '城区',
    },
    {
      key: 'kind',
      zh: '学校类别',
      en: 'School kind',
      type: 'enum',
      required: false,
      default: 'regular',
      values: SCHOOL_KINDS,
      description: '普通学校、教学点或特殊教育学校；留空视为普通学校。',
      example: '普通学校',
    },
    { key: 'address', zh: '地址', en: 'Address', type: 'text', required: false, description: '学校地址。', example: '青禾区文昌路18号' },
    { key: 'latitude', zh: '纬度', en: 'Latitude', type: 'number', required: false, min: -90, max: 90, unit: '°', description: '十进制度数（WGS-84 或 GCJ-02，请在说明中注明）。', example: '41.12' },
    { key: 'longitude', zh: '经度', en: 'Longitude', type: 'number', required: false, min: -180, max: 180, unit: '°', description: '十进制度数。', example: '121.13' },
    {
      key: 'status',
      zh: '状态',
      en: 'Status',
      type: 'enum',
      required: false,
      default: 'open',
      values: SCHOOL_STATUSES,
      description: '在办或已撤并；留空视为在办。',
      example: '在办',
    },
    { key: 'closed_year', zh: '撤并年份', en: 'Year closed', type: 'year', required: false, description: '已撤并学校的撤并学年；此后年份不应再有该校数据。', example: '2023' },
    { key: 'website', zh: '网址', en: 'Website', type: 'url', required: false, description: '学校官方网址，以 http:// 或 https:// 开头。', example: 'https://example.edu.cn' },
  ],
} as const satisfies DatasetSchema;

export type SchoolRow = RowOf<typeof schools>;
