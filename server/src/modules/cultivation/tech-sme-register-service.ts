import {
  findTechSmeRegistrationProblem,
  type TechSmeRegistration,
  type TechSmeRegistrationInput,
  type TechSmeRegistrationListQuery,
  type TechSmeRegistrationUpdate,
} from '@kechuang/domain';
import { and, asc, desc, eq, ne, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { Actor, RequestContext } from '../../core/context';
import { AppError, notFound, versionConflict } from '../../core/errors';
import { enterpriseScope } from '../../core/scope';
import type { Database, Executor } from '../../db/connection';
import { enterprises, techSmeRegistrations } from '../../db/schema';
import { loadScopedEnterprise } from './figures-service';
import { CULTIVATION_MESSAGES } from './messages';
import { duplicateError, enterpriseKeywordCondition, fieldError, writeRegister } from './register-helpers';

const columns = {
  id: techSmeRegistrations.id,
  enterpriseId: techSmeRegistrations.enterpriseId,
  enterpriseName: enterprises.name,
  creditCode: enterprises.creditCode,
  year: techSmeRegistrations.year,
  registrationNumber: techSmeRegistrations.registrationNumber,
  registeredOn: techSmeRegistrations.registeredOn,
  version: techSmeRegistrations.version,
  updatedAt: techSmeRegistrations.updatedAt,
};

type Row = { updatedAt: Date } & Omit<TechSmeRegistration, 'updatedAt'>;
const toRegistration = (row: Row): TechSmeRegistration => ({
  ...row,
  updatedAt: row.updatedAt.toISOString(),
});

const SORT_COLUMNS = {
  year: techSmeRegistrations.year,
  registeredOn: techSmeRegistrations.registeredOn,
  name: enterprises.name,
} as const;

/** The 入库 register as the caller may see it: staff and leaders all of it, an enterprise its own years. */
export async function listTechSmeRegistrations(
  db: Database,
  options: { actor: Actor; query: TechSmeRegistrationListQuery; enterpriseId?: number },
) {
  const { query } = options;
  const where = and(
    enterpriseScope(options.actor),
    options.enterpriseId === undefined
      ? undefined
      : eq(techSmeRegistrations.enterpriseId, options.enterpriseId),
    query.year === undefined ? undefined : eq(techSmeRegistrations.year, query.year),
    enterpriseKeywordCondition(query.keyword),
  );
  const direction = query.order === 'asc' ? asc : desc;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(columns)
      .from(techSmeRegistrations)
      .innerJoin(enterprises, eq(enterprises.id, techSmeRegistrations.enterpriseId))
      .where(where)
      .orderBy(direction(SORT_COLUMNS[query.sort ?? 'year']), direction(techSmeRegistrations.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(techSmeRegistrations)
      .innerJoin(enterprises, eq(enterprises.id, techSmeRegistrations.enterpriseId))
      .where(where),
  ]);
  return { items: rows.map(toRegistration), total, page: query.page, pageSize: query.pageSize };
}

async function readRegistration(executor: Executor, id: number): Promise<TechSmeRegistration> {
  const [row] = await executor
    .select(columns)
    .from(techSmeRegistrations)
    .innerJoin(enterprises, eq(enterprises.id, techSmeRegistrations.enterpriseId))
    .where(eq(techSmeRegistrations.id, id));
  if (!row) throw notFound();
  return toRegistration(row);
}

/** Refuses a year the enterprise is already registered for, or a number another registration holds. */
async function assertUnique(
  executor: Executor,
  options: { enterpriseId: number; year: number; registrationNumber: string; exceptId: number | null },
  context: RequestContext,
): Promise<void> {
  const others = (condition: SQL | undefined) =>
    executor
      .select({ id: techSmeRegistrations.id })
      .from(techSmeRegistrations)
      .where(
        and(condition, options.exceptId === null ? undefined : ne(techSmeRegistrations.id, options.exceptId)),
      )
      .limit(1);
  const [sameYear] = await others(
    and(
      eq(techSmeRegistrations.enterpriseId, options.enterpriseId),
      eq(techSmeRegistrations.year, options.year),
    ),
  );
  if (sameYear) {
    throw duplicateError('year', CULTIVATION_MESSAGES.registeredThatYear(options), context.language);
  }
  const [sameNumber] = await others(eq(techSmeRegistrations.registrationNumber, options.registrationNumber));
  if (sameNumber) {
    throw duplicateError(
      'registrationNumber',
      CULTIVATION_MESSAGES.registrationNumberTaken,
      context.language,
    );
  }
}

function checkYear(input: { registrationNumber: string; year: number }, context: RequestContext): void {
  const problem = findTechSmeRegistrationProblem(input.registrationNumber, input.year);
  if (problem) throw fieldError('registrationNumber', problem, context.language);
}

export async function createTechSmeRegistration(
  db: Database,
  options: { input: TechSmeRegistrationInput; context: RequestContext },
): Promise<TechSmeRegistration> {
  const { input, context } = options;
  const actor = context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  const enterprise = await loadScopedEnterprise(db, actor, input.enterpriseId);
  checkYear(input, context);
  return writeRegister(db, async (tx) => {
    await assertUnique(tx, { ...input, exceptId: null }, context);
    const [row] = await tx
      .insert(techSmeRegistrations)
      .values({
        enterpriseId: enterprise.id,
        year: input.year,
        registrationNumber: input.registrationNumber,
        registeredOn: input.registeredOn,
      })
      .returning({ id: techSmeRegistrations.id });
    const created = await readRegistration(tx, row.id);
    await recordAudit(tx, context, {
      event: 'tech-sme-registration.create',
      objectType: 'tech_sme_registrations',
      objectId: row.id,
      after: created,
    });
    return created;
  });
}

/** Corrects a registration; `version` must be the one the caller read (409 otherwise). */
export async function updateTechSmeRegistration(
  db: Database,
  options: { id: number; input: TechSmeRegistrationUpdate; context: RequestContext },
): Promise<TechSmeRegistration> {
  const { input, context } = options;
  checkYear(input, context);
  return writeRegister(db, async (tx) => {
    const before = await readRegistration(tx, options.id);
    if (before.version !== input.version) throw versionConflict();
    await assertUnique(tx, { ...input, enterpriseId: before.enterpriseId, exceptId: before.id }, context);
    const updated = await tx
      .update(techSmeRegistrations)
      .set({
        year: input.year,
        registrationNumber: input.registrationNumber,
        registeredOn: input.registeredOn,
        version: sql`${techSmeRegistrations.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(techSmeRegistrations.id, before.id), eq(techSmeRegistrations.version, input.version)))
      .returning({ id: techSmeRegistrations.id });
    if (updated.length !== 1) throw versionConflict();
    const after = await readRegistration(tx, before.id);
    await recordAudit(tx, context, {
      event: 'tech-sme-registration.correct',
      objectType: 'tech_sme_registrations',
      objectId: before.id,
      before,
      after,
    });
    return after;
  });
}
