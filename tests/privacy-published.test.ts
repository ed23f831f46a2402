/**
 * No back-calculation through indicators, and pages and downloads publish the same thing.
 *
 * Worked example (by hand). 测试县 2025, threshold 5, funding.csv:
 *   测试县第一小学 2199010001: 特教学生数 3, 特教公用经费 15000  → published “<5”, empty (withheld with the count)
 *   测试县第一中学 3199010002: 特教学生数 12, 特教公用经费 96000 → published 12, 96000
 * Raw indicators: school 15000 ÷ 3 = 5000 元 (< 6000, a finding “生均…为5000元”): a reader
 * computes 15000 ÷ 5000 = 3. County: (15000 + 96000) ÷ (3 + 12) = 7400 元: a reader computes
 * 111000 ÷ 7400 − 12 = 3. Published (privacy/indicators.ts): the small count is “not reported”,
 * so the school has no value and no finding, and the county ratio is 96000 ÷ 12 = 8000.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { computeIndicators } from '../src/lib/indicators';
import { loadPortalData } from '../src/lib/model/load';
import { publishableIndicators } from '../src/lib/privacy/indicators';
import { DistributionBuilder } from '../src/lib/export/distribution';
import { runPipeline } from '../src/lib/pipeline';
import { fixtureCopy, fixtureText } from './fixture-dir';

const FUNDING = '学校标识码,公用经费支出,教师培训经费,特教学生数,特教公用经费,基建及装备投入\n2199010001,1200000,60000,3,15000,\n3199010002,1100000,56000,12,96000,\n';

let f: { dir: string; cleanup: () => void };
const savedToday = process.env.PORTAL_TODAY;
beforeAll(() => {
  f = fixtureCopy('minimal', {
    '2025/funding.csv': FUNDING,
    'portal.yml': fixtureText('minimal', 'portal.yml') + 'embargo:\n  2025/outcomes.csv: 2026-09-01\n',
  });
  process.env.PORTAL_TODAY = '2026-01-15';
});
afterAll(() => {
  f.cleanup();
  if (savedToday === undefined) delete process.env.PORTAL_TODAY;
  else process.env.PORTAL_TODAY = savedToday;
});

const val = (c: { value: { kind: string; value?: number } }) => (c.value.kind === 'value' ? c.value.value : c.value.kind);

describe('indicators never give a suppressed count back', () => {
  it('the raw indicators would (the leak being closed)', async () => {
    const { data } = await loadPortalData(f.dir);
    const r = computeIndicators(data);
    expect(val(r.schools.find((s) => s.year === 2025 && s.school_id === '2199010001')!.funding.specialEdPerStudent)).toBe(5000);
    expect(val(r.regionYears.find((x) => x.year === 2025 && x.region_code === '990101')!.funding.specialEdPerStudent)).toBe(7400);
    expect(r.findings.some((x) => x.rule === 'special_ed_funds_low' && x.subject.school_id === '2199010001')).toBe(true);
  });

  it('published: no value and no finding for the school; the county ratio is over the shown school only (96000 ÷ 12 = 8000)', async () => {
    const { data } = await loadPortalData(f.dir);
    const r = publishableIndicators(data);
    expect(r.schools.find((s) => s.year === 2025 && s.school_id === '2199010001')!.funding.specialEdPerStudent.value.kind).toBe('not_applicable');
    expect(r.findings.filter((x) => x.rule === 'special_ed_funds_low')).toEqual([]);
    for (const code of ['990101', '990100', '990000']) {
      expect(val(r.regionYears.find((x) => x.year === 2025 && x.region_code === code)!.funding.specialEdPerStudent), code).toBe(8000);
    }
  });
});

async function latestFiles(b: DistributionBuilder): Promise<Map<string, string>> {
  const d = await b.distribution();
  const files = (await b.releaseFiles(d.latest!.version))!;
  const out = new Map<string, string>();
  for (const [p, bytes] of files) if (/\.(csv|json)$/.test(p)) out.set(p, new TextDecoder().decode(bytes));
  const zip = [...files].find(([p]) => p.endsWith('.zip'));
  if (zip) for (const [p, bytes] of Object.entries(unzipSync(zip[1]))) if (/\.(csv|json)$/.test(p)) out.set(`zip:${p}`, new TextDecoder().decode(bytes));
  return out;
}

describe('downloads publish what the pages publish (the pipeline’s distribution)', () => {
  it('no embargoed file, “<5” for the small count, no 5000 元 per pupil, no 7400 元', async () => {
    const files = await latestFiles((await runPipeline({ dataDir: f.dir, today: '2026-01-15', releaseCacheDir: `${f.dir}/.cache`, releasesFile: `${f.dir}/no-releases.yml` })).distribution());
    const paths = [...files.keys()];
    expect(paths.some((p) => /outcomes/.test(p))).toBe(false);
    const funding = files.get('csv/2025/funding.csv')!;
    expect(funding.split('\n')[1].split(',')).toContain('<5');
    for (const [p, text] of files) {
      if (!/indicators|findings/.test(p)) continue;
      expect(text, p).not.toMatch(/(^|[^0-9.])5000([^0-9]|$)/);
      expect(text, p).not.toMatch(/(^|[^0-9.])7400([^0-9]|$)/);
    }
  });
});
