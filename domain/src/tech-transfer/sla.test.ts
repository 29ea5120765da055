import { describe, expect, it } from 'vitest';
import type { WorkCalendarDays } from '../projects/working-days';
import {
  registrationDaysLeft,
  registrationDueOn,
  registrationTimeLimitDays,
  registrationWarnFrom,
} from './sla';

/** 2021 国庆: 10-01..10-07 off, Sunday 09-26 and Saturday 10-09 worked (调休). */
const NATIONAL_DAY_2021: WorkCalendarDays = {
  holidays: [
    '2021-10-01',
    '2021-10-02',
    '2021-10-03',
    '2021-10-04',
    '2021-10-05',
    '2021-10-06',
    '2021-10-07',
  ],
  workdays: ['2021-09-26', '2021-10-09'],
};

describe('registration time limit', () => {
  it('is 15 working days, 30 from 500万元 技术交易额 or when disputed', () => {
    expect(registrationTimeLimitDays(499_999_999, false)).toBe(15);
    expect(registrationTimeLimitDays(500_000_000, false)).toBe(30);
    expect(registrationTimeLimitDays(1, true)).toBe(30);
  });

  it('counts working days across 国庆 with its 调休 days', () => {
    // Accepted Fri 09-24: Sun 09-26 (调休) 1, 09-27..09-30 2–5, 10-01..10-07 off, Fri 10-08 6,
    // Sat 10-09 (调休) 7, 10-11..10-15 8–12, 10-18..10-20 13–15.
    expect(registrationDueOn('2021-09-24', 15, NATIONAL_DAY_2021)).toBe('2021-10-20');
    // Without the calendar the same count ends days earlier: the holiday matters.
    expect(registrationDueOn('2021-09-24', 15, { holidays: [], workdays: [] })).toBe('2021-10-15');
    expect(registrationWarnFrom('2021-09-24', 15, NATIONAL_DAY_2021)).toBe('2021-10-15');
  });

  it('restarts on 补正: a resubmission after the holiday is counted from its own date', () => {
    expect(registrationDueOn('2021-10-08', 15, NATIONAL_DAY_2021)).toBe('2021-10-28');
  });
  it('counts the working days left to the limit, and the working days overdue after it', () => {
    // Due Wed 10-20: from Thu 09-30 the days left skip the whole 国庆 week but count Sat 10-09.
    expect(registrationDaysLeft('2021-09-30', '2021-10-20', NATIONAL_DAY_2021)).toBe(10);
    expect(registrationDaysLeft('2021-10-20', '2021-10-20', NATIONAL_DAY_2021)).toBe(0);
    expect(registrationDaysLeft('2021-10-19', '2021-10-20', NATIONAL_DAY_2021)).toBe(1);
    // Due Thu 09-30: on Fri 10-08 the only working day after it so far is 10-08 itself.
    expect(registrationDaysLeft('2021-10-08', '2021-09-30', NATIONAL_DAY_2021)).toBe(-1);
    expect(registrationDaysLeft('2021-10-11', '2021-09-30', NATIONAL_DAY_2021)).toBe(-3);
  });
});
