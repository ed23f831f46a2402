import type { DatasetSchema, RowOf } from './types';
import { MILESTONES } from './values';

export const plans = {
  id: 'plans',
  zh: '均衡发展规划目标',
  en: 'Plans and targets',
  description: '规划文件中的目标：哪所学校、哪个县区在哪一年达到标准或申请验收。',
  perYear: false,
  optional: false,
  primaryKey: ['region_code', 'school_id', 'milestone', 'target_year'],
  columns: [
    {
      key: 'region_code',
      zh: '县区代码',
      en: 'County code',
      type: 'code',
      digits: 6,
      required: true,
      description: '目标所属县区的行政区划代码。',
      example: '219901',
    },
    {
      key: 'school_id',
      zh: '学校标识码',
      en: 'School ID',
      type: 'code',
      digits: 10,
      required: false,
      description: '目标所指学校；留空表示县区整体的里程碑。学校须属于该县区。',
      example: '2121000101',
    },
    { key: 'target_year', zh: '目标年份', en: 'Target year', type: 'year', required: true, description: '计划达成的年份（年底）。', example: '2026' },
    { key: 'milestone', zh: '里程碑', en: 'Milestone', type: 'enum', required: true, values: MILESTONES, description: '学校达标、申请验收、通过认定或其他。', example: '学校达标' },
    { key: 'description', zh: '说明', en: 'Description', type: 'text', required: false, description: '目标的文字说明，可摘录规划原文。', example: '七项指标全部达标' },
    { key: 'source', zh: '依据文件', en: 'Source document', type: 'text', required: true, description: '目标出自哪份文件（名称、文号或发布日期）。', example: '《青禾区义务教育优质均衡发展实施方案》（2023年9月）' },
    { key: 'source_url', zh: '文件链接', en: 'Source URL', type: 'url', required: false, description: '文件的公开网址。', example: 'https://example.gov.cn/plan.html' },
  ],
} as const satisfies DatasetSchema;

export type PlanRow = RowOf<typeof plans>;
