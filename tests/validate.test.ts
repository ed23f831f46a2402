/**
 * Validation over whole data folders: each bad-input case of the foundation issue yields its
 * issue with the right file, row and column; the sample data and the minimal fixture are clean.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadPortalData } from '../src/lib/model/load';
import { ISSUE_KINDS } from '../src/lib/validate/codes';
import type { Issue } from '../src/lib/validate/issue';
import { fixtureCopy, fixtureText } from './fixture-dir';

let cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});
const emitted: Issue[] = [];

async function check(overrides: Record<string, string | Uint8Array | null>): Promise<Issue[]> {
  const f = fixtureCopy('minimal', overrides);
  cleanups.push(f.cleanup);
  const { issues } = await loadPortalData(f.dir);
  emitted.push(...issues);
  return issues;
}
const replaceLine = (rel: string, from: string, to: string) => fixtureText('minimal', rel).replace(from, to);

describe('clean data', () => {
  it('the minimal fixture has no issues and keeps every row', async () => {
    const f = fixtureCopy('minimal');
    cleanups.push(f.cleanup);
    const { data, issues } = await loadPortalData(f.dir);
    expect(issues).toEqual([]);
    expect(data.schools).toHaveLength(3);
    expect(data.years.map((y) => y.year)).toEqual([2025]);
    expect(data.years[0].classes).toHaveLength(4);
    expect(data.years[0].funding![0].public_funds_yuan).toBe(1200000);
    expect(data.schools[2].status).toBe('closed');
  });

  it('a dataset not yet published is undefined, not an empty list', async () => {
    const f = fixtureCopy('minimal', { '2025/funding.csv': null });
    cleanups.push(f.cleanup);
    const { data, issues } = await loadPortalData(f.dir);
    expect(issues).toEqual([]);
    expect(data.years[0].funding).toBeUndefined();
  });

  it('the sample region in data/ validates with no errors and no warnings', async () => {
    const { issues, data } = await loadPortalData('data');
    expect(issues).toEqual([]);
    expect(data.settings.sample).toBe(true);
  });
});

describe('per-cell and per-file rules', () => {
  it('2.1E+09 in a code column', async () => {
    const issues = await check({ '2025/classes.csv': replaceLine('2025/classes.csv', '2199010001,1,2班', '2.1E+09,1,2班') });
    expect(issues).toEqual([expect.objectContaining({ file: '2025/classes.csv', row: 3, column: 'school_id', code: 'scientific-notation-code', severity: 'error' })]);
    expect(issues[0].message).toContain('文本');
  });

  it('a text value in a number column', async () => {
    const issues = await check({ '2025/classes.csv': replaceLine('2025/classes.csv', '1班,44', '1班,四十四') });
    expect(issues).toEqual([expect.objectContaining({ row: 2, column: 'students', value: '四十四', code: 'not-a-number' })]);
    expect(issues[0].message).toMatch(/第2行.*学生数.*四十四/);
  });

  it('a negative count', async () => {
    const issues = await check({ '2025/admissions.csv': replaceLine('2025/admissions.csv', ',300,310,', ',-300,310,') });
    expect(issues).toEqual([expect.objectContaining({ file: '2025/admissions.csv', row: 3, column: 'planned_seats', code: 'negative-count' })]);
  });

  it('a missing required column', async () => {
    const text = fixtureText('minimal', '2025/classes.csv')
      .split('\n')
      .map((l) => l.split(',').slice(0, 3).join(','))
      .join('\n');
    const issues = await check({ '2025/classes.csv': text });
    expect(issues).toEqual([expect.objectContaining({ file: '2025/classes.csv', row: 1, column: 'students', code: 'missing-required-column', severity: 'error' })]);
    expect(issues[0].message).toContain('学生数');
  });

  it('an unknown column is a warning, with a suggestion', async () => {
    const text = fixtureText('minimal', '2025/zones.csv').replace('学校标识码,片区,说明', '学校标识码,片区,说明,备注栏');
    const issues = await check({ '2025/zones.csv': text });
    expect(issues).toEqual([expect.objectContaining({ row: 1, column: '备注栏', code: 'unknown-column', severity: 'warning' })]);
  });

  it('a duplicate school_id', async () => {
    const text = fixtureText('minimal', 'schools.csv').replace('3199010002,测试县第一中学', '2199010001,测试县第一中学');
    const issues = await check({ 'schools.csv': text });
    const dup = issues.filter((i) => i.code === 'duplicate-key');
    expect(dup).toEqual([expect.objectContaining({ file: 'schools.csv', row: 3, column: 'school_id', value: '2199010001' })]);
    expect(dup[0].message).toContain('第2行');
  });

  it('a year folder named 2025年', async () => {
    const f = fixtureCopy('minimal');
    cleanups.push(f.cleanup);
    const { renameSync } = await import('node:fs');
    renameSync(`${f.dir}/2025`, `${f.dir}/2025年`);
    const { issues } = await loadPortalData(f.dir);
    expect(issues).toEqual([expect.objectContaining({ file: '2025年', code: 'bad-year-folder', severity: 'error' })]);
    expect(issues[0].message).toContain('“2025”');
  });

  it('an empty file and an .xlsx renamed .csv', async () => {
    const issues = await check({
      '2025/outcomes.csv': '',
      '2025/funding.csv': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]),
    });
    expect(issues).toEqual([
      expect.objectContaining({ file: '2025/funding.csv', code: 'not-csv' }),
      expect.objectContaining({ file: '2025/outcomes.csv', code: 'empty-file' }),
    ]);
  });

  it('plans.csv missing is a warning, not a refusal', async () => {
    const issues = await check({ 'plans.csv': null });
    // plans.csv is optional (issue 12 item 10): a warning saying what the site lacks, not a refusal
    expect(issues).toEqual([expect.objectContaining({ file: 'plans.csv', code: 'optional-file-missing', severity: 'warning' })]);
  });
});

describe('cross-file rules', () => {
  it('an unknown school_id in a year file', async () => {
    const issues = await check({ '2025/teachers.csv': replaceLine('2025/teachers.csv', '3199010002,70', '3199019999,70') });
    expect(issues).toEqual([expect.objectContaining({ file: '2025/teachers.csv', row: 3, column: 'school_id', value: '3199019999', code: 'unknown-school' })]);
  });

  it('admitted_in_zone above admitted', async () => {
    const issues = await check({ '2025/admissions.csv': replaceLine('2025/admissions.csv', ',178,170,', ',178,179,') });
    expect(issues).toEqual([expect.objectContaining({ row: 2, column: 'admitted_in_zone', value: '179', code: 'exceeds-total' })]);
    expect(issues[0].message).toContain('录取人数');
  });

  it('exchanged above eligible, backbone above exchanged, 360 h above teachers, dropouts above students', async () => {
    const issues = await check({
      '2025/teachers.csv': replaceLine('2025/teachers.csv', '60,60,20,3,1,58', '60,60,2,3,4,61'),
      '2025/outcomes.csv': replaceLine('2025/outcomes.csv', '900,2,', '900,901,'),
    });
    expect(issues.map((i) => [i.file, i.column, i.code])).toEqual([
      ['2025/outcomes.csv', 'dropouts', 'exceeds-total'],
      ['2025/teachers.csv', 'backbone_exchanged', 'exceeds-total'],
      ['2025/teachers.csv', 'exchanged', 'exceeds-total'],
      ['2025/teachers.csv', 'training_360h_done', 'exceeds-total'],
    ]);
  });

  it('a grade the school does not teach', async () => {
    const issues = await check({ '2025/classes.csv': replaceLine('2025/classes.csv', '3199010002,7,1班', '3199010002,3,1班') });
    expect(issues).toEqual([expect.objectContaining({ file: '2025/classes.csv', row: 4, column: 'grade', value: '3', code: 'grade-not-taught' })]);
  });

  it('a school in a region that is not a county, and an unknown region', async () => {
    const text = fixtureText('minimal', 'schools.csv').replace('2199010001,测试县第一小学,990101', '2199010001,测试县第一小学,990100').replace('3199010002,测试县第一中学,990101', '3199010002,测试县第一中学,990199');
    const issues = (await check({ 'schools.csv': text })).filter((i) => i.file === 'schools.csv');
    expect(issues).toEqual([
      expect.objectContaining({ row: 2, column: 'region_code', code: 'region-not-county' }),
      expect.objectContaining({ row: 3, column: 'region_code', code: 'unknown-region' }),
    ]);
  });

  it('a closed school with data after its closed year', async () => {
    const text = fixtureText('minimal', '2025/classes.csv') + '2199010003,2,1班,12\n';
    const issues = await check({ '2025/classes.csv': text });
    expect(issues).toEqual([expect.objectContaining({ row: 6, column: 'school_id', code: 'closed-school-data' })]);
  });

  it('results published before the plan', async () => {
    const issues = await check({ '2025/admissions.csv': replaceLine('2025/admissions.csv', '2025-05-10,2025-07-20', '2025-05-10,2025-05-01') });
    expect(issues).toEqual([expect.objectContaining({ row: 2, column: 'results_published_on', code: 'results-before-plan' })]);
  });

  it('a plan school in another county', async () => {
    const regions = fixtureText('minimal', 'regions.csv') + '990102,另一县,990100,县区\n';
    const plans = fixtureText('minimal', 'plans.csv').replace('990101,2199010001', '990102,2199010001');
    const issues = await check({ 'regions.csv': regions, 'plans.csv': plans });
    expect(issues).toEqual([expect.objectContaining({ file: 'plans.csv', row: 2, column: 'school_id', code: 'plan-school-region' })]);
  });

  it('an unknown indicator in standards.csv', async () => {
    const issues = await check({ 'standards.csv': '指标,学段,标准值,依据\nmagic_index,全部,5,某文件\n' });
    expect(issues).toEqual([expect.objectContaining({ file: 'standards.csv', row: 2, column: 'indicator', code: 'unknown-standard-indicator' })]);
  });
});

describe('privacy', () => {
  it('rejects a column of pupils’ names', async () => {
    const text = fixtureText('minimal', '2025/zones.csv').replace('学校标识码,片区,说明', '学校标识码,片区,说明,学生姓名');
    const issues = await check({ '2025/zones.csv': text });
    expect(issues).toEqual([expect.objectContaining({ row: 1, column: '学生姓名', code: 'personal-data-column', severity: 'error' })]);
  });

  it('rejects ID-card-like and phone-like values in text cells', async () => {
    // 11010519491231002X has a valid GB 11643 check digit (the standard's own example).
    const zones = fixtureText('minimal', '2025/zones.csv')
      .replace('文昌街道南门社区,单号', '文昌街道南门社区,联系人11010519491231002X')
      .replace('3199010002,学府街道,', '3199010002,学府街道,电话 138-1234-5678');
    const issues = await check({ '2025/zones.csv': zones });
    expect(issues).toEqual([
      expect.objectContaining({ row: 3, column: 'note', code: 'id-card-value' }),
      expect.objectContaining({ row: 4, column: 'note', code: 'phone-value' }),
    ]);
  });
});

describe('the issue catalogue', () => {
  it('every emitted code is catalogued with Chinese title, description and fix', () => {
    const codes = new Set(ISSUE_KINDS.map((k) => k.code));
    expect(emitted.length).toBeGreaterThan(20);
    for (const i of emitted) expect(codes.has(i.code), i.code).toBe(true);
    for (const k of ISSUE_KINDS) {
      for (const text of [k.title, k.description, k.fix, k.template]) expect(text).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(codes.size).toBe(ISSUE_KINDS.length);
  });

  it('every message names its file and, for rows, the row', () => {
    for (const i of emitted) {
      if (i.file !== '.' && !['bad-year-folder', 'year-folder-empty'].includes(i.code)) expect(i.message, i.code).toContain(i.file);
      if (i.row !== null && i.row > 1) expect(i.message, i.code).toContain(`第${i.row}行`);
    }
  });
});
