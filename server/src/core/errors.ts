import { ERROR_MESSAGES, type ErrorCode, type Language, translate } from '@kechuang/domain';

export interface ErrorDetail {
  path: string;
  message: string;
}

/** An error a user can cause: it becomes `{ error: { code, message, details } }` with its HTTP status. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly errorCode: ErrorCode,
    readonly details: ErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
    /** For a refusal worth auditing (403): what was refused. The error handler records it after rollback. */
    readonly audit?: { event: string; objectType?: string; objectId?: string | number },
  ) {
    super(errorCode);
  }

  messageIn(language: Language): string {
    return translate(ERROR_MESSAGES[this.errorCode], language);
  }
}

export const notFound = () => new AppError(404, 'notFound');
export const forbidden = () => new AppError(403, 'forbidden');
export const versionConflict = () => new AppError(409, 'versionConflict');

/** PostgreSQL unique violation, for turning a race on a natural key into a 409. */
export function isUniqueViolation(error: unknown): boolean {
  return findSqlState(error) === '23505';
}

export function findSqlState(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
