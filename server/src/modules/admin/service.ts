import type {
  DistrictSettings,
  Role,
  SecuritySettings,
  User,
  UserCreate,
  WorkCalendarResponse,
} from '@kechuang/domain';
import { translate } from '@kechuang/domain';
import { and, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import { recomputeOpenDeadlines } from '../../core/calendar/open-deadlines';
import type { RequestContext } from '../../core/context';
import { AppError, isUniqueViolation, notFound, versionConflict } from '../../core/errors';
import { generateInitialPassword, hashPassword } from '../../core/passwords';
import { destroyUserSessions } from '../../core/sessions';
import {
  DISTRICT_SETTINGS_KEY,
  forgetCachedSettings,
  readDistrictSettings,
  readSecuritySettings,
  SECURITY_SETTINGS_KEY,
} from '../../core/settings';
import type { Database, Executor } from '../../db/connection';
import { enterprises, serviceDepartments, settings, users, workCalendars } from '../../db/schema';
import { clearSecondFactor, forgetLoginFailures } from '../auth';
import { ADMIN_MESSAGES } from './messages';

/** Saves one settings record under its version (409 when someone saved first), audited with before and after. */
async function saveSettings<T extends object>(
  db: Database,
  options: {
    key: string;
    read: (executor: Executor) => Promise<T & { version: number }>;
    input: T & { version: number };
    context: RequestContext;
  },
): Promise<T & { version: number }> {
  const { version, ...value } = options.input;
  await db.transaction(async (tx) => {
    const before = await options.read(tx);
    if (before.version !== version && !(before.version === 0 && version === 1)) throw versionConflict();
    if (before.version === 0) {
      await tx.insert(settings).values({ key: options.key, value });
    } else {
      const updated = await tx
        .update(settings)
        .set({ value, version: sql`${settings.version} + 1`, updatedAt: new Date() })
        .where(and(eq(settings.key, options.key), eq(settings.version, version)))
        .returning({ id: settings.id });
      if (updated.length === 0) throw versionConflict();
    }
    await recordAudit(tx, options.context, {
      event: `settings.${options.key}.update`,
      objectType: 'settings',
      objectId: options.key,
      before,
      after: value,
    });
  });
  forgetCachedSettings();
  return options.read(db);
}

export const updateDistrictSettings = (
  db: Database,
  options: { input: DistrictSettings & { version: number }; context: RequestContext },
) => saveSettings(db, { key: DISTRICT_SETTINGS_KEY, read: readDistrictSettings, ...options });

/** The security administrator's settings, e.g. which roles must sign in with a second factor. */
export const updateSecuritySettings = (
  db: Database,
  options: { input: SecuritySettings & { version: number }; context: RequestContext },
) => saveSettings(db, { key: SECURITY_SETTINGS_KEY, read: readSecuritySettings, ...options });

export async function readWorkCalendar(db: Executor, year: number): Promise<WorkCalendarResponse> {
  const [row] = await db.select().from(workCalendars).where(eq(workCalendars.year, year));
  return row
    ? {
        year,
        holidays: row.holidays,
        workdays: row.workdays,
        version: row.version,
        isOverridden: row.isOverridden,
        officialSource: row.officialSource,
        officialHolidays: row.officialHolidays,
        officialWorkdays: row.officialWorkdays,
      }
    : {
        year,
        holidays: [],
        workdays: [],
        version: 0,
        isOverridden: false,
        officialSource: null,
        officialHolidays: null,
        officialWorkdays: null,
      };
}

function checkCalendarDays(
  options: { year: number; holidays: string[]; workdays: string[] },
  language: string,
) {
  const { year } = options;
  const details = [
    ...options.holidays.map((day, index) => ({ day, path: `holidays.${index}` })),
    ...options.workdays.map((day, index) => ({ day, path: `workdays.${index}` })),
  ]
    .filter(({ day }) => !day.startsWith(`${year}-`))
    .map(({ day, path }) => ({
      path,
      message: language === 'en' ? `${day} is not in ${year}` : `${day} 不在 ${year} 年内`,
    }));
  const overlap = options.holidays.filter((day) => options.workdays.includes(day));
  for (const day of new Set(overlap))
    details.push({
      path: 'workdays',
      message:
        language === 'en' ? `${day} is both a holiday and a workday` : `${day} 不能同时是节假日和调休工作日`,
    });
  if (details.length) throw new AppError(400, 'validation', details);
}

/**
 * Saves the administrator's holidays and make-up working days of a year. They override the
 * official calendar from then on (a package update no longer changes the year), open deadlines
 * counted over the year are recounted, and both are audited. Bad dates are refused, naming them,
 * before anything is written.
 */
export async function saveWorkCalendar(
  db: Database,
  options: {
    year: number;
    holidays: string[];
    workdays: string[];
    version?: number;
    context: RequestContext;
  },
) {
  const { year, context } = options;
  checkCalendarDays(options, context.language);
  const holidays = [...new Set(options.holidays)].sort();
  const workdays = [...new Set(options.workdays)].sort();
  await db.transaction(async (tx) => {
    const before = await readWorkCalendar(tx, year);
    if (options.version !== undefined && options.version !== before.version) throw versionConflict();
    if (before.version === 0) {
      await tx.insert(workCalendars).values({ year, holidays, workdays, isOverridden: true });
    } else {
      const updated = await tx
        .update(workCalendars)
        .set({
          holidays,
          workdays,
          isOverridden: true,
          version: sql`${workCalendars.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(workCalendars.year, year), eq(workCalendars.version, before.version)))
        .returning({ id: workCalendars.id });
      if (updated.length === 0) throw versionConflict();
    }
    const recomputedNotices = await recomputeOpenDeadlines(tx, [year], context);
    await recordAudit(tx, context, {
      event: 'settings.calendar.update',
      objectType: 'work_calendars',
      objectId: year,
      before: { holidays: before.holidays, workdays: before.workdays, isOverridden: before.isOverridden },
      after: { holidays, workdays, isOverridden: true, recomputedNotices },
    });
  });
  return readWorkCalendar(db, year);
}

/** Drops the administrator's edit of a year: the official calendar is in force again. */
export async function restoreOfficialCalendar(
  db: Database,
  options: { year: number; version: number; context: RequestContext },
) {
  const { year, context } = options;
  await db.transaction(async (tx) => {
    const before = await readWorkCalendar(tx, year);
    if (before.version !== options.version) throw versionConflict();
    if (!before.officialSource || !before.officialHolidays || !before.officialWorkdays)
      throw new AppError(409, 'workCalendarMissing', [
        {
          path: 'year',
          message:
            context.language === 'en'
              ? `There is no official ${year} calendar to restore`
              : `${year} 年工作日历尚未发布，无法恢复官方日历`,
        },
      ]);
    await tx
      .update(workCalendars)
      .set({
        holidays: before.officialHolidays,
        workdays: before.officialWorkdays,
        isOverridden: false,
        version: sql`${workCalendars.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(workCalendars.year, year), eq(workCalendars.version, before.version)));
    const recomputedNotices = await recomputeOpenDeadlines(tx, [year], context);
    await recordAudit(tx, context, {
      event: 'settings.calendar.restore-official',
      objectType: 'work_calendars',
      objectId: year,
      before: { holidays: before.holidays, workdays: before.workdays },
      after: { source: before.officialSource, recomputedNotices },
    });
  });
  return readWorkCalendar(db, year);
}

type UserRow = typeof users.$inferSelect;

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role as Role,
    enterpriseId: row.enterpriseId,
    departmentId: row.departmentId,
    isDisabled: row.isDisabled,
    mustChangePassword: row.mustChangePassword,
    secondFactorEnabled: row.totpEnabledAt !== null,
    lockedUntil:
      row.lockedUntil && row.lockedUntil.getTime() > Date.now() ? row.lockedUntil.toISOString() : null,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

export async function listUsers(
  db: Database,
  query: { page: number; pageSize: number; keyword?: string; role?: Role; order: 'asc' | 'desc' },
) {
  const conditions: (SQL | undefined)[] = [];
  if (query.keyword) {
    const pattern = `%${query.keyword.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    conditions.push(or(ilike(users.username, pattern), ilike(users.displayName, pattern)));
  }
  if (query.role) conditions.push(eq(users.role, query.role));
  const where = and(...conditions);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(users)
      .where(where)
      .orderBy(desc(users.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(users).where(where),
  ]);
  return { items: rows.map(toUser), total, page: query.page, pageSize: query.pageSize };
}

/** Creates an account with a one-time initial password that must be changed at first login. */
export async function createUser(db: Database, options: { input: UserCreate; context: RequestContext }) {
  const { input, context } = options;
  if (input.enterpriseId !== undefined) {
    const [enterprise] = await db
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(eq(enterprises.id, input.enterpriseId));
    if (!enterprise)
      throw new AppError(400, 'validation', [
        {
          path: 'enterpriseId',
          message: translate(ADMIN_MESSAGES.enterpriseNotFound, context.language),
        },
      ]);
  }
  if (input.departmentId !== undefined) {
    const [department] = await db
      .select({ id: serviceDepartments.id })
      .from(serviceDepartments)
      .where(eq(serviceDepartments.id, input.departmentId));
    if (!department)
      throw new AppError(400, 'validation', [
        {
          path: 'departmentId',
          message: translate(ADMIN_MESSAGES.departmentNotFound, context.language),
        },
      ]);
  }
  const initialPassword = generateInitialPassword();
  const passwordHash = await hashPassword(initialPassword);
  try {
    const user = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({
          username: input.username,
          displayName: input.displayName,
          role: input.role,
          enterpriseId: input.role === 'enterprise' ? (input.enterpriseId ?? null) : null,
          departmentId: input.role === 'department' ? (input.departmentId ?? null) : null,
          passwordHash,
          mustChangePassword: true,
        })
        .returning();
      await recordAudit(tx, context, {
        event: 'user.create',
        objectType: 'users',
        objectId: row.id,
        after: toUser(row),
      });
      return row;
    });
    return { user: toUser(user), initialPassword };
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError(409, 'duplicate', [
        { path: 'username', message: translate(ADMIN_MESSAGES.usernameTaken, context.language) },
      ]);
    throw error;
  }
}

export type UserAccountAction = 'disable' | 'enable' | 'unlock' | 'reset-password' | 'reset-second-factor';

/**
 * Security administrator's actions on an account; disabling or resetting the password or the second
 * factor ends the user's sessions (after a second-factor reset the user enrols again at next sign-in).
 */
export async function changeUserAccount(
  db: Database,
  options: { id: number; action: UserAccountAction; version: number; context: RequestContext },
): Promise<{ user: User; initialPassword?: string }> {
  const { context } = options;
  if (context.actor?.userId === options.id && options.action === 'disable')
    throw new AppError(403, 'forbidden');
  const initialPassword = options.action === 'reset-password' ? generateInitialPassword() : undefined;
  const passwordHash = initialPassword ? await hashPassword(initialPassword) : undefined;
  const user = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, options.id)).for('update');
    if (!before) throw notFound();
    if (before.version !== options.version) throw versionConflict();
    const changes: Partial<typeof users.$inferInsert> =
      options.action === 'disable'
        ? { isDisabled: true }
        : options.action === 'enable'
          ? { isDisabled: false }
          : options.action === 'unlock'
            ? { lockedUntil: null, failedLoginCount: 0 }
            : options.action === 'reset-second-factor'
              ? { totpSecret: null, totpEnabledAt: null, totpLastStep: null }
              : { passwordHash, mustChangePassword: true, lockedUntil: null, failedLoginCount: 0 };
    const [after] = await tx
      .update(users)
      .set({ ...changes, version: sql`${users.version} + 1`, updatedAt: new Date() })
      .where(and(eq(users.id, options.id), eq(users.version, options.version)))
      .returning();
    if (!after) throw versionConflict();
    if (options.action === 'reset-second-factor') await clearSecondFactor(tx, options.id);
    if (options.action !== 'enable' && options.action !== 'unlock') await destroyUserSessions(tx, options.id);
    if (options.action === 'unlock' || options.action === 'reset-password')
      await forgetLoginFailures(tx, options.id);
    await recordAudit(tx, context, {
      event: `user.${options.action}`,
      objectType: 'users',
      objectId: options.id,
      before: toUser(before),
      after: toUser(after),
    });
    return after;
  });
  return { user: toUser(user), initialPassword };
}
