/**
 * The home page's view model (src/lib/views/home.ts) on the sample: the lede counts, the four-part
 * table with its verdict words, CV limits from the standards table in 3 decimals, class sizes newest
 * year first (2021 counted by hand from data/2021/classes.csv: 743 classes, 14 over the 45/50 limit,
 * 4 of 56–65, 1 of 66 or more), admission publication in words and the plan timeline in year order.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../src/lib/pipeline';
import { homeChartFiles, homeView } from '../src/lib/views/home';
import type { Portal } from '../src/lib/site/portal';
import { cellText } from '../src/lib/views/types';

const portal = (await runPipeline({ dataDir: resolve('data'), today: '2026-11-24' })).portal();
const v = homeView(portal);
const text = (segs: readonly { text: string }[]) => segs.map((s) => s.text).join('');

describe('home, sample region (示例市, 2025)', () => {
  it('lede: 3 counties, 35 schools (data/schools.csv), years 2021–2025; glossary terms linked once', () => {
    expect(v.lede).toBe('2025年，3个县区中资源配置达到优质均衡要求的有1个。本站公开示例市35所义务教育学校2021–2025年的办学条件、校际差异系数、班额、招生和经费数据，并逐项对照国家标准。');
    expect(text(v.ledeSegments)).toBe(v.lede);
    expect(v.ledeSegments.filter((s) => 'href' in s).map((s) => s.text)).toEqual(['优质均衡', '差异系数']);
  });

  it('four parts: cards count counties with every testable item met; a failing part names its items', () => {
    expect(v.parts!.cards.map((c) => [c.title, c.figure])).toEqual([
      ['资源配置', '1 / 3'],
      ['政府保障程度', '3 / 3'],
      ['教育质量', '1 / 3'],
      ['社会认可度', '3 / 3'],
    ]);
    const t = v.parts!.table;
    expect(t.layout).toBe('stack');
    expect(t.rows.map((r) => cellText(r[0]))).toEqual(['青禾区', '云溪县', '石湾区']);
    const qinghe = t.rows[0][1];
    expect(qinghe).toMatchObject({ text: '✗ 2项未达到', verdict: 'unmet', note: '小学每校7项中至少6项达标；初中每校7项中至少6项达标' });
    expect(t.rows[2][1]).toEqual({ text: '✓ 达到', verdict: 'met' });
    expect(t.rows[1][3]).toEqual({ text: '? 1项未公布', verdict: 'unknown' });
  });

  it('CV limits from the standards table, 3 decimals; a numeric table out of the search index', () => {
    expect(v.cv!.intro).toContain('小学每项不超过0.500，初中每项不超过0.450');
    const t = v.cv!.table;
    expect(t.searchable).toBe(false);
    expect(t.rows.map((r) => cellText(r[1]))).toEqual(['小学（≤ 0.500）', '初中（≤ 0.450）', '小学（≤ 0.500）', '初中（≤ 0.450）', '小学（≤ 0.500）', '初中（≤ 0.450）']);
    expect(t.rows[0].slice(2).map(cellText)).toEqual(['0.104', '0.078', '0.074', '0.098', '0.286', '0.155', '0.178']);
    expect(v.cv!.charts.map((c) => c.title)).toEqual(['2025年小学各项指标差异系数（取最高的县区）', '2025年初中各项指标差异系数（取最高的县区）']);
  });

  it('every chart has a stable anchor and its own CSV, whose rows are the chart table', () => {
    expect(v.cv!.charts.map((c) => [c.id, c.csv])).toEqual([
      ['home-cv-primary', '/home-cv-primary.csv'],
      ['home-cv-junior', '/home-cv-junior.csv'],
    ]);
    const files = homeChartFiles(portal);
    expect(files.map((f) => f.params.chart)).toEqual(['home-cv-primary', 'home-cv-junior']);
    // BOM, header, then 高学历教师 highest in 青禾区 at 0.104 (the CV table's first primary value)
    expect(files[0].props.csv.split('\r\n').slice(0, 2)).toEqual(['\uFEFF指标,数值,标准,对照标准', '高学历教师（青禾区）,0.104,≤ 0.5,✓ 达标']);
  });

  it('class sizes: newest year first, region totals of both stages', () => {
    const t = v.classSize!.table;
    expect(t.caption).toBe('示例市各年班额情况（小学标准45人，初中50人；最新年份在前）');
    expect(t.rows.map((r) => r.map(cellText))).toEqual([
      ['2025年', '715', '0', '0', '0'],
      ['2024年', '721', '4', '0', '0'],
      ['2023年', '728', '1', '0', '0'],
      ['2022年', '738', '8', '1', '0'],
      ['2021年', '743', '14', '4', '1'],
    ]);
  });

  it('admissions: publication counts in words, the deadline from the standards table', () => {
    expect(text(v.admissions!.text)).toBe('40个学校（学段）中，按时公开37个，未公开3个。录取结果应在9月1日后20个工作日内公开。各校招生计划、范围、办法和结果');
  });

  it('plan timeline runs by target year; school targets summed per year', () => {
    const years = v.plan!.timeline.map((t) => Number.parseInt(t.year, 10));
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(v.plan!.timeline).toContainEqual({ year: '2026年', text: '6所学校计划达标：未到目标年份5所，提前达标1所' });
  });

  it('latest release with its link and the changelog', () => {
    expect(text(v.release.text)).toBe('最新版本 2025.2（2025-12-15）：补充2025学年学校经费和教育质量数据；更正两处错误。更新记录列出每个版本修改的单元格。');
  });
});

describe('home, wording follows the standards table', () => {
  it('a local class-size limit of 40 changes the caption', () => {
    const local = { ...portal, standard: (k: string, s?: string) => (k === 'class_size' ? { ...portal.standard(k as never, s as never), threshold: 40 } : portal.standard(k as never, s as never)) } as unknown as Portal;
    expect(homeView(local).classSize!.table.caption).toBe('示例市各年班额情况（小学标准40人，初中40人；最新年份在前）');
  });

  it('no year published: only the lede and the downloads', () => {
    const empty = { ...portal, latestYear: null } as unknown as Portal;
    const e = homeView(empty);
    expect(e.lede).toBe('本站尚未公布年度数据。');
    expect([e.parts, e.cv, e.classSize, e.admissions, e.plan]).toEqual([null, null, null, null, null]);
  });
});
