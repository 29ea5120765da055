import {
  evaluateItem,
  type ItemEvaluation,
  listAllowedActions,
  type PolicyApplication,
  type PolicyApplicationAction,
  type PolicyApplicationActionBody,
  type PolicyApplicationForm,
  type PolicyApplicationInput,
  type PolicyApplicationPage,
  type PolicyApplicationQuery,
  type PolicyApplicationStatus,
  policyApplicationWorkflow,
  policyPayoutWorkflow,
} from '@kechuang/domain';
import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import { today } from '../../core/calendar/work-calendar';
import type { Actor, RequestContext } from '../../core/context';
import { AppError, notFound } from '../../core/errors';
import { fireTransition, readHistory, recordInitialState } from '../../core/workflow';
import type { Database, Executor, Transaction } from '../../db/connection';
import { enterprises, policyApplications, policyItems, policyPayouts } from '../../db/schema';
import { type ItemWithPolicy, loadItem, reasonsOf } from './matching-service';
import { policyFieldError } from './policy-view';
import { readProfiles } from './profiles';

/** Conditions the form asks: those the data cannot decide (a document, or a figure the bureau lacks). */
const isAsked = (status: string) => status === 'document' || status === 'unknown';

async function evaluateFor(executor: Executor, item: ItemWithPolicy, enterpriseId: number, year: number) {
  const [enterprise] = await readProfiles(executor, { year, scope: sql`e.id = ${enterpriseId}` });
  if (!enterprise) throw notFound();
  return { enterprise, evaluation: evaluateItem(item, enterprise.profile, year) };
}

/** The short form of a 快申快享 item for the enterprise: data-decided conditions shown, the rest asked. */
export async function readApplicationForm(
  db: Database,
  options: { actor: Actor; itemId: number; year: number },
): Promise<PolicyApplicationForm> {
  const { actor, year } = options;
  if (actor.enterpriseId === null) throw notFound();
  const item = await loadItem(db, options.itemId, year);
  if (item.fulfilMode !== 'fast-application') throw notFound();
  const { evaluation } = await evaluateFor(db, item, actor.enterpriseId, year);
  const [existing] = await db
    .select({ id: policyApplications.id })
    .from(policyApplications)
    .where(
      and(
        eq(policyApplications.itemId, item.id),
        eq(policyApplications.year, year),
        eq(policyApplications.enterpriseId, actor.enterpriseId),
      ),
    );
  return {
    itemId: item.id,
    itemTitle: item.title,
    policyTitle: item.policyTitle,
    documentNo: item.documentNo,
    year,
    outcome: evaluation.outcome,
    amountFen: evaluation.amountFen,
    prefilled: evaluation.conditions.flatMap((result, index) =>
      isAsked(result.status)
        ? []
        : [
            {
              index,
              field: result.condition.field,
              required: result.condition.required,
              status: result.status,
              actual: result.actual,
              shortfall: result.shortfall,
              text: result.text.zh,
            },
          ],
    ),
    asked: evaluation.conditions.flatMap((result, index) =>
      isAsked(result.status)
        ? [
            {
              index,
              required: result.condition.required,
              text: result.text.zh,
              document: result.condition.document ?? null,
            },
          ]
        : [],
    ),
    applicationId: existing?.id ?? null,
  };
}

/**
 * The evidence checked against the evaluation: one text for each asked required condition, none for
 * a condition the data decided (the enterprise is never asked what the bureau already holds).
 */
function checkMaterials(
  evaluation: ItemEvaluation,
  materials: PolicyApplicationInput['materials'],
  context: RequestContext,
) {
  const { language } = context;
  materials.forEach((material, position) => {
    const result = evaluation.conditions[material.index];
    if (!result || !isAsked(result.status))
      throw policyFieldError(`materials.${position}.index`, 'policies.materialNotAsked', language);
  });
  const given = new Set(materials.map((material) => material.index));
  const missing = evaluation.conditions.findIndex(
    (result, index) => result.condition.required && isAsked(result.status) && !given.has(index),
  );
  if (missing >= 0) throw policyFieldError('materials', 'policies.materialMissing', language);
  return materials.map((material) => ({
    index: material.index,
    document: evaluation.conditions[material.index].condition.document ?? null,
    text: material.text,
  }));
}

function checkWindow(item: ItemWithPolicy, context: RequestContext) {
  const day = today();
  if ((item.windowFrom && day < item.windowFrom) || (item.windowTo && day > item.windowTo))
    throw policyFieldError('itemId', 'policies.outsideWindow', context.language);
}

/** 快申快享: the enterprise applies for an item of a year with the missing evidence only. */
export async function createApplication(
  db: Database,
  options: { input: PolicyApplicationInput; context: RequestContext },
): Promise<PolicyApplication> {
  const { input, context } = options;
  const actor = context.actor;
  if (!actor || actor.enterpriseId === null) throw new AppError(403, 'forbidden');
  const enterpriseId = actor.enterpriseId;
  return db.transaction(async (tx) => {
    const item = await loadItem(tx, input.itemId, input.year).catch(() => {
      throw policyFieldError('itemId', 'policies.notFastApplication', context.language);
    });
    if (item.fulfilMode !== 'fast-application')
      throw policyFieldError('itemId', 'policies.notFastApplication', context.language);
    checkWindow(item, context);
    const { evaluation } = await evaluateFor(tx, item, enterpriseId, input.year);
    if (evaluation.outcome === 'ineligible')
      throw policyFieldError('itemId', 'policies.applicationIneligible', context.language);
    const materials = checkMaterials(evaluation, input.materials, context);
    const [row] = await tx
      .insert(policyApplications)
      .values({
        status: policyApplicationWorkflow.initial,
        itemId: item.id,
        year: input.year,
        enterpriseId,
        submittedOn: today(),
        amountFen: evaluation.amountFen,
        reasons: reasonsOf(evaluation, 'zh-CN'),
        materials,
      })
      .onConflictDoNothing()
      .returning({ id: policyApplications.id });
    if (!row) throw policyFieldError('itemId', 'policies.alreadyApplied', context.language);
    await recordInitialState(tx, {
      definition: policyApplicationWorkflow,
      objectId: row.id,
      context,
      actorName: actor.displayName,
      action: 'apply',
    });
    await recordAudit(tx, context, {
      event: 'policy-application.create',
      objectType: 'policy_applications',
      objectId: row.id,
      after: { itemId: item.id, year: input.year, materials },
    });
    return readApplicationIn(tx, actor, row.id);
  });
}

type ApplicationRow = typeof policyApplications.$inferSelect & {
  itemTitle: string;
  enterpriseName: string;
};

async function selectApplications(
  executor: Executor,
  where: SQL | undefined,
  query?: PolicyApplicationQuery,
) {
  const direction = query?.order === 'asc' ? asc : desc;
  const base = executor
    .select({
      application: policyApplications,
      itemTitle: policyItems.title,
      enterpriseName: enterprises.name,
    })
    .from(policyApplications)
    .innerJoin(policyItems, eq(policyItems.id, policyApplications.itemId))
    .innerJoin(enterprises, eq(enterprises.id, policyApplications.enterpriseId))
    .where(where)
    .orderBy(direction(policyApplications.submittedOn), direction(policyApplications.id));
  const rows = query
    ? await base.limit(query.pageSize).offset((query.page - 1) * query.pageSize)
    : await base;
  return rows.map(({ application, ...rest }): ApplicationRow => ({ ...application, ...rest }));
}

async function loadScopedApplication(executor: Executor, actor: Actor, id: number): Promise<ApplicationRow> {
  const [row] = await selectApplications(executor, eq(policyApplications.id, id));
  if (!row) throw notFound();
  if (actor.role === 'enterprise' && row.enterpriseId !== actor.enterpriseId) throw notFound();
  return row;
}

function toSummary(actor: Actor, row: ApplicationRow) {
  const status = row.status as PolicyApplicationStatus;
  const isOwner = actor.role === 'enterprise' && actor.enterpriseId === row.enterpriseId;
  return {
    id: row.id,
    version: row.version,
    status,
    statusLabel: policyApplicationWorkflow.states[status].zh,
    itemId: row.itemId,
    itemTitle: row.itemTitle,
    year: row.year,
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName,
    submittedOn: row.submittedOn,
    amountFen: row.amountFen,
    reasons: row.reasons,
    materials: row.materials,
    payoutId: row.payoutId,
    allowedActions: listAllowedActions(policyApplicationWorkflow, status, { role: actor.role, isOwner }),
  };
}

async function readApplicationIn(executor: Executor, actor: Actor, id: number): Promise<PolicyApplication> {
  const row = await loadScopedApplication(executor, actor, id);
  return {
    ...toSummary(actor, row),
    history: await readHistory(executor, policyApplicationWorkflow.name, id),
  };
}

export const readApplication = (db: Database, options: { actor: Actor; id: number }) =>
  readApplicationIn(db, options.actor, options.id);

export async function listApplications(
  db: Database,
  options: { actor: Actor; query: PolicyApplicationQuery },
): Promise<PolicyApplicationPage> {
  const { actor, query } = options;
  const where = and(
    actor.role === 'enterprise' ? eq(policyApplications.enterpriseId, actor.enterpriseId ?? -1) : undefined,
    query.year === undefined ? undefined : eq(policyApplications.year, query.year),
    query.itemId === undefined ? undefined : eq(policyApplications.itemId, query.itemId),
    query.status === undefined ? undefined : eq(policyApplications.status, query.status),
  );
  const [rows, [totals]] = await Promise.all([
    selectApplications(db, where, query),
    db.select({ total: sql<number>`count(*)::int` }).from(policyApplications).where(where),
  ]);
  return {
    items: rows.map((row) => toSummary(actor, row)),
    total: totals.total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Approval puts the enterprise on the item's payout list; the 兑现 then runs as for 免申即享. */
async function approve(
  tx: Transaction,
  row: ApplicationRow,
  body: PolicyApplicationActionBody,
  context: RequestContext,
) {
  const amountFen = body.approvedFen ?? row.amountFen;
  if (amountFen === null || amountFen <= 0)
    throw policyFieldError('approvedFen', 'policies.approvedAmountNeeded', context.language);
  const [payout] = await tx
    .insert(policyPayouts)
    .values({
      itemId: row.itemId,
      year: row.year,
      enterpriseId: row.enterpriseId,
      amountFen,
      confirmedOn: today(),
      reasons: [
        ...row.reasons,
        ...row.materials.map((material) => `材料：${material.document ?? ''} ${material.text}`.trim()),
      ],
      confirmedBy: context.actor?.userId ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: policyPayouts.id });
  if (!payout) throw policyFieldError('itemId', 'policies.alreadyApplied', context.language);
  await recordInitialState(tx, {
    definition: policyPayoutWorkflow,
    objectId: payout.id,
    context,
    actorName: context.actor?.displayName ?? '系统',
    action: 'list',
    comment: '快申快享审核通过',
  });
  return [sql`payout_id = ${payout.id}`, sql`amount_fen = ${amountFen}`];
}

/** A step of the application: return for correction, resubmit with corrected evidence, approve, refuse. */
export async function actOnApplication(
  db: Database,
  options: {
    id: number;
    action: PolicyApplicationAction;
    body: PolicyApplicationActionBody;
    context: RequestContext;
  },
): Promise<PolicyApplication> {
  const { context, body } = options;
  const actor = context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  return db.transaction(async (tx) => {
    const row = await loadScopedApplication(tx, actor, options.id);
    const isOwner = actor.role === 'enterprise' && actor.enterpriseId === row.enterpriseId;
    const open =
      row.version === body.version &&
      listAllowedActions(policyApplicationWorkflow, row.status as PolicyApplicationStatus, {
        role: actor.role,
        isOwner,
      }).includes(options.action);
    let extraAssignments: SQL[] = [];
    if (open && options.action === 'approve') extraAssignments = await approve(tx, row, body, context);
    if (open && options.action === 'resubmit') {
      const item = await loadItem(tx, row.itemId, row.year);
      const { evaluation } = await evaluateFor(tx, item, row.enterpriseId, row.year);
      const materials = checkMaterials(evaluation, body.materials ?? row.materials, context);
      extraAssignments = [
        sql`materials = ${JSON.stringify(materials)}::jsonb`,
        sql`reasons = ${JSON.stringify(reasonsOf(evaluation, 'zh-CN'))}::jsonb`,
        sql`amount_fen = ${evaluation.amountFen}`,
      ];
    }
    await fireTransition(tx, {
      definition: policyApplicationWorkflow,
      table: 'policy_applications',
      objectId: row.id,
      action: options.action,
      expectedVersion: body.version,
      comment: body.comment,
      context,
      isOwner,
      ownerEnterpriseId: row.enterpriseId,
      subject: `${row.itemTitle}（${row.year}年度快申快享）`,
      link:
        options.action === 'resubmit'
          ? `/bureau/policies/applications?open=${row.id}`
          : `/enterprise/policies?application=${row.id}`,
      extraAssignments,
    });
    return readApplicationIn(tx, actor, row.id);
  });
}
