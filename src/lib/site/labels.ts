/**
 * Names the pages use for indicators and rules. Full names come from the standards table;
 * the short ones fit a table column on a phone.
 */
import type { QualityIndicatorKey, SourceRef } from '../indicators/types';
import { datasetById } from '../schema';

export const INDICATOR_SHORT: Record<QualityIndicatorKey, string> = {
  qualified_teachers_per_100: '高学历教师',
  backbone_teachers_per_100: '骨干教师',
  pe_arts_teachers_per_100: '体艺教师',
  teaching_space_per_student: '教学用房',
  sports_space_per_student: '体育场馆',
  equipment_value_per_student: '仪器设备',
  multimedia_rooms_per_100: '多媒体教室',
};

/** “2025/resources.csv” → “resources”. */
export function datasetOfFile(file: string): string {
  return file.replace(/^.*\//, '').replace(/\.csv$/i, '');
}

export interface SourceLink {
  readonly text: string;
  /** Site path (without base) of the dataset's catalogue page. */
  readonly path: string;
  readonly file: string;
  readonly row: number;
  readonly dataset: string;
  readonly datasetZh: string;
}

/** “来源：2025/resources.csv 第12行” → the catalogue page of that dataset (/data/resources/). */
export function sourceLink(ref: SourceRef): SourceLink {
  const dataset = datasetOfFile(ref.file);
  return {
    text: `${ref.file} 第${ref.row}行`,
    path: `data/${dataset}/`,
    file: ref.file,
    row: ref.row,
    dataset,
    datasetZh: datasetById(dataset)?.zh ?? dataset,
  };
}

/** Unique, in file then row order. */
export function uniqueSources(refs: readonly (SourceRef | null | undefined)[]): SourceRef[] {
  const seen = new Map<string, SourceRef>();
  for (const r of refs) if (r) seen.set(`${r.file}#${r.row}`, r);
  return [...seen.values()].sort((a, b) => a.file.localeCompare(b.file) || a.row - b.row);
}

/** Pinyin is added at build time for search; see search-keys.ts. */
export const SEVERITY_ZH = { notice: '提示', concern: '未达标', serious: '重点关注' } as const;
