/**
 * The schools directory (src/lib/views/directory.ts) and its in-page filter (directory-client.ts)
 * on the sample: data/schools.csv has 35 schools, 1 of them 已撤并 (云溪县溪口村小学), 12 in 云溪县;
 * rows in county and school-code order with tags, data-* for the filter, the rule in words from the
 * standards table; the browser filter and sort as pure functions.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../src/lib/pipeline';
import { directoryFilterPaths, directoryFilterView, directoryView } from '../src/lib/views/directory';
import { countText, rowMatches, rowOrder, type RowData } from '../src/lib/views/directory-client';
import { cellText } from '../src/lib/views/types';

const portal = (await runPipeline({ dataDir: resolve('data'), today: '2026-11-24' })).portal();

describe('/schools/', () => {
  const v = directoryView(portal);
  it('lede counts every school and the closed ones; no ranking', () => {
    expect(v.lede).toBe('示例市共35所义务教育学校（其中1所已撤并）。点击校名查看该校的办学条件、班额、招生、经费和招生范围。名录按县区和学校标识码排列，不是排名。');
  });
  it('every school a row, by county then school code, each linked; data-* for the in-page filter', () => {
    const t = v.table!;
    expect(t.caption).toBe('全部学校（35所）');
    expect(t.rows).toHaveLength(35);
    const ids = t.rows.map((r) => (typeof r[0] === 'string' ? '' : r[0].href!.split('/')[2]));
    const expected = [...portal.data.schools].sort((a, b) => a.region_code.localeCompare(b.region_code) || a.school_id.localeCompare(b.school_id)).map((s) => s.school_id);
    expect(ids).toEqual(expected);
    expect(t.rowData![0]).toEqual({ county: '990101', stage: 'primary', ownership: 'public', locale: 'urban', name: '青禾区实验小学', students: '1748' });
    expect(t.layout).toBe('stack');
  });
  it('tags for a closed school and a teaching point; 未公布 for a closed school’s figures', () => {
    const row = (name: string) => v.table!.rows.find((r) => cellText(r[0]) === name)!;
    expect(row('云溪县溪口村小学')[0]).toMatchObject({ tags: ['已撤并'] });
    expect(cellText(row('云溪县溪口村小学')[5])).toBe('未公布');
    expect(row('云溪县松岭教学点')[0]).toMatchObject({ tags: ['教学点'] });
    // a nine-year school has one line per part
    expect(cellText(row('云溪县杉木乡九年一贯制学校')[6])).toBe('小学 ✓ 达标\n初中 ✗ 未达标');
  });
  it('the “7项指标” column and note from the standards table', () => {
    expect(v.table!.columns.map((c) => c.label).slice(5)).toEqual(['在校生（2025）', '7项指标（2025）']);
    expect(v.note!.map((s) => s.text).join('')).toBe('“7项指标”指7项资源配置指标中至少6项达标，其余项不低于标准的85%的要求（方法说明）。');
  });
  it('filter links with counts; the form only on the page with every row', () => {
    const county = v.filters.groups[0];
    expect(county.links.map((l) => `${l.text}${l.count}`)).toEqual(['全部', '青禾区（11）', '云溪县（12）', '石湾区（12）']);
    expect(county.links[0].current).toBe(true);
    expect(v.filters.form!.selects.map((s) => s.name)).toEqual(['county', 'stage', 'ownership', 'locale', 'sort']);
  });
});

describe('/schools/<dim>/<value>/', () => {
  it('a county page: its 12 schools, a link to the county page, its filter marked current, no form', () => {
    const f = directoryFilterView(portal, 'county', '990102');
    expect([f.title, f.table!.caption, f.description]).toEqual(['云溪县的学校', '云溪县的学校（12所）', '示例市云溪县的学校名录（12所）。']);
    expect(f.countyLink).toEqual({ text: '云溪县的优质均衡进展', href: '/counties/990102/' });
    expect(f.filters.groups[0].links.filter((l) => l.current).map((l) => l.text)).toEqual(['云溪县']);
    expect(f.filters.form).toBeNull();
  });
  it('a stage page names the dimension', () => {
    expect(directoryFilterView(portal, 'ownership', 'private').title).toBe('办学性质：民办的学校');
    expect(directoryFilterPaths(portal).length).toBe(3 + 4 + 2 + 3);
  });
});

describe('in-page filter and sort', () => {
  const rows: RowData[] = [
    { county: '1', stage: 'primary', name: '青禾区实验小学', students: '1748' },
    { county: '2', stage: 'junior', name: '云溪县第一中学', students: '' },
    { county: '1', stage: 'junior', name: '青禾区第三中学', students: '900' },
  ];
  const none = { q: '', county: '', stage: '', ownership: '', locale: '' };
  it('name contains the query and every chosen filter matches', () => {
    expect(rows.map((r) => rowMatches(r, { ...none, q: ' 中学 ' }))).toEqual([false, true, true]);
    expect(rows.map((r) => rowMatches(r, { ...none, county: '1', stage: 'junior' }))).toEqual([false, false, true]);
  });
  it('students either way with unknown last; page order by default', () => {
    expect(rowOrder(rows, '')).toEqual([0, 1, 2]);
    expect(rowOrder(rows, 'students-desc')).toEqual([0, 2, 1]);
    expect(rowOrder(rows, 'students-asc')).toEqual([2, 0, 1]);
    expect(countText(2, 3)).toBe('显示 2 所学校，共 3 所');
  });
});
