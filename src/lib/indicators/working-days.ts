/**
 * Working days for the publication rule. Monday–Friday; no holiday calendar is applied (China's
 * adjusted working weekends and holidays change every year), which the methodology states.
 * Dates are ISO yyyy-mm-dd, computed in UTC so the result does not depend on the machine.
 */
function toUtc(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

const DAY = 86_400_000;

/** Sunday and Saturday as Date.getUTCDay() numbers them (calendar, not policy). */
const WEEKEND = new Set([0, 6]); // lint-allow: calendar

function isWeekday(t: number): boolean {
  return !WEEKEND.has(new Date(t).getUTCDay());
}

/** Working days after `from` up to and including `to`; negative when `to` is before `from`. */
export function workingDaysBetween(from: string, to: string): number {
  const a = toUtc(from);
  const b = toUtc(to);
  if (b === a) return 0;
  const sign = b > a ? 1 : -1;
  let n = 0;
  for (let t = a + sign * DAY; sign > 0 ? t <= b : t >= b; t += sign * DAY) if (isWeekday(t)) n++;
  return sign * n;
}

/** The date `days` working days after `from`. */
export function addWorkingDays(from: string, days: number): string {
  let t = toUtc(from);
  let n = 0;
  while (n < days) {
    t += DAY;
    if (isWeekday(t)) n++;
  }
  return new Date(t).toISOString().split('T')[0];
}
