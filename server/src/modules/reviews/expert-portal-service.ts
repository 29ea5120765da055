import {
  applicationContentSchema,
  computeSheetTotal,
  type InvitationResponse,
  type Language,
  type Rubric,
  type ScoreSheetDraft,
  translate,
} from '@kechuang/domain';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { recordAudit } from '../../core/audit';
import type { Actor, RequestContext } from '../../core/context';
import { AppError, type ErrorDetail, notFound } from '../../core/errors';
import { findStoredFile, sendStoredFile } from '../../core/files';
import { findUserIdsByRole, notifyUsers } from '../../core/notifications';
import { reviewAssignmentScope } from '../../core/scope';
import type { Database, Executor } from '../../db/connection';
import {
  projectApplications,
  reviewAssignments,
  reviewConflictDecisions,
  reviewItems,
  reviewRounds,
} from '../../db/schema';
import { REVIEW_MESSAGES } from './messages';

const columns = { assignment: reviewAssignments, item: reviewItems, round: reviewRounds };

/** The expert's own assignments in released rounds; anything else is simply not found. */
async function loadOwnAssignment(executor: Executor, actor: Actor, id: number) {
  const [row] = await executor
    .select(columns)
    .from(reviewAssignments)
    .innerJoin(reviewItems, eq(reviewItems.id, reviewAssignments.itemId))
    .innerJoin(reviewRounds, eq(reviewRounds.id, reviewAssignments.roundId))
    .where(and(eq(reviewAssignments.id, id), reviewAssignmentScope(actor)));
  if (!row) throw notFound();
  return row;
}

function canEdit(row: Awaited<ReturnType<typeof loadOwnAssignment>>, now = Date.now()): boolean {
  return (
    row.round.status === 'released' &&
    row.assignment.status === 'accepted' &&
    (now <= row.round.deadline.getTime() || (row.assignment.reopenedUntil?.getTime() ?? 0) >= now)
  );
}

export async function listOwnAssignments(db: Database, options: { actor: Actor }) {
  const rows = await db
    .select(columns)
    .from(reviewAssignments)
    .innerJoin(reviewItems, eq(reviewItems.id, reviewAssignments.itemId))
    .innerJoin(reviewRounds, eq(reviewRounds.id, reviewAssignments.roundId))
    .where(reviewAssignmentScope(options.actor))
    .orderBy(asc(reviewRounds.deadline), asc(reviewAssignments.id));
  return {
    items: rows.map((row) => ({
      id: row.assignment.id,
      roundId: row.round.id,
      roundTitle: row.round.title,
      mode: row.round.mode,
      deadline: row.round.deadline.toISOString(),
      itemTitle: row.item.title,
      status: row.assignment.status,
      canEdit: canEdit(row),
      submittedAt: row.assignment.submittedAt?.toISOString() ?? null,
    })),
  };
}

/** One assignment with the application's content (no id numbers) and the expert's own sheet only. */
export async function readOwnAssignment(
  db: Database,
  options: { actor: Actor; id: number; context: RequestContext },
) {
  const row = await loadOwnAssignment(db, options.actor, options.id);
  const isAccepted = ['accepted', 'submitted'].includes(row.assignment.status);
  let application: unknown = null;
  if (isAccepted && row.item.subjectType === 'project-application') {
    const [found] = await db
      .select({ content: projectApplications.content, applicationNo: projectApplications.applicationNo })
      .from(projectApplications)
      .where(eq(projectApplications.id, row.item.subjectId));
    const parsed = applicationContentSchema.safeParse(found?.content ?? {});
    if (parsed.success) {
      const content = parsed.data;
      const fileNames = new Map<number, string>();
      for (const attachment of content.attachments) {
        const file = await findStoredFile(db, attachment.fileId);
        if (file) fileNames.set(file.id, file.fileName);
      }
      application = {
        applicationNo: found?.applicationNo ?? null,
        basics: content.basics,
        team: content.team.map(({ idNumber: _hidden, ...member }) => member),
        budget: content.budget,
        milestones: content.milestones,
        targets: content.targets,
        attachments: content.attachments.map((attachment) => ({
          fileId: attachment.fileId,
          kind: attachment.kind,
          fileName: fileNames.get(attachment.fileId) ?? '',
        })),
      };
    }
  }
  return {
    id: row.assignment.id,
    status: row.assignment.status,
    canEdit: canEdit(row),
    round: {
      id: row.round.id,
      title: row.round.title,
      mode: row.round.mode,
      deadline: row.round.deadline.toISOString(),
      rubric: row.round.rubric as Rubric,
      commentBelow: row.round.commentBelow,
      commentAbove: row.round.commentAbove,
    },
    item: { id: row.item.id, title: row.item.title, fields: row.item.fields },
    application,
    sheet: {
      scores: row.assignment.scores,
      vote: row.assignment.vote,
      comment: row.assignment.comment,
      savedAt: row.assignment.savedAt?.toISOString() ?? null,
      submittedAt: row.assignment.submittedAt?.toISOString() ?? null,
      reopenedUntil: row.assignment.reopenedUntil?.toISOString() ?? null,
    },
  };
}

/** Accept (optionally declaring a conflict, which withdraws the expert from this item) or decline. */
export async function respondToInvitation(
  db: Database,
  options: { actor: Actor; id: number; input: InvitationResponse; context: RequestContext },
) {
  const { input, context } = options;
  await db.transaction(async (tx) => {
    const row = await loadOwnAssignment(tx, options.actor, options.id);
    if (row.round.status !== 'released' || row.assignment.status !== 'invited')
      throw new AppError(409, 'transitionNotAllowed');
    const status = !input.accept ? 'declined' : input.conflict ? 'conflict' : 'accepted';
    if (status === 'declined' && !input.reason)
      throw new AppError(400, 'validation', [
        { path: 'reason', message: translate(REVIEW_MESSAGES.declineReasonRequired, context.language) },
      ]);
    const updated = await tx
      .update(reviewAssignments)
      .set({
        status,
        respondedAt: new Date(),
        declineReason: status === 'accepted' ? null : (input.conflict ?? input.reason),
        version: sql`${reviewAssignments.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(reviewAssignments.id, row.assignment.id), eq(reviewAssignments.status, 'invited')))
      .returning({ id: reviewAssignments.id });
    if (updated.length !== 1) throw new AppError(409, 'versionConflict');
    if (status === 'conflict')
      await tx.insert(reviewConflictDecisions).values({
        roundId: row.round.id,
        itemId: row.item.id,
        expertId: row.assignment.expertId,
        kind: 'declaration',
        conflictType: 'expert-declared',
        reason: input.conflict ?? '',
        decidedBy: options.actor.userId,
      });
    await recordAudit(tx, context, {
      event: `review.invitation.${status === 'accepted' ? 'accept' : status === 'conflict' ? 'declare-conflict' : 'decline'}`,
      objectType: 'review_assignments',
      objectId: row.assignment.id,
      after: { status, conflict: input.conflict, reason: input.reason },
    });
    if (status !== 'accepted')
      await notifyUsers(tx, await findUserIdsByRole(tx, ['staff']), {
        kind: 'reviews.expert-declined',
        title: REVIEW_MESSAGES.expertWithdrewTitle({
          isConflict: status === 'conflict',
          roundTitle: row.round.title,
        }).zh,
        body: REVIEW_MESSAGES.expertWithdrewBody({ itemTitle: row.item.title }).zh,
        link: `/reviews/rounds/${row.round.id}`,
      });
  });
  return readOwnAssignment(db, options);
}

function checkScores(rubric: Rubric, draft: ScoreSheetDraft, language: Language): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const known = new Set(rubric.criteria.map((criterion) => criterion.id));
  for (const key of Object.keys(draft.scores))
    if (!known.has(key))
      details.push({
        path: `scores.${key}`,
        message: translate(REVIEW_MESSAGES.unknownCriterion({ key }), language),
      });
  for (const criterion of rubric.criteria) {
    const score = draft.scores[criterion.id];
    if (score === undefined) continue;
    if (!(score >= criterion.minimum && score <= criterion.maximum))
      details.push({
        path: `scores.${criterion.id}`,
        message: translate(REVIEW_MESSAGES.scoreOutOfRange(criterion), language),
      });
  }
  return details;
}

async function loadEditable(tx: Executor, actor: Actor, id: number) {
  const row = await loadOwnAssignment(tx, actor, id);
  if (row.assignment.status === 'submitted') throw new AppError(409, 'reviewSheetLocked');
  if (row.assignment.status !== 'accepted' || row.round.status !== 'released')
    throw new AppError(409, 'reviewNotAccepted');
  if (!canEdit(row)) throw new AppError(409, 'reviewDeadlinePassed');
  return row;
}

/** Autosave: any subset of scores, each within its range. */
export async function saveSheet(
  db: Database,
  options: { actor: Actor; id: number; input: ScoreSheetDraft; context: RequestContext },
) {
  await db.transaction(async (tx) => {
    const row = await loadEditable(tx, options.actor, options.id);
    const details = checkScores(row.round.rubric as Rubric, options.input, options.context.language);
    if (details.length) throw new AppError(400, 'validation', details);
    await tx
      .update(reviewAssignments)
      .set({
        scores: options.input.scores,
        vote: options.input.vote,
        comment: options.input.comment,
        savedAt: new Date(),
        version: sql`${reviewAssignments.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(reviewAssignments.id, row.assignment.id));
  });
  return readOwnAssignment(db, options);
}

/** Submission: every criterion scored, the vote where the round asks for one, a comment outside the thresholds. */
export async function submitSheet(
  db: Database,
  options: { actor: Actor; id: number; input: ScoreSheetDraft; context: RequestContext },
) {
  const { language } = options.context;
  await db.transaction(async (tx) => {
    const row = await loadEditable(tx, options.actor, options.id);
    const rubric = row.round.rubric as Rubric;
    const details = checkScores(rubric, options.input, options.context.language);
    for (const criterion of rubric.criteria)
      if (options.input.scores[criterion.id] === undefined)
        details.push({
          path: `scores.${criterion.id}`,
          message: translate(REVIEW_MESSAGES.scoreRequired(criterion), language),
        });
    if (rubric.hasVote && !options.input.vote)
      details.push({ path: 'vote', message: translate(REVIEW_MESSAGES.voteRequired, language) });
    if (details.length) throw new AppError(400, 'validation', details);
    const total = computeSheetTotal(rubric, options.input.scores);
    const needsComment =
      (row.round.commentBelow !== null && total < row.round.commentBelow) ||
      (row.round.commentAbove !== null && total > row.round.commentAbove);
    if (needsComment && !options.input.comment)
      throw new AppError(400, 'validation', [
        {
          path: 'comment',
          message: translate(
            REVIEW_MESSAGES.commentRequiredOutsideThresholds({
              total,
              below: row.round.commentBelow,
              above: row.round.commentAbove,
            }),
            language,
          ),
        },
      ]);
    await tx
      .update(reviewAssignments)
      .set({
        scores: options.input.scores,
        vote: options.input.vote,
        comment: options.input.comment,
        savedAt: new Date(),
        submittedAt: new Date(),
        status: 'submitted',
        reopenedUntil: null,
        version: sql`${reviewAssignments.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(reviewAssignments.id, row.assignment.id), eq(reviewAssignments.status, 'accepted')));
    await recordAudit(tx, options.context, {
      event: 'review.sheet.submit',
      objectType: 'review_assignments',
      objectId: row.assignment.id,
      after: { scores: options.input.scores, vote: options.input.vote, total },
    });
  });
  return readOwnAssignment(db, options);
}

/** An attachment of the assigned application, once the invitation is accepted. */
export async function downloadAssignmentFile(
  db: Database,
  reply: FastifyReply,
  options: { actor: Actor; id: number; fileId: number; context: RequestContext },
) {
  const row = await loadOwnAssignment(db, options.actor, options.id);
  if (
    !['accepted', 'submitted'].includes(row.assignment.status) ||
    row.item.subjectType !== 'project-application'
  )
    throw notFound();
  const [application] = await db
    .select({ content: projectApplications.content })
    .from(projectApplications)
    .where(eq(projectApplications.id, row.item.subjectId));
  const parsed = applicationContentSchema.safeParse(application?.content ?? {});
  if (!parsed.success || !parsed.data.attachments.some((attachment) => attachment.fileId === options.fileId))
    throw notFound();
  const file = await findStoredFile(db, options.fileId);
  if (!file) throw notFound();
  return sendStoredFile(reply, db, options.context, file);
}
