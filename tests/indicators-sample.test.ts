/**
 * The indicators on the sample region in data/: exactly the findings the generator planted
 * (src/lib/sample manifest), none it did not, and the headline results a reader will see.
 * Reads data/ with the foundation loader when it exists, else with the sample tests' minimal
 * reader (tests/sample-helpers.ts) — the numbers must be the same either way.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeIndicators, type IndicatorResults } from '../src/lib/indicators';
import type { PortalData } from '../src/lib/model/types';
import { samplePlantedFindings } from '../src/lib/sample';
import { readPortal } from './sample-helpers';

const dir = join(import.meta.dirname, '..', 'data');

async function load(): Promise<PortalData> {
  const loader = join(import.meta.dirname, '..', 'src', 'lib', 'model', 'load.ts');
  if (!existsSync(loader)) return readPortal(dir);
  const mod = (await import(loader)) as { loadPortalData: (d: string) => unknown };
  const out = (await mod.loadPortalData(dir)) as Record<string, unknown>;
  const data = (out && 'issues' in out ? (out.data ?? out.model) : out) as PortalData;
  return data;
}

let r: IndicatorResults;
beforeAll(async () => {
  r = computeIndicators(await load());
});

describe('sample region: findings against the planted manifest', () => {
  it('finds every planted finding and nothing else', () => {
    const got = new Set(r.findings.map((f) => f.id));
    const want = new Set(samplePlantedFindings().map((f) => f.id));
    expect([...want].filter((id) => !got.has(id)), 'planted but not found').toEqual([]);
    expect([...got].filter((id) => !want.has(id)), 'found but not planted').toEqual([]);
  });

  it('agrees with the manifest on rule, year, region, school, stage and indicator', () => {
    const byId = new Map(r.findings.map((f) => [f.id, f] as const));
    for (const p of samplePlantedFindings()) {
      const f = byId.get(p.id)!;
      expect([f.rule, f.year, f.subject.region_code, f.subject.school_id, f.stage, f.indicator]).toEqual([p.rule, p.year, p.region_code, p.school_id, p.stage, p.indicator]);
      if (p.class) expect([f.subject.class?.grade, f.subject.class?.class_name, f.value]).toEqual([p.class.grade, p.class.class_name, p.class.students]);
    }
  });

  it('every finding points at rows that exist in data/', () => {
    const lines = new Map<string, number>();
    const count = (file: string) => {
      if (!lines.has(file)) lines.set(file, readFileSync(join(dir, file), 'utf8').trimEnd().split('\n').length);
      return lines.get(file)!;
    };
    for (const f of r.findings) {
      if (f.rule !== 'results_not_published' && f.rule !== 'exchange_low' && f.rule !== 'certificates_incomplete' && f.rule !== 'training_360h_incomplete')
        expect(f.sources.length, f.id).toBeGreaterThan(0);
      for (const s of f.sources) {
        expect(s.row).toBeGreaterThanOrEqual(2);
        expect(s.row).toBeLessThanOrEqual(count(s.file));
      }
    }
  });
});

describe('sample region: what a reader sees', () => {
  it('云溪县 primary: backbone-teacher CV above 0.50 in 2021–2022 although the composite CV is far below', () => {
    const cv = (y: number) => r.counties.find((c) => c.region_code === '990102' && c.year === y && c.stage === 'primary')!;
    for (const y of [2021, 2022]) {
      const bb = cv(y).cv.find((x) => x.indicator === 'backbone_teachers_per_100')!;
      expect(bb.passes).toBe(false);
      expect(bb.value.kind === 'value' && bb.value.value).toBeGreaterThan(0.5);
      const composite = cv(y).compositeCv;
      expect(composite.kind === 'value' && composite.value).toBeLessThan(0.5);
    }
    for (const y of [2023, 2024, 2025]) expect(cv(y).cv.every((x) => x.passes === true)).toBe(true);
    // the small teaching point is listed, not counted
    expect(cv(2021).excluded.map((e) => e.reason)).toEqual(['small_teaching_point']);
  });

  it('applies the local special-education standard (8000 元) and says where it came from', () => {
    const s = r.standards.find((x) => x.key === 'special_ed_funds_per_student')!;
    expect(s).toMatchObject({ origin: 'local', threshold: 8000, nationalThreshold: 6000 });
    expect(s.local!.source).toMatch(/特殊教育提升计划/);
  });

  it('plan progress: one school target missed, others met, met early or on track', () => {
    const missed = r.progress.filter((p) => p.latest === 'missed');
    expect(missed.map((p) => [p.region_code, p.school_id, p.target_year])).toEqual([['990102', '2199020005', 2024]]);
    expect(missed[0].years.map((y) => y.status)).toEqual(['on_track', 'on_track', 'on_track', 'missed', 'missed']);
    expect(missed[0].years[4].gaps.length).toBeGreaterThan(0);
    const statuses = new Set(r.progress.flatMap((p) => p.years.map((y) => y.status)));
    for (const s of ['met', 'met_early', 'on_track', 'missed', 'not_applicable']) expect(statuses).toContain(s);
    const g = r.countyGaps.find((c) => c.region_code === '990102')!;
    expect(g.schoolsHoldingBack).toContain('2199020005');
  });

  it('JSON output is stable across runs', async () => {
    const again = computeIndicators(await load());
    expect(JSON.stringify(again)).toBe(JSON.stringify(r));
  });
});
