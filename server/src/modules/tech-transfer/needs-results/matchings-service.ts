import {
  listAllowedActions,
  type TechMatchingInput,
  type TechMatchingListQuery,
  type TechMatchingStatus,
  techMatchingWorkflow,
} from '@kechuang/domain';
import { aliasedTable, and, desc, eq, or, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../../core/audit';
import type { Actor, RequestContext } from '../../../core/context';
import { AppError, notFound, versionConflict } from '../../../core/errors';
import { fireTransition, readHistory, recordInitialState } from '../../../core/workflow';
import type { Database, Executor } from '../../../db/connection';
import {
  enterprises,
  experts,
  techContracts,
  techEvents,
  techInstitutions,
  techMatchings,
  techNeeds,
  techResults,
} from '../../../db/schema';
import { requireActor } from '../contracts-service';
import { fieldError, findOwnExpertId } from './listing-scope';
import { readIndexedTerms } from './matching-index';
import { rankCandidates } from './suggestions-service';

const resultExpert = aliasedTable(experts, 'result_expert');

function selectMatchings(executor: Executor) {
  return executor
    .select({
      matching: techMatchings,
      needTitle: techNeeds.title,
      enterpriseId: techNeeds.enterpriseId,
      enterpriseName: enterprises.name,
      resultTitle: techResults.title,
      institutionName: techInstitutions.name,
      resultExpertName: resultExpert.name,
      expertName: experts.name,
      expertOrganisation: experts.organisationName,
      eventTitle: techEvents.title,
      contractRegistrationNo: techContracts.registrationNo,
    })
    .from(techMatchings)
    .innerJoin(techNeeds, eq(techNeeds.id, techMatchings.needId))
    .innerJoin(enterprises, eq(enterprises.id, techNeeds.enterpriseId))
    .leftJoin(techResults, eq(techResults.id, techMatchings.resultId))
    .leftJoin(techInstitutions, eq(techInstitutions.id, techResults.institutionId))
    .leftJoin(resultExpert, eq(resultExpert.id, techResults.expertId))
    .leftJoin(experts, eq(experts.id, techMatchings.expertId))
    .leftJoin(techEvents, eq(techEvents.id, techMatchings.eventId))
    .leftJoin(techContracts, eq(techContracts.id, techMatchings.contractId));
}

type MatchingRow = Awaited<ReturnType<ReturnType<typeof selectMatchings>['execute']>>[number];

export function toMatchingSummary(row: MatchingRow) {
  const matching = row.matching;
  return {
    id: matching.id,
    version: matching.version,
    status: matching.status as TechMatchingStatus,
    needId: matching.needId,
    needTitle: row.needTitle,
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName,
    resultId: matching.resultId,
    resultTitle: row.resultTitle,
    expertId: matching.expertId,
    counterpartName:
      row.institutionName ??
      row.resultExpertName ??
      (row.expertName ? `${row.expertName}（${row.expertOrganisation ?? ''}）` : ''),
    eventId: matching.eventId,
    eventTitle: row.eventTitle,
    source: matching.source as 'suggested' | 'manual' | 'event',
    score: matching.score,
    reason: matching.reason,
    note: matching.note,
    contractId: matching.contractId,
    contractRegistrationNo: row.contractRegistrationNo,
    createdAt: matching.createdAt.toISOString(),
  };
}

/** The bureau sees every 对接 record; an enterprise those on its needs; an expert those it is party to. */
function matchingScope(actor: Actor, expertId: number | null): SQL {
  switch (actor.role) {
    case 'staff':
    case 'leader':
      return sql`true`;
    case 'enterprise':
      return actor.enterpriseId === null ? sql`false` : eq(techNeeds.enterpriseId, actor.enterpriseId);
    case 'expert':
      return expertId === null
        ? sql`false`
        : (or(eq(techMatchings.expertId, expertId), eq(techResults.expertId, expertId)) as SQL);
    default:
      return sql`false`;
  }
}

async function loadScopedMatching(executor: Executor, actor: Actor, id: number) {
  const expertId = await findOwnExpertId(executor, actor);
  const [row] = await selectMatchings(executor).where(
    and(eq(techMatchings.id, id), matchingScope(actor, expertId)),
  );
  if (!row) throw notFound();
  return row;
}

async function toMatchingDetail(executor: Executor, actor: Actor, row: MatchingRow) {
  return {
    ...toMatchingSummary(row),
    allowedActions: listAllowedActions(techMatchingWorkflow, row.matching.status as TechMatchingStatus, {
      role: actor.role,
      isOwner: false,
    }),
    history: await readHistory(executor, techMatchingWorkflow.name, row.matching.id),
  };
}

/**
 * The bureau turns a pair into a 对接 record: the need must be published, the result published or
 * the expert active; the score and reason are those of the suggestion at this moment.
 */
export async function createMatching(
  db: Database,
  options: { input: TechMatchingInput; context: RequestContext },
) {
  const actor = requireActor(options.context);
  const { input } = options;
  return db.transaction(async (tx) => {
    const [need] = await tx
      .select({ id: techNeeds.id, status: techNeeds.status })
      .from(techNeeds)
      .where(eq(techNeeds.id, input.needId))
      .for('update');
    if (need?.status !== 'published') throw fieldError('needId', '技术需求：须为已发布的需求');
    if (input.resultId !== null) {
      const [result] = await tx
        .select({ status: techResults.status })
        .from(techResults)
        .where(eq(techResults.id, input.resultId));
      if (result?.status !== 'published') throw fieldError('resultId', '科技成果：须为已发布的成果');
    }
    if (input.expertId !== null) {
      const [expert] = await tx
        .select({ status: experts.status })
        .from(experts)
        .where(eq(experts.id, input.expertId));
      if (expert?.status !== 'active') throw fieldError('expertId', '专家：须为专家库中在库的专家');
    }
    if (input.eventId !== null) {
      const [event] = await tx
        .select({ id: techEvents.id })
        .from(techEvents)
        .where(eq(techEvents.id, input.eventId));
      if (!event) throw fieldError('eventId', '对接活动：不存在');
    }
    const [open] = await tx
      .select({ id: techMatchings.id })
      .from(techMatchings)
      .where(
        and(
          eq(techMatchings.needId, input.needId),
          input.resultId !== null
            ? eq(techMatchings.resultId, input.resultId)
            : sql`${techMatchings.resultId} is null`,
          input.expertId !== null
            ? eq(techMatchings.expertId, input.expertId)
            : sql`${techMatchings.expertId} is null`,
          sql`${techMatchings.status} <> 'ended'`,
        ),
      );
    if (open)
      throw new AppError(409, 'duplicate', [
        { path: 'needId', message: '技术需求：与该成果或专家的对接记录已存在' },
      ]);
    const kind = input.resultId !== null ? 'result' : 'expert';
    const counterpart = (input.resultId ?? input.expertId) as number;
    const query = await readIndexedTerms(tx, 'need', input.needId);
    const ranked = query
      ? await rankCandidates(tx, {
          query,
          kind,
          table: kind === 'result' ? sql`tech_results` : sql`experts`,
          eligible: sql`r.id = ${counterpart}`,
          limit: 1,
          language: 'zh-CN',
        })
      : { ranked: [] };
    const scored = ranked.ranked[0];
    const [inserted] = await tx
      .insert(techMatchings)
      .values({
        status: techMatchingWorkflow.initial,
        needId: input.needId,
        resultId: input.resultId,
        expertId: input.expertId,
        eventId: input.eventId,
        source: input.eventId !== null ? 'event' : scored ? 'suggested' : 'manual',
        score: scored?.score ?? null,
        reason: scored?.reason ?? null,
        note: input.note,
        createdBy: actor.userId,
      })
      .returning({ id: techMatchings.id });
    await recordInitialState(tx, {
      definition: techMatchingWorkflow,
      objectId: inserted.id,
      context: options.context,
      actorName: actor.displayName,
      comment: scored?.reason ?? undefined,
    });
    await recordAudit(tx, options.context, {
      event: 'tech-matching.create',
      objectType: 'tech_matchings',
      objectId: inserted.id,
      after: { ...input },
    });
    return toMatchingDetail(tx, actor, await loadScopedMatching(tx, actor, inserted.id));
  });
}

export async function readMatching(db: Database, options: { actor: Actor; id: number }) {
  return toMatchingDetail(db, options.actor, await loadScopedMatching(db, options.actor, options.id));
}

/** 洽谈 → 意向 → 签约, or 终止 with the reason. */
export async function actOnMatching(
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
    const row = await loadScopedMatching(tx, actor, options.id);
    await fireTransition(tx, {
      definition: techMatchingWorkflow,
      table: 'tech_matchings',
      objectId: row.matching.id,
      action: options.action,
      expectedVersion: options.version,
      comment: options.comment,
      context: options.context,
      isOwner: false,
      ownerEnterpriseId: row.enterpriseId,
      subject: `技术需求“${row.needTitle}”的对接`,
      link: null,
    });
    return toMatchingDetail(tx, actor, await loadScopedMatching(tx, actor, row.matching.id));
  });
}

/** Links the registered 技术合同 a 对接 led to; only a contract in the registry as registered counts. */
export async function linkMatchingContract(
  db: Database,
  options: { id: number; version: number; contractId: number; context: RequestContext },
) {
  const actor = requireActor(options.context);
  return db.transaction(async (tx) => {
    const row = await loadScopedMatching(tx, actor, options.id);
    if (!['agreement', 'signed'].includes(row.matching.status))
      throw new AppError(409, 'transitionNotAllowed');
    const [contract] = await tx
      .select({ status: techContracts.status })
      .from(techContracts)
      .where(eq(techContracts.id, options.contractId));
    if (contract?.status !== 'registered')
      throw new AppError(400, 'techMatchingContractNotRegistered', [
        { path: 'contractId', message: '技术合同：须为已认定登记的技术合同' },
      ]);
    const [updated] = await tx
      .update(techMatchings)
      .set({
        contractId: options.contractId,
        version: sql`${techMatchings.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(techMatchings.id, row.matching.id), eq(techMatchings.version, options.version)))
      .returning({ id: techMatchings.id });
    if (!updated) throw versionConflict();
    await recordAudit(tx, options.context, {
      event: 'tech-matching.link-contract',
      objectType: 'tech_matchings',
      objectId: row.matching.id,
      before: { contractId: row.matching.contractId },
      after: { contractId: options.contractId },
    });
    return toMatchingDetail(tx, actor, await loadScopedMatching(tx, actor, row.matching.id));
  });
}

export async function listMatchings(db: Database, options: { actor: Actor; query: TechMatchingListQuery }) {
  const { actor, query } = options;
  const expertId = await findOwnExpertId(db, actor);
  const conditions: SQL[] = [matchingScope(actor, expertId)];
  if (query.status) conditions.push(eq(techMatchings.status, query.status));
  if (query.needId) conditions.push(eq(techMatchings.needId, query.needId));
  if (query.resultId) conditions.push(eq(techMatchings.resultId, query.resultId));
  if (query.eventId) conditions.push(eq(techMatchings.eventId, query.eventId));
  const where = and(...conditions);
  const [rows, [counted]] = await Promise.all([
    selectMatchings(db)
      .where(where)
      .orderBy(desc(techMatchings.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(techMatchings)
      .innerJoin(techNeeds, eq(techNeeds.id, techMatchings.needId))
      .leftJoin(techResults, eq(techResults.id, techMatchings.resultId))
      .where(where),
  ]);
  return {
    items: rows.map(toMatchingSummary),
    total: counted.total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function listEventMatchings(executor: Executor, eventId: number) {
  const rows = await selectMatchings(executor)
    .where(eq(techMatchings.eventId, eventId))
    .orderBy(desc(techMatchings.id));
  return rows.map(toMatchingSummary);
}
