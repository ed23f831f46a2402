/**
 * The /counties/ comparison (src/lib/views/counties.ts) and its in-browser sorting helpers
 * (src/lib/views/sortable.ts): every county's CVs against the limit, its schools meeting the
 * standard and its target years, in code order, with no ranking words, and the same table as CSV.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../src/lib/pipeline';
import { comparisonFiles, countiesView } from '../src/lib/views/counties';
import { sortKey, sortOrder } from '../src/lib/views/sortable';
import { cellText } from '../src/lib/views/types';

const portal = (await runPipeline({ dataDir: resolve('data'), today: '2026-11-24' })).portal();
const v = countiesView(portal);

describe('comparison table', () => {
  it('one table per stage, counties in code order', () => {
    expect(v.tables.map((t) => t.stage)).toEqual(['primary', 'junior']);
    for (const t of v.tables) expect(t.table.rows.map((r) => cellText(r[r.length - 1]))).toEqual(['990101', '990102', '990103']);
  });

  it('青禾区 primary: 7 CVs with ✓, 7/7 within 0.500, 4 of 7 schools, targets 2027 申请验收 and 2028 通过认定', () => {
    const t = v.tables[0].table;
    const cols = t.columns.map((c) => c.label);
    const row = t.rows[0].map(cellText);
    const at = (label: string) => row[cols.indexOf(label)];
    expect(row[0]).toBe('青禾区');
    expect(at('高学历教师差异系数')).toBe('0.104 ✓');
    expect(at('差异系数在上限 0.500 以内')).toBe('7/7项');
    expect(at('达标学校（7项中6项以上）')).toBe('4/7所');
    expect(at('目标年份')).toBe('2027年申请验收；2028年通过认定');
    expect(at('目标状态（2025年）')).toBe('申请验收：未到目标年份；通过认定：未到目标年份');
  });

  it('neutral wording: no ranking words anywhere', () => {
    expect(JSON.stringify(v)).not.toMatch(/排名|第一名|最差|最好|落后|领先|倒数/);
  });

  it('the CSV is the same table: header, one line per county; no bare “4/7” a spreadsheet would read as a date', () => {
    const files = comparisonFiles(portal);
    expect(files.map((f) => f.params.stage)).toEqual(['primary', 'junior']);
    const lines = files[0].props.csv.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(1 + 3);
    expect(lines[0].split(',').slice(0, 3)).toEqual(['县区', '差异系数在上限 0.500 以内', '达标学校（7项中6项以上）']);
    expect(lines[1].startsWith('青禾区,7/7项,4/7所,2027年申请验收；2028年通过认定,')).toBe(true);
    expect(lines[1].endsWith(',990101')).toBe(true);
    expect(files[0].props.csv).not.toMatch(/(^|,)\d+\/\d+(,|\r)/m);
    expect(v.tables[0].table.csv).toBe('/counties/comparison-primary.csv');
  });
});

describe('sorting helpers', () => {
  it('sort keys: fractions, CVs with symbols, thousands separators; text has none', () => {
    expect(sortKey('4/7（1所数据不足）')).toBeCloseTo(4 / 7);
    expect(sortKey('0.312 ✓')).toBe(0.312);
    expect(sortKey('1,951')).toBe(1951);
    expect(sortKey('未公布')).toBeNull();
  });

  it('numbers sort as numbers, cells without a number last in both directions, ties keep code order', () => {
    const cells = ['0.3 ✓', '未公布', '0.12 ✓', '0.3 ✓'];
    expect(sortOrder(cells, 'ascending', true)).toEqual([2, 0, 3, 1]);
    expect(sortOrder(cells, 'descending', true)).toEqual([0, 3, 2, 1]);
  });
});
