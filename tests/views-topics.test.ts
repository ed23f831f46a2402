/**
 * The topic pages' view models (src/lib/views/topics*.ts) on the sample, checked against numbers
 * worked out by hand from the CSVs in data/: year columns run newest first, thresholds and their
 * words come from the standards table, a value that cannot be judged reads once (never
 * “未公布 ? 未公布”), and a lottery school's in-zone count reads 不适用.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../src/lib/pipeline';
import type { Portal } from '../src/lib/site/portal';
import { topicsIndexView, checkCell } from '../src/lib/views/topics';
import { classSizeTopicView } from '../src/lib/views/topics-class-size';
import { fundingTopicView } from '../src/lib/views/topics-funding';
import { teachersTopicView } from '../src/lib/views/topics-teachers';
import { progressTopicView } from '../src/lib/views/topics-progress';
import { admissionsCountyView, admissionsTopicView } from '../src/lib/views/topics-admissions';
import { cellText } from '../src/lib/views/types';
import { topicChartFiles } from '../src/lib/views/topics-charts';
import type { Check } from '../src/lib/indicators/types';

const portal = (await runPipeline({ dataDir: resolve('data'), today: '2026-11-24' })).portal();
const years = ['2025年', '2024年', '2023年', '2022年', '2021年'];
/** The portal with one standard changed, as a local standards.csv would. */
const withStandard = (key: string, threshold: number) =>
  ({ ...portal, standard: (k: string, s?: string) => (k === key ? { ...portal.standard(k as never, s as never), threshold } : portal.standard(k as never, s as never)) }) as unknown as Portal;

describe('/topics/', () => {
  it('five topics; the 大班额 bands and the publication deadline from the standards table', () => {
    const v = topicsIndexView(portal);
    expect(v.topics.map((t) => t.text)).toEqual(['招生', '班额', '经费', '教师', '均衡进展']);
    expect(v.topics[1].summary).toContain('大班额（56–65人）和超大班额（66人及以上）');
    expect(v.topics[0].summary).toContain('20个工作日内');
    expect(topicsIndexView(withStandard('large_class_min', 51)).topics[1].summary).toContain('大班额（51–65人）');
  });
});

describe('a check as one cell', () => {
  const check = (met: boolean | null, value: Check['value'], gap: number | null = null) => ({ key: 'k', stage: 'primary', value, threshold: 100, comparison: '>=', unit: '%', met, gap, strict: false }) as unknown as Check;
  it('met, unmet with its gap, and 未公布 once with its reason as tooltip', () => {
    expect(checkCell(check(true, { kind: 'value', value: 100 }), '%')).toEqual({ text: '100% ✓ 达标', verdict: 'met' });
    expect(checkCell(check(false, { kind: 'value', value: 99.9 }, 0.1), '%')).toEqual({ text: '99.9% ✗ 差 0.1%', verdict: 'unmet' });
    const missing = checkCell(check(null, { kind: 'missing', missing: ['teachers'] }), '%');
    expect(missing).toMatchObject({ text: '未公布', verdict: 'unknown' });
    expect(cellText(missing)).not.toContain('?');
  });
});

describe('/topics/class-size/', () => {
  const v = classSizeTopicView(portal);
  it('lede bands from the standards table', () => {
    expect(v.lede).toBe('标准班额：小学每班不超过45人，初中不超过50人。56–65人为“大班额”，66人及以上为“超大班额”。国家要求2018年基本消除超大班额、2020年基本消除大班额。');
  });
  it('region per year, newest first: 2021 has 743 classes, 14 over the limit, 4 of 56–65, 1 of 66+ → (4+1)/743 = 0.67%', () => {
    expect(v.regionTable.rows.map((r) => cellText(r[0]))).toEqual(years);
    expect(v.regionTable.rows[4].map(cellText)).toEqual(['2021年', '743', '14', '4', '1', '0.67%']);
    // 2022: 1 of 738 = 0.1355 % → 0.14 %
    expect(cellText(v.regionTable.rows[3][5])).toBe('0.14%');
    expect(v.regionTable.searchable).toBe(false);
  });
  it('counties per year newest first: 石湾区 primary 2021 had 4 classes of 56+ among 188', () => {
    expect(v.counties.table.columns.slice(2).map((c) => c.label)).toEqual(years);
    const row = v.counties.table.rows.find((r) => cellText(r[0]) === '石湾区' && cellText(r[1]) === '小学')!;
    expect(cellText(row[6])).toBe('4（共188班）');
  });
  it('no class over the limit in 2025: said in words, no empty table', () => {
    expect(v.overLimit).toEqual({ heading: '2025年超过标准班额的班级', empty: '2025年没有超过标准班额的班级。', table: null });
  });
});

describe('/topics/funding/', () => {
  const v = fundingTopicView(portal);
  it('lede: the local special-education standard with the national one beside it', () => {
    expect(v.lede).toContain('特殊教育学生生均公用经费不低于8,000 元（本地标准，国家标准6,000 元）');
    expect(v.lede).toContain('不低于公用经费的5%');
  });
  it('growth newest first: 石湾区 2023 appropriation +2.10 % against revenue +5.40 % → 3.3 points short', () => {
    expect(v.growth.table.columns.slice(1).map((c) => c.label)).toEqual(years);
    const shiwan = v.growth.table.rows[2];
    expect(shiwan[3]).toEqual({ text: '-3.3 个百分点 ✗ 差 3.3 个百分点', verdict: 'unmet' });
    // the first year has no previous year: the reason, once
    expect(shiwan[5]).toMatchObject({ text: '无法计算', verdict: 'unknown' });
  });
  it('special-education funding 不适用 where a county reports no such pupils; columns name the standard', () => {
    expect(v.schools.table.columns.map((c) => c.label)).toEqual(['县区', '生均公用经费', '培训经费占比（≥5%）', '特教生均经费（≥8,000 元）', '低于省定标准的学校']);
    expect(v.schools.table.rows[0][3]).toMatchObject({ text: '不适用', verdict: 'not_applicable' });
  });
});

describe('/topics/teachers/', () => {
  const v = teachersTopicView(portal);
  it('region per year newest first: 2021 certified 1,950 of 1,952 = 99.9 %, short of 100 %', () => {
    expect(v.region.table.columns.slice(1).map((c) => c.label)).toEqual(years);
    const certified = v.region.table.rows[0];
    expect(certified[0]).toEqual({ text: '专任教师持证上岗率', note: '标准 ≥ 100%' });
    expect(certified[5]).toEqual({ text: '99.9% ✗ 差 0.1%', verdict: 'unmet' });
  });
  it('lede thresholds from the standards table', () => {
    expect(v.lede).toContain('每年交流轮岗教师不低于符合条件教师的10%，其中骨干教师不低于20%');
    expect(teachersTopicView(withStandard('teacher_exchange_rate', 15)).lede).toContain('符合条件教师的15%');
  });
});

describe('/topics/progress/', () => {
  const v = progressTopicView(portal);
  it('the school rule in words from the standards table', () => {
    expect(v.lede).toContain('学校目标按“7项资源配置指标中至少6项达标，其余项不低于标准的85%”检验');
  });
  it('per county: status columns newest first, county targets before schools, gaps at most three', () => {
    const qinghe = v.counties[0];
    expect(qinghe.heading).toEqual({ text: '青禾区', href: '/counties/990101/#plan' });
    expect(qinghe.table!.columns.slice(2, 7).map((c) => c.label)).toEqual(years);
    const first = qinghe.table!.rows.findIndex((r) => typeof r[0] !== 'string' && 'href' in r[0] && r[0].href?.includes('/schools/'));
    expect(qinghe.table!.rows.slice(0, first).every((r) => cellText(r[0]).startsWith('青禾区：'))).toBe(true);
    expect(qinghe.resources).toBe('资源配置（2025年）：差异系数均在上限以内；6所学校尚未达到7项中6项以上的要求。');
    for (const r of qinghe.table!.rows) expect((cellText(r[r.length - 1]).match(/；/g) ?? []).length).toBeLessThanOrEqual(3);
  });
});

describe('/topics/admissions/', () => {
  const v = admissionsTopicView(portal);
  it('publication per county newest first: 石湾区 2025 has 10 schools on time and 2 without results (…0009, …0011)', () => {
    expect(v.publication.table.columns.slice(1).map((c) => c.label)).toEqual(years);
    expect(cellText(v.publication.table.rows[2][1])).toBe('按时公开 10，未公开 2');
    expect(v.publication.intro).toContain('20个工作日内公开为按时');
  });
  it('a county page: newest year open first, applicants shown, every table captioned', () => {
    const c = admissionsCountyView(portal, '990102');
    expect(c.years.map((y) => [y.heading, y.open])).toEqual(years.map((y, i) => [y, i === 0]));
    const shiyan = c.years[0].schools.find((s) => s.name.text === '云溪县实验小学')!;
    // data/2025/admissions.csv: 2199020001, grade 1: 258 planned, 258 applicants, 247 admitted, 247 in zone
    expect(shiyan.table!.rows[0].slice(0, 7).map(cellText)).toEqual(['小学1年级', '258', '2025-04-17', '258', '划片', '247', '247']);
    expect(shiyan.table!.caption).toBe('云溪县实验小学2025年各年级招生');
  });
  it('a lottery school without an in-zone count reads 不适用, not 未公布', () => {
    const lottery = portal.data.schools.flatMap((s) => portal.years.flatMap((y) => (portal.rowsBySchoolYear.get(`${s.school_id}:${y}`)?.admissions ?? []).filter((a) => a.method === 'lottery' && a.admitted_in_zone === null).map((a) => ({ s, y, a }))));
    expect(lottery.length).toBeGreaterThan(0);
    const { s, y } = lottery[0];
    const view = admissionsCountyView(portal, s.region_code);
    const row = view.years.find((b) => b.heading === `${y}年`)!.schools.find((x) => x.name.text === s.name)!.table!.rows[0];
    expect(cellText(row[6])).toBe('不适用（摇号）');
  });
});

describe('topic charts: an anchor and a CSV each', () => {
  it('four charts, each at /topics/<topic>/<id>.csv and anchored on its page', () => {
    expect(topicChartFiles(portal).map((f) => `${f.params.topic}/${f.params.chart}`)).toEqual(['class-size/large-share', 'class-size/distribution', 'funding/spending', 'admissions/admissions']);
    expect(classSizeTopicView(portal).shareChart).toMatchObject({ id: 'large-share', csv: '/topics/class-size/large-share.csv' });
    expect(admissionsTopicView(portal).chart.csv).toBe('/topics/admissions/admissions.csv');
  });
  it('the admissions table says lottery admissions are left out of the in-zone share', () => {
    expect(admissionsTopicView(portal).counties.table.columns[4].label).toBe('划片内录取比例（摇号录取不计）');
  });
});
