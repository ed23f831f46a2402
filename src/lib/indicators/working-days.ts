/**
 * Working days for the publication rule, on the State Council's holiday calendar: public
 * holidays are not working days, 调休 weekend days are. A year the calendar does not cover is
 * counted Monday–Friday and the result is marked approximate (近似). Counting starts the day
 * after the start date (a result published on the start date is day 0). Dates are ISO
 * yyyy-mm-dd, computed in UTC so the result does not depend on the machine.
 */
import type { CalendarRow } from '../schema/calendar';
import { HOLIDAY_NOTICES } from '../standards/holidays';

function toUtc(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

const DAY = 86_400_000;

/** Sunday and Saturday as Date.getUTCDay() numbers them (calendar, not policy). */
const WEEKEND = new Set([0, 6]); // lint-allow: calendar

function isoOf(t: number): string {
  return new Date(t).toISOString().split('T')[0];
}

export interface WorkCalendar {
  isWorkingDay(iso: string): boolean;
  /** Years with an official arrangement (built-in notice or calendar.csv rows). */
  covers(year: number): boolean;
  /** Plain Chinese source of a covered year (notice title and number, or calendar.csv). */
  sourceOf(year: number): string | null;
}

/** The built-in notices, with calendar.csv rows applied on top (a row replaces that date's status). */
export function workCalendar(rows: readonly CalendarRow[] = []): WorkCalendar {
  const status = new Map<string, boolean>(); // date → is working day
  const years = new Map<number, string>();
  for (const n of HOLIDAY_NOTICES) {
    for (const [from, to] of n.off) for (let t = toUtc(from); t <= toUtc(to); t += DAY) status.set(isoOf(t), false);
    for (const w of n.work) status.set(w, true);
    years.set(n.year, `《${n.source.title}》（${n.source.number}）`);
  }
  const fileYears = new Set<number>();
  for (const r of rows) {
    if (typeof r.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(r.date)) continue;
    status.set(r.date, r.day_type === 'workday');
    fileYears.add(Number(r.date.slice(0, 4)));
  }
  for (const y of fileYears) years.set(y, years.has(y) ? `${years.get(y)}，并按 calendar.csv 更正` : 'calendar.csv');
  return {
    isWorkingDay: (iso) => status.get(iso) ?? !WEEKEND.has(new Date(toUtc(iso)).getUTCDay()),
    covers: (year) => years.has(year),
    sourceOf: (year) => years.get(year) ?? null,
  };
}

const BUILT_IN = workCalendar();

/**
 * Results per calendar and date pair: every school of a county shares the same few dates, and
 * counting day by day for each was 8 % of a 2,000-school build's CPU. A calendar never changes
 * once made, so its answers can be kept as long as it lives.
 */
const between = new WeakMap<WorkCalendar, Map<string, number>>();

/** Working days after `from` up to and including `to`; negative when `to` is before `from`. */
export function workingDaysBetween(from: string, to: string, cal: WorkCalendar = BUILT_IN): number {
  let memo = between.get(cal);
  if (!memo) between.set(cal, (memo = new Map()));
  const key = `${from}|${to}`;
  let n = memo.get(key);
  if (n === undefined) memo.set(key, (n = countWorkingDays(from, to, cal)));
  return n;
}

function countWorkingDays(from: string, to: string, cal: WorkCalendar): number {
  const a = toUtc(from);
  const b = toUtc(to);
  if (b === a) return 0;
  const sign = b > a ? 1 : -1;
  let n = 0;
  for (let t = a + sign * DAY; sign > 0 ? t <= b : t >= b; t += sign * DAY) if (cal.isWorkingDay(isoOf(t))) n++;
  return sign * n;
}

/** The date that is the `days`-th working day after `from` (counting starts the day after). */
export function addWorkingDays(from: string, days: number, cal: WorkCalendar = BUILT_IN): string {
  let memo = added.get(cal);
  if (!memo) added.set(cal, (memo = new Map()));
  const key = `${from}|${days}`;
  let out = memo.get(key);
  if (out === undefined) memo.set(key, (out = addDays(from, days, cal)));
  return out;
}

const added = new WeakMap<WorkCalendar, Map<string, string>>();

function addDays(from: string, days: number, cal: WorkCalendar): string {
  let t = toUtc(from);
  let n = 0;
  while (n < days) {
    t += DAY;
    if (cal.isWorkingDay(isoOf(t))) n++;
  }
  return isoOf(t);
}

/** Years touched by the days after `from` up to `to` (inclusive), ascending. */
export function yearsBetween(from: string, to: string): number[] {
  const a = Number(from.slice(0, 4));
  const b = Number(to.slice(0, 4));
  const out: number[] = [];
  for (let y = Math.min(a, b); y <= Math.max(a, b); y++) out.push(y);
  return out;
}
