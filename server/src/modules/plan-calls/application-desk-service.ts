import { type ApplicationDetail, type ChecklistResult, projectApplicationWorkflow } from '@kechuang/domain';
import { sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { ownsEnterprise } from '../../core/scope';
import { fireTransition } from '../../core/workflow';
import type { Database } from '../../db/connection';
import { applicationFormalChecks } from '../../db/schema';
import { fieldError } from '../cultivation';
import { requireOpenWindow } from './application-rules';
import { loadScopedRow, readApplication } from './applications-service';
import { isCallOpen, loadCallRowOf } from './calls-service';
import { PLAN_CALL_MESSAGES } from './messages';

/**
 * The bureau's and the applicant's actions on an application besides submission: reopen and
 * withdraw (applicant), the formal check (return / pass / reject, with the checklist results), and
 * for city or province calls the recommendation and the outcome upstream.
 */
export async function actOnApplication(
  db: Database,
  options: {
    id: number;
    action: string;
    version: number;
    comment?: string;
    checklist?: ChecklistResult[];
    grantedFen?: number;
    context: RequestContext;
  },
): Promise<ApplicationDetail> {
  const { context, action } = options;
  const actor = context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  const row = await loadScopedRow(db, actor, options.id);
  const callRow = await loadCallRowOf(db, row.application.callId);
  const call = callRow.call;
  const extraAssignments: ReturnType<typeof sql>[] = [];
  const comment = options.comment?.trim() || undefined;
  if (action === 'reopen') {
    if (!call.allowResubmission) throw new AppError(409, 'resubmissionNotAllowed');
    if (!isCallOpen(call)) requireOpenWindow(call, new Date(), context.language);
  }
  if (action === 'passCheck' && options.checklist?.some((result) => !result.passed)) {
    const index = options.checklist.findIndex((result) => !result.passed);
    throw fieldError(
      `checklist.${index}.passed`,
      PLAN_CALL_MESSAGES.checklistItemFailed(options.checklist[index]),
      context.language,
    );
  }
  if (['returnForCorrection', 'reject', 'recommend', 'recordNotGranted'].includes(action) && comment)
    extraAssignments.push(sql`decision_note = ${comment}`);
  if (action === 'recommend' && callRow.level === 'district') throw new AppError(409, 'notUpstreamCall');
  if (action === 'recordGranted') {
    if (options.grantedFen === undefined)
      throw new AppError(400, 'grantedAmountRequired', [{ path: 'grantedFen', message: '' }]);
    extraAssignments.push(sql`upstream_granted_fen = ${options.grantedFen}`);
  }
  await db.transaction(async (tx) => {
    await fireTransition(tx, {
      definition: projectApplicationWorkflow,
      table: 'project_applications',
      objectId: row.application.id,
      action,
      expectedVersion: options.version,
      comment,
      context,
      isOwner: ownsEnterprise(actor, row.application.enterpriseId),
      ownerEnterpriseId: row.application.enterpriseId,
      subject: PLAN_CALL_MESSAGES.applicationSubject({
        enterpriseName: row.enterpriseName,
        title: row.application.title || row.callTitle,
      }).zh,
      link:
        actor.role === 'enterprise'
          ? `/bureau/plan-applications/${row.application.id}`
          : `/enterprise/plan-applications/${row.application.id}`,
      extraAssignments,
    });
    if (['returnForCorrection', 'passCheck', 'reject'].includes(action)) {
      await tx.insert(applicationFormalChecks).values({
        applicationId: row.application.id,
        action,
        results: options.checklist ?? [],
        comment: comment ?? null,
        checkedBy: actor.userId,
        checkedByName: actor.displayName,
      });
    }
  });
  return readApplication(db, { actor, id: row.application.id });
}
