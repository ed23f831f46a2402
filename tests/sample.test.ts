/**
 * The sample region a visitor sees on a fresh clone: determinism (same seed → same bytes), its
 * structure, the 太平区-like plan of 青禾区, the planted CV finding of 云溪县 (computed here by
 * hand with the student-weighted formula), and that the indicators find exactly what was planted.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeIndicators } from '../src/lib/indicators/compute';
import { generateSample, samplePlantedFindings } from '../src/lib/sample';
import { readPortal } from './sample-helpers';

const tmp: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'sample-test-'));
  tmp.push(d);
  return d;
}
afterAll(() => tmp.forEach((d) => rmSync(d, { recursive: true, force: true })));

function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

/** Rows of a CSV as objects keyed by its (Chinese) header. */
function csv(dir: string, file: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(join(dir, file), 'utf8'), { header: true, skipEmptyLines: true }).data;
}

const YEARS = ['2021', '2022', '2023', '2024', '2025'];
const YEAR_FILES = ['admissions.csv', 'classes.csv', 'counties.csv', 'funding.csv', 'outcomes.csv', 'resources.csv', 'teachers.csv', 'zones.csv'];

let dir: string;
beforeAll(() => {
  dir = tempDir();
  generateSample(dir);
});

describe('determinism', () => {
  it('the same seed writes byte-identical files', () => {
    const again = tempDir();
    generateSample(again);
    const list = files(dir);
    expect(files(again)).toEqual(list);
    for (const f of list) expect(readFileSync(join(again, f)).equals(readFileSync(join(dir, f))), f).toBe(true);
  });

  it('another seed changes the numbers but not the region', () => {
    const other = tempDir();
    generateSample(other, 7);
    expect(readFileSync(join(other, 'schools.csv'), 'utf8')).toBe(readFileSync(join(dir, 'schools.csv'), 'utf8'));
    expect(readFileSync(join(other, '2023/classes.csv'), 'utf8')).not.toBe(readFileSync(join(dir, '2023/classes.csv'), 'utf8'));
  });

  it('writes plain UTF-8 without BOM, LF line ends, Chinese headers', () => {
    for (const f of files(dir)) {
      const bytes = readFileSync(join(dir, f));
      expect(bytes[0] === 0xef && bytes[1] === 0xbb, `${f} has a BOM`).toBe(false);
      expect(bytes.includes(0x0d), `${f} has CR`).toBe(false);
    }
    expect(readFileSync(join(dir, 'schools.csv'), 'utf8').split('\n')[0]).toMatch(/^学校标识码,学校名称,所属县区代码,学段/);
  });
});

describe('structure', () => {
  it('is a fictional city of three counties with about 35 schools, 2021–2025, every dataset', () => {
    const regions = csv(dir, 'regions.csv');
    expect(regions.filter((r) => r['层级'] === '县区').map((r) => r['名称'])).toEqual(['青禾区', '云溪县', '石湾区']);
    expect(regions.find((r) => r['层级'] === '省')!['行政区划代码']).toBe('990000');
    const schools = csv(dir, 'schools.csv');
    expect(schools.length).toBeGreaterThanOrEqual(33);
    expect(schools.length).toBeLessThanOrEqual(37);
    expect(readdirSync(dir).filter((f) => /^\d{4}$/.test(f))).toEqual(YEARS);
    for (const y of YEARS) expect(readdirSync(join(dir, y)).sort()).toEqual(YEAR_FILES);
    expect(readFileSync(join(dir, 'portal.yml'), 'utf8')).toMatch(/^sample: true$/m);
  });

  it('has every stage, ownership, locale and kind, IDs of 10 digits with the fictional province 99', () => {
    const schools = csv(dir, 'schools.csv');
    expect(new Set(schools.map((s) => s['学段']))).toEqual(new Set(['小学', '初中', '九年一贯制', '十二年一贯制']));
    expect(new Set(schools.map((s) => s['办学性质']))).toEqual(new Set(['公办', '民办']));
    expect(new Set(schools.map((s) => s['城乡类型']))).toEqual(new Set(['城区', '镇区', '乡村']));
    expect(new Set(schools.map((s) => s['学校类别']))).toEqual(new Set(['普通学校', '教学点', '特殊教育学校']));
    for (const s of schools) expect(s['学校标识码']).toMatch(/^(21|31|34|51)99\d{6}$/);
  });

  it('a closed school has data only before the year it closed', () => {
    const closed = csv(dir, 'schools.csv').filter((s) => s['状态'] === '已撤并');
    expect(closed).toHaveLength(1);
    const id = closed[0]['学校标识码'];
    const year = Number(closed[0]['撤并年份']);
    for (const y of YEARS)
      for (const f of YEAR_FILES.filter((f) => f !== 'counties.csv'))
        expect(csv(dir, `${y}/${f}`).some((r) => r['学校标识码'] === id), `${y}/${f}`).toBe(Number(y) < year);
  });

  it('class rows add up to the students reported in resources', () => {
    for (const y of YEARS) {
      const sums = new Map<string, number>();
      for (const c of csv(dir, `${y}/classes.csv`)) {
        const k = `${c['学校标识码']}:${Number(c['年级']) <= 6 ? '小学' : '初中'}`;
        sums.set(k, (sums.get(k) ?? 0) + Number(c['学生数']));
      }
      for (const r of csv(dir, `${y}/resources.csv`)) expect(sums.get(`${r['学校标识码']}:${r['学段']}`)).toBe(Number(r['在校生数']));
    }
  });
});

/** The 7 indicators of a resources row against the quality-balance thresholds, by hand. */
const THRESHOLDS: Record<string, [string, number, number, number]> = {
  // column, per, primary, junior (教督〔2017〕6号)
  q: ['高于规定学历教师数', 100, 4.2, 5.3],
  b: ['县级及以上骨干教师数', 100, 1.0, 1.0],
  p: ['体育艺术专任教师数', 100, 0.9, 0.9],
  t: ['教学及辅助用房面积', 1, 4.5, 5.8],
  s: ['体育运动场馆面积', 1, 7.5, 10.2],
  e: ['教学仪器设备值', 1, 2000, 2500],
  m: ['网络多媒体教室数', 100, 2.3, 2.4],
};
function passesSixOfSeven(r: Record<string, string>): boolean {
  const ratios = Object.values(THRESHOLDS).map(([col, per, p, j]) => (Number(r[col]) * per) / Number(r['在校生数']) / (r['学段'] === '小学' ? p : j));
  const missed = ratios.filter((x) => x < 1);
  return missed.length <= 1 && missed.every((x) => x >= 0.85);
}

describe('青禾区 mirrors the 太平区 plan', () => {
  it('11 schools: 3 reach the standard in 2025, 5 in 2026, 2 in 2027, 1 already; application in 2027', () => {
    const county = '990101';
    expect(csv(dir, 'schools.csv').filter((s) => s['所属县区代码'] === county)).toHaveLength(11);
    const plans = csv(dir, 'plans.csv').filter((p) => p['县区代码'] === county);
    const schoolTargets = plans.filter((p) => p['里程碑'] === '学校达标' && p['学校标识码']);
    const byYear = (y: number) => schoolTargets.filter((p) => Number(p['目标年份']) === y).length;
    expect([byYear(2025), byYear(2026), byYear(2027)]).toEqual([3, 5, 2]);
    expect(schoolTargets.filter((p) => Number(p['目标年份']) < 2025)).toHaveLength(1);
    expect(plans.filter((p) => p['里程碑'] === '申请验收').map((p) => p['目标年份'])).toEqual(['2027']);
    for (const p of plans) expect(p['依据文件']).toContain('虚构');
  });

  it('2025 data agrees with the plan: the 2025 schools and the one already there pass, most later ones not yet', () => {
    const plans = csv(dir, 'plans.csv').filter((p) => p['县区代码'] === '990101' && p['学校标识码']);
    const res = csv(dir, '2025/resources.csv');
    const passes = (id: string) => res.filter((r) => r['学校标识码'] === id).every(passesSixOfSeven);
    const target = (y: (n: number) => boolean) => plans.filter((p) => y(Number(p['目标年份']))).map((p) => p['学校标识码']);
    for (const id of target((y) => y <= 2025)) expect(passes(id), id).toBe(true);
    const later = target((y) => y > 2025);
    expect(later).toHaveLength(7);
    const notYet = later.filter((id) => !passes(id)).length;
    expect(notYet).toBeGreaterThanOrEqual(5);
    expect(notYet).toBeLessThan(7);
  });
});

describe('云溪县: the planted CV finding', () => {
  /** Student-weighted CV (standards.md §2) of backbone teachers per 100 pupils, primary, by hand. */
  function backboneCv(year: string): number {
    const schools = new Map(csv(dir, 'schools.csv').map((s) => [s['学校标识码'], s] as const));
    const points = csv(dir, `${year}/resources.csv`)
      .filter((r) => r['学段'] === '小学' && schools.get(r['学校标识码'])!['所属县区代码'] === '990102')
      .filter((r) => {
        const kind = schools.get(r['学校标识码'])!['学校类别'];
        return kind === '普通学校' || (kind === '教学点' && Number(r['在校生数']) >= 50);
      })
      .map((r) => ({ P: Number(r['在校生数']), X: (Number(r['县级及以上骨干教师数']) * 100) / Number(r['在校生数']) }));
    const P = points.reduce((a, p) => a + p.P, 0);
    const mean = points.reduce((a, p) => a + p.P * p.X, 0) / P;
    const S = Math.sqrt(points.reduce((a, p) => a + p.P * (p.X - mean) ** 2, 0) / P);
    return S / mean;
  }

  it('misses the primary limit 0.50 in 2021 and 2022 and meets it from 2023', () => {
    expect(backboneCv('2021')).toBeGreaterThan(0.5);
    expect(backboneCv('2022')).toBeGreaterThan(0.5);
    for (const y of ['2023', '2024', '2025']) expect(backboneCv(y)).toBeLessThanOrEqual(0.5);
  });

  it('the manifest lists it and no other CV finding', () => {
    const cv = samplePlantedFindings().filter((f) => f.rule === 'cv_over_limit');
    expect(cv.map((f) => `${f.year}:${f.region_code}:${f.stage}:${f.indicator}`)).toEqual([
      '2021:990102:primary:backbone_teachers_per_100',
      '2022:990102:primary:backbone_teachers_per_100',
    ]);
  });
});

describe('planted findings', () => {
  it('the indicators find exactly what was planted, and nothing else', () => {
    const results = computeIndicators(readPortal(dir));
    const got = results.findings.map((f) => f.id).sort();
    const want = samplePlantedFindings().map((f) => f.id).sort();
    expect(got).toEqual(want);
  });

  it('covers a realistic mix: over-limit classes, a few 大班额, one 超大班额 in 2021, one school over plan, late and missing results', () => {
    const f = samplePlantedFindings();
    const count = (rule: string) => f.filter((x) => x.rule === rule).length;
    expect(count('class_over_limit')).toBeGreaterThan(5);
    expect(count('large_class')).toBeGreaterThanOrEqual(2);
    expect(count('large_class')).toBeLessThanOrEqual(6);
    expect(f.filter((x) => x.rule === 'super_large_class').map((x) => x.year)).toEqual([2021]);
    expect(new Set(f.filter((x) => x.rule === 'admitted_over_plan').map((x) => x.school_id)).size).toBe(1);
    expect(count('results_published_late')).toBe(2);
    expect(f.filter((x) => x.rule === 'results_not_published').every((x) => x.year === 2025)).toBe(true);
    expect(count('plan_missed')).toBe(1);
  });
});
