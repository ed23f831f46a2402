/**
 * Admissions of one school part: seats planned vs admitted, fill rate, in-zone and migrant
 * shares, admitted above plan, and whether results were published on time.
 *
 * Publication rule (the portal's, stated on the methodology page): 《义务教育领域基层政务公开
 * 标准指引》 asks that 招生结果 be public within 20 working days of being produced. The data
 * has no admission end date, so the portal takes the start of the school year (1 September of
 * the year folder) as the latest date results can be produced; results published more than
 * `publication_working_days` working days after it are late. Working days follow the State
 * Council's holiday notice of the year (./working-days.ts); counting starts the day after. Results not published
 * at all count as `not_published` once the school year has visibly begun (classes.csv for that
 * year is out); before that they are `not_due`.
 */
import type { AdmissionRow, PartStage } from '../schema';
import { partOfGrade } from '../schema';
import type { StandardsIndex } from '../standards';
import { makeCheck } from './check';
import type { AdmissionSummary, Check, Computed, Publication } from './types';
import { missing, notApplicable, PERCENT, ratio, sumCells, value } from './values';
import { addWorkingDays, workingDaysBetween, yearsBetween, type WorkCalendar, workCalendar } from './working-days';

/** Month and day the school year starts (a calendar convention, not a policy threshold). */
const SCHOOL_YEAR_START = { month: 9, day: 1 };

export function schoolYearStart(year: number): string {
  return `${year}-${String(SCHOOL_YEAR_START.month).padStart(2, '0')}-${String(SCHOOL_YEAR_START.day).padStart(2, '0')}`;
}

/** Entry grades (1 and 7) carry the publication dates; other grades are transfers. */
function entryRow(rows: readonly AdmissionRow[]): AdmissionRow | undefined {
  return [...rows].sort((a, b) => a.grade - b.grade)[0];
}

const DEFAULT_CALENDAR = workCalendar();

function calendarOf(cal: WorkCalendar, from: string, to: string): Pick<Publication, 'calendar' | 'calendarNote'> {
  const years = yearsBetween(from, to);
  const missing = years.filter((y) => !cal.covers(y));
  if (missing.length)
    return {
      calendar: 'approximate',
      calendarNote: `近似：数据中没有国务院办公厅${missing.join('、')}年节假日安排的通知，按周一至周五计算工作日，未扣除节假日`,
    };
  return { calendar: 'official', calendarNote: `工作日按${years.map((y) => cal.sourceOf(y)).join('、')}计算` };
}

export function publication(
  rows: readonly AdmissionRow[],
  year: number,
  schoolYearVisible: boolean,
  standards: StandardsIndex,
  cal: WorkCalendar = DEFAULT_CALENDAR,
): Publication {
  const anchor = schoolYearStart(year);
  const limit = standards.threshold('publication_working_days');
  const deadline = addWorkingDays(anchor, limit, cal);
  const main = entryRow(rows);
  const planPublishedOn = main?.plan_published_on ?? null;
  const resultsPublishedOn = main?.results_published_on ?? null;
  const until = resultsPublishedOn && resultsPublishedOn > deadline ? resultsPublishedOn : deadline;
  const base = { planPublishedOn, resultsPublishedOn, deadline, ...calendarOf(cal, anchor, until) };
  if (resultsPublishedOn) {
    const workingDays = workingDaysBetween(anchor, resultsPublishedOn, cal);
    return { ...base, status: workingDays > limit ? 'late' : 'on_time', workingDays };
  }
  const resultsOut = rows.some((r) => r.admitted != null);
  if (resultsOut) return { ...base, status: 'date_missing', workingDays: null };
  return { ...base, status: schoolYearVisible ? 'not_published' : 'not_due', workingDays: null };
}

export interface AdmissionTotals {
  readonly plannedSeats: number;
  readonly admitted: Computed;
  readonly fillRate: Computed;
  readonly inZoneShare: Computed;
  readonly migrantShare: Computed;
}

/** Totals over admission rows (ratios of sums). Rows without results are left out of the ratios. */
export function admissionTotals(rows: readonly AdmissionRow[], filePublished: boolean): AdmissionTotals {
  const withResults = rows.filter((r) => r.admitted != null);
  const plannedSeats = rows.reduce((s, r) => s + r.planned_seats, 0);
  const notOut: Computed = missing(filePublished ? 'admissions.admitted' : 'admissions');
  const sumOr = (get: (r: AdmissionRow) => number | null, col: string): Computed =>
    withResults.length ? sumCells(withResults, get, 'admissions', col) : notOut;
  const admitted = sumOr((r) => r.admitted, 'admitted');
  const plannedWithResults = value(withResults.reduce((s, r) => s + r.planned_seats, 0));
  return {
    plannedSeats,
    admitted,
    fillRate: withResults.length ? ratio(admitted, plannedWithResults, '计划招生数为0', PERCENT) : notOut,
    inZoneShare: ratio(sumOr((r) => r.admitted_in_zone, 'admitted_in_zone'), admitted, '录取人数为0', PERCENT),
    migrantShare: ratio(sumOr((r) => r.admitted_migrant, 'admitted_migrant'), admitted, '录取人数为0', PERCENT),
  };
}

/** The 就近划片 rule that applies to a school: urban/town public schools only. */
export function zoneRuleKey(school: { ownership: string; locale: string }): 'zone_enrolment_urban' | 'zone_enrolment_town' | null {
  if (school.ownership !== 'public') return null;
  return school.locale === 'urban' ? 'zone_enrolment_urban' : school.locale === 'town' ? 'zone_enrolment_town' : null;
}

export function zoneCheck(key: 'zone_enrolment_urban' | 'zone_enrolment_town', rows: readonly AdmissionRow[], filePublished: boolean, standards: StandardsIndex): Check {
  return makeCheck(standards.get(key), admissionTotals(rows, filePublished).inZoneShare);
}

export function admissionSummary(
  allRows: readonly AdmissionRow[] | undefined,
  stage: PartStage,
  year: number,
  schoolYearVisible: boolean,
  standards: StandardsIndex,
  school?: { ownership: string; locale: string },
  cal: WorkCalendar = DEFAULT_CALENDAR,
): AdmissionSummary {
  const rows = (allRows ?? []).filter((r) => partOfGrade(r.grade) === stage);
  const over = rows.filter((r) => r.admitted != null && r.admitted > r.planned_seats);
  const anyResults = rows.some((r) => r.admitted != null);
  return {
    published: allRows !== undefined && rows.length > 0,
    rows: rows.length,
    ...admissionTotals(rows, allRows !== undefined),
    overPlan: anyResults ? over.length > 0 : null,
    overPlanBy: over.reduce((s, r) => s + (r.admitted! - r.planned_seats), 0),
    publication: publication(rows, year, schoolYearVisible, standards, cal),
    sources: rows.map((r) => r._source),
    zoneEnrolment: zoneSchool(school, rows, allRows !== undefined, standards),
  };
}

function zoneSchool(school: { ownership: string; locale: string } | undefined, rows: readonly AdmissionRow[], filePublished: boolean, standards: StandardsIndex): Check {
  const key = school ? zoneRuleKey(school) : null;
  if (!key) return makeCheck(standards.get('zone_enrolment_urban'), notApplicable('只适用于城区、镇区公办学校'));
  return zoneCheck(key, rows, filePublished, standards);
}
