/**
 * The class-size marks and bands of the histogram, read from the applied standards table
 * (class_size per stage, large_class_min, super_large_class_min) — never written here.
 */
import type { HistogramBand, HistogramMark } from './histogram';

export interface ThresholdLookup {
  (key: string, stage?: 'primary' | 'junior' | 'all'): { readonly threshold: number };
}

export function classSizeMarks(standard: ThresholdLookup, stages: readonly ('primary' | 'junior')[] = ['primary', 'junior']): { marks: HistogramMark[]; bands: HistogramBand[] } {
  const large = standard('large_class_min', 'all').threshold;
  const superLarge = standard('super_large_class_min', 'all').threshold;
  const limits = stages.map((s) => ({ stage: s, value: standard('class_size', s).threshold }));
  const marks: HistogramMark[] = [
    ...limits.map((l) => ({ value: l.value, label: `${l.stage === 'primary' ? '小学' : '初中'}${l.value}`, kind: 'max' as const })),
    { value: large, label: `大班额${large}`, kind: 'min' },
    { value: superLarge, label: `超大班额${superLarge}`, kind: 'min' },
  ];
  const bands: HistogramBand[] = [
    ...(limits.length === 1 ? [{ label: `超过${limits[0].value}人标准的`, min: limits[0].value + 1 }] : []),
    { label: `大班额（${large}–${superLarge - 1}人）`, min: large, max: superLarge - 1 },
    { label: `超大班额（${superLarge}人及以上）`, min: superLarge },
  ];
  return { marks, bands };
}
