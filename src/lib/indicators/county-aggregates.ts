/**
 * Per region (county, city or province), per year, per stage: the student-weighted CV of each
 * of the seven indicators over the school parts that count (others listed with the reason),
 * the composite CV (mean of the single CVs — reported, never tested), 2012 basic-balance CVs
 * for the shared indicators, the share of schools meeting 6-of-7, music/art rooms, class
 * counts, school size, and admission totals.
 */
import type { AdmissionRow, PartStage } from '../schema';
import { partOfGrade } from '../schema';
import { BASIC_2012_INDICATORS, QUALITY_INDICATORS, type StandardsIndex } from '../standards';
import { admissionTotals, zoneCheck, zoneRuleKey } from './admissions';
import { makeCheck } from './check';
import { compositeCv, weightedCv } from './coefficient-of-variation';
import type { ClassCounts, CountyYearResult, CvResult, ExcludedSchool, QualityIndicatorKey, RegionLevel, SchoolYearResult } from './types';
import { atMost, isValue, missing, notApplicable, PERCENT, tidy, undefinedValue, value } from './values';

function excludedOf(s: SchoolYearResult): ExcludedSchool | null {
  if (s.counted.counted) return null;
  return { school_id: s.school_id, name: s.name, reason: s.counted.reason, note: s.counted.note, students: isValue(s.students) ? s.students.value : null };
}

export function cvFor(
  region: { code: string; level: RegionLevel },
  year: number,
  stage: PartStage,
  indicator: QualityIndicatorKey,
  parts: readonly SchoolYearResult[],
  limitKey: 'cv_quality' | 'cv_basic',
  standards: StandardsIndex,
): CvResult {
  const counted = parts.filter((p) => p.counted.counted);
  const excluded = parts.map(excludedOf).filter((e): e is ExcludedSchool => e !== null);
  const points: { id: string; weight: number; value: number }[] = [];
  const missingInputs: ExcludedSchool[] = [];
  for (const p of counted) {
    const c = p.indicators.find((i) => i.key === indicator)!;
    const students = isValue(p.students) ? p.students.value : 0;
    if (c.value.kind === 'value') points.push({ id: p.school_id, weight: students, value: c.value.value });
    else
      missingInputs.push({
        school_id: p.school_id,
        name: p.name,
        reason: 'missing_input',
        note: c.value.kind === 'missing' ? `未报告：${c.value.missing.join('、')}` : '无法计算',
        students,
      });
  }
  const r = weightedCv(points);
  const limit = standards.threshold(limitKey, stage);
  const passes = r.value.kind === 'value' && missingInputs.length === 0 ? atMost(r.value.value, limit) : null;
  return {
    region_code: region.code,
    year,
    stage,
    indicator,
    value: r.value,
    limit,
    limitKey,
    passes,
    schools: r.schools,
    students: r.students,
    mean: r.mean,
    sd: r.sd,
    excluded,
    missingInputs,
    tested: region.level === 'county',
  };
}

function classCounts(parts: readonly SchoolYearResult[]): ClassCounts {
  const classes = parts.reduce((s, p) => s + p.classSize.classes, 0);
  const large = parts.reduce((s, p) => s + p.classSize.large, 0);
  const superLarge = parts.reduce((s, p) => s + p.classSize.superLarge, 0);
  const share = (n: number) => (classes ? value(tidy((n * PERCENT) / classes)) : missing('classes'));
  return {
    classes,
    overLimit: parts.reduce((s, p) => s + p.classSize.overLimit, 0),
    large,
    superLarge,
    largeShare: share(large),
    superLargeShare: share(superLarge),
    schoolsWithoutData: [...new Set(parts.filter((p) => p.classSize.classes === 0).map((p) => p.school_id))].sort(),
  };
}

export function countyYearResult(
  region: { code: string; name: string; level: RegionLevel },
  year: number,
  stage: PartStage,
  parts: readonly SchoolYearResult[],
  admissionRows: readonly AdmissionRow[],
  admissionsPublished: boolean,
  standards: StandardsIndex,
): CountyYearResult {
  const counted = parts.filter((p) => p.counted.counted);
  const cv = QUALITY_INDICATORS.map((q) => cvFor(region, year, stage, q.key, parts, 'cv_quality', standards));
  // 2012: the single CVs are listed, the composite is tested (basicBalance)
  const basicCv = QUALITY_INDICATORS.filter((q) => q.basic).map((q) => ({ ...cvFor(region, year, stage, q.key, parts, 'cv_basic', standards), passes: null, tested: false }));
  const basicComposite = compositeCv(basicCv.map((c) => c.value));
  const basicLimit = standards.threshold('cv_basic', stage);
  const basicBalance = {
    value: basicComposite,
    limit: basicLimit,
    passes: region.level === 'county' && basicComposite.kind === 'value' && basicCv.every((c) => c.missingInputs.length === 0) ? atMost(basicComposite.value, basicLimit) : null,
    indicators: basicCv.length,
    of: BASIC_2012_INDICATORS,
    label: `综合差异系数（按2012年办法${BASIC_2012_INDICATORS}项指标中数据有的${basicCv.length}项计算）`,
  };
  const passes = counted.filter((p) => p.verdict.status === 'passes');
  const fails = counted.filter((p) => p.verdict.status === 'fails');
  const unknown = counted.filter((p) => p.verdict.status === 'unknown');
  const share = counted.length === 0
    ? undefinedValue('no_schools', '没有可计入的学校')
    : unknown.length
      ? missing(unknown.flatMap((p) => p.indicators.flatMap((i) => (i.value.kind === 'missing' ? i.value.missing : []))))
      : value(tidy((passes.length * PERCENT) / counted.length));
  // music and art rooms are whole-school: one entry per school (a nine-year school's two part rows are the same)
  const bySchool = new Map<string, SchoolYearResult>();
  for (const p of parts) if (p.kind !== 'special_education' && !bySchool.has(p.school_id)) bySchool.set(p.school_id, p);
  const roomSchools = [...bySchool.values()];
  const tested = roomSchools.filter((p) => p.musicArtRooms.music.met !== null || p.musicArtRooms.art.met !== null);
  const short = roomSchools
    .filter((p) => p.musicArtRooms.music.met === false || p.musicArtRooms.art.met === false)
    .map((p) => {
      const m = p.musicArtRooms;
      return {
        school_id: p.school_id,
        classes: isValue(m.classes) ? m.classes.value : 0,
        music_rooms: isValue(m.musicRooms) ? m.musicRooms.value : null,
        art_rooms: isValue(m.artRooms) ? m.artRooms.value : null,
        required: m.musicRequired ?? 0,
        art_required: m.artRequired ?? 0,
      };
    });
  // A lottery admission has no 划片内 figure (不适用, not 未公布): the county's in-zone share is
  // over the admissions that can have one, so one private lottery school does not blank it.
  const totals = {
    ...admissionTotals(admissionRows, admissionsPublished),
    inZoneShare: admissionTotals(admissionRows.filter(zoneCanApply), admissionsPublished).inZoneShare,
  };
  const zoneRows = (key: 'zone_enrolment_urban' | 'zone_enrolment_town') => {
    const ids = new Set(parts.filter((p) => zoneRuleKey(p) === key).map((p) => p.school_id));
    return admissionRows.filter((r) => ids.has(r.school_id));
  };
  const zone = (key: 'zone_enrolment_urban' | 'zone_enrolment_town') => {
    const rows = zoneRows(key);
    return rows.length ? zoneCheck(key, rows, admissionsPublished, standards) : makeCheck(standards.get(key), notApplicable('没有此类公办学校的招生数据'));
  };
  return {
    region_code: region.code,
    name: region.name,
    level: region.level,
    year,
    stage,
    schoolIds: [...new Set(parts.map((p) => p.school_id))].sort(),
    countedSchools: counted.length,
    excluded: parts.map(excludedOf).filter((e): e is ExcludedSchool => e !== null),
    students: parts.reduce((s, p) => s + (isValue(p.students) ? p.students.value : 0), 0),
    cv,
    compositeCv: compositeCv(cv.map((c) => c.value)),
    basicCv,
    basicCompositeCv: basicComposite,
    basicBalance,
    sixOfSeven: {
      passes: passes.length,
      fails: fails.length,
      unknown: unknown.length,
      share,
      failing: fails.map((p) => p.school_id).sort(),
    },
    musicArtRooms: {
      schoolsApplicable: tested.length,
      schoolsMeeting: tested.filter((p) => p.musicArtRooms.music.met === true && p.musicArtRooms.art.met === true).length,
      short,
    },
    classes: classCounts(parts),
    schoolsOverSize: [...new Set(parts.filter((p) => p.size.check.met === false).map((p) => p.school_id))].sort(),
    admissions: {
      ...totals,
      overPlanSchools: [...new Set(parts.filter((p) => p.admissions.overPlan === true).map((p) => p.school_id))].sort(),
      resultsNotPublished: [...new Set(parts.filter((p) => p.admissions.published && p.admissions.publication.status === 'not_published').map((p) => p.school_id))].sort(),
      publishedLate: [...new Set(parts.filter((p) => p.admissions.publication.status === 'late').map((p) => p.school_id))].sort(),
      zoneEnrolment: { urban: zone('zone_enrolment_urban'), town: zone('zone_enrolment_town') },
    },
  };
}

/** False for a lottery admission that reports no 划片内 count: the zone share does not apply to it. */
function zoneCanApply(r: AdmissionRow): boolean {
  return !(r.method === 'lottery' && r.admitted_in_zone == null);
}

export function admissionRowsOf(parts: readonly SchoolYearResult[], rowsBySchool: ReadonlyMap<string, readonly AdmissionRow[]>, stage: PartStage): AdmissionRow[] {
  const ids = [...new Set(parts.map((p) => p.school_id))].sort();
  return ids.flatMap((id) => (rowsBySchool.get(id) ?? []).filter((r) => partOfGrade(r.grade) === stage));
}
