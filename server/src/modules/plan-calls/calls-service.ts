import {
  type CallRules,
  callRulesSchema,
  type Language,
  listAllowedActions,
  type PlanCall,
  type PlanCallAction,
  type PlanCallInput,
  type PlanCallListQuery,
  type PlanCallStatus,
  type PlanCallUpdate,
  planCallWorkflow,
  translate,
} from '@kechuang/domain';
import { and, asc, desc, eq, gt, lte, ne, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { Actor, RequestContext } from '../../core/context';
import { AppError, notFound, versionConflict } from '../../core/errors';
import { findStoredFile, storeFile } from '../../core/files';
import { fireTransition } from '../../core/workflow';
import type { Database, Executor } from '../../db/connection';
import { planCalls, planCategories, storedFiles } from '../../db/schema';
import { PLAN_CALL_MESSAGES } from './messages';

const columns = {
  call: planCalls,
  categoryName: planCategories.name,
  level: planCategories.level,
  fundingMode: planCategories.fundingMode,
  talentProgrammeCode: planCategories.talentProgrammeCode,
  fileId: storedFiles.id,
  fileName: storedFiles.fileName,
  fileMediaType: storedFiles.mediaType,
  fileSize: storedFiles.size,
};

export interface CallRow {
  call: typeof planCalls.$inferSelect;
  categoryName: string;
  level: string;
  fundingMode: string;
  talentProgrammeCode: string | null;
  fileId: number | null;
  fileName: string | null;
  fileMediaType: string | null;
  fileSize: number | null;
}

export function isCallOpen(
  call: { status: string; opensAt: Date; closesAt: Date },
  now = new Date(),
): boolean {
  return call.status === 'published' && call.opensAt <= now && now < call.closesAt;
}

export function toPlanCall(row: CallRow, actor: Actor | null): PlanCall {
  const { call } = row;
  const status = call.status as PlanCallStatus;
  return {
    id: call.id,
    categoryId: call.categoryId,
    categoryName: row.categoryName,
    level: row.level as PlanCall['level'],
    fundingMode: row.fundingMode as PlanCall['fundingMode'],
    talentProgrammeCode: row.talentProgrammeCode,
    year: call.year,
    title: call.title,
    status,
    guideline: call.guideline,
    guidelineFile:
      row.fileId === null
        ? null
        : { id: row.fileId, fileName: row.fileName!, mediaType: row.fileMediaType!, size: row.fileSize! },
    opensAt: call.opensAt.toISOString(),
    closesAt: call.closesAt.toISOString(),
    districtReviewDeadline: call.districtReviewDeadline?.toISOString() ?? null,
    budgetFen: call.budgetFen,
    allowResubmission: call.allowResubmission,
    rules: readCallRules(call.rules),
    checklist: (call.checklist as string[]) ?? [],
    publicityWorkingDays: call.publicityWorkingDays,
    publishedAt: call.publishedAt?.toISOString() ?? null,
    isOpen: isCallOpen(call),
    version: call.version,
    allowedActions: actor
      ? listAllowedActions(planCallWorkflow, status, { role: actor.role, isOwner: false })
      : [],
  };
}

export function readCallRules(value: unknown): CallRules {
  const parsed = callRulesSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : callRulesSchema.parse({});
}

/** Drafts are the bureau's own; enterprises and the portal see published and closed calls. */
function callScope(actor: Actor | null): SQL | undefined {
  if (actor && (actor.role === 'staff' || actor.role === 'leader')) return undefined;
  return ne(planCalls.status, 'draft');
}

function selectCalls(executor: Executor) {
  return executor
    .select(columns)
    .from(planCalls)
    .innerJoin(planCategories, eq(planCategories.id, planCalls.categoryId))
    .leftJoin(storedFiles, eq(storedFiles.id, planCalls.guidelineFileId));
}

export async function loadCallRow(executor: Executor, actor: Actor | null, id: number): Promise<CallRow> {
  const [row] = await selectCalls(executor).where(and(eq(planCalls.id, id), callScope(actor)));
  if (!row) throw notFound();
  return row;
}

/** The call of a record the caller already reached through its own scope (an application). */
export async function loadCallRowOf(executor: Executor, id: number): Promise<CallRow> {
  const [row] = await selectCalls(executor).where(eq(planCalls.id, id));
  if (!row) throw notFound();
  return row;
}

export async function readPlanCall(db: Database, options: { actor: Actor; id: number }): Promise<PlanCall> {
  return toPlanCall(await loadCallRow(db, options.actor, options.id), options.actor);
}

const SORT_COLUMNS = {
  year: planCalls.year,
  closesAt: planCalls.closesAt,
  updatedAt: planCalls.updatedAt,
} as const;

export async function listPlanCalls(
  db: Database,
  options: { actor: Actor | null; query: PlanCallListQuery },
) {
  const { query, actor } = options;
  const now = new Date();
  const where = and(
    callScope(actor),
    query.year === undefined ? undefined : eq(planCalls.year, query.year),
    query.status === undefined ? undefined : eq(planCalls.status, query.status),
    query.categoryId === undefined ? undefined : eq(planCalls.categoryId, query.categoryId),
    query.open === 'true'
      ? and(eq(planCalls.status, 'published'), lte(planCalls.opensAt, now), gt(planCalls.closesAt, now))
      : undefined,
  );
  const direction = query.order === 'asc' ? asc : desc;
  const [rows, [{ total }]] = await Promise.all([
    selectCalls(db)
      .where(where)
      .orderBy(direction(SORT_COLUMNS[query.sort ?? 'updatedAt']), direction(planCalls.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(planCalls).where(where),
  ]);
  return {
    items: rows.map((row) => toPlanCall(row, actor)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The portal: published calls (not yet closed by the bureau), latest deadline first. */
export async function listPublicPlanCalls(db: Database) {
  const rows = await selectCalls(db)
    .where(eq(planCalls.status, 'published'))
    .orderBy(desc(planCalls.closesAt))
    .limit(50);
  return {
    items: rows.map((row) => {
      const call = toPlanCall(row, null);
      return {
        id: call.id,
        categoryName: call.categoryName,
        level: call.level,
        year: call.year,
        title: call.title,
        guideline: call.guideline,
        guidelineFile: call.guidelineFile,
        opensAt: call.opensAt,
        closesAt: call.closesAt,
        isOpen: call.isOpen,
      };
    }),
  };
}

function callValues(input: PlanCallInput) {
  return {
    categoryId: input.categoryId,
    year: input.year,
    title: input.title,
    guideline: input.guideline,
    opensAt: new Date(input.opensAt),
    closesAt: new Date(input.closesAt),
    districtReviewDeadline: input.districtReviewDeadline ? new Date(input.districtReviewDeadline) : null,
    budgetFen: input.budgetFen,
    allowResubmission: input.allowResubmission,
    rules: input.rules,
    checklist: input.checklist,
    publicityWorkingDays: input.publicityWorkingDays,
  };
}

async function requireActiveCategory(
  executor: Executor,
  categoryId: number,
  language: Language,
): Promise<void> {
  const [category] = await executor.select().from(planCategories).where(eq(planCategories.id, categoryId));
  if (!category)
    throw new AppError(400, 'validation', [
      { path: 'categoryId', message: translate(PLAN_CALL_MESSAGES.categoryNotFound, language) },
    ]);
  if (!category.active) throw new AppError(400, 'categoryInactive', [{ path: 'categoryId', message: '' }]);
}

/** Staff draft a call; it is seen by enterprises and the portal once published. */
export async function createPlanCall(
  db: Database,
  options: { input: PlanCallInput; context: RequestContext },
): Promise<PlanCall> {
  const { input, context } = options;
  const id = await db.transaction(async (tx) => {
    await requireActiveCategory(tx, input.categoryId, context.language);
    const [row] = await tx
      .insert(planCalls)
      .values({ ...callValues(input), status: planCallWorkflow.initial })
      .returning({ id: planCalls.id });
    await recordAudit(tx, context, {
      event: 'plan-call.create',
      objectType: 'plan_calls',
      objectId: row.id,
      after: input,
    });
    return row.id;
  });
  return toPlanCall(await loadCallRow(db, context.actor, id), context.actor);
}

/** Edits a call with the version the editor saw; a stale version gets 409. Closed calls are final. */
export async function updatePlanCall(
  db: Database,
  options: { id: number; input: PlanCallUpdate; context: RequestContext },
): Promise<PlanCall> {
  const { id, context } = options;
  const { version, ...input } = options.input;
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(planCalls).where(eq(planCalls.id, id)).for('update');
    if (!before) throw notFound();
    if (before.version !== version) throw versionConflict();
    if (before.status === 'closed') throw new AppError(409, 'transitionNotAllowed');
    await requireActiveCategory(tx, input.categoryId, context.language);
    const updated = await tx
      .update(planCalls)
      .set({ ...callValues(input), version: version + 1, updatedAt: new Date() })
      .where(and(eq(planCalls.id, id), eq(planCalls.version, version)))
      .returning({ id: planCalls.id });
    if (updated.length !== 1) throw versionConflict();
    await recordAudit(tx, context, {
      event: 'plan-call.update',
      objectType: 'plan_calls',
      objectId: id,
      before: { ...before, version },
      after: { ...input, version: version + 1 },
    });
  });
  return toPlanCall(await loadCallRow(db, context.actor, id), context.actor);
}

/** Publishes or closes a call through its lifecycle. */
export async function decidePlanCall(
  db: Database,
  options: { id: number; action: PlanCallAction; version: number; context: RequestContext },
): Promise<PlanCall> {
  const { context } = options;
  const row = await loadCallRow(db, context.actor, options.id);
  await db.transaction(async (tx) => {
    await fireTransition(tx, {
      definition: planCallWorkflow,
      table: 'plan_calls',
      objectId: row.call.id,
      action: options.action,
      expectedVersion: options.version,
      context,
      isOwner: false,
      ownerEnterpriseId: null,
      subject: PLAN_CALL_MESSAGES.callSubject(row.call).zh,
      link: `/bureau/plan-calls/${row.call.id}`,
      extraAssignments: options.action === 'publish' ? [sql`published_at = now()`] : [],
    });
  });
  return toPlanCall(await loadCallRow(db, context.actor, options.id), context.actor);
}

/** Attaches the guideline document (申报指南) to a call; a later upload replaces it. */
export async function attachGuideline(
  db: Database,
  options: { id: number; buffer: Buffer; fileName: string; context: RequestContext },
): Promise<PlanCall> {
  const { context } = options;
  await db.transaction(async (tx) => {
    const [call] = await tx.select().from(planCalls).where(eq(planCalls.id, options.id)).for('update');
    if (!call) throw notFound();
    const file = await storeFile(tx, context, {
      buffer: options.buffer,
      fileName: options.fileName,
      purpose: 'call-guideline',
      ownerEnterpriseId: null,
    });
    await tx
      .update(planCalls)
      .set({ guidelineFileId: file.id, version: call.version + 1, updatedAt: new Date() })
      .where(eq(planCalls.id, call.id));
    await recordAudit(tx, context, {
      event: 'plan-call.guideline',
      objectType: 'plan_calls',
      objectId: call.id,
      before: { guidelineFileId: call.guidelineFileId },
      after: { guidelineFileId: file.id, fileName: file.fileName },
    });
  });
  return toPlanCall(await loadCallRow(db, context.actor, options.id), context.actor);
}

/** The guideline of a call the actor may see (anyone, for a published call on the portal). */
export async function findGuidelineFile(
  db: Database,
  options: { actor: Actor | null; id: number; isPublic: boolean },
) {
  const row = await loadCallRow(db, options.actor, options.id);
  if (options.isPublic && row.call.status !== 'published') throw notFound();
  if (!row.call.guidelineFileId) throw notFound();
  const file = await findStoredFile(db, row.call.guidelineFileId);
  if (!file) throw notFound();
  return file;
}
