/**
 * The city's share targets in the sample plans.csv (rows 25–26): 100 % of counties in basic
 * balance by 2018, 65 % in quality balance (resource allocation) by 2028. Checked by hand against
 * the sample: in 2025 only 石湾区 (990103) meets the quality resource rules, so 1 of 3 = 33.3 %,
 * short of 65 % but the target year is 2028 (未到目标年份); all three counties are within the
 * basic-balance composite limits every year (3/3 = 100 %, target met).
 */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { runPipeline } from '../src/lib/pipeline';
import { shareTargetViews } from '../src/lib/views/share-targets';
import { cellText } from '../src/lib/views/types';

describe('share targets of a city (县区达标比例)', async () => {
  const portal = (await runPipeline({ dataDir: resolve(import.meta.dirname, '..', 'data'), today: '2026-11-24' })).portal();
  const views = shareTargetViews(portal);

  it('lists each target of plans.csv with its sentence and verdict', () => {
    expect(views.map((v) => v.heading)).toEqual(['示例市：到2018年，100%的县区达到基本均衡', '示例市：到2028年，65%的县区达到优质均衡（资源配置）']);
    expect(views[0].verdict).toBe('met');
    expect(views[1].summary).toBe('未到目标年份：2025年所辖3个县区中1个达到（33.3%）。');
    expect(views[1].verdict).toBe('unknown');
  });

  it('shows the newest year first, with the counties not reaching it by name', () => {
    const rows = views[1].table.rows.map((r) => r.map(cellText));
    expect(rows[0]).toEqual(['2025年', '1/3', '33.3%', '65%', '青禾区、云溪县', '—']);
    expect(rows[rows.length - 1][0]).toBe('2021年');
    expect(rows[rows.length - 1][1]).toBe('0/3');
  });
});
