import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  computePublicityPeriod,
  firstWorkingDayOnOrAfter,
  isWorkingDay,
  MissingWorkCalendarError,
} from './working-days';

/** 2021 国庆: 10-01…10-07 off, 09-26 (Sun) and 10-09 (Sat) worked. */
const CALENDAR_2021 = {
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
const NONE = { holidays: [], workdays: [] };

describe('working days', () => {
  it('knows weekends, holidays and make-up working days', () => {
    expect(isWorkingDay('2021-09-24', CALENDAR_2021)).toBe(true); // Friday
    expect(isWorkingDay('2021-09-25', CALENDAR_2021)).toBe(false); // Saturday
    expect(isWorkingDay('2021-09-26', CALENDAR_2021)).toBe(true); // make-up Sunday
    expect(isWorkingDay('2021-10-04', CALENDAR_2021)).toBe(false); // Monday in the holiday
    expect(isWorkingDay('2021-10-09', CALENDAR_2021)).toBe(true); // make-up Saturday
  });

  it('adds working days over a weekend', () => {
    expect(addWorkingDays('2021-06-10', 0, NONE)).toBe('2021-06-10');
    expect(addWorkingDays('2021-06-10', 1, NONE)).toBe('2021-06-11');
    expect(addWorkingDays('2021-06-11', 1, NONE)).toBe('2021-06-14');
    expect(addWorkingDays('2021-06-11', 5, NONE)).toBe('2021-06-18');
  });

  it('skips the National Day week and counts the make-up Saturday', () => {
    // From Thursday 09-30: 10-08 (Fri) is the first, 10-09 (make-up Sat) the second, 10-11 the third.
    expect(addWorkingDays('2021-09-30', 1, CALENDAR_2021)).toBe('2021-10-08');
    expect(addWorkingDays('2021-09-30', 2, CALENDAR_2021)).toBe('2021-10-09');
    expect(addWorkingDays('2021-09-30', 3, CALENDAR_2021)).toBe('2021-10-11');
  });

  it('refuses a negative count', () => {
    expect(() => addWorkingDays('2021-06-10', -1, NONE)).toThrow(RangeError);
  });

  it('starts a 公示 on the next working day and counts it as day one', () => {
    expect(firstWorkingDayOnOrAfter('2021-10-02', CALENDAR_2021)).toBe('2021-10-08');
    // 7 working days published on a Monday: Monday to the next Tuesday.
    expect(computePublicityPeriod('2021-06-07', 7, NONE)).toEqual({
      startOn: '2021-06-07',
      endOn: '2021-06-15',
    });
    // Published during the holiday: starts 10-08, then 10-09, 10-11 … 10-15 makes 7.
    expect(computePublicityPeriod('2021-10-01', 7, CALENDAR_2021)).toEqual({
      startOn: '2021-10-08',
      endOn: '2021-10-15',
    });
  });

  it('refuses a count that reaches a year whose calendar is not loaded, naming the year', () => {
    const only2021 = { ...CALENDAR_2021, years: [2021] };
    expect(addWorkingDays('2021-12-27', 4, only2021)).toBe('2021-12-31');
    expect(() => addWorkingDays('2021-12-27', 5, only2021)).toThrow(MissingWorkCalendarError);
    expect(() => addWorkingDays('2021-12-27', 5, only2021)).toThrow('2022 年工作日历尚未发布或未设置');
    expect(() => isWorkingDay('2020-06-01', only2021)).toThrow(MissingWorkCalendarError);
  });
});
