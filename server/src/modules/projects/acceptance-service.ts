import {
  type AcceptanceAction,
  type AcceptanceBody,
  addMonths,
  type FinalReportSubmit,
  planProjectWorkflow,
  RECTIFICATION_DEFAULT_MONTHS,
  type SupervisionProjectDetail,
} from '@kechuang/domain';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context';
import { AppError, isUniqueViolation, notFound } from '../../core/errors';
import { ownsEnterprise } from '../../core/scope';
import { fireTransition } from '../../core/workflow';
import type { Database } from '../../db/connection';
import { planProjectAcceptanceDecisions, planProjectFinalReports } from '../../db/schema';
import { PROJECT_MESSAGES } from './messages';
import { readSupervisionProject } from './supervision-service';
import {
  checkAttachments,
  fieldError,
  loadCurrentPlan,
  loadScopedProject,
  ruleConflict,
  today,
} from './supervision-shared';

/**
 * The enterprise's 验收申请: the final report with every 考核指标's achieved value and completion, and the
 * financial statement (budget rows × spent); filed together with `applyAcceptance`.
 */
export async function submitFinalReport(
  db: Database,
  options: { id: number; input: FinalReportSubmit; context: RequestContext },
): Promise<SupervisionProjectDetail> {
  const { input, context } = options;
  const actor = context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  const project = await loadScopedProject(db, actor, options.id);
  if (!ownsEnterprise(actor, project.enterpriseId)) throw notFound();
  const plan = await loadCurrentPlan(db, project);
  const language = context.language;
  const seen = new Set<number>();
  input.targets.forEach((target, position) => {
    if (target.index >= plan.content.targets.length || seen.has(target.index))
      throw fieldError(
        `targets.${position}.index`,
        PROJECT_MESSAGES.targetNotContracted({ position: position + 1 }),
        language,
      );
    seen.add(target.index);
  });
  const missing = plan.content.targets.findIndex((_, index) => !seen.has(index));
  if (missing >= 0)
    throw fieldError('targets', PROJECT_MESSAGES.targetMissing(plan.content.targets[missing]), language);
  const spent = new Map<string, number>();
  input.financial.forEach((row, position) => {
    if (spent.has(row.category) || !plan.budget.some((budgetRow) => budgetRow.category === row.category))
      throw fieldError(
        `financial.${position}.category`,
        PROJECT_MESSAGES.financialCategoryUnknown({ position: position + 1 }),
        language,
      );
    spent.set(row.category, row.spentFen);
  });
  const targets = input.targets
    .map((target) => ({ ...plan.content.targets[target.index], ...target }))
    .sort((left, right) => left.index - right.index)
    .map((target) => ({
      index: target.index,
      name: target.name,
      unit: target.unit,
      value: target.value,
      achieved: target.achieved,
      completion: target.completion,
      note: target.note,
    }));
  const financial = plan.budget.map((row) => ({
    category: row.category,
    budgetFen: row.fiscalFen + row.selfRaisedFen + row.otherFen,
    spentFen: spent.get(row.category) ?? 0,
  }));
  await db.transaction(async (tx) => {
    await checkAttachments(tx, {
      fileIds: input.attachmentFileIds,
      enterpriseId: project.enterpriseId,
      language,
    });
    await fireTransition(tx, {
      definition: planProjectWorkflow,
      table: 'plan_projects',
      objectId: project.id,
      action: 'applyAcceptance',
      expectedVersion: input.version,
      context,
      isOwner: true,
      ownerEnterpriseId: project.enterpriseId,
      subject: PROJECT_MESSAGES.projectSubject(project).zh,
      link: `/bureau/projects/${project.id}`,
    });
    const [{ rounds }] = await tx
      .select({ rounds: sql<number>`count(*)::int` })
      .from(planProjectFinalReports)
      .where(eq(planProjectFinalReports.projectId, project.id));
    await tx.insert(planProjectFinalReports).values({
      projectId: project.id,
      round: rounds + 1,
      summary: input.summary,
      targets,
      financial,
      attachmentFileIds: input.attachmentFileIds,
      submittedBy: actor.userId,
    });
  });
  return readSupervisionProject(db, { actor, id: project.id });
}

/** The acceptance panel's result, recorded by staff, with acceptanceOutcome set to match. */
export async function decideAcceptance(
  db: Database,
  options: { id: number; action: AcceptanceAction; input: AcceptanceBody; context: RequestContext },
): Promise<SupervisionProjectDetail> {
  const { input, context, action } = options;
  const actor = context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  const project = await loadScopedProject(db, actor, options.id);
  const language = context.language;
  try {
    await db.transaction(async (tx) => {
      const previous = await tx
        .select({ action: planProjectAcceptanceDecisions.action })
        .from(planProjectAcceptanceDecisions)
        .where(eq(planProjectAcceptanceDecisions.projectId, project.id));
      const wasRectified = previous.some((decision) => decision.action === 'requireRectification');
      let rectificationDueOn: string | null = null;
      if (action === 'requireRectification') {
        if (wasRectified)
          throw ruleConflict(
            'rectificationAlreadyUsed',
            'action',
            PROJECT_MESSAGES.rectificationTaken,
            language,
          );
        rectificationDueOn = input.rectificationDueOn ?? addMonths(today(), RECTIFICATION_DEFAULT_MONTHS);
        if (rectificationDueOn <= today())
          throw fieldError('rectificationDueOn', PROJECT_MESSAGES.rectificationDueInPast, language);
      }
      const outcome = {
        accept: wasRectified ? 'passedAfterRectification' : 'passed',
        requireRectification: null,
        requireReconsideration: 'needsReconsideration',
        fail: 'failed',
        closeWithoutPass: 'closedWithoutPass',
      }[action];
      const isFinal = action === 'accept' || action === 'fail' || action === 'closeWithoutPass';
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
        subject: PROJECT_MESSAGES.acceptanceSubject(project).zh,
        link: `/enterprise/projects/${project.id}`,
        extraAssignments: [
          sql`acceptance_outcome = ${outcome}`,
          ...(isFinal ? [sql`closed_at = now()`] : []),
        ],
      });
      const [latestReport] = await tx
        .select({ id: planProjectFinalReports.id })
        .from(planProjectFinalReports)
        .where(and(eq(planProjectFinalReports.projectId, project.id)))
        .orderBy(desc(planProjectFinalReports.round))
        .limit(1);
      await tx.insert(planProjectAcceptanceDecisions).values({
        projectId: project.id,
        finalReportId: latestReport?.id ?? null,
        action,
        opinion: input.comment?.trim() ?? '',
        rectificationDueOn,
        decidedBy: actor.userId,
        decidedByName: actor.displayName,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw ruleConflict('rectificationAlreadyUsed', 'action', PROJECT_MESSAGES.rectificationTaken, language);
    throw error;
  }
  return readSupervisionProject(db, { actor, id: project.id });
}
