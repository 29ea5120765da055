import {
  labelOfCode,
  listAllowedActions,
  TECH_FIELDS,
  type TechListingStatus,
  type TechNeedInput,
  type TechNeedListQuery,
  techNeedWorkflow,
} from '@kechuang/domain';
import { and, asc, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit';
import type { Actor, RequestContext } from '../../../core/context';
import { AppError, notFound, versionConflict } from '../../../core/errors';
import { fireTransition, readHistory, recordInitialState } from '../../../core/workflow';
import type { Database, Executor } from '../../../db/connection';
import { enterprises, techMatchings, techNeeds, techResults } from '../../../db/schema';
import { requireActor } from '../contracts-service';
import { canSeeNeedContact, findOwnExpertId, likePattern, needScope } from './listing-scope';
import { indexRecord, regionOfCreditCode } from './matching-index';

export const EDITABLE_LISTING_STATUSES: readonly string[] = ['pending', 'rejected'];

type NeedRow = typeof techNeeds.$inferSelect & { enterpriseName: string; enterpriseCreditCode: string };

function selectNeeds(executor: Executor) {
  return executor
    .select({
      need: techNeeds,
      enterpriseName: enterprises.name,
      enterpriseCreditCode: enterprises.creditCode,
    })
    .from(techNeeds)
    .innerJoin(enterprises, eq(enterprises.id, techNeeds.enterpriseId));
}

function flatten(row: {
  need: typeof techNeeds.$inferSelect;
  enterpriseName: string;
  enterpriseCreditCode: string;
}): NeedRow {
  return { ...row.need, enterpriseName: row.enterpriseName, enterpriseCreditCode: row.enterpriseCreditCode };
}

/** Whether the expert is a party to a 对接 record on the need (directly or through its result). */
async function isMatchedExpert(
  executor: Executor,
  needId: number,
  expertId: number | null,
): Promise<boolean> {
  if (expertId === null) return false;
  const [row] = await executor
    .select({ id: techMatchings.id })
    .from(techMatchings)
    .leftJoin(techResults, eq(techResults.id, techMatchings.resultId))
    .where(
      and(
        eq(techMatchings.needId, needId),
        or(eq(techMatchings.expertId, expertId), eq(techResults.expertId, expertId)),
      ),
    )
    .limit(1);
  return Boolean(row);
}

export function toNeedSummary(row: NeedRow, showContact: boolean) {
  return {
    id: row.id,
    version: row.version,
    status: row.status as TechListingStatus,
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName,
    title: row.title,
    field: row.field,
    fieldLabel: labelOfCode(TECH_FIELDS, row.field),
    industry: row.industry,
    problem: row.problem,
    budgetFen: row.budgetFen,
    deadline: row.deadline,
    contactName: showContact ? row.contactName : null,
    contactPhone: showContact ? row.contactPhone : null,
    keywords: row.keywords,
    visibility: row.visibility as 'public' | 'matched',
    rejectReason: row.rejectReason,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

async function toNeedDetail(executor: Executor, actor: Actor, row: NeedRow, expertId: number | null) {
  const isOwner = actor.role === 'enterprise' && actor.enterpriseId === row.enterpriseId;
  const isMatched = await isMatchedExpert(executor, row.id, expertId);
  return {
    ...toNeedSummary(row, canSeeNeedContact(actor, row.enterpriseId, isMatched)),
    allowedActions: listAllowedActions(techNeedWorkflow, row.status as TechListingStatus, {
      role: actor.role,
      isOwner: isOwner || actor.role === 'staff',
    }),
    history: await readHistory(executor, techNeedWorkflow.name, row.id),
  };
}

/** A need within the actor's scope, or 404 (a matched-only need is not confirmed to exist). */
export async function loadScopedNeed(executor: Executor, actor: Actor, id: number) {
  const expertId = await findOwnExpertId(executor, actor);
  const [row] = await selectNeeds(executor).where(and(eq(techNeeds.id, id), needScope(actor, expertId)));
  if (!row) throw notFound();
  return { row: flatten(row), expertId };
}

function columnsOf(input: TechNeedInput) {
  return {
    title: input.title,
    field: input.field,
    industry: input.industry,
    problem: input.problem,
    budgetFen: input.budgetFen,
    deadline: input.deadline,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    keywords: input.keywords,
    visibility: input.visibility,
  };
}

async function indexNeed(executor: Executor, row: NeedRow) {
  await indexRecord(executor, {
    kind: 'need',
    recordId: row.id,
    version: row.version,
    source: { title: row.title, description: row.problem, keywords: row.keywords },
    profile: {
      field: row.field,
      industries: row.industry ? [row.industry] : [],
      regionCode: regionOfCreditCode(row.enterpriseCreditCode),
    },
  });
}

/** An enterprise posts a need; it waits for the bureau's review. */
export async function createNeed(db: Database, options: { input: TechNeedInput; context: RequestContext }) {
  const actor = requireActor(options.context);
  const enterpriseId = actor.enterpriseId;
  if (actor.role !== 'enterprise' || enterpriseId === null) throw new AppError(403, 'forbidden');
  return db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(techNeeds)
      .values({ ...columnsOf(options.input), enterpriseId, status: techNeedWorkflow.initial })
      .returning({ id: techNeeds.id });
    const { row } = await loadScopedNeed(tx, actor, inserted.id);
    await indexNeed(tx, row);
    await recordInitialState(tx, {
      definition: techNeedWorkflow,
      objectId: row.id,
      context: options.context,
      actorName: actor.displayName,
    });
    await recordAudit(tx, options.context, {
      event: 'tech-need.create',
      objectType: 'tech_needs',
      objectId: row.id,
      after: columnsOf(options.input),
    });
    return toNeedDetail(tx, actor, row, null);
  });
}

/** The owner changes a need while it waits for review or after it was sent back. */
export async function saveNeed(
  db: Database,
  options: { id: number; version: number; input: TechNeedInput; context: RequestContext },
) {
  const actor = requireActor(options.context);
  return db.transaction(async (tx) => {
    const { row } = await loadScopedNeed(tx, actor, options.id);
    if (actor.role !== 'enterprise' || actor.enterpriseId !== row.enterpriseId) throw notFound();
    if (!EDITABLE_LISTING_STATUSES.includes(row.status)) throw new AppError(409, 'techListingNotEditable');
    const [updated] = await tx
      .update(techNeeds)
      .set({ ...columnsOf(options.input), version: sql`${techNeeds.version} + 1`, updatedAt: new Date() })
      .where(and(eq(techNeeds.id, row.id), eq(techNeeds.version, options.version)))
      .returning({ id: techNeeds.id });
    if (!updated) throw versionConflict();
    const { row: saved } = await loadScopedNeed(tx, actor, row.id);
    await indexNeed(tx, saved);
    await recordAudit(tx, options.context, {
      event: 'tech-need.update',
      objectType: 'tech_needs',
      objectId: row.id,
      before: columnsOf(row as unknown as TechNeedInput),
      after: columnsOf(options.input),
    });
    return toNeedDetail(tx, actor, saved, null);
  });
}

export async function readNeed(db: Database, options: { actor: Actor; id: number }) {
  const { row, expertId } = await loadScopedNeed(db, options.actor, options.id);
  return toNeedDetail(db, options.actor, row, expertId);
}

/** 审核发布 / 退回 (with the reason) / 重新提交 / 关闭, through the need's lifecycle. */
export async function actOnNeed(
  db: Database,
  options: {
    id: number;
    action: string;
    version: number;
    comment: string | undefined;
    context: RequestContext;
  },
) {
  const actor = requireActor(options.context);
  return db.transaction(async (tx) => {
    const { row } = await loadScopedNeed(tx, actor, options.id);
    const isOwner = actor.role === 'enterprise' && actor.enterpriseId === row.enterpriseId;
    if (actor.role === 'enterprise' && !isOwner) throw notFound();
    const extra: SQL[] = [];
    if (options.action === 'publish') extra.push(sql`published_at = now()`, sql`reject_reason = null`);
    if (options.action === 'reject') extra.push(sql`reject_reason = ${options.comment?.trim() ?? null}`);
    await fireTransition(tx, {
      definition: techNeedWorkflow,
      table: 'tech_needs',
      objectId: row.id,
      action: options.action,
      expectedVersion: options.version,
      comment: options.comment,
      context: options.context,
      // The bureau may close any need; an enterprise only its own.
      isOwner: isOwner || actor.role === 'staff',
      ownerEnterpriseId: row.enterpriseId,
      subject: `技术需求“${row.title}”`,
      link: `/enterprise/tech-needs/${row.id}`,
      extraAssignments: extra,
    });
    const { row: moved } = await loadScopedNeed(tx, actor, row.id);
    return toNeedDetail(tx, actor, moved, null);
  });
}

function needConditions(
  actor: Actor,
  expertId: number | null,
  query: Omit<TechNeedListQuery, 'page' | 'pageSize' | 'sort' | 'order'>,
) {
  const conditions: SQL[] = [needScope(actor, expertId)];
  if (query.scope === 'mine' && actor.role === 'enterprise')
    conditions.push(
      actor.enterpriseId === null ? sql`false` : eq(techNeeds.enterpriseId, actor.enterpriseId),
    );
  if (query.status) conditions.push(eq(techNeeds.status, query.status));
  if (query.field) conditions.push(eq(techNeeds.field, query.field));
  if (query.keyword) {
    const pattern = likePattern(query.keyword);
    conditions.push(
      or(
        ilike(techNeeds.title, pattern),
        ilike(techNeeds.problem, pattern),
        ilike(enterprises.name, pattern),
      ) as SQL,
    );
  }
  return and(...conditions);
}

const NEED_SORT = { deadline: techNeeds.deadline, publishedAt: techNeeds.publishedAt, id: techNeeds.id };

export async function listNeeds(db: Database, options: { actor: Actor; query: TechNeedListQuery }) {
  const { actor, query } = options;
  const expertId = await findOwnExpertId(db, actor);
  const where = needConditions(actor, expertId, query);
  const column = NEED_SORT[query.sort ?? 'id'];
  const [rows, [counted]] = await Promise.all([
    selectNeeds(db)
      .where(where)
      .orderBy(query.order === 'asc' ? asc(column) : desc(column), desc(techNeeds.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(techNeeds)
      .innerJoin(enterprises, eq(enterprises.id, techNeeds.enterpriseId))
      .where(where),
  ]);
  return {
    items: rows.map((row) => {
      const need = flatten(row);
      return toNeedSummary(need, canSeeNeedContact(actor, need.enterpriseId, false));
    }),
    total: counted.total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The portal: published, public needs only, never a contact. */
export async function listPublicNeeds(
  db: Database,
  query: { page: number; pageSize: number; field?: string; keyword?: string },
) {
  const conditions: SQL[] = [eq(techNeeds.status, 'published'), eq(techNeeds.visibility, 'public')];
  if (query.field) conditions.push(eq(techNeeds.field, query.field));
  if (query.keyword) {
    const pattern = likePattern(query.keyword);
    conditions.push(or(ilike(techNeeds.title, pattern), ilike(techNeeds.problem, pattern)) as SQL);
  }
  const where = and(...conditions);
  const [rows, [counted]] = await Promise.all([
    selectNeeds(db)
      .where(where)
      .orderBy(desc(techNeeds.publishedAt), desc(techNeeds.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(techNeeds).where(where),
  ]);
  return {
    items: rows.map((row) => {
      const need = toNeedSummary(flatten(row), false);
      return {
        id: need.id,
        title: need.title,
        enterpriseName: need.enterpriseName,
        field: need.field,
        fieldLabel: need.fieldLabel,
        industry: need.industry,
        problem: need.problem,
        budgetFen: need.budgetFen,
        deadline: need.deadline,
        keywords: need.keywords,
        publishedAt: need.publishedAt,
      };
    }),
    total: counted.total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
