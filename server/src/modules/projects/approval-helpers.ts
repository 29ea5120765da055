import type { ErrorCode, Language, Text } from '@kechuang/domain';
import type { Actor } from '../../core/context';
import { AppError, type ErrorDetail } from '../../core/errors';

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

// The calendar and today's date moved to the calendar module; projects keep importing them from here.
export { loadWorkCalendar, today } from '../../core/calendar/work-calendar';

export const wan = (fen: number) =>
  `${(fen / 1_000_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 万元`;
export const wanEn = (fen: number) =>
  `${(fen / 1_000_000).toLocaleString('en', { maximumFractionDigits: 2 })} 10k yuan`;
