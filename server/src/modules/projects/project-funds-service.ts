import type { DisbursementPlanBody, PaymentBody, PaymentUpdate, PlanProjectDetail } from '@kechuang/domain';
import { type Language, type Text, translate } from '@kechuang/domain';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { Actor, RequestContext } from '../../core/context';
import { notFound, versionConflict } from '../../core/errors';
import { type Database, type Executor, queryRows, type Transaction } from '../../db/connection';
import { disbursementPlans, projectPayments } from '../../db/schema';
import { DetailedError, requireContextActor } from './approval-helpers';
import { PROJECT_MESSAGES } from './messages';
import { readPlanProject, readScopedProject } from './project-service';

async function lockProject(tx: Transaction, actor: Actor, id: number) {
  const project = await readScopedProject(tx, actor, id);
  await tx.execute(sql`select id from plan_projects where id = ${project.id} for update`);
  return project;
}

function fundsExceeded(totalFen: number, approvedFen: number, what: Text, language: Language) {
  return new DetailedError(
    422,
    'fundsExceeded',
    PROJECT_MESSAGES.fundsExceeded({ what, totalFen, approvedFen }),
    [
      {
        path: 'amountFen',
        message: translate(
          PROJECT_MESSAGES.overApprovedBy({ overflowFen: totalFen - approvedFen }),
          language,
        ),
      },
    ],
  );
}

/** Saves the 拨付计划 as a whole; its installments may not add up to more than the approved amount. */
export async function saveDisbursementPlan(
  db: Database,
  options: { id: number; input: DisbursementPlanBody; context: RequestContext },
): Promise<PlanProjectDetail> {
  const { context, input } = options;
  const actor = requireContextActor(context.actor);
  await db.transaction(async (tx) => {
    const project = await lockProject(tx, actor, options.id);
    const total = input.installments.reduce((sum, item) => sum + item.amountFen, 0);
    if (total > project.approvedFen)
      throw fundsExceeded(total, project.approvedFen, PROJECT_MESSAGES.installments, context.language);
    const [existing] = await tx
      .select()
      .from(disbursementPlans)
      .where(eq(disbursementPlans.planProjectId, project.id));
    if ((existing?.version ?? 0) !== input.version) throw versionConflict();
    if (existing) {
      await tx
        .update(disbursementPlans)
        .set({ installments: input.installments, version: existing.version + 1, updatedAt: new Date() })
        .where(and(eq(disbursementPlans.id, existing.id), eq(disbursementPlans.version, input.version)));
    } else {
      await tx
        .insert(disbursementPlans)
        .values({ planProjectId: project.id, installments: input.installments });
    }
    await recordAudit(tx, context, {
      event: 'plan-project.disbursement-plan',
      objectType: 'plan_projects',
      objectId: project.id,
      before: existing?.installments ?? null,
      after: input.installments,
    });
  });
  return readPlanProject(db, { actor, id: options.id });
}

async function paidSoFar(tx: Executor, projectId: number, exceptPaymentId: number | null): Promise<number> {
  const [row] = await queryRows<{ fen: string }>(
    tx,
    sql`select coalesce(sum(amount_fen), 0) as fen from project_payments where plan_project_id = ${projectId} and id <> ${exceptPaymentId ?? 0}`,
  );
  return Number(row.fen);
}

/** Records one payment; the payments of a project may not exceed its approved amount. */
export async function recordPayment(
  db: Database,
  options: { id: number; input: PaymentBody; context: RequestContext },
): Promise<PlanProjectDetail> {
  const { context, input } = options;
  const actor = requireContextActor(context.actor);
  await db.transaction(async (tx) => {
    const project = await lockProject(tx, actor, options.id);
    const total = (await paidSoFar(tx, project.id, null)) + input.amountFen;
    if (total > project.approvedFen)
      throw fundsExceeded(total, project.approvedFen, PROJECT_MESSAGES.payments, context.language);
    const [row] = await tx
      .insert(projectPayments)
      .values({ planProjectId: project.id, ...input })
      .returning({ id: projectPayments.id });
    await recordAudit(tx, context, {
      event: 'plan-project.payment',
      objectType: 'project_payments',
      objectId: row.id,
      after: { planProjectId: project.id, ...input },
    });
  });
  return readPlanProject(db, { actor, id: options.id });
}

export async function updatePayment(
  db: Database,
  options: { id: number; input: PaymentUpdate; context: RequestContext },
): Promise<PlanProjectDetail> {
  const { context, input } = options;
  const actor = requireContextActor(context.actor);
  const projectId = await db.transaction(async (tx) => {
    const [payment] = await tx.select().from(projectPayments).where(eq(projectPayments.id, options.id));
    if (!payment) throw notFound();
    const project = await lockProject(tx, actor, payment.planProjectId);
    const total = (await paidSoFar(tx, project.id, payment.id)) + input.amountFen;
    if (total > project.approvedFen)
      throw fundsExceeded(total, project.approvedFen, PROJECT_MESSAGES.payments, context.language);
    const { version, ...values } = input;
    const updated = await tx
      .update(projectPayments)
      .set({ ...values, version: sql`${projectPayments.version} + 1`, updatedAt: new Date() })
      .where(and(eq(projectPayments.id, payment.id), eq(projectPayments.version, version)))
      .returning({ id: projectPayments.id });
    if (updated.length !== 1) throw versionConflict();
    await recordAudit(tx, context, {
      event: 'plan-project.payment.update',
      objectType: 'project_payments',
      objectId: payment.id,
      before: { paidOn: payment.paidOn, amountFen: payment.amountFen, voucherNo: payment.voucherNo },
      after: values,
    });
    return project.id;
  });
  return readPlanProject(db, { actor, id: projectId });
}
