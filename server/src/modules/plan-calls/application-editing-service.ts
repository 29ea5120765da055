import {
  type ApplicationContent,
  type ApplicationDetail,
  type ApplicationReceipt,
  applicationContentSchema,
  checkApplicationSubmission,
  maskIdNumber,
  normalizeIdNumber,
  projectApplicationWorkflow,
  translate,
} from '@kechuang/domain';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { Actor, RequestContext } from '../../core/context';
import { AppError, isUniqueViolation, notFound, versionConflict } from '../../core/errors';
import { ownsEnterprise } from '../../core/scope';
import { fireTransition, recordInitialState } from '../../core/workflow';
import { type Database, type Executor, queryRows } from '../../db/connection';
import { enterprises, planCalls, projectApplications } from '../../db/schema';
import { duplicateError, fieldError } from '../cultivation';
import { checkTalentBundle } from '../talent';
import {
  derivedColumns,
  readContent,
  readStandings,
  requireOpenWindow,
  runSubmissionCheck,
} from './application-rules';
import {
  applicationScope,
  listAttachmentFiles,
  loadScopedRow,
  readApplication,
} from './applications-service';
import { loadCallRow, readCallRules } from './calls-service';
import { PLAN_CALL_MESSAGES } from './messages';

export function requireEnterpriseActor(context: RequestContext): Actor & { enterpriseId: number } {
  const actor = context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  if (actor.role !== 'enterprise' || actor.enterpriseId === null) throw new AppError(403, 'forbidden');
  return actor as Actor & { enterpriseId: number };
}

/** Opens a draft application of the actor's enterprise to an open call; one per enterprise per call. */
export async function createApplication(
  db: Database,
  options: { callId: number; context: RequestContext },
): Promise<ApplicationDetail> {
  const { context } = options;
  const actor = requireEnterpriseActor(context);
  const callRow = await loadCallRow(db, actor, options.callId);
  requireOpenWindow(callRow.call, new Date(), context.language);
  const rules = readCallRules(callRow.call.rules);
  const standings = await readStandings(db, actor.enterpriseId, callRow.call.year);
  const check = checkApplicationSubmission(applicationContentSchema.parse({}), {
    rules,
    year: callRow.call.year,
    facts: { standings, principalApplicationsThisYear: 0, principalRunningProjects: 0 },
  });
  const eligibility = check.errors.find((issue) => issue.path === 'eligibility');
  if (eligibility) throw fieldError('callId', eligibility.message, context.language);
  let id: number;
  try {
    id = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(projectApplications)
        .values({
          callId: callRow.call.id,
          enterpriseId: actor.enterpriseId,
          year: callRow.call.year,
          status: projectApplicationWorkflow.initial,
          content: applicationContentSchema.parse({}),
        })
        .returning({ id: projectApplications.id });
      await recordInitialState(tx, {
        definition: projectApplicationWorkflow,
        objectId: row.id,
        context,
        actorName: actor.displayName,
      });
      await recordAudit(tx, context, {
        event: 'project-application.create',
        objectType: 'project_applications',
        objectId: row.id,
        after: { callId: callRow.call.id, enterpriseId: actor.enterpriseId, status: 'draft' },
      });
      return row.id;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw duplicateError('callId', PLAN_CALL_MESSAGES.alreadyApplied, context.language);
    throw error;
  }
  return readApplication(db, { actor, id });
}

/** Puts back the stored ID numbers where the form sent their masked form unchanged. */
function restoreMaskedIdNumbers(
  incoming: ApplicationContent,
  stored: ApplicationContent,
): ApplicationContent {
  const byMask = new Map(
    stored.team
      .filter((member) => member.idNumber)
      .map((member) => [maskIdNumber(member.idNumber), member.idNumber] as const),
  );
  return {
    ...incoming,
    team: incoming.team.map((member) => {
      if (!member.idNumber) return member;
      if (member.idNumber.includes('*'))
        return { ...member, idNumber: byMask.get(member.idNumber) ?? member.idNumber };
      return { ...member, idNumber: normalizeIdNumber(member.idNumber) };
    }),
  };
}

export const EDITABLE_STATUSES = ['draft', 'returned'];

/** Autosave of a draft (or a returned application being corrected), with the version the form loaded. */
export async function saveApplication(
  db: Database,
  options: { id: number; version: number; content: ApplicationContent; context: RequestContext },
): Promise<ApplicationDetail> {
  const { context } = options;
  const actor = requireEnterpriseActor(context);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(projectApplications)
      .where(and(eq(projectApplications.id, options.id), applicationScope(actor)))
      .for('update');
    if (!row) throw notFound();
    if (row.version !== options.version) throw versionConflict();
    if (!EDITABLE_STATUSES.includes(row.status)) throw new AppError(409, 'applicationNotEditable');
    const [call] = await tx.select().from(planCalls).where(eq(planCalls.id, row.callId));
    if (row.status === 'draft' && new Date() >= call.closesAt)
      requireOpenWindow(call, new Date(), context.language);
    const content = restoreMaskedIdNumbers(options.content, readContent(row.content));
    if (content.attachments.length > 0) {
      const owned = await listAttachmentFiles(tx, row.enterpriseId, content);
      const ownedIds = new Set(owned.map((file) => file.id));
      const index = content.attachments.findIndex((attachment) => !ownedIds.has(attachment.fileId));
      if (index >= 0)
        throw fieldError(
          `content.attachments.${index}.fileId`,
          PLAN_CALL_MESSAGES.attachmentNotOwned,
          context.language,
        );
    }
    if (content.talentBundle !== null)
      await checkTalentBundle(tx, {
        enterpriseId: row.enterpriseId,
        bundle: content.talentBundle,
        required: false,
        language: context.language,
      });
    await tx
      .update(projectApplications)
      .set({ content, ...derivedColumns(content), version: row.version + 1, updatedAt: new Date() })
      .where(and(eq(projectApplications.id, row.id), eq(projectApplications.version, row.version)));
    await recordAudit(tx, context, {
      event: 'project-application.save',
      objectType: 'project_applications',
      objectId: row.id,
      before: { version: row.version },
      after: { version: row.version + 1, title: content.basics.title },
    });
  });
  return readApplication(db, { actor, id: options.id });
}

/** The submission check as it stands, for the form to show before the applicant submits. */
export async function checkApplication(db: Database, options: { actor: Actor; id: number }) {
  const row = await loadScopedRow(db, options.actor, options.id);
  const [call] = await db.select().from(planCalls).where(eq(planCalls.id, row.application.callId));
  return runSubmissionCheck(db, row.application, call);
}

/** `KJ2021-0012`: the year's next number, taken under a lock on the year so two submissions never share one. */
async function nextApplicationNo(tx: Executor, year: number): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`project-application-no-${year}`}))`);
  const prefix = `KJ${year}-`;
  const [row] = await queryRows<{ last: number | null }>(
    tx,
    sql`select max(substring(application_no from ${prefix.length + 1}::int)::int) as last from project_applications where application_no like ${`${prefix}%`}`,
  );
  return `${prefix}${String(Number(row?.last ?? 0) + 1).padStart(4, '0')}`;
}

/**
 * Submits (or resubmits after a return) within the call's window: the submission check's errors
 * block it; the first submission gets the application number, kept ever after; the answer is the
 * receipt with the server's time.
 */
export async function submitApplication(
  db: Database,
  options: { id: number; version: number; context: RequestContext },
): Promise<ApplicationReceipt> {
  const { context } = options;
  const actor = requireEnterpriseActor(context);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(projectApplications)
      .where(and(eq(projectApplications.id, options.id), applicationScope(actor)))
      .for('update');
    if (!row) throw notFound();
    if (row.version !== options.version) throw versionConflict();
    const [call] = await tx.select().from(planCalls).where(eq(planCalls.id, row.callId));
    const now = new Date();
    if (row.status === 'returned') {
      // Corrections after a formal-check return are taken until the district's own deadline.
      if (call.districtReviewDeadline && now >= call.districtReviewDeadline)
        throw new AppError(409, 'callClosed', [
          {
            path: 'districtReviewDeadline',
            message: translate(
              PLAN_CALL_MESSAGES.correctionsClosedAt({ deadline: call.districtReviewDeadline }),
              context.language,
            ),
          },
        ]);
    } else if (row.status === 'draft') {
      requireOpenWindow(call, now, context.language);
    }
    const check = await runSubmissionCheck(tx, row, call);
    if (check.errors.length > 0) {
      throw new AppError(
        400,
        'submissionCheckFailed',
        check.errors.map((issue) => ({
          path: issue.path,
          message: translate(issue.message, context.language),
        })),
      );
    }
    const applicationNo = row.applicationNo ?? (await nextApplicationNo(tx, row.year));
    const [enterprise] = await tx.select().from(enterprises).where(eq(enterprises.id, row.enterpriseId));
    await fireTransition(tx, {
      definition: projectApplicationWorkflow,
      table: 'project_applications',
      objectId: row.id,
      action: 'submit',
      expectedVersion: options.version,
      context,
      isOwner: ownsEnterprise(actor, row.enterpriseId),
      ownerEnterpriseId: row.enterpriseId,
      subject: PLAN_CALL_MESSAGES.applicationSubject({ enterpriseName: enterprise.name, title: row.title })
        .zh,
      link: `/bureau/plan-applications/${row.id}`,
      extraAssignments: [sql`application_no = ${applicationNo}`, sql`submitted_at = ${now.toISOString()}`],
    });
    return {
      applicationId: row.id,
      applicationNo,
      submittedAt: now.toISOString(),
      callTitle: call.title,
      enterpriseName: enterprise.name,
      title: row.title,
      requestedFen: row.requestedFen,
      warnings: check.warnings,
      version: options.version + 1,
    };
  });
}
