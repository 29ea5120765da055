/**
 * Working days over the State Council's holiday calendar: a date is a working day when it is a
 * make-up working day (调休上班), or a weekday that is not a holiday. Dates are `YYYY-MM-DD`.
 */
export interface WorkCalendarDays {
  holidays: readonly string[];
  workdays: readonly string[];
  /**
   * The years whose official calendar is loaded. When given, a count that reaches a date of any
   * other year is refused instead of treating that year's weekdays as working days.
   */
  years?: readonly number[];
}

/** A working-day count reached a year whose calendar is not published or not set. */
export class MissingWorkCalendarError extends Error {
  constructor(readonly year: number) {
    super(`${year} 年工作日历尚未发布或未设置 / the ${year} working-day calendar is not set`);
    this.name = 'MissingWorkCalendarError';
  }
}

function shiftDate(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

export function isWorkingDay(date: string, calendar: WorkCalendarDays): boolean {
  const year = Number(date.slice(0, 4));
  if (calendar.years && !calendar.years.includes(year)) throw new MissingWorkCalendarError(year);
  if (calendar.workdays.includes(date)) return true;
  if (calendar.holidays.includes(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The date `days` working days after `start` (the start itself not counted). */
export function addWorkingDays(start: string, days: number, calendar: WorkCalendarDays): string {
  if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a non-negative integer');
  let date = start;
  for (let counted = 0; counted < days; ) {
    date = shiftDate(date, 1);
    if (isWorkingDay(date, calendar)) counted += 1;
  }
  return date;
}

export function firstWorkingDayOnOrAfter(date: string, calendar: WorkCalendarDays): string {
  let current = date;
  while (!isWorkingDay(current, calendar)) current = shiftDate(current, 1);
  return current;
}

/**
 * A 公示 of `workingDays` working days published on `publishedOn`: it starts on that day if it is a
 * working day (else the next one) and ends on its last working day, both days included.
 */
export function computePublicityPeriod(
  publishedOn: string,
  workingDays: number,
  calendar: WorkCalendarDays,
): { startOn: string; endOn: string } {
  const startOn = firstWorkingDayOnOrAfter(publishedOn, calendar);
  return { startOn, endOn: addWorkingDays(startOn, Math.max(workingDays, 1) - 1, calendar) };
}

/** Today's date in China (UTC+8), where the bureau's deadlines are counted. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}
