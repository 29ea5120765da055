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

const CONNECTION_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND']);

/**
 * Whether an error says the database server cannot be reached right now (stopped, restarting, the
 * connection cut): answered 503 with Retry-After, and the connection pool reconnects by itself.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string') {
      if (CONNECTION_ERROR_CODES.has(code)) return true;
      // 08: connection exception; 57P01–57P03: the server shutting down, crashed or still starting.
      if (/^08[0-9A-Z]{3}$/.test(code) || code === '57P01' || code === '57P02' || code === '57P03')
        return true;
    }
    if (
      typeof message === 'string' &&
      /Connection terminated|connection timeout|Client has encountered a connection error/i.test(message)
    )
      return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
