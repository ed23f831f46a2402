/** Builds the SchoolYearResult rows of one year: one per school part (primary / junior). */
import type { PartStage, SchoolRow } from '../schema';
import { partOfGrade, STAGE_PARTS } from '../schema';
import type { StandardsIndex } from '../standards';
import { admissionSummary } from './admissions';
import { makeCheck } from './check';
import { classSizeProfile } from './class-size';
import { countedStatus } from './counting';
import { expectedPublicFunds, fundingSummary } from './funding';
import { musicArtRooms } from './music-art-rooms';
import { dropoutCheck, rateChecks } from './outcomes';
import { schoolIndicators } from './school-indicators';
import { teacherFigures } from './teachers';
import type { Computed, SchoolYearResult } from './types';
import { sixOfSeven } from './verdict';
import { missing, missingOf, tidy, value } from './values';
import type { YearIndex } from './year-index';
import type { WorkCalendar } from './working-days';

/**
 * Nine-year and twelve-year schools: both parts, the 2,500 size limit. A 完全中学
 * (complete_secondary) is not one: in compulsory education it has a junior part only.
 */
export function isThroughSchool(school: SchoolRow): boolean {
  return school.stage === 'nine_year' || school.stage === 'twelve_year';
}

export function schoolYearResults(
  schools: ReadonlyMap<string, SchoolRow>,
  yi: YearIndex,
  standards: StandardsIndex,
  cal?: WorkCalendar,
): SchoolYearResult[] {
  const out: SchoolYearResult[] = [];
  const d = yi.data;
  const schoolYearVisible = d.classes !== undefined;
  const ids = yi.activeSchoolIds.filter((id) => schools.has(id));
  for (const id of ids) {
    const school = schools.get(id)!;
    const parts = STAGE_PARTS[school.stage];
    const resRows = yi.resources.get(id);
    const partStudents = (stage: PartStage): Computed => {
      const r = resRows?.get(stage);
      if (r) return value(r.students);
      return missing(d.resources ? `resources:${id}` : 'resources');
    };
    // whole-school figures
    const studentsAll = parts.map(partStudents);
    const totalMissing = missingOf(...studentsAll);
    const total: Computed = totalMissing ?? value(tidy(studentsAll.reduce((s, c) => s + (c.kind === 'value' ? c.value : 0), 0)));
    const sizeStd = standards.get(isThroughSchool(school) ? 'school_size_through' : 'school_size');
    const size = { students: total, check: makeCheck(sizeStd, total) };
    const expected = expectedPublicFunds(
      school,
      { primary: parts.includes('primary') ? partStudents('primary') : null, junior: parts.includes('junior') ? partStudents('junior') : null },
      yi.counties.get(school.region_code),
      d.counties !== undefined,
      standards,
    );
    const funding = fundingSummary(school, yi.funding.get(id), d.funding !== undefined, total, expected, standards);
    const tRow = yi.teachers.get(id);
    const tNone = tRow ? null : d.teachers ? `teachers:${id}` : 'teachers';
    const teachers = { ...teacherFigures(tRow ? [tRow] : [], tNone, standards), source: tRow?._source ?? null };
    const oRow = yi.outcomes.get(id);
    const oNone = oRow ? null : d.outcomes ? `outcomes:${id}` : 'outcomes';
    const drop = dropoutCheck(oRow ? [oRow] : [], school.stage, oNone, standards);
    const outcomes = {
      studentsStart: drop.studentsStart,
      dropouts: drop.dropouts,
      dropoutRate: drop.rate,
      ...rateChecks(oRow ? [oRow] : [], oNone, standards, parts.includes('junior')),
      source: oRow?._source ?? null,
    };
    const schoolClasses = d.classes ? yi.classes.get(id) ?? [] : undefined;
    // music and art rooms: whole school, from every part's row (all parts must be present)
    const partRows = parts.map((st) => resRows?.get(st));
    const rooms = musicArtRooms(
      partRows.every((r) => r !== undefined) ? (partRows as NonNullable<(typeof partRows)[number]>[]) : undefined,
      standards,
      d.resources ? `resources:${id}` : 'resources',
    );
    const schoolAdmissions = d.admissions ? yi.admissions.get(id) ?? [] : undefined;

    for (const stage of parts) {
      const row = resRows?.get(stage);
      const missingWhat = d.resources ? `resources:${id}` : 'resources';
      const indicators = schoolIndicators(row, stage, standards, missingWhat);
      out.push({
        school_id: id,
        name: school.name,
        region_code: school.region_code,
        year: yi.year,
        stage,
        schoolStage: school.stage,
        kind: school.kind,
        ownership: school.ownership,
        locale: school.locale,
        students: partStudents(stage),
        classes: row ? (row.classes == null ? missing('resources.classes') : value(row.classes)) : missing(missingWhat),
        indicators,
        verdict: sixOfSeven(indicators, standards),
        counted: countedStatus(school.kind, row ? row.students : null, row !== undefined, standards),
        classSize: classSizeProfile(
          schoolClasses?.filter((c) => partOfGrade(c.grade) === stage),
          stage,
          standards,
          id,
        ),
        musicArtRooms: rooms,
        size,
        admissions: admissionSummary(schoolAdmissions, stage, yi.year, schoolYearVisible, standards, school, cal),
        funding,
        teachers,
        outcomes,
        source: row?._source ?? null,
      });
    }
  }
  out.sort((a, b) => cmp(a.region_code, b.region_code) || cmp(a.school_id, b.school_id) || stageOrder(a.stage) - stageOrder(b.stage));
  return out;
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function stageOrder(s: PartStage): number {
  return s === 'primary' ? 0 : 1;
}
