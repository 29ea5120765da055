import { addWorkingDays, type WorkCalendarDays } from '../projects/working-days';
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
