import type { DatasetSchema, RowOf } from './types';
import { STANDARD_STAGES } from './values';

/**
 * Local overrides of the national thresholds. The allowed `indicator` keys are those of the
 * national standards table (src/lib/standards); the validator checks them there.
 */
export const standards = {
  id: 'standards',
  zh: '本地标准',
  en: 'Local standards',
  description: '可选：本地区对国家标准的覆盖（例如省定更高的特教生均公用经费）。',
  perYear: false,
  optional: true,
  primaryKey: ['indicator', 'stage'],
  columns: [
    { key: 'indicator', zh: '指标', en: 'Indicator', type: 'text', required: true, description: '指标键名，见数据字典“标准”一节，如 special_ed_funds_per_student。', example: 'special_ed_funds_per_student' },
    { key: 'stage', zh: '学段', en: 'Stage', type: 'enum', required: true, values: STANDARD_STAGES, description: '小学、初中或全部。', example: '全部' },
    { key: 'threshold', zh: '标准值', en: 'Threshold', type: 'number', required: true, description: '本地区采用的标准值，单位与国家标准相同。', example: '8000' },
    { key: 'source', zh: '依据', en: 'Source', type: 'text', required: true, description: '本地标准的依据文件。', example: '《某省义务教育学校生均公用经费标准》' },
  ],
} as const satisfies DatasetSchema;

export type StandardRow = RowOf<typeof standards>;
