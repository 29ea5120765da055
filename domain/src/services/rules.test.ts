import { describe, expect, it } from 'vitest';
import { MissingWorkCalendarError, type WorkCalendarDays } from '../projects/working-days';
import { findExtensionProblem, MAX_EXTENSION_DAYS, problemDueOn, problemTiming } from './rules';

/** 2021 as published: 劳动节 5月1日–5日 off, 4月25日 (Sunday) and 5月8日 (Saturday) worked. */
const calendar: WorkCalendarDays = {
  holidays: ['2021-05-01', '2021-05-02', '2021-05-03', '2021-05-04', '2021-05-05', '2021-06-14'],
  workdays: ['2021-04-25', '2021-05-08'],
  years: [2021],
};

describe('problem deadlines in working days', () => {
  it('skips weekends', () => {
    expect(problemDueOn('2021-06-04', 1, calendar)).toBe('2021-06-07');
    expect(problemDueOn('2021-06-01', 7, calendar)).toBe('2021-06-10');
  });
  it('skips holidays and counts 调休 working weekends', () => {
    expect(problemDueOn('2021-04-28', 3, calendar)).toBe('2021-05-06');
    expect(problemDueOn('2021-05-07', 1, calendar)).toBe('2021-05-08');
    expect(problemDueOn('2021-04-23', 1, calendar)).toBe('2021-04-25');
    expect(problemDueOn('2021-06-11', 1, calendar)).toBe('2021-06-15');
  });
  it('refuses to count into a year without a calendar', () => {
    expect(() => problemDueOn('2021-12-30', 5, calendar)).toThrow(MissingWorkCalendarError);
  });
  it('flags overdue, due-soon and closing on time or late', () => {
    expect(problemTiming({ dueOn: '2021-06-10', closedOn: null }, '2021-06-11', calendar)).toBe('overdue');
    expect(problemTiming({ dueOn: '2021-06-10', closedOn: null }, '2021-06-08', calendar)).toBe('due-soon');
    expect(problemTiming({ dueOn: '2021-06-10', closedOn: null }, '2021-06-01', calendar)).toBe('on-track');
    expect(problemTiming({ dueOn: '2021-06-10', closedOn: '2021-06-10' }, '2021-07-01', calendar)).toBe(
      'closed-on-time',
    );
    expect(problemTiming({ dueOn: '2021-06-10', closedOn: '2021-06-11' }, '2021-07-01', calendar)).toBe(
      'closed-late',
    );
  });
});

describe('extensions', () => {
  const open = { dueOn: '2021-06-10', extensionDays: 0, closedOn: null };
  it('are granted before the deadline, once, up to the maximum', () => {
    expect(findExtensionProblem(open, 5, '2021-06-10')).toBeNull();
    expect(findExtensionProblem(open, 5, '2021-06-11')?.zh).toContain('时限届满前');
    expect(findExtensionProblem({ ...open, extensionDays: 3 }, 2, '2021-06-01')?.zh).toContain('已延期一次');
    expect(findExtensionProblem(open, MAX_EXTENSION_DAYS + 1, '2021-06-01')?.zh).toContain('不能超过');
    expect(findExtensionProblem({ ...open, closedOn: '2021-06-02' }, 2, '2021-06-03')?.zh).toContain(
      '已销号',
    );
  });
});
