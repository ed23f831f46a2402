/**
 * The school page's view model on the sample (src/lib/views/school.ts): what a parent reads on the
 * first screen — the verdict in one line, this year's admission — and the cases that used to read
 * wrong (划片内 of a lottery school, 特教 funding next to 0 pupils, hidden small counts).
 * Values checked by hand against data/2025/*.csv.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../src/lib/pipeline';
import { schoolChartFiles, schoolView } from '../src/lib/views/school';
import { cellText } from '../src/lib/views/types';

const portal = (await runPipeline({ dataDir: resolve('data'), today: '2026-11-24' })).portal();
const item = (v: ReturnType<typeof schoolView>, card: number, label: string) => v.admission.cards[card].items.find((i) => i.label === label)?.text;
const row = (t: { rows: readonly (readonly unknown[])[] } | null, first: string) => t?.rows.find((r) => cellText(r[0] as string) === first)?.map((c) => cellText(c as string));

describe('verdict line', () => {
  it('a school failing on one indicator below 85 %: says 未达到, on what and by how much', () => {
    // 2199010001: 9 439 m² ÷ 1 748 pupils = 5.40 m² against 7.5 → 2.1 m² short, 72 % of the standard.
    const v = schoolView(portal, '2199010001');
    expect(v.verdict.verdict).toBe('unmet');
    expect(v.verdict.headline).toBe('2025年：未达到优质均衡学校要求');
    expect(v.verdict.detail).toContain('7项指标中6项达标');
    expect(v.verdict.detail).toContain('生均体育运动场馆面积（差 2.1 m²，为标准的72%，低于85%）');
  });

  it('a school short of the six indicators says how many are missing', () => {
    const v = schoolView(portal, '2199010005');
    expect(v.verdict.detail).toMatch(/^7项指标中5项达标，还差1项/);
  });

  it('a nine-year school gives one line over both parts', () => {
    const v = schoolView(portal, '3199020008');
    expect(v.verdict.headline).toBe('2025年：未达到优质均衡学校要求');
    expect(v.verdict.detail).toMatch(/^小学部7项指标全部达标；初中部7项指标中5项达标/);
  });

  it('a passing school reads 达到 with a ✓', () => {
    const v = schoolView(portal, '3199020009');
    expect([v.verdict.verdict, v.verdict.symbol, v.verdict.headline]).toEqual(['met', '✓', '2025年：达到优质均衡学校要求']);
  });

  it('a special-education school and a small teaching point are not assessed (not “达到”)', () => {
    expect(schoolView(portal, '5199030012').verdict.headline).toBe('2025年：不参加优质均衡学校评估');
    const tp = schoolView(portal, '2199020007');
    expect(tp.verdict.verdict).toBe('not_applicable');
    expect(tp.verdict.detail).toMatch(/^教学点，在校生24人，不足50人/);
  });
});

describe('this year’s admission, first screen', () => {
  it('lottery school 明德实验学校: 129 places, 163 applicants, 102 admitted, 划片内 不适用, on time', () => {
    const v = schoolView(portal, '3199020009');
    expect(v.admission.heading).toBe('2025年招生');
    expect(v.admission.cards.map((c) => c.title)).toEqual(['一年级', '七年级']);
    expect(item(v, 0, '招生计划')).toBe('129人（3个班）');
    expect(item(v, 0, '报名人数')).toBe('163人');
    expect(item(v, 0, '录取人数')).toBe('102人');
    expect(item(v, 0, '划片内录取')).toBe('不适用（摇号录取，不按片区）');
    expect(item(v, 0, '招生方式')).toBe('摇号（电脑随机录取）');
    expect(item(v, 0, '录取结果公布')).toBe('2025-07-26，按时公开');
    expect(item(v, 1, '报名人数')).toBe('220人');
  });

  it('a zoned school shows its in-zone admissions with their share', () => {
    // 2199010001 2025 grade 1: 266 admitted, all 266 from the zone.
    expect(item(schoolView(portal, '2199010001'), 0, '划片内录取')).toBe('266人（占录取的100%）');
  });

  it('results not yet public: 未公布 for admitted, 不适用 for in-zone of a lottery school, and the deadline missed', () => {
    const v = schoolView(portal, '3199030009');
    expect(item(v, 0, '录取人数')).toBe('未公布（录取结果尚未公布）');
    expect(item(v, 0, '划片内录取')).toBe('不适用（摇号录取，不按片区）');
    expect(item(v, 0, '录取结果公布')).toBe('未公开');
  });

  it('history: earlier years only, newest first, disabled admissions under 5 shown as “<5”', () => {
    const v = schoolView(portal, '3199020009');
    const h = v.admission.history!;
    expect(h.rows.map((r) => cellText(r[0]))).toEqual(['2024年 一年级', '2024年 七年级', '2023年 一年级', '2023年 七年级', '2022年 一年级', '2022年 七年级', '2021年 一年级', '2021年 七年级']);
    // 2024 grade 1: 129 planned, 159 applicants, 99 admitted, lottery, 2 disabled children.
    expect(h.rows[0].map(cellText)).toEqual(['2024年 一年级', '129', '159', '99', '不适用（摇号）', '10', '<5', '摇号', '2024-07-23，按时公开']);
    // 2022 grade 7: 0 disabled children is shown as 0.
    expect(cellText(h.rows[5][6])).toBe('0');
  });
});

describe('funding and small counts', () => {
  it('0 special-education pupils: the per-pupil line says so instead of 不适用', () => {
    const v = schoolView(portal, '2199010001');
    expect(row(v.funding.table, '特教学生数')?.[1]).toBe('0');
    expect(row(v.funding.table, '特教学生生均公用经费')?.[1]).toBe('本校没有特教学生，无此项经费');
  });

  it('4 special-education pupils: the count is “<5” and the per-pupil funds are not published', () => {
    // 2199010002: 4 pupils, 36 000 元 — 36 000 ÷ 4 would give the count back.
    const v = schoolView(portal, '2199010002');
    expect(row(v.funding.table, '特教学生数')?.[1]).toBe('<5');
    expect(row(v.funding.table, '特教学生生均公用经费')?.[1]).toMatch(/^不公布/);
    expect(JSON.stringify(v)).not.toContain('9,000');
  });
});

describe('class sizes use the core’s bands (大班额 56–65, 超大班额 ≥ 66)', () => {
  it('columns for both bands; the wording comes from the standards table', () => {
    const v = schoolView(portal, '2199010001');
    expect(v.classSize.table?.columns.map((c) => c.label)).toEqual(['年级', '班数', '平均班额', '最大班额', '超过标准的班', '大班额', '超大班额']);
    expect(v.classSize.text).toContain('56–65人为大班额，66人及以上为超大班额');
  });
});

describe('chart downloads', () => {
  it('each indicator chart has an anchor and its own CSV, written for every school part', () => {
    const v = schoolView(portal, '3199020009');
    expect(v.indicators.parts.map((x) => [x.chart.id, x.chart.csv])).toEqual([
      ['ind-chart-primary', '/schools/3199020009/ind-chart-primary.csv'],
      ['ind-chart-junior', '/schools/3199020009/ind-chart-junior.csv'],
    ]);
    const files = schoolChartFiles(portal);
    const f = files.find((x) => x.params.id === '3199020009' && x.params.chart === 'ind-chart-primary')!;
    expect(f.props.csv.startsWith('\uFEFF')).toBe(true);
    expect(f.props.csv.split('\r\n')[0]).toBe('\uFEFF' + v.indicators.parts[0].chart.table.columns.map((c) => c.label).join(','));
  });
});
