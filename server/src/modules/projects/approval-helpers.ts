import type { ErrorCode, Language, Text } from '@kechuang/domain';
import { chinaToday } from '@kechuang/domain';
import { inArray } from 'drizzle-orm';
import type { Actor } from '../../core/context';
import { AppError, type ErrorDetail } from '../../core/errors';
import type { Executor } from '../../db/connection';
import { workCalendars } from '../../db/schema';

/** An error whose message carries the figures of this case (e.g. by how much a budget is exceeded). */
export class DetailedError extends AppError {
  constructor(
    statusCode: number,
    errorCode: ErrorCode,
    readonly text: Text,
    details: ErrorDetail[] = [],
  ) {
    super(statusCode, errorCode, details);
  }

  override messageIn(language: Language): string {
    return language === 'en' ? this.text.en : this.text.zh;
  }
}

export function requireContextActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError(401, 'unauthenticated');
  return actor;
}

/** The holidays and make-up working days of the given years, merged. */
export async function loadWorkCalendar(executor: Executor, years: number[]) {
  const rows = await executor.select().from(workCalendars).where(inArray(workCalendars.year, years));
  return {
    holidays: rows.flatMap((row) => row.holidays),
    workdays: rows.flatMap((row) => row.workdays),
  };
}

/** Today in China; `KECHUANG_TODAY` lets a demo or a drill pin the date. */
export function today(): string {
  return process.env.KECHUANG_TODAY ?? chinaToday();
}

export const wan = (fen: number) =>
  `${(fen / 1_000_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 万元`;
export const wanEn = (fen: number) =>
  `${(fen / 1_000_000).toLocaleString('en', { maximumFractionDigits: 2 })} 10k yuan`;
