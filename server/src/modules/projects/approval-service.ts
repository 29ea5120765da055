import {
  type ApprovalBulkAction,
  type ApprovalBulkBody,
  type ApprovalCall,
  type ApprovalCallDetail,
  computePublicityPeriod,
  type Language,
  listAllowedActions,
  type ProjectApplicationStatus,
  projectApplicationWorkflow,
  type StartPublicityBody,
  translate,
} from '@kechuang/domain';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import { countWorkingDays } from '../../core/calendar/work-calendar';
import type { Actor, RequestContext } from '../../core/context';
import { AppError, notFound } from '../../core/errors';
import { fireTransition } from '../../core/workflow';
import { type Database, type Executor, queryRows, type Transaction } from '../../db/connection';
import {
  enterprises,
  planCalls,
  planCategories,
  projectApplications,
  publicityNoticeItems,
  publicityNotices,
} from '../../db/schema';
import { DetailedError, loadWorkCalendar, requireContextActor, today } from './approval-helpers';
import { PROJECT_MESSAGES } from './messages';

/** States whose approved amount counts against the call's budget. */
const HOLDING_BUDGET: ProjectApplicationStatus[] = ['proposed', 'approved', 'publicity', 'established'];
/** States shown on the 立项 page: from the end of the review on. */
const APPROVAL_STATES: ProjectApplicationStatus[] = [
  'reviewed',
  'proposed',
  'approved',
  'publicity',
  'established',
  'notFunded',
];

async function summariseCall(executor: Executor, callId: number): Promise<ApprovalCall> {
  const [call] = await executor
    .select({
      id: planCalls.id,
      title: planCalls.title,
      year: planCalls.year,
      categoryName: planCategories.name,
      budgetFen: planCalls.budgetFen,
      publicityWorkingDays: planCalls.publicityWorkingDays,
    })
    .from(planCalls)
    .innerJoin(planCategories, eq(planCategories.id, planCalls.categoryId))
    .where(eq(planCalls.id, callId));
  if (!call) throw notFound();
  const rows = await executor
    .select({
      status: projectApplications.status,
      count: sql<number>`count(*)::int`,
      fen: sql<number>`coalesce(sum(${projectApplications.approvedFen}), 0)::bigint`,
    })
    .from(projectApplications)
    .where(eq(projectApplications.callId, callId))
    .groupBy(projectApplications.status);
  const counts: Record<string, number> = {};
  let usedFen = 0;
  for (const row of rows) {
    counts[row.status] = row.count;
    if (HOLDING_BUDGET.includes(row.status as ProjectApplicationStatus)) usedFen += Number(row.fen);
  }
  return { ...call, usedFen, counts };
}

/** Calls that have applications past the review, with counts per state and the budget used. */
export async function listApprovalCalls(db: Database): Promise<{ items: ApprovalCall[] }> {
  const calls = await db
    .selectDistinct({ id: planCalls.id, year: planCalls.year })
    .from(planCalls)
    .innerJoin(projectApplications, eq(projectApplications.callId, planCalls.id))
    .where(inArray(projectApplications.status, APPROVAL_STATES))
    .orderBy(desc(planCalls.year), desc(planCalls.id));
  const items: ApprovalCall[] = [];
  for (const call of calls) items.push(await summariseCall(db, call.id));
  return { items };
}

export async function readApprovalCall(
  db: Database,
  options: { actor: Actor; id: number },
): Promise<ApprovalCallDetail> {
  const call = await summariseCall(db, options.id);
  const rows = await db
    .select({
      id: projectApplications.id,
      applicationNo: projectApplications.applicationNo,
      enterpriseId: projectApplications.enterpriseId,
      enterpriseName: enterprises.name,
      title: projectApplications.title,
      status: projectApplications.status,
      requestedFen: projectApplications.requestedFen,
      approvedFen: projectApplications.approvedFen,
      reviewScore: projectApplications.reviewScore,
      reviewRank: projectApplications.reviewRank,
      decisionNote: projectApplications.decisionNote,
      version: projectApplications.version,
    })
    .from(projectApplications)
    .innerJoin(enterprises, eq(enterprises.id, projectApplications.enterpriseId))
    .where(
      and(eq(projectApplications.callId, options.id), inArray(projectApplications.status, APPROVAL_STATES)),
    )
    .orderBy(
      sql`${projectApplications.reviewRank} asc nulls last`,
      sql`${projectApplications.reviewScore} desc nulls last`,
      asc(projectApplications.id),
    );
  const notices = await db
    .select({
      id: publicityNotices.id,
      title: publicityNotices.title,
      startOn: publicityNotices.startOn,
      endOn: publicityNotices.endOn,
    })
    .from(publicityNotices)
    .where(eq(publicityNotices.callId, options.id))
    .orderBy(desc(publicityNotices.id));
  return {
    call,
    applications: rows.map((row) => {
      const status = row.status as ProjectApplicationStatus;
      return {
        ...row,
        status,
        allowedActions: listAllowedActions(projectApplicationWorkflow, status, {
          role: options.actor.role,
          isOwner: false,
        }).filter((action) => action !== 'recommend'),
      };
    }),
    notices,
  };
}

/** Locks the call for the rest of the transaction, so budget checks of concurrent proposals serialise. */
async function lockCall(tx: Transaction, callId: number) {
  const [call] = await queryRows<{
    id: number;
    title: string;
    year: number;
    budget_fen: string | null;
    publicity_working_days: number;
  }>(
    tx,
    sql`select id, title, year, budget_fen, publicity_working_days from plan_calls where id = ${callId} for update`,
  );
  if (!call) throw notFound();
  return call;
}

async function loadCallApplications(tx: Executor, callId: number, ids: number[]) {
  const rows = await tx
    .select({
      id: projectApplications.id,
      enterpriseId: projectApplications.enterpriseId,
      enterpriseName: enterprises.name,
      title: projectApplications.title,
      approvedFen: projectApplications.approvedFen,
    })
    .from(projectApplications)
    .innerJoin(enterprises, eq(enterprises.id, projectApplications.enterpriseId))
    .where(and(eq(projectApplications.callId, callId), inArray(projectApplications.id, ids)));
  const byId = new Map(rows.map((row) => [row.id, row]));
  if (byId.size !== new Set(ids).size) throw notFound();
  return byId;
}

function checkDistinct(ids: number[], language: Language) {
  if (new Set(ids).size !== ids.length)
    throw new AppError(400, 'validation', [
      { path: 'items', message: translate(PROJECT_MESSAGES.duplicateItems, language) },
    ]);
}

/**
 * Fires one action on many applications of a call, all or none: 列入拟立项 with amounts (the call's
 * budget checked under a lock on the call), 不予立项, and the leader's 审批同意 / 退回重拟.
 */
export async function runApprovalBulkAction(
  db: Database,
  options: { callId: number; action: ApprovalBulkAction; body: ApprovalBulkBody; context: RequestContext },
): Promise<ApprovalCallDetail> {
  const { context, body, action } = options;
  const actor = requireContextActor(context.actor);
  const ids = body.items.map((item) => item.applicationId);
  checkDistinct(ids, context.language);
  if (action === 'propose') {
    const missing = body.items.findIndex((item) => item.approvedFen === undefined || item.approvedFen <= 0);
    if (missing >= 0)
      throw new AppError(400, 'approvedAmountRequired', [
        {
          path: `items.${missing}.approvedFen`,
          message: translate(PROJECT_MESSAGES.approvedAmountMissing, context.language),
        },
      ]);
  }
  await db.transaction(async (tx) => {
    const call = await lockCall(tx, options.callId);
    const applications = await loadCallApplications(tx, options.callId, ids);
    if (action === 'propose' && call.budget_fen !== null) {
      const [held] = await queryRows<{ fen: string }>(
        tx,
        sql`select coalesce(sum(approved_fen), 0) as fen from project_applications
            where call_id = ${options.callId} and status in ('proposed', 'approved', 'publicity', 'established')
            and id not in (${sql.join(
              ids.map((id) => sql`${id}`),
              sql`, `,
            )})`,
      );
      const budgetFen = Number(call.budget_fen);
      const newFen = body.items.reduce((sum, item) => sum + (item.approvedFen ?? 0), 0);
      const totalFen = Number(held.fen) + newFen;
      if (totalFen > budgetFen) {
        const overflow = totalFen - budgetFen;
        throw new DetailedError(
          422,
          'budgetExceeded',
          PROJECT_MESSAGES.budgetExceeded({ totalFen, budgetFen, heldFen: Number(held.fen) }),
          [
            {
              path: 'items',
              message: translate(PROJECT_MESSAGES.overBudgetBy({ overflowFen: overflow }), context.language),
            },
          ],
        );
      }
    }
    for (const item of body.items) {
      const application = applications.get(item.applicationId)!;
      const extraAssignments =
        action === 'propose'
          ? [sql`approved_fen = ${item.approvedFen}`, sql`decision_note = ${body.comment ?? null}`]
          : action === 'decline' || action === 'sendBack'
            ? [sql`decision_note = ${body.comment ?? null}`]
            : [];
      await fireTransition(tx, {
        definition: projectApplicationWorkflow,
        table: 'project_applications',
        objectId: application.id,
        action,
        expectedVersion: item.version,
        comment: body.comment,
        context,
        isOwner: false,
        ownerEnterpriseId: application.enterpriseId,
        subject: PROJECT_MESSAGES.applicationSubject({ title: application.title }).zh,
        link: `/enterprise/plan-applications/${application.id}`,
        extraAssignments,
      });
    }
    if (action === 'propose') {
      await recordAudit(tx, context, {
        event: 'plan-approval.propose-list',
        objectType: 'plan_calls',
        objectId: options.callId,
        after: {
          items: body.items.map((item) => ({
            applicationId: item.applicationId,
            approvedFen: item.approvedFen,
          })),
        },
      });
    }
  });
  return readApprovalCall(db, { actor, id: options.callId });
}

/**
 * Starts the 立项公示 of approved applications: a notice over the call's working days from today
 * (skipping weekends and holidays of the work calendar), listing each project and amount.
 */
export async function startPublicity(
  db: Database,
  options: { callId: number; body: StartPublicityBody; context: RequestContext },
): Promise<{ noticeId: number }> {
  const { context, body } = options;
  requireContextActor(context.actor);
  const ids = body.items.map((item) => item.applicationId);
  checkDistinct(ids, context.language);
  const noticeId = await db.transaction(async (tx) => {
    const call = await lockCall(tx, options.callId);
    const applications = await loadCallApplications(tx, options.callId, ids);
    const publishedOn = today();
    const year = Number(publishedOn.slice(0, 4));
    const calendar = await loadWorkCalendar(tx, [year, year + 1]);
    const period = countWorkingDays(() =>
      computePublicityPeriod(publishedOn, call.publicity_working_days, calendar),
    );
    const [notice] = await tx
      .insert(publicityNotices)
      .values({
        callId: call.id,
        title:
          body.title?.trim() ||
          PROJECT_MESSAGES.publicityTitle({
            callName: call.title.replace(/(项目)?申报(通知|指南)$/, ''),
          }).zh,
        startOn: period.startOn,
        endOn: period.endOn,
        workingDays: call.publicity_working_days,
        createdBy: context.actor?.userId ?? null,
      })
      .returning({ id: publicityNotices.id });
    for (const item of body.items) {
      const application = applications.get(item.applicationId)!;
      await fireTransition(tx, {
        definition: projectApplicationWorkflow,
        table: 'project_applications',
        objectId: application.id,
        action: 'startPublicity',
        expectedVersion: item.version,
        context,
        isOwner: false,
        ownerEnterpriseId: application.enterpriseId,
        subject: PROJECT_MESSAGES.applicationSubject({ title: application.title }).zh,
        link: `/enterprise/plan-applications/${application.id}`,
      });
      await tx.insert(publicityNoticeItems).values({
        noticeId: notice.id,
        applicationId: application.id,
        enterpriseName: application.enterpriseName,
        title: application.title,
        approvedFen: Number(application.approvedFen ?? 0),
      });
    }
    await recordAudit(tx, context, {
      event: 'publicity.start',
      objectType: 'publicity_notices',
      objectId: notice.id,
      after: { callId: call.id, ...period, applicationIds: ids },
    });
    return notice.id;
  });
  return { noticeId };
}
