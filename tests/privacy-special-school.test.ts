/**
 * A 特殊教育学校 with fewer than 5 pupils: every one of its pupils has a disability, so its pupil
 * count is a small count of a sensitive category, like 特教学生数 “<5”. Before, the site hid
 * 特教学生数 = 3 but published 在校生数 3 in resources.csv right next to it, the class sizes (2 + 1),
 * 学年初在校生数 3, 录取人数 2, the public funds set per pupil (24 000 元 ÷ 8 000 元/人 = 3), a pass rate
 * of 66.7 % (2 of 3) and per-pupil indicators (300 m² ÷ 100 m²/人 = 3).
 *
 * Worked example (by hand). 测试县 2025, threshold 5, the minimal fixture plus 测试县特殊教育学校
 * 5199010004 (小学): resources 在校生数 3, 教学及辅助用房 300 m²; classes 1年级 1班 2, 3年级 1班 1;
 * funding 公用经费 24 000, 培训经费 1 200, 特教学生数 3, 特教公用经费 24 000; outcomes 学年初 3, 辍学 0,
 * 合格率 66.7, 优良率 100; admissions 1年级: 计划 8, 报名 2, 录取 2, 划片内 2, 随迁 0, 残疾 2.
 * Published: every count of its pupils “<5” (0 stays 0, 计划招生数 8 is not pupils), every amount
 * set per pupil and every rate over its pupils empty, no per-pupil indicator for the school, and
 * county figures over the two other schools only (1 000 + 900 pupils).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { computeIndicators } from '../src/lib/indicators';
import { loadPortalData } from '../src/lib/model/load';
import { runPipeline, clearPipelineCache } from '../src/lib/pipeline';
import { smallSchoolReason } from '../src/lib/privacy/indicators';
import { fixtureCopy, fixtureText } from './fixture-dir';

const ID = '5199010004';
const add = (rel: string, line: string) => fixtureText('minimal', rel).replace(/\n?$/, '\n') + line + '\n';

let f: { dir: string; cleanup: () => void };
beforeAll(() => {
  f = fixtureCopy('minimal', {
    'schools.csv': add('schools.csv', `${ID},测试县特殊教育学校,990101,小学,公办,城区,特殊教育学校,测试县康宁路3号,在办,`),
    '2025/resources.csv': add('2025/resources.csv', `${ID},小学,3,2,1,1,300,400,90000,1,2,1,1`),
    '2025/classes.csv': add('2025/classes.csv', `${ID},1,1班,2\n${ID},3,1班,1`),
    '2025/funding.csv': add('2025/funding.csv', `${ID},24000,1200,3,24000,`),
    '2025/outcomes.csv': add('2025/outcomes.csv', `${ID},3,0,66.7,100`),
    '2025/admissions.csv': add('2025/admissions.csv', `${ID},1,1,8,2,2,2,0,2,划片,2025-05-10,2025-07-20`),
    '2025/teachers.csv': add('2025/teachers.csv', `${ID},4,4,1,0,0,4`),
  });
  clearPipelineCache();
});
afterAll(() => f.cleanup());

const pipeline = () => runPipeline({ dataDir: f.dir, today: '2026-01-15', releaseCacheDir: `${f.dir}/.cache`, releasesFile: `${f.dir}/no-releases.yml` });

/** The rows of one published CSV download as objects keyed by the header. */
function csvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

async function downloads(): Promise<Map<string, string>> {
  const b = (await pipeline()).distribution();
  const d = await b.distribution();
  const files = (await b.releaseFiles(d.latest!.version))!;
  const out = new Map<string, string>();
  for (const [p, bytes] of files) if (/\.(csv|json)$/.test(p)) out.set(p, new TextDecoder().decode(bytes));
  return out;
}

describe('a special-education school with 3 pupils', () => {
  it('the raw data has them (the leak being closed): 3 pupils, 100 m² per pupil', async () => {
    const { data, issues } = await loadPortalData(f.dir);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(data.years.at(-1)!.resources!.find((r) => r.school_id === ID)!.students).toBe(3);
    const raw = computeIndicators(data).schools.find((s) => s.year === 2025 && s.school_id === ID)!;
    expect(raw.students).toEqual({ kind: 'value', value: 3 });
  });

  it('downloads: every count of its pupils is “<5”, every amount set per pupil and every rate over them empty', async () => {
    const files = await downloads();
    const row = (path: string) => csvObjects(files.get(path)!).filter((r) => r.school_id === ID);
    expect(row('csv/2025/resources.csv')[0]).toMatchObject({ students: '<5', teaching_space_m2: '300' });
    expect(row('csv/2025/classes.csv').map((r) => r.students)).toEqual(['<5', '<5']);
    expect(row('csv/2025/funding.csv')[0]).toMatchObject({ public_funds_yuan: '', training_funds_yuan: '', special_ed_students: '<5', special_ed_funds_yuan: '' });
    expect(row('csv/2025/outcomes.csv')[0]).toMatchObject({ students_start: '<5', dropouts: '0', pass_rate: '', good_rate: '' });
    expect(row('csv/2025/admissions.csv')[0]).toMatchObject({ planned_seats: '8', applicants: '<5', admitted: '<5', admitted_in_zone: '<5', admitted_migrant: '0', admitted_disabled: '<5' });
    // The spreadsheet-ready copy says the same.
    expect(files.get('excel/2025/resources.csv')).toMatch(/<5/);
    // The other schools are untouched.
    expect(csvObjects(files.get('csv/2025/resources.csv')!).map((r) => r.students)).toEqual(['1000', '900', '<5']);
  });

  it('no published number gives the 3 back: no per-pupil value of the school, county totals over the others only', async () => {
    const files = await downloads();
    // Every number published about this school in any indicator download.
    const schoolNumbers: number[] = [];
    const countyNumbers: number[] = [];
    for (const [path, text] of files) {
      if (!/indicators/.test(path)) continue;
      if (path.endsWith('.csv')) {
        for (const r of csvObjects(text)) {
          const nums = Object.values(r).map((v) => Number(String(v).replace(/^'/, ''))).filter((n) => Number.isFinite(n));
          if (r.school_id?.replace(/^'/, '') === ID) schoolNumbers.push(...nums);
          else countyNumbers.push(...nums);
        }
      }
    }
    expect(schoolNumbers.length).toBeGreaterThan(0);
    // Published amounts of the school (m², 元, teachers) ÷ a published per-pupil value = its pupils.
    const amounts = [300, 400, 90000, 4, 2, 1];
    for (const a of amounts) for (const v of schoolNumbers) if (v > 0) expect(Math.round((a / v) * 100) / 100, `${a} ÷ ${v}`).not.toBe(3);
    // County pupils: 1 000 + 900 (published) + 3 would give the 3 back by subtraction.
    expect(countyNumbers).not.toContain(1903);
  });

  it('pages read the same: the model the site is built from has no 3, the school’s results say why', async () => {
    const p = await pipeline();
    const y = p.published.data.years.at(-1)!;
    // The rows that count its pupils are not in the model the pages read (no blank where a page
    // expects a count); its teachers are.
    for (const d of ['resources', 'classes', 'funding', 'outcomes', 'admissions'] as const) expect(y[d]!.filter((r) => r.school_id === ID), d).toEqual([]);
    expect(y.teachers!.filter((r) => r.school_id === ID)).toHaveLength(1);
    const s = p.published.results().schools.find((r) => r.year === 2025 && r.school_id === ID)!;
    expect(s.students).toEqual({ kind: 'not_applicable', reason: smallSchoolReason(5) });
    expect(s.verdict.status).not.toBe('passes');
    expect(JSON.stringify(s)).not.toMatch(/"value":\s*(3|null)\b/);
    // A regular school's small 特教学生数 is still the old rule (“<5”, its amount empty), nothing more.
    const first = p.published.tables().years.at(-1)!.funding!.find((r) => r.school_id === '2199010001')!;
    expect(first).toMatchObject({ special_ed_students: '<5', special_ed_funds_yuan: null, public_funds_yuan: 1200000 });
  });
});
