import { addWorkingDays, isWorkingDay, type WorkCalendarDays } from '../projects/working-days';
import { LARGE_CONTRACT_TECH_FEN } from './amounts';

/** Time limits in working days from acceptance; a setting because the 2026 办法 is not yet confirmed. */
export interface RegistrationTimeLimits {
  normalDays: number;
  largeOrDisputedDays: number;
  /** Staff are warned this many working days before the limit lapses. */
  warnBeforeDays: number;
}

export const DEFAULT_REGISTRATION_TIME_LIMITS: RegistrationTimeLimits = {
  normalDays: 15,
  largeOrDisputedDays: 30,
  warnBeforeDays: 3,
};

export function registrationTimeLimitDays(
  techFen: number,
  disputed: boolean,
  limits: RegistrationTimeLimits = DEFAULT_REGISTRATION_TIME_LIMITS,
): number {
  return techFen >= LARGE_CONTRACT_TECH_FEN || disputed ? limits.largeOrDisputedDays : limits.normalDays;
}

/**
 * The last day to register a contract accepted on `acceptedOn` (the day itself not counted), on the
 * work calendar. 补正 restarts the clock: the acceptance date becomes the resubmission date.
 */
export function registrationDueOn(acceptedOn: string, days: number, calendar: WorkCalendarDays): string {
  return addWorkingDays(acceptedOn, days, calendar);
}

/** The day from which staff are warned that the limit is about to lapse. */
export function registrationWarnFrom(
  acceptedOn: string,
  days: number,
  calendar: WorkCalendarDays,
  limits: RegistrationTimeLimits = DEFAULT_REGISTRATION_TIME_LIMITS,
): string {
  return addWorkingDays(acceptedOn, Math.max(days - limits.warnBeforeDays, 0), calendar);
}

function nextDay(date: string, step: 1 | -1): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + step);
  return value.toISOString().slice(0, 10);
}

/**
 * Working days from `today` to the limit `dueOn` (today not counted, the due day counted): 0 on the
 * due day itself, negative when the limit has lapsed (the working days since, as −n).
 */
export function registrationDaysLeft(today: string, dueOn: string, calendar: WorkCalendarDays): number {
  if (today === dueOn) return 0;
  const step = today < dueOn ? 1 : -1;
  let count = 0;
  for (let date = today; date !== dueOn; ) {
    date = nextDay(date, step);
    // Counting back, the day after the limit is the first overdue one: count the days after dueOn.
    const counted = step === 1 ? date : nextDay(date, 1);
    if (isWorkingDay(counted, calendar)) count += 1;
  }
  return step * count;
}
