/**
 * Benchmark regions (npm run sample -- --data DIR --schools N) and the CLI's guard rails:
 * same seed → same bytes, schools spread over proportionally many counties and cities, every
 * dataset of every year, and real data in the target folder is never overwritten by accident.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { generateLarge } from '../src/lib/sample';

const tmp: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'sample-large-'));
  tmp.push(d);
  return d;
}
afterAll(() => tmp.forEach((d) => rmSync(d, { recursive: true, force: true })));

function csv(dir: string, file: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(join(dir, file), 'utf8'), { header: true, skipEmptyLines: true }).data;
}

describe('benchmark regions', () => {
  it('N schools over counties of about 25, grouped into cities under one province, every dataset', () => {
    const dir = tempDir();
    generateLarge(dir, 600);
    const schools = csv(dir, 'schools.csv');
    expect(schools).toHaveLength(600);
    expect(new Set(schools.map((s) => s['学校标识码'])).size).toBe(600);
    const regions = csv(dir, 'regions.csv');
    const counties = regions.filter((r) => r['层级'] === '县区');
    const cities = regions.filter((r) => r['层级'] === '市');
    expect(counties).toHaveLength(24);
    expect(cities.length).toBeGreaterThan(1);
    expect(regions.filter((r) => r['层级'] === '省')).toHaveLength(1);
    for (const y of ['2021', '2022', '2023', '2024', '2025']) {
      expect(readdirSync(join(dir, y)).sort()).toEqual(['admissions.csv', 'classes.csv', 'counties.csv', 'funding.csv', 'outcomes.csv', 'resources.csv', 'teachers.csv', 'zones.csv']);
      expect(csv(dir, `${y}/counties.csv`)).toHaveLength(24);
      expect(csv(dir, `${y}/funding.csv`)).toHaveLength(600);
    }
    // no class above the stage limit: benchmark data is plain, valid data
    for (const c of csv(dir, '2025/classes.csv')) expect(Number(c['学生数'])).toBeLessThanOrEqual(Number(c['年级']) <= 6 ? 45 : 50);
  });

  it('same seed, same bytes', () => {
    const a = tempDir();
    const b = tempDir();
    generateLarge(a, 120, 5);
    generateLarge(b, 120, 5);
    for (const f of ['schools.csv', 'regions.csv', '2021/classes.csv', '2025/resources.csv', '2024/zones.csv'])
      expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f).toBe(true);
  });
});

describe('npm run sample (CLI)', () => {
  const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
  const run = (...args: string[]) => spawnSync(tsx, ['scripts/sample.ts', ...args], { encoding: 'utf8', env: { ...process.env, PORTAL_DATA: '' } });

  it('refuses to overwrite a folder of real data (no sample: true) and says how to force it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'portal.yml'), 'title: 某区\nsample: false\n');
    writeFileSync(join(dir, 'schools.csv'), '学校标识码\n');
    const r = run('--data', dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--force');
    expect(readFileSync(join(dir, 'schools.csv'), 'utf8')).toBe('学校标识码\n');
  });

  it('rejects a bad --schools value with a message, not a stack trace', () => {
    const r = run('--data', tempDir(), '--schools', 'many');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('正整数');
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('writes the sample into a new folder and replaces an earlier sample', () => {
    const dir = join(tempDir(), 'out');
    mkdirSync(join(dir, '2030'), { recursive: true });
    writeFileSync(join(dir, 'portal.yml'), 'sample: true\n');
    const r = run('--data', dir);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(dir).filter((f) => /^\d{4}$/.test(f))).toEqual(['2021', '2022', '2023', '2024', '2025']);
  });
});
