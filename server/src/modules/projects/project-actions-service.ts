import {
  type MidTermCheckInput,
  type ProjectStatusAction,
  type ProjectStatusActionBody,
  planProjectWorkflow,
  type SupervisionProjectDetail,
} from '@kechuang/domain';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { RequestContext } from '../../core/context';
import { AppError, isUniqueViolation, versionConflict } from '../../core/errors';
import { ownsEnterprise } from '../../core/scope';
import { fireTransition } from '../../core/workflow';
import type { Database } from '../../db/connection';
import {
  planProjectFundRecoveries,
  planProjectMidTermChecks,
  planProjectReportSchedules,
} from '../../db/schema';
import { PROJECT_MESSAGES } from './messages';
import { syncReportSchedule } from './progress-reports-service';
import { readSupervisionProject } from './supervision-service';
import { effectiveEndOn, fieldError, loadScopedProject, ruleConflict } from './supervision-shared';

/** Staff set how often the project reports; periods not yet filed are rebuilt. */
export async function setReportSchedule(
  db: Database,
  options: { id: number; intervalMonths: number; context: RequestContext },
): Promise<SupervisionProjectDetail> {
  const { context } = options;
  const actor = context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  const project = await loadScopedProject(db, actor, options.id);
  await db.transaction(async (tx) => {
    await tx
      .insert(planProjectReportSchedules)
      .values({ projectId: project.id, intervalMonths: options.intervalMonths })
      .onConflictDoUpdate({
        target: planProjectReportSchedules.projectId,
        set: {
          intervalMonths: options.intervalMonths,
          version: sql`${planProjectReportSchedules.version} + 1`,
          updatedAt: new Date(),
        },
      });
    if (project.status === 'inProgress' || project.status === 'suspended')
      await syncReportSchedule(tx, project);
    await recordAudit(tx, context, {
      event: 'plan-project.report-schedule',
      objectType: 'plan_projects',
      objectId: project.id,
      after: { intervalMonths: options.intervalMonths },
    });
  });
  return readSupervisionProject(db, { actor, id: project.id });
}

/** 暂停, 恢复, 终止 (unspent funds to return), 撤销 (all funds recovered), 归档: through the lifecycle. */
export async function changeProjectStatus(
  db: Database,
  options: {
    id: number;
    action: ProjectStatusAction;
    input: ProjectStatusActionBody;
    context: RequestContext;
  },
): Promise<SupervisionProjectDetail> {
  const { input, context, action } = options;
  const actor = context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  const project = await loadScopedProject(db, actor, options.id);
  const recovers = action === 'terminate' || action === 'revoke';
  if (recovers && actor.role === 'staff') {
    const label = action === 'terminate' ? PROJECT_MESSAGES.unspentFunds : PROJECT_MESSAGES.fundsToRecover;
    if (input.amountFen === undefined)
      throw fieldError('amountFen', PROJECT_MESSAGES.amountRequired({ label }), context.language);
    if (input.amountFen > Number(project.approvedFen))
      throw fieldError('amountFen', PROJECT_MESSAGES.amountAboveApproved({ label }), context.language);
  }
  await db.transaction(async (tx) => {
    await fireTransition(tx, {
      definition: planProjectWorkflow,
      table: 'plan_projects',
      objectId: project.id,
      action,
      expectedVersion: input.version,
      comment: input.comment,
      context,
      isOwner: ownsEnterprise(actor, project.enterpriseId),
      ownerEnterpriseId: project.enterpriseId,
      subject: PROJECT_MESSAGES.projectSubject(project).zh,
      link: `/enterprise/projects/${project.id}`,
      extraAssignments: recovers ? [sql`closed_at = now()`] : [],
    });
    if (recovers) {
      await tx.insert(planProjectFundRecoveries).values({
        projectId: project.id,
        kind: action,
        amountFen: input.amountFen ?? 0,
        reason: input.comment?.trim() ?? '',
        recordedBy: actor.userId,
        recordedByName: actor.displayName,
      });
      await recordAudit(tx, context, {
        event: `plan-project.${action}.funds`,
        objectType: 'plan_projects',
        objectId: project.id,
        after: { amountFen: input.amountFen },
      });
    }
  });
  return readSupervisionProject(db, { actor, id: project.id });
}

/** 中期检查: recorded once (version 0) and corrected later with the version last read. */
export async function recordMidTermCheck(
  db: Database,
  options: { id: number; input: MidTermCheckInput; context: RequestContext },
): Promise<SupervisionProjectDetail> {
  const { input, context } = options;
  const actor = context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  const project = await loadScopedProject(db, actor, options.id);
  if (project.status === 'contracting')
    throw ruleConflict(
      'projectNotInExecution',
      'checkedOn',
      PROJECT_MESSAGES.midTermNotStarted,
      context.language,
    );
  const values = {
    checkedOn: input.checkedOn,
    method: input.method,
    result: input.result,
    opinion: input.opinion,
    recordedBy: actor.userId,
    recordedByName: actor.displayName,
  };
  try {
    await db.transaction(async (tx) => {
      if (input.version === 0) {
        await tx.insert(planProjectMidTermChecks).values({ projectId: project.id, ...values });
      } else {
        const updated = await tx
          .update(planProjectMidTermChecks)
          .set({ ...values, version: sql`${planProjectMidTermChecks.version} + 1`, updatedAt: new Date() })
          .where(
            and(
              eq(planProjectMidTermChecks.projectId, project.id),
              eq(planProjectMidTermChecks.version, input.version),
            ),
          )
          .returning({ id: planProjectMidTermChecks.id });
        if (updated.length !== 1) throw versionConflict();
      }
      await recordAudit(tx, context, {
        event: 'plan-project.mid-term-check',
        objectType: 'plan_projects',
        objectId: project.id,
        after: { checkedOn: input.checkedOn, method: input.method, result: input.result },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw versionConflict();
    throw error;
  }
  return readSupervisionProject(db, { actor, id: project.id });
}

export { effectiveEndOn };
