import { chinaToday, type Language, MissingWorkCalendarError, type WorkCalendarDays } from '@kechuang/domain';
import { inArray } from 'drizzle-orm';
import { workCalendars } from '../../db/schema';
import type { Executor } from '../../db/types';
import { AppError } from '../errors';

/** Today in China; `KECHUANG_TODAY` lets a demo or a drill pin the date. */
export function today(): string {
  return process.env.KECHUANG_TODAY ?? chinaToday();
}

/**
 * The holidays and make-up working days of the given years, merged, with the years actually set:
 * a count that reaches any other year is refused rather than run over weekends alone.
 */
export async function loadWorkCalendar(executor: Executor, years: number[]): Promise<WorkCalendarDays> {
  const rows = await executor.select().from(workCalendars).where(inArray(workCalendars.year, years));
  return {
    holidays: rows.flatMap((row) => row.holidays),
    workdays: rows.flatMap((row) => row.workdays),
    years: rows.map((row) => row.year),
  };
}

/** Refusal of a working-day count that needs the calendar of a year nobody has set. */
export class WorkCalendarMissingError extends AppError {
  constructor(readonly year: number) {
    super(409, 'workCalendarMissing', [
      { path: 'workCalendar', message: `${year} 年工作日历尚未发布或未设置` },
    ]);
  }

  override messageIn(language: Language): string {
    return language === 'en'
      ? `The ${this.year} working-day calendar is not published or set yet; ask the system administrator to set it`
      : `${this.year} 年工作日历尚未发布或未设置，请系统管理员在“工作日历”中设置后再试`;
  }
}

/** Runs a working-day computation, turning a missing year into a refusal that names the year. */
export function countWorkingDays<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof MissingWorkCalendarError) throw new WorkCalendarMissingError(error.year);
    throw error;
  }
}
