import {
  type IpKind,
  labelOfCode,
  listAllowedActions,
  TECH_FIELDS,
  type TechListingStatus,
  type TechResultInput,
  type TechResultListQuery,
  type TransactionMode,
  techResultWorkflow,
} from '@kechuang/domain';
import { and, asc, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit';
import type { Actor, RequestContext } from '../../../core/context';
import { AppError, notFound, versionConflict } from '../../../core/errors';
import { fireTransition, readHistory, recordInitialState } from '../../../core/workflow';
import type { Database, Executor } from '../../../db/connection';
import { experts, techInstitutions, techResults } from '../../../db/schema';
import { requireActor } from '../contracts-service';
import { fieldError, findOwnExpertId, likePattern, resultScope } from './listing-scope';
import { indexRecord, markExpertStale, regionOfCreditCode } from './matching-index';
import { EDITABLE_LISTING_STATUSES } from './needs-service';

type ResultRow = typeof techResults.$inferSelect & {
  institutionName: string | null;
  institutionRegion: string | null;
  expertName: string | null;
  expertOrganisation: string | null;
  expertCreditCode: string | null;
};

function selectResults(executor: Executor) {
  return executor
    .select({
      result: techResults,
      institutionName: techInstitutions.name,
      institutionRegion: techInstitutions.regionCode,
      expertName: experts.name,
      expertOrganisation: experts.organisationName,
      expertCreditCode: experts.organisationCreditCode,
    })
    .from(techResults)
    .leftJoin(techInstitutions, eq(techInstitutions.id, techResults.institutionId))
    .leftJoin(experts, eq(experts.id, techResults.expertId));
}

function flatten(row: Awaited<ReturnType<ReturnType<typeof selectResults>['execute']>>[number]): ResultRow {
  const { result, ...rest } = row;
  return { ...result, ...rest };
}

export function holderNameOf(row: ResultRow): string {
  if (row.institutionName) return row.institutionName;
  return row.expertName ? `${row.expertName}（${row.expertOrganisation ?? ''}）` : '';
}

export function toResultSummary(row: ResultRow, showContact: boolean) {
  return {
    id: row.id,
    version: row.version,
    status: row.status as TechListingStatus,
    holderType: (row.institutionId !== null ? 'institution' : 'expert') as 'institution' | 'expert',
    holderName: holderNameOf(row),
    institutionId: row.institutionId,
    expertId: row.expertId,
    title: row.title,
    field: row.field,
    fieldLabel: labelOfCode(TECH_FIELDS, row.field),
    industry: row.industry,
    description: row.description,
    trl: row.trl,
    ipKind: row.ipKind as IpKind,
    ipNumber: row.ipNumber,
    modes: row.modes as TransactionMode[],
    priceMinFen: row.priceMinFen,
    priceMaxFen: row.priceMaxFen,
    keywords: row.keywords,
    contactName: showContact ? row.contactName : null,
    contactPhone: showContact ? row.contactPhone : null,
    rejectReason: row.rejectReason,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The bureau owns the results it posts for institutions; an expert owns its own. */
function isResultOwner(actor: Actor, row: ResultRow, expertId: number | null): boolean {
  if (actor.role === 'staff') return true;
  return actor.role === 'expert' && expertId !== null && row.expertId === expertId;
}

async function toResultDetail(executor: Executor, actor: Actor, row: ResultRow, expertId: number | null) {
  return {
    ...toResultSummary(row, true),
    allowedActions: listAllowedActions(techResultWorkflow, row.status as TechListingStatus, {
      role: actor.role,
      isOwner: isResultOwner(actor, row, expertId),
    }),
    history: await readHistory(executor, techResultWorkflow.name, row.id),
  };
}

export async function loadScopedResult(executor: Executor, actor: Actor, id: number) {
  const expertId = await findOwnExpertId(executor, actor);
  const [row] = await selectResults(executor).where(
    and(eq(techResults.id, id), resultScope(actor, expertId)),
  );
  if (!row) throw notFound();
  return { row: flatten(row), expertId };
}

function columnsOf(input: TechResultInput) {
  return {
    title: input.title,
    field: input.field,
    industry: input.industry,
    description: input.description,
    trl: input.trl,
    ipKind: input.ipKind,
    ipNumber: input.ipNumber,
    modes: input.modes,
    priceMinFen: input.priceMinFen,
    priceMaxFen: input.priceMaxFen,
    keywords: input.keywords,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
  };
}

async function indexResult(executor: Executor, row: ResultRow) {
  await indexRecord(executor, {
    kind: 'result',
    recordId: row.id,
    version: row.version,
    source: { title: row.title, description: row.description, keywords: row.keywords },
    profile: {
      field: row.field,
      industries: row.industry ? [row.industry] : [],
      regionCode: row.institutionRegion ?? regionOfCreditCode(row.expertCreditCode),
    },
  });
  if (row.expertId !== null) await markExpertStale(executor, row.expertId);
}

/**
 * Staff post a result for an institution of the registry; an expert posts its own (no institution).
 */
async function resolveHolder(executor: Executor, actor: Actor, input: TechResultInput) {
  if (actor.role === 'staff') {
    if (input.institutionId === null) throw fieldError('institutionId', '成果所属机构：请选择高校或科研院所');
    const [institution] = await executor
      .select({ id: techInstitutions.id })
      .from(techInstitutions)
      .where(eq(techInstitutions.id, input.institutionId));
    if (!institution) throw fieldError('institutionId', '成果所属机构：不在机构名录中');
    return { institutionId: institution.id, expertId: null };
  }
  const expertId = await findOwnExpertId(executor, actor);
  if (expertId === null) throw new AppError(403, 'forbidden');
  if (input.institutionId !== null)
    throw fieldError('institutionId', '成果所属机构：专家发布本人成果时不选择机构');
  return { institutionId: null, expertId };
}

export async function createResult(
  db: Database,
  options: { input: TechResultInput; context: RequestContext },
) {
  const actor = requireActor(options.context);
  return db.transaction(async (tx) => {
    const holder = await resolveHolder(tx, actor, options.input);
    const [inserted] = await tx
      .insert(techResults)
      .values({
        ...columnsOf(options.input),
        ...holder,
        status: techResultWorkflow.initial,
        createdBy: actor.userId,
      })
      .returning({ id: techResults.id });
    const { row, expertId } = await loadScopedResult(tx, actor, inserted.id);
    await indexResult(tx, row);
    await recordInitialState(tx, {
      definition: techResultWorkflow,
      objectId: row.id,
      context: options.context,
      actorName: actor.displayName,
    });
    await recordAudit(tx, options.context, {
      event: 'tech-result.create',
      objectType: 'tech_results',
      objectId: row.id,
      after: { ...columnsOf(options.input), ...holder },
    });
    return toResultDetail(tx, actor, row, expertId);
  });
}

export async function saveResult(
  db: Database,
  options: { id: number; version: number; input: TechResultInput; context: RequestContext },
) {
  const actor = requireActor(options.context);
  return db.transaction(async (tx) => {
    const { row, expertId } = await loadScopedResult(tx, actor, options.id);
    if (!isResultOwner(actor, row, expertId) || (actor.role === 'staff' && row.institutionId === null))
      throw notFound();
    if (!EDITABLE_LISTING_STATUSES.includes(row.status)) throw new AppError(409, 'techListingNotEditable');
    const holder = await resolveHolder(tx, actor, options.input);
    const [updated] = await tx
      .update(techResults)
      .set({
        ...columnsOf(options.input),
        ...holder,
        version: sql`${techResults.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(techResults.id, row.id), eq(techResults.version, options.version)))
      .returning({ id: techResults.id });
    if (!updated) throw versionConflict();
    const { row: saved } = await loadScopedResult(tx, actor, row.id);
    await indexResult(tx, saved);
    await recordAudit(tx, options.context, {
      event: 'tech-result.update',
      objectType: 'tech_results',
      objectId: row.id,
      after: columnsOf(options.input),
    });
    return toResultDetail(tx, actor, saved, expertId);
  });
}

export async function readResult(db: Database, options: { actor: Actor; id: number }) {
  const { row, expertId } = await loadScopedResult(db, options.actor, options.id);
  return toResultDetail(db, options.actor, row, expertId);
}

export async function actOnResult(
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
    const { row, expertId } = await loadScopedResult(tx, actor, options.id);
    const extra: SQL[] = [];
    if (options.action === 'publish') extra.push(sql`published_at = now()`, sql`reject_reason = null`);
    if (options.action === 'reject') extra.push(sql`reject_reason = ${options.comment?.trim() ?? null}`);
    await fireTransition(tx, {
      definition: techResultWorkflow,
      table: 'tech_results',
      objectId: row.id,
      action: options.action,
      expectedVersion: options.version,
      comment: options.comment,
      context: options.context,
      isOwner: isResultOwner(actor, row, expertId),
      ownerEnterpriseId: null,
      subject: `科技成果“${row.title}”`,
      link: null,
      extraAssignments: extra,
    });
    if (row.expertId !== null) await markExpertStale(tx, row.expertId);
    const { row: moved } = await loadScopedResult(tx, actor, row.id);
    return toResultDetail(tx, actor, moved, expertId);
  });
}

function resultConditions(
  actor: Actor,
  expertId: number | null,
  query: Omit<TechResultListQuery, 'page' | 'pageSize' | 'sort' | 'order'>,
) {
  const conditions: SQL[] = [resultScope(actor, expertId)];
  if (query.scope === 'mine' && actor.role === 'expert')
    conditions.push(expertId === null ? sql`false` : eq(techResults.expertId, expertId));
  if (query.status) conditions.push(eq(techResults.status, query.status));
  if (query.field) conditions.push(eq(techResults.field, query.field));
  if (query.institutionId) conditions.push(eq(techResults.institutionId, query.institutionId));
  if (query.keyword) {
    const pattern = likePattern(query.keyword);
    conditions.push(
      or(
        ilike(techResults.title, pattern),
        ilike(techResults.description, pattern),
        ilike(techInstitutions.name, pattern),
        ilike(experts.name, pattern),
      ) as SQL,
    );
  }
  return and(...conditions);
}

const RESULT_SORT = { publishedAt: techResults.publishedAt, trl: techResults.trl, id: techResults.id };

export async function listResults(db: Database, options: { actor: Actor; query: TechResultListQuery }) {
  const { actor, query } = options;
  const expertId = await findOwnExpertId(db, actor);
  const where = resultConditions(actor, expertId, query);
  const column = RESULT_SORT[query.sort ?? 'id'];
  const [rows, [counted]] = await Promise.all([
    selectResults(db)
      .where(where)
      .orderBy(query.order === 'asc' ? asc(column) : desc(column), desc(techResults.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(techResults)
      .leftJoin(techInstitutions, eq(techInstitutions.id, techResults.institutionId))
      .leftJoin(experts, eq(experts.id, techResults.expertId))
      .where(where),
  ]);
  return {
    items: rows.map((row) => toResultSummary(flatten(row), true)),
    total: counted.total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The portal: published results, searched by keyword; contacts go through the bureau. */
export async function listPublicResults(
  db: Database,
  query: { page: number; pageSize: number; field?: string; keyword?: string },
) {
  const result = await listResults(db, {
    actor: { userId: 0, username: '', displayName: '', role: 'enterprise', enterpriseId: null },
    query: { ...query, scope: 'all', order: 'desc', sort: 'publishedAt' } as TechResultListQuery,
  });
  return {
    ...result,
    items: result.items.map((item) => ({
      id: item.id,
      title: item.title,
      holderName: item.holderName,
      field: item.field,
      fieldLabel: item.fieldLabel,
      industry: item.industry,
      description: item.description,
      trl: item.trl,
      ipKind: item.ipKind,
      modes: item.modes,
      priceMinFen: item.priceMinFen,
      priceMaxFen: item.priceMaxFen,
      keywords: item.keywords,
      publishedAt: item.publishedAt,
    })),
  };
}
