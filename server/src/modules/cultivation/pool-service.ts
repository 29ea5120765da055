import {
  type CultivationPoolAction,
  type CultivationPoolDetail,
  type CultivationPoolEntry,
  type CultivationPoolListQuery,
  type CultivationPoolProposal,
  type CultivationPoolStatus,
  cultivationPoolWorkflow,
  listAllowedActions,
  type PoolPrecheck,
  type RuleCondition,
  type Text,
} from '@kechuang/domain';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { Actor, RequestContext } from '../../core/context';
import { AppError, isUniqueViolation, notFound } from '../../core/errors';
import { enterpriseScope, ownsEnterprise } from '../../core/scope';
import { fireTransition, readHistory, recordInitialState } from '../../core/workflow';
import type { Database, Executor } from '../../db/connection';
import { cultivationPoolEntries, enterprises } from '../../db/schema';
import { readCheckup } from './checkup-service';
import { loadScopedEnterprise } from './figures-service';
import { CULTIVATION_MESSAGES } from './messages';
import { duplicateError, enterpriseKeywordCondition } from './register-helpers';

const columns = {
  id: cultivationPoolEntries.id,
  enterpriseId: cultivationPoolEntries.enterpriseId,
  enterpriseName: enterprises.name,
  creditCode: enterprises.creditCode,
  year: cultivationPoolEntries.year,
  status: cultivationPoolEntries.status,
  reason: cultivationPoolEntries.reason,
  decisionOpinion: cultivationPoolEntries.decisionOpinion,
  decidedAt: cultivationPoolEntries.decidedAt,
  decisionPrecheck: cultivationPoolEntries.decisionPrecheck,
  version: cultivationPoolEntries.version,
  updatedAt: cultivationPoolEntries.updatedAt,
};

interface Row extends Omit<CultivationPoolEntry, 'status' | 'decidedAt' | 'updatedAt'> {
  status: string;
  decidedAt: Date | null;
  decisionPrecheck: unknown;
  updatedAt: Date;
}

function toEntry(row: Row): CultivationPoolEntry {
  return {
    id: row.id,
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName,
    creditCode: row.creditCode,
    year: row.year,
    status: row.status as CultivationPoolStatus,
    reason: row.reason,
    decisionOpinion: row.decisionOpinion,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

const SORT_COLUMNS = {
  year: cultivationPoolEntries.year,
  updatedAt: cultivationPoolEntries.updatedAt,
  name: enterprises.name,
} as const;

export async function listPoolEntries(
  db: Database,
  options: { actor: Actor; query: CultivationPoolListQuery },
) {
  const { query } = options;
  const where = and(
    enterpriseScope(options.actor),
    query.year === undefined ? undefined : eq(cultivationPoolEntries.year, query.year),
    query.status === undefined ? undefined : eq(cultivationPoolEntries.status, query.status),
    enterpriseKeywordCondition(query.keyword),
  );
  const direction = query.order === 'asc' ? asc : desc;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(columns)
      .from(cultivationPoolEntries)
      .innerJoin(enterprises, eq(enterprises.id, cultivationPoolEntries.enterpriseId))
      .where(where)
      .orderBy(direction(SORT_COLUMNS[query.sort ?? 'updatedAt']), direction(cultivationPoolEntries.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(cultivationPoolEntries)
      .innerJoin(enterprises, eq(enterprises.id, cultivationPoolEntries.enterpriseId))
      .where(where),
  ]);
  return { items: rows.map(toEntry), total, page: query.page, pageSize: query.pageSize };
}

async function readScopedRow(executor: Executor, actor: Actor, id: number): Promise<Row> {
  const [row] = await executor
    .select(columns)
    .from(cultivationPoolEntries)
    .innerJoin(enterprises, eq(enterprises.id, cultivationPoolEntries.enterpriseId))
    .where(and(eq(cultivationPoolEntries.id, id), enterpriseScope(actor)));
  if (!row) throw notFound();
  return row;
}

/** The 高企 conditions run over the enterprise's filed figures (as 科创体检 does). */
export async function runPoolPrecheck(
  db: Database,
  actor: Actor,
  enterpriseId: number,
): Promise<PoolPrecheck> {
  const checkup = await readCheckup(db, { actor, enterpriseId });
  const highTech = checkup.classification?.highTech;
  const label = (condition: RuleCondition): Text => condition.gap?.text ?? condition.label;
  return {
    asOf: checkup.asOf,
    figureYears: checkup.figures.map((figures) => figures.year),
    level: highTech?.level ?? null,
    missing: highTech?.missing.map(label) ?? [],
    toConfirm: highTech?.toConfirm.map(label) ?? [],
    measures: highTech?.measures ?? [],
  };
}

export async function readPoolEntry(
  db: Database,
  options: { actor: Actor; id: number },
): Promise<CultivationPoolDetail> {
  const row = await readScopedRow(db, options.actor, options.id);
  const entry = toEntry(row);
  const precheck =
    entry.status === 'proposed' || !row.decisionPrecheck
      ? await runPoolPrecheck(db, options.actor, entry.enterpriseId)
      : (row.decisionPrecheck as PoolPrecheck);
  return {
    entry,
    precheck,
    allowedActions: listAllowedActions(cultivationPoolWorkflow, entry.status, {
      role: options.actor.role,
      isOwner: ownsEnterprise(options.actor, entry.enterpriseId),
    }),
    history: await readHistory(db, cultivationPoolWorkflow.name, entry.id),
  };
}

/** Staff propose an enterprise for a year's pool; it waits for the admission decision. */
export async function proposePoolEntry(
  db: Database,
  options: { input: CultivationPoolProposal; context: RequestContext },
): Promise<CultivationPoolDetail> {
  const { input, context } = options;
  const actor = context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  const enterprise = await loadScopedEnterprise(db, actor, input.enterpriseId);
  let id: number;
  try {
    id = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(cultivationPoolEntries)
        .values({
          enterpriseId: enterprise.id,
          year: input.year,
          status: cultivationPoolWorkflow.initial,
          reason: input.reason,
        })
        .returning({ id: cultivationPoolEntries.id });
      await recordInitialState(tx, {
        definition: cultivationPoolWorkflow,
        objectId: row.id,
        context,
        actorName: actor.displayName,
        action: 'propose',
        comment: input.reason,
      });
      await recordAudit(tx, context, {
        event: 'cultivation-pool.propose',
        objectType: 'cultivation_pool_entries',
        objectId: row.id,
        after: { enterpriseId: enterprise.id, year: input.year, reason: input.reason, status: 'proposed' },
      });
      return row.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw duplicateError('year', CULTIVATION_MESSAGES.pooledThatYear(input), context.language);
    }
    throw error;
  }
  return readPoolEntry(db, { actor, id });
}

/**
 * Admits, rejects or exits an entry through the lifecycle, with the staff opinion. The pre-check is
 * run in the same request and kept with the decision, so the record shows what staff decided on.
 */
export async function decidePoolEntry(
  db: Database,
  options: {
    id: number;
    action: CultivationPoolAction;
    version: number;
    comment: string | undefined;
    context: RequestContext;
  },
): Promise<CultivationPoolDetail> {
  const { context } = options;
  const actor = context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  const row = await readScopedRow(db, actor, options.id);
  const precheck = await runPoolPrecheck(db, actor, row.enterpriseId);
  await db.transaction(async (tx) => {
    await fireTransition(tx, {
      definition: cultivationPoolWorkflow,
      table: 'cultivation_pool_entries',
      objectId: row.id,
      action: options.action,
      expectedVersion: options.version,
      comment: options.comment,
      context,
      isOwner: ownsEnterprise(actor, row.enterpriseId),
      ownerEnterpriseId: row.enterpriseId,
      subject: CULTIVATION_MESSAGES.poolSubject(row).zh,
      link: `/enterprise/cultivation-pool/${row.id}`,
      extraAssignments: [
        sql`decided_at = now()`,
        sql`decision_opinion = ${options.comment?.trim() ?? null}`,
        sql`decision_precheck = ${JSON.stringify(precheck)}::jsonb`,
      ],
    });
  });
  return readPoolEntry(db, { actor, id: row.id });
}
