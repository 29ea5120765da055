import type {
  TierAssignment,
  TierAssignmentInput,
  TierAssignmentListQuery,
  TierLabel,
  TierLabelInput,
  TierLabelUpdate,
} from '@kechuang/domain';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { Actor, RequestContext } from '../../core/context';
import { AppError, isUniqueViolation, notFound, versionConflict } from '../../core/errors';
import { enterpriseScope } from '../../core/scope';
import type { Database, Executor } from '../../db/connection';
import { enterprises, enterpriseTiers, tierLabels } from '../../db/schema';
import { loadScopedEnterprise } from './figures-service';
import { CULTIVATION_MESSAGES } from './messages';
import { duplicateError, enterpriseKeywordCondition, fieldError } from './register-helpers';

type TierLabelRow = typeof tierLabels.$inferSelect;
const toTierLabel = (row: TierLabelRow): TierLabel => ({
  id: row.id,
  code: row.code,
  name: row.name,
  description: row.description,
  sortOrder: row.sortOrder,
  isActive: row.isActive,
  version: row.version,
});

export async function listTierLabels(db: Database): Promise<TierLabel[]> {
  const rows = await db.select().from(tierLabels).orderBy(asc(tierLabels.sortOrder), asc(tierLabels.id));
  return rows.map(toTierLabel);
}

export async function createTierLabel(
  db: Database,
  options: { input: TierLabelInput; context: RequestContext },
): Promise<TierLabel> {
  const { input, context } = options;
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(tierLabels)
        .values({ ...input, description: input.description ?? null })
        .returning();
      const created = toTierLabel(row);
      await recordAudit(tx, context, {
        event: 'tier-label.create',
        objectType: 'tier_labels',
        objectId: row.id,
        after: created,
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw duplicateError('code', CULTIVATION_MESSAGES.tierCodeTaken, context.language);
    }
    throw error;
  }
}

/** Renames or retires a label; retired labels stay on past assignments but cannot be assigned again. */
export async function updateTierLabel(
  db: Database,
  options: { id: number; input: TierLabelUpdate; context: RequestContext },
): Promise<TierLabel> {
  const { input, context } = options;
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(tierLabels).where(eq(tierLabels.id, options.id)).for('update');
    if (!before) throw notFound();
    if (before.version !== input.version) throw versionConflict();
    const [row] = await tx
      .update(tierLabels)
      .set({
        name: input.name,
        description: input.description ?? null,
        sortOrder: input.sortOrder,
        isActive: input.isActive,
        version: sql`${tierLabels.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(tierLabels.id, before.id), eq(tierLabels.version, input.version)))
      .returning();
    if (!row) throw versionConflict();
    const after = toTierLabel(row);
    await recordAudit(tx, context, {
      event: 'tier-label.update',
      objectType: 'tier_labels',
      objectId: row.id,
      before: toTierLabel(before),
      after,
    });
    return after;
  });
}

const assignmentColumns = {
  id: enterpriseTiers.id,
  enterpriseId: enterpriseTiers.enterpriseId,
  enterpriseName: enterprises.name,
  creditCode: enterprises.creditCode,
  tierLabelId: enterpriseTiers.tierLabelId,
  tierName: tierLabels.name,
  year: enterpriseTiers.year,
  createdAt: enterpriseTiers.createdAt,
};

type AssignmentRow = Omit<TierAssignment, 'createdAt'> & { createdAt: Date };
const toAssignment = (row: AssignmentRow): TierAssignment => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
});

function selectAssignments(executor: Executor) {
  return executor
    .select(assignmentColumns)
    .from(enterpriseTiers)
    .innerJoin(enterprises, eq(enterprises.id, enterpriseTiers.enterpriseId))
    .innerJoin(tierLabels, eq(tierLabels.id, enterpriseTiers.tierLabelId));
}

export async function listTierAssignments(
  db: Database,
  options: { actor: Actor; query: TierAssignmentListQuery; enterpriseId?: number },
) {
  const { query } = options;
  const where = and(
    enterpriseScope(options.actor),
    options.enterpriseId === undefined ? undefined : eq(enterpriseTiers.enterpriseId, options.enterpriseId),
    query.year === undefined ? undefined : eq(enterpriseTiers.year, query.year),
    query.tierLabelId === undefined ? undefined : eq(enterpriseTiers.tierLabelId, query.tierLabelId),
    enterpriseKeywordCondition(query.keyword),
  );
  const direction = query.order === 'asc' ? asc : desc;
  const sortColumn = query.sort === 'name' ? enterprises.name : enterpriseTiers.year;
  const [rows, [{ total }]] = await Promise.all([
    selectAssignments(db)
      .where(where)
      .orderBy(direction(sortColumn), asc(tierLabels.sortOrder), direction(enterpriseTiers.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(enterpriseTiers)
      .innerJoin(enterprises, eq(enterprises.id, enterpriseTiers.enterpriseId))
      .where(where),
  ]);
  return { items: rows.map(toAssignment), total, page: query.page, pageSize: query.pageSize };
}

export async function assignTier(
  db: Database,
  options: { input: TierAssignmentInput; context: RequestContext },
): Promise<TierAssignment> {
  const { input, context } = options;
  const actor = context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  const enterprise = await loadScopedEnterprise(db, actor, input.enterpriseId);
  const [label] = await db.select().from(tierLabels).where(eq(tierLabels.id, input.tierLabelId));
  if (!label?.isActive) {
    throw fieldError('tierLabelId', CULTIVATION_MESSAGES.tierUnknown, context.language);
  }
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(enterpriseTiers)
        .values({ enterpriseId: enterprise.id, tierLabelId: label.id, year: input.year })
        .returning({ id: enterpriseTiers.id });
      const [created] = await selectAssignments(tx).where(eq(enterpriseTiers.id, row.id));
      const assignment = toAssignment(created);
      await recordAudit(tx, context, {
        event: 'enterprise-tier.assign',
        objectType: 'enterprise_tiers',
        objectId: row.id,
        after: assignment,
      });
      return assignment;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw duplicateError('year', CULTIVATION_MESSAGES.tierThatYear(input), context.language);
    }
    throw error;
  }
}

export async function removeTierAssignment(
  db: Database,
  options: { id: number; context: RequestContext },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await selectAssignments(tx).where(eq(enterpriseTiers.id, options.id));
    if (!before) throw notFound();
    await tx.delete(enterpriseTiers).where(eq(enterpriseTiers.id, options.id));
    await recordAudit(tx, options.context, {
      event: 'enterprise-tier.remove',
      objectType: 'enterprise_tiers',
      objectId: options.id,
      before: toAssignment(before),
    });
  });
}
