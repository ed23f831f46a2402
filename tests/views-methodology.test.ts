/**
 * The methodology page's view model (src/lib/views/methodology.ts): the worked CV example checked
 * by hand (weights 1000/500/500, values 5/4/3: mean 8500 ÷ 2000 = 4.25; variance
 * (1000×0.75² + 500×0.25² + 500×1.25²) ÷ 2000 = 1375 ÷ 2000 = 0.6875; sd 0.8292; CV 0.1951),
 * thresholds from the standards table (a local standard is marked and the national one named),
 * the seven indicators with both stages, and every standard in exactly one group.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../src/lib/pipeline';
import { methodologyView } from '../src/lib/views/methodology';
import { cellText } from '../src/lib/views/types';

const portal = (await runPipeline({ dataDir: resolve('data'), today: '2026-11-24' })).portal();
const v = methodologyView(portal);

describe('/methodology/', () => {
  it('the worked example, by hand', () => {
    expect(v.prose.ex).toMatchObject({ p: [1000, 500, 500], x: ['5.0', '4.0', '3.0'], mean: '4.25', variance: '0.6875', sd: '0.8292', cv: '0.1951' });
    expect(v.prose.ex.meanFormula).toBe('(1000×5.0 + 500×4.0 + 500×3.0) ÷ 2000');
  });

  it('the rule and limits the prose prints come from the standards table', () => {
    expect([v.prose.minMet, v.prose.minRatioPct, v.prose.cvP, v.prose.cvJ, v.prose.basicP, v.prose.basicJ, v.prose.pubDays]).toEqual([6, 85, '0.50', '0.45', '0.65', '0.55', 20]);
  });

  it('seven indicators, both stages: 生均教学及辅助用房面积 ≥ 4.5 m² / ≥ 5.8 m²', () => {
    const t = v.indicators.table;
    expect(v.indicators.heading).toBe('7项指标的公式与标准');
    expect(t.rows).toHaveLength(7);
    const room = t.rows.find((r) => cellText(r[0]) === '生均教学及辅助用房面积')!;
    expect([cellText(room[2]), cellText(room[3])]).toEqual(['≥ 4.5 m²', '≥ 5.8 m²']);
  });

  it('every standard in one group; the sample’s local special-education standard names the national one', () => {
    const rows = v.standards.groups.flatMap((g) => g.table.rows);
    expect(rows).toHaveLength(portal.results.standards.length);
    const special = rows.find((r) => cellText(r[0]) === '特殊教育学生生均公用经费')!;
    expect(special[1]).toEqual({ text: '≥ 8,000 元', note: '本地标准；国家 6,000 元' });
  });

  it('lede links the glossary; the coverage table lists only what is not fully shown', () => {
    expect(v.lede.at(-2)).toEqual({ text: '术语表', href: '/glossary/' });
    expect(v.coverage.table.rows.every((r) => ['部分显示', '不能显示'].includes(cellText(r[1])))).toBe(true);
    expect(v.toc.map((t) => t.href)).toEqual(['#本站衡量什么', '#indicators', '#校际差异系数', '#哪些学校计入', '#coverage', '#standards']);
  });
});
