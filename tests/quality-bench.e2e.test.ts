/**
 * `npm run bench -- --quick` works (on 40 schools, to keep the suite short): it generates a small region, validates it against papaparse,
 * builds it, builds a bare Astro project of as many pages, and prints every figure the
 * performance budget needs as a number. Timings are NOT asserted here (they depend on the
 * machine and its load); docs/performance.md holds the real figures.
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

const NUMERIC = [
  'schools', 'years', 'csvFiles', 'csvMB', 'csvRecords', 'papaMBps', 'validateMBps', 'validateRatio',
  'buildSeconds', 'buildCpuSeconds', 'astroSeconds', 'pagefindSeconds', 'pages', 'pagesPerSecond', 'buildPeakMiBLargestProcess',
  'buildPeakMiBTree', 'bareAstroSeconds', 'bareAstroPeakMiB', 'buildRatio', 'distMB', 'distFiles', 'bareAstroCpuSeconds', 'buildCpuRatio', 'pagefindFiles', 'pagefindMB',
  'schoolPageHtmlMedianKB', 'schoolPageMaxKB', 'schoolPageMaxGzipKB', 'schoolPageJsKB', 'schoolPageScripts', 'schoolPageTables',
] as const;

describe('npm run bench', () => {
  it('rejects a bad --sizes value with a Chinese message and exit code 2', () => {
    const r = spawnSync(process.execPath, [TSX, 'scripts/bench.ts', '--sizes', 'abc'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--sizes 必须是逗号分隔的正整数/);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('--quick prints every budget figure as a number', { timeout: 15 * 60_000 }, () => {
    const r = spawnSync(process.execPath, [TSX, 'scripts/bench.ts', '--quick', '--sizes', '40'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(r.status, `bench failed:\n${r.stderr.slice(-4000)}\n${r.stdout.slice(-2000)}`).toBe(0);
    const line = r.stdout.split('\n').find((l) => l.startsWith('BENCH_JSON '));
    expect(line, r.stdout).toBeDefined();
    const json = JSON.parse(line!.slice('BENCH_JSON '.length));
    expect(json.machine.cores).toBeGreaterThan(0);
    expect(json.sizes).toHaveLength(1);
    const s = json.sizes[0];
    expect(s.schools).toBe(40);
    const notNumbers = NUMERIC.filter((k) => typeof s[k] !== 'number' || !Number.isFinite(s[k]));
    expect(notNumbers, `figures missing or not numbers: ${notNumbers.map((k) => `${k}=${s[k]}`).join(', ')}`).toEqual([]);
    // Sanity of what was measured (not speed): the region has 5 years, every page of the real
    // build was rebuilt bare, and the school page is a real file with its tables in the HTML.
    expect(s.years).toBe(5);
    expect(s.validationErrors).toBe(0);
    expect(s.pages).toBeGreaterThan(40);
    expect(s.schoolPageHeaviest).toMatch(/^schools\//);
    expect(s.schoolPageTables).toBeGreaterThan(0);
    // Each stage process says what it cost (the build's memory is the largest of them).
    for (const stage of ['prepare', 'pages']) expect(s.stages[stage]?.peakMiB, stage).toBeGreaterThan(0);
    // Every target of the issue as measured ÷ limit with PASS/MISS, or 未测 when this size does not apply.
    const names = (json.targets as { target: string }[]).map((t) => t.target);
    for (const t of ['papaparse', '2000 所', '20000 所；理想 1.5', '5000 → 20000', '< 3 GiB', '< 1000 MB', '< 200000', '< 60 KB']) expect(names.some((n) => n.includes(t)), t).toBe(true);
    for (const t of json.targets as { ratio: number; pass: boolean | null; measured: number; limit: number }[]) {
      if (t.pass === null) continue;
      expect(t.ratio).toBeCloseTo(t.measured / t.limit, 1);
    }
    expect(r.stdout).toMatch(/\| (PASS|MISS)/);
    // The human-readable table names each budget with its target.
    for (const label of ['目标 ≥ 0.5', '≤ 2', '≤ 3', '目标 < 60', 'Pagefind 索引', '峰值内存', '< 200000']) expect(r.stdout).toContain(label);
  });
});
