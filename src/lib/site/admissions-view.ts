/**
 * Rows of the admissions topic: per school and year, what was published — 招生计划 (plan),
 * 招生范围 (zone), 招生办法 (method), 招生结果 (results) — and whether results were public on time.
 */
import type { PublicationStatus } from '../indicators/types';
import { partOfGrade, type SchoolRow } from '../schema';
import type { Portal } from './portal';
import { showSensitive, zh } from './format';

export interface AdmissionGradeRow {
  readonly grade: number;
  readonly planned: number;
  readonly planDate: string | null;
  readonly applicants: number | null;
  readonly admitted: number | null;
  readonly inZone: number | null;
  readonly migrant: number | null;
  /** Already suppressed for display (“<5”, “未公布”). */
  readonly disabled: string;
  readonly method: string;
  /** Admitted by lottery: an in-zone count does not apply. */
  readonly lottery: boolean;
  readonly resultsDate: string | null;
  readonly publication: PublicationStatus | null;
  readonly deadline: string | null;
  readonly source: { file: string; row: number };
}

export interface AdmissionSchoolYear {
  readonly school: SchoolRow;
  readonly year: number;
  readonly zones: readonly string[];
  readonly grades: readonly AdmissionGradeRow[];
}

export function admissionsOf(p: Portal, school: SchoolRow, year: number): AdmissionSchoolYear {
  const rows = p.rowsBySchoolYear.get(`${school.school_id}:${year}`);
  const parts = p.resultsBySchoolYear.get(`${school.school_id}:${year}`) ?? [];
  const threshold = p.settings.suppression_threshold;
  return {
    school,
    year,
    zones: (rows?.zones ?? []).map((z) => z.area),
    grades: (rows?.admissions ?? [])
      .slice()
      .sort((a, b) => a.grade - b.grade)
      .map((a) => {
        const part = parts.find((r) => r.stage === partOfGrade(a.grade));
        return {
          grade: a.grade,
          planned: a.planned_seats,
          planDate: a.plan_published_on,
          applicants: a.applicants,
          admitted: a.admitted,
          inZone: a.admitted_in_zone,
          migrant: a.admitted_migrant,
          disabled: showSensitive(a.admitted_disabled, threshold),
          method: zh.method(a.method),
          lottery: a.method === 'lottery',
          resultsDate: a.results_published_on,
          publication: part?.admissions.publication.status ?? null,
          deadline: part?.admissions.publication.deadline ?? null,
          source: a._source,
        };
      }),
  };
}

export const GRADE_ZH = (g: number) => (g <= 6 ? `小学${g}年级` : `初中${g - 6}年级`);
