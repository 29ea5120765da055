import type { Language, Text } from '@kechuang/domain';
import { ilike, or, type SQL } from 'drizzle-orm';
import { AppError, isUniqueViolation } from '../../core/errors';
import type { Database, Transaction } from '../../db/connection';
import { enterprises } from '../../db/schema';

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Matches the enterprise's name or credit code; `%` and `_` typed by the user are literal. */
export function enterpriseKeywordCondition(keyword: string | undefined): SQL | undefined {
  if (!keyword) return undefined;
  const pattern = `%${keyword.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  return or(ilike(enterprises.name, pattern), ilike(enterprises.creditCode, pattern));
}

/** A 400 naming one field, for checks that need more than the request schema (other fields, other rows). */
export function fieldError(path: string, message: Text, language: Language): AppError {
  return new AppError(400, 'validation', [{ path, message: language === 'en' ? message.en : message.zh }]);
}

/** A 409 naming the field whose value is already taken. */
export function duplicateError(path: string, message: Text, language: Language): AppError {
  return new AppError(409, 'duplicate', [{ path, message: language === 'en' ? message.en : message.zh }]);
}

/**
 * Runs one register write in a transaction. The checks inside name the field that is taken; a
 * concurrent write that wins the race past them still meets the unique index, and gets a 409 too.
 */
export async function writeRegister<T>(db: Database, write: (tx: Transaction) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(write);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError(409, 'duplicate');
    throw error;
  }
}
