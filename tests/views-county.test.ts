/**
 * The county page's view model (src/lib/views/county.ts) on the sample: the headline cards count
 * CVs within / over / not judged separately (a CV that cannot be judged is not “within the limit”),
 * year columns run newest first, and every chart has an anchor and its own CSV.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../src/lib/pipeline';
import { countyChartFiles, countyView, cvCell, cvCounts } from '../src/lib/views/county';
import { cellText } from '../src/lib/views/types';
import type { CountyYearResult, CvResult } from '../src/lib/indicators/types';

const portal = (await runPipeline({ dataDir: resolve('data'), today: '2026-11-24' })).portal();
const cv = (passes: boolean | null, value: number | null): CvResult => ({ passes, value: value === null ? { kind: 'missing', missing: ['resources'] } : { kind: 'value', value } }) as unknown as CvResult;

describe('CV counts', () => {
  it('5 within, 1 over, 1 not computable → 5/7 within, 1 over, 1 无法判断 (not 6/7 as 7 − over gave)', () => {
    const c = { cv: [cv(true, 0.1), cv(true, 0.2), cv(true, 0.3), cv(true, 0.1), cv(true, 0.2), cv(false, 0.61), cv(null, null)] } as unknown as CountyYearResult;
    expect(cvCounts(c)).toEqual({ within: 5, over: 1, unknown: 1, total: 7 });
    expect(cvCounts(undefined)).toEqual({ within: 0, over: 0, unknown: 7, total: 7 });
  });

  it('a CV cell carries its symbol and words', () => {
    expect(cvCell(cv(true, 0.1039))).toEqual({ text: '0.104 ✓', verdict: 'met' });
    expect(cvCell(cv(false, 0.612))).toEqual({ text: '0.612 ✗ 超出', verdict: 'unmet' });
    expect(cellText(cvCell(cv(null, null)))).toBe('未公布');
  });
});

describe('青禾区 (990101), 2025', () => {
  const v = countyView(portal, '990101');

  it('cards: all 7 CVs within 0.500 / 0.450; 4 of 7 primary and 2 of 5 junior schools meet the 6-of-7 rule', () => {
    // Primary: 实验、高岭、东岗 fail; 红杉、城东、经纬路 and 育才九年一贯制's primary part pass.
    // Junior: 泉水 and 育才 pass; 第三、第九、第五 fail.
    expect(v.cards.map((c) => [c.title, c.figure, c.text])).toEqual([
      ['小学差异系数（2025年）', '7/7 项', '在 0.500 的上限以内'],
      ['初中差异系数（2025年）', '7/7 项', '在 0.450 的上限以内'],
      ['小学学校达标（7项中6项以上）', '4/7 所', '3所未达到'],
      ['初中学校达标（7项中6项以上）', '2/5 所', '3所未达到'],
      ['班额（2025年）', '0 个大班额', '共232个班，超过标准班额0个'],
    ]);
  });

  it('year columns newest first in the CV, class-size, admissions and plan tables', () => {
    expect(v.cv.stages[0].table.columns.map((c) => c.label)).toEqual(['指标', '2025年', '2024年', '2023年', '2022年', '2021年']);
    expect(v.classSize.table.rows.map((r) => cellText(r[0]))).toEqual(['2025年', '2024年', '2023年', '2022年', '2021年']);
    expect(v.admissions.table.rows[0].map(cellText).slice(0, 3)).toEqual(['2025年', '2,251', '1,951']);
    expect(v.plan.schools?.columns.map((c) => c.label).slice(2)).toEqual(['2025年', '2024年', '2023年', '2022年', '2021年']);
  });

  it('the school matrix shows value, ✓ or the gap; the wording of the rule comes from the standards table', () => {
    const primary = v.matrix.stages[0].table;
    const gaoling = primary.rows.find((r) => cellText(r[0]) === '青禾区高岭小学')!;
    // 高岭小学: 高学历教师 3.61 per 100 pupils against 4.2 → 0.59 short.
    expect(cellText(gaoling[1])).toBe('3.61 ✗ 差 0.59 人');
    expect(cellText(gaoling[8])).toBe('✗ 未达标');
    expect(primary.columns[1].label).toBe('高学历教师 ≥ 4.2 人');
    expect(v.holdingBack.text).toBe('2025年，以下6所学校未达到“7项中至少6项达标、其余项不低于标准的85%”的要求，各项差距如下。');
  });

  it('every chart has a stable anchor and a CSV under /counties/990101/', () => {
    const ids = [v.classSize.chart.id, v.admissions.chart.id, v.finance.chart.id];
    expect(ids).toEqual(['chart-class-size', 'chart-admissions', 'chart-finance']);
    expect(v.classSize.chart.csv).toBe('/counties/990101/chart-class-size.csv');
    const files = countyChartFiles(portal).filter((f) => f.params.code === '990101');
    // 14 CV trend charts + the strips of the indicators that hold schools back + class sizes, admissions, finance, map.
    expect(files.length).toBe(14 + v.holdingBack.charts.length + 4);
    expect(new Set(files.map((f) => f.params.chart)).size).toBe(files.length);
  });
});
