import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeIndicators } from '../src/lib/indicators';
import { indexStandards, NATIONAL_STANDARDS, QUALITY_INDICATOR_KEYS, resolveStandards, STANDARD_KEYS } from '../src/lib/standards';
import { funding, portal, resources, school, standard, year } from './indicators-fixture';

describe('national standards table', () => {
  const s = indexStandards(resolveStandards([]));
  it('holds the thresholds of the official method, by stage', () => {
    const t = (key: string, stage?: 'primary' | 'junior') => s.threshold(key, stage);
    expect([t('cv_basic', 'primary'), t('cv_basic', 'junior')]).toEqual([0.65, 0.55]);
    expect([t('cv_quality', 'primary'), t('cv_quality', 'junior')]).toEqual([0.5, 0.45]);
    expect(QUALITY_INDICATOR_KEYS.map((k) => [t(k, 'primary'), t(k, 'junior')])).toEqual([
      [4.2, 5.3],
      [1, 1],
      [0.9, 0.9],
      [4.5, 5.8],
      [7.5, 10.2],
      [2000, 2500],
      [2.3, 2.4],
    ]);
    expect([t('min_indicators_met'), t('min_ratio_missed')]).toEqual([6, 0.85]);
    expect([t('school_size'), t('school_size_through')]).toEqual([2000, 2500]);
    expect([t('class_size', 'primary'), t('class_size', 'junior'), t('large_class_min'), t('super_large_class_min')]).toEqual([45, 50, 56, 66]);
    expect([t('training_funds_share'), t('teacher_exchange_rate'), t('backbone_exchange_share'), t('special_ed_funds_per_student')]).toEqual([5, 10, 20, 6000]);
    expect([t('certified_teachers_share'), t('training_360h_share'), t('quota_allocation'), t('migrant_public'), t('disabled_enrollment')]).toEqual([100, 100, 50, 85, 95]);
    expect([t('teacher_pay_vs_civil_servants'), t('retention_junior', 'junior'), t('dropout_rate', 'primary'), t('dropout_rate', 'junior')]).toEqual([100, 95, 0, 1]);
    expect([t('pass_rate', 'junior'), t('good_rate', 'junior'), t('satisfaction'), t('zone_enrolment_urban'), t('zone_enrolment_town')]).toEqual([95, 90, 85, 100, 95]);
    expect([t('publication_working_days'), t('application_years_after_basic'), t('music_art_room_classes'), t('teaching_point_min_students')]).toEqual([20, 3, 12, 50]);
  });

  it('every row has a source document, labels and a note; the CV limits come from the 2012 and 2017 methods', () => {
    for (const d of NATIONAL_STANDARDS) {
      expect(d.source.title.length).toBeGreaterThan(0);
      expect(d.zh.length).toBeGreaterThan(0);
      expect(d.en.length).toBeGreaterThan(0);
      expect(d.note.length).toBeGreaterThan(0);
    }
    expect(s.get('cv_basic', 'primary').source.number).toBe('教督〔2012〕3号');
    expect(s.get('cv_quality', 'junior').source.number).toBe('教督〔2017〕6号');
  });

  it('exports the keys the validator checks standards.csv against', () => {
    expect(STANDARD_KEYS).toContain('special_ed_funds_per_student');
    expect(STANDARD_KEYS).toContain('teaching_space_per_student');
    expect(new Set(STANDARD_KEYS).size).toBe(STANDARD_KEYS.length);
  });
});

describe('local overrides from standards.csv', () => {
  it('special-education funds 8000 元 replaces 6000 and records where it came from', () => {
    const applied = resolveStandards([standard('special_ed_funds_per_student', 'all', 8000, '《某市特殊教育提升计划》')]);
    const row = applied.find((a) => a.key === 'special_ed_funds_per_student')!;
    expect(row).toMatchObject({ threshold: 8000, nationalThreshold: 6000, origin: 'local', local: { source: '《某市特殊教育提升计划》' } });
    expect(row.local!.row.file).toBe('standards.csv');
    expect(applied.filter((a) => a.origin === 'local')).toHaveLength(1);

    // a special-education school spending 7000 元 per student: meets 6000, misses 8000 by 1000
    const id = '5121000600';
    const data = (overrides: ReturnType<typeof standard>[]) =>
      portal({
        schools: [school(id, '219901', 'primary', { kind: 'special_education' })],
        standards: overrides,
        years: [year(2024, { resources: [resources(id, 'primary', 60)], funding: [funding(id, 420000, { special_ed_students: 60, special_ed_funds_yuan: 420000 })] })],
      });
    const national = computeIndicators(data([])).schools[0].funding.specialEdPerStudent;
    expect(national).toMatchObject({ value: { kind: 'value', value: 7000 }, threshold: 6000, met: true });
    const local = computeIndicators(data([standard('special_ed_funds_per_student', 'all', 8000)]));
    expect(local.schools[0].funding.specialEdPerStudent).toMatchObject({ threshold: 8000, met: false, gap: 1000 });
    expect(local.findings.filter((f) => f.rule === 'special_ed_funds_low').map((f) => [f.value, f.threshold, f.gap])).toEqual([[7000, 8000, 1000]]);
  });

  it('a stage-specific override beats an all-stage one; all replaces both stages', () => {
    const a = indexStandards(resolveStandards([standard('class_size', 'all', 40), standard('class_size', 'junior', 45)]));
    expect([a.threshold('class_size', 'primary'), a.threshold('class_size', 'junior')]).toEqual([40, 45]);
    const b = indexStandards(resolveStandards([standard('training_funds_share', 'junior', 8)]));
    expect([b.threshold('training_funds_share', 'primary'), b.threshold('training_funds_share', 'junior')]).toEqual([5, 8]);
  });

  it('unknown keys are ignored here (the validator reports them)', () => {
    expect(resolveStandards([standard('no_such_rule', 'all', 1)]).every((a) => a.origin === 'national')).toBe(true);
  });
});

describe('no threshold literal outside the standards table', () => {
  // Policy numbers of standards.md. 0, 1 and 100 are left out: they are also units and counts.
  const POLICY = ['0.65', '0.55', '0.5', '0.50', '0.45', '0.85', '0.9', '0.15', '4.2', '5.3', '4.5', '5.8', '7.5', '10.2', '2.3', '2.4', '2000', '2500', '6000', '7000', '8000', '45', '50', '55', '56', '65', '66', '96', '90', '95', '85', '12', '20', '10', '5', '6', '3'];
  const dir = join(import.meta.dirname, '..', 'src', 'lib', 'indicators');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

  it('scans src/lib/indicators', () => {
    expect(files.length).toBeGreaterThan(5);
    const hits: string[] = [];
    for (const f of files) {
      const code = readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter((line) => !line.includes('lint-allow: calendar') && !line.includes('lint-allow: precision')) // calendar facts (weekend day numbers) and display precision, reviewed
        .join('\n')
        .replace(/\/\*[\s\S]*?\*\//g, '') // block comments
        .replace(/\/\/.*$/gm, '') // line comments
        .replace(/'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`|"(?:[^"\\\n]|\\.)*"/g, "''"); // strings (Chinese messages)
      for (const m of code.matchAll(/(?<![\w.])\d+(?:\.\d+)?(?![\w.])/g)) if (POLICY.includes(m[0])) hits.push(`${f}: ${m[0]}`);
    }
    expect(hits).toEqual([]);
  });
});

describe('method coverage (methodology page)', () => {
  it('names only rules that exist, and covers every rule of the table', async () => {
    const { METHOD_COVERAGE } = await import('../src/lib/standards');
    const named = new Set(METHOD_COVERAGE.flatMap((c) => c.keys));
    for (const k of named) expect(STANDARD_KEYS).toContain(k);
    for (const k of STANDARD_KEYS) expect(named.has(k) || ['teaching_point_min_students', 'min_indicators_met'].includes(k)).toBe(true);
    // the 2017 method has 15 government-guarantee items
    expect(METHOD_COVERAGE.filter((c) => c.part === 'government')).toHaveLength(15);
  });
});
