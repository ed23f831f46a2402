/**
 * The region overview on the home page: where each county stands against the parts of the
 * quality-balance method in the latest year, from the computed results only.
 */
import type { Check, PartStage, StandardGroup } from '../indicators/types';
import type { Portal } from './portal';
import { QUALITY_INDICATOR_KEYS } from '../standards';

export type PartKey = 'resources' | 'government' | 'quality' | 'social';

export const PARTS: readonly { key: PartKey; zh: string }[] = [
  { key: 'resources', zh: '资源配置' },
  { key: 'government', zh: '政府保障程度' },
  { key: 'quality', zh: '教育质量' },
  { key: 'social', zh: '社会认可度' },
];

export interface PartStatus {
  /** true: every testable item met; false: some item not met; null: some item unknown and none failing. */
  readonly met: boolean | null;
  readonly tested: number;
  readonly failing: readonly string[];
  readonly unknown: number;
}

export interface CountyOverview {
  readonly code: string;
  readonly name: string;
  readonly parts: Record<PartKey, PartStatus>;
}

function groupToPart(g: StandardGroup): PartKey | null {
  if (g === 'resources' || g === 'basic_balance') return 'resources';
  if (g === 'government' || g === 'class_size' || g === 'admissions') return 'government';
  if (g === 'quality') return 'quality';
  if (g === 'social') return 'social';
  return null;
}

/** Every check of a county in one year, labelled with its part of the method. */
export function countyChecks(p: Portal, code: string, year: number): { part: PartKey; label: string; met: boolean | null }[] {
  const out: { part: PartKey; label: string; met: boolean | null }[] = [];
  const add = (c: Check, label?: string) => {
    const std = p.standards.get(`${c.key}:${c.stage}`) ?? p.standards.get(`${c.key}:all`);
    const part = std ? groupToPart(std.group) : null;
    if (!part || c.value.kind === 'not_applicable') return;
    out.push({ part, label: label ?? std!.zh, met: c.met });
  };
  const ry = p.regionYears.get(`${code}:${year}`);
  if (ry) {
    for (const c of ry.reported) add(c);
    add(ry.finance.growthCheck);
    add(ry.finance.perStudentCheck);
    add(ry.teachers.certifiedShare);
    add(ry.teachers.exchangeRate);
    add(ry.teachers.backboneExchangedShare);
    add(ry.teachers.training360Share);
    add(ry.funding.trainingShare);
    add(ry.funding.specialEdPerStudent);
    for (const d of ry.outcomes.dropout) add(d.rate, `辍学率（${d.group === 'primary' ? '小学' : d.group === 'junior' ? '初中' : d.group === 'complete_secondary' ? '完全中学' : '一贯制学校'}）`);
    add(ry.outcomes.passRate);
    add(ry.outcomes.goodRate);
    out.push({ part: 'government', label: '公用经费不低于省定标准', met: ry.funding.schoolsBelowStandard.length === 0 });
  }
  for (const st of ['primary', 'junior'] as PartStage[]) {
    const c = p.countyResults.get(`${code}:${year}:${st}`);
    if (!c || c.schoolIds.length === 0) continue;
    const zh = st === 'primary' ? '小学' : '初中';
    for (const cv of c.cv) out.push({ part: 'resources', label: `${zh}${p.standard(cv.indicator, st).zh}差异系数`, met: cv.passes });
    out.push({
      part: 'resources',
      label: `${zh}每校${QUALITY_INDICATOR_KEYS.length}项中至少${p.standard('min_indicators_met').threshold}项达标`,
      met: c.sixOfSeven.fails > 0 ? false : c.sixOfSeven.unknown > 0 ? null : true,
    });
    out.push({ part: 'government', label: `${zh}班额不超过${p.standard('class_size', st).threshold}人`, met: c.classes.classes === 0 ? null : c.classes.overLimit === 0 });
    out.push({ part: 'government', label: `${zh}音乐、美术专用教室`, met: c.musicArtRooms.short.length === 0 });
    out.push({ part: 'government', label: `${zh}学校规模`, met: c.schoolsOverSize.length === 0 });
  }
  return out;
}

export function countyOverview(p: Portal, year: number): CountyOverview[] {
  return p.counties.map((c) => {
    const checks = countyChecks(p, c.region_code, year);
    const parts = Object.fromEntries(
      PARTS.map(({ key }) => {
        const list = checks.filter((x) => x.part === key);
        const failing = list.filter((x) => x.met === false).map((x) => x.label);
        const unknown = list.filter((x) => x.met === null).length;
        const met = list.length === 0 ? null : failing.length ? false : unknown ? null : true;
        return [key, { met, tested: list.length, failing: [...new Set(failing)], unknown }];
      }),
    ) as unknown as Record<PartKey, PartStatus>;
    return { code: c.region_code, name: c.name, parts };
  });
}

/** Publication status of admission results, counted over school parts, for one year. */
export function publicationCounts(p: Portal, year: number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of p.results.schools) {
    if (r.year !== year || !r.admissions.published) continue;
    counts[r.admissions.publication.status] = (counts[r.admissions.publication.status] ?? 0) + 1;
  }
  return counts;
}
