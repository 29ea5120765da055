import {
  applicationContentSchema,
  listAllowedActions,
  type ReviewRoundAction,
  type ReviewRoundCreate,
  type ReviewRoundStatus,
  reviewRoundWorkflow,
  translate,
} from '@kechuang/domain';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { Actor, RequestContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { notifyUsers } from '../../core/notifications';
import { openPrincipalId } from '../../core/principal-id';
import { fireTransition, readHistory, recordInitialState } from '../../core/workflow';
import type { Database, Transaction } from '../../db/connection';
import {
  enterprises,
  experts,
  planCalls,
  projectApplications,
  reviewItems,
  reviewRounds,
} from '../../db/schema';
import { REVIEW_MESSAGES } from './messages';
import { writeRoundResults } from './results-service';
import {
  type ItemConflictSubject,
  loadItems,
  loadRound,
  loadRoundAssignments,
  type RoundRow,
  rubricOf,
} from './round-data';

function fieldsOf(industry: string | null | undefined, fallback: string | null): string[] {
  const fields = [industry, fallback].filter((field): field is string => Boolean(field));
  return [...new Set(fields)];
}

/** A round over the call's applications now under review; each becomes an item with its conflict subject. */
export async function createRound(
  db: Database,
  options: { input: ReviewRoundCreate; context: RequestContext },
) {
  const { input, context } = options;
  const actor = context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  const [call] = await db.select().from(planCalls).where(eq(planCalls.id, input.callId));
  if (!call)
    throw new AppError(400, 'validation', [
      { path: 'callId', message: translate(REVIEW_MESSAGES.callNotFound, context.language) },
    ]);
  const applications = await db
    .select({ application: projectApplications, enterprise: enterprises })
    .from(projectApplications)
    .innerJoin(enterprises, eq(enterprises.id, projectApplications.enterpriseId))
    .where(and(eq(projectApplications.callId, call.id), eq(projectApplications.status, 'underReview')))
    .orderBy(projectApplications.id);
  if (applications.length === 0)
    throw new AppError(400, 'validation', [
      {
        path: 'callId',
        message: translate(REVIEW_MESSAGES.callHasNothingUnderReview, context.language),
      },
    ]);
  const id = await db.transaction(async (tx) => {
    const [round] = await tx
      .insert(reviewRounds)
      .values({
        title: input.title,
        subjectType: 'project-application',
        callId: call.id,
        mode: input.mode,
        rubric: input.rubric,
        reviewersPerItem: input.reviewersPerItem,
        loadCap: input.loadCap,
        deadline: new Date(input.deadline),
        hideIdentities: input.hideIdentities,
        commentBelow: input.commentBelow === null ? null : Math.round(input.commentBelow),
        commentAbove: input.commentAbove === null ? null : Math.round(input.commentAbove),
        status: reviewRoundWorkflow.initial,
        createdBy: actor.userId,
      })
      .returning({ id: reviewRounds.id });
    await tx.insert(reviewItems).values(
      applications.map(({ application, enterprise }) => {
        const parsed = applicationContentSchema.safeParse(application.content);
        const content = parsed.success ? parsed.data : applicationContentSchema.parse({});
        const subject: ItemConflictSubject = {
          applicant: { name: enterprise.name, creditCode: enterprise.creditCode },
          partners: content.basics.partners
            .filter((partner) => partner.name)
            .map((partner) => ({ name: partner.name, creditCode: partner.creditCode || null })),
          principalInvestigator: {
            name: application.principalName ?? enterprise.contactName,
            personId: openPrincipalId(application.principalIdNumberCipher),
          },
          members: content.team
            .filter((member) => member.role !== 'principal')
            .map((member) => ({ name: member.name, personId: member.idNumber })),
          excludedExperts: content.excludedExperts.map((excluded) => ({
            name: excluded.name,
            organisation: excluded.organisation,
          })),
        };
        return {
          roundId: round.id,
          subjectType: 'project-application',
          subjectId: application.id,
          title: application.title || content.basics.title || `申报 ${application.id}`,
          fields: fieldsOf(content.basics.industry, enterprise.industry),
          conflictSubject: subject,
        };
      }),
    );
    await recordInitialState(tx, {
      definition: reviewRoundWorkflow,
      objectId: round.id,
      context,
      actorName: actor.displayName,
    });
    await recordAudit(tx, context, {
      event: 'review-round.create',
      objectType: 'review_rounds',
      objectId: round.id,
      after: { ...input, items: applications.length },
    });
    return round.id;
  });
  return readRound(db, { actor, id });
}

export async function listRounds(db: Database) {
  const rows = await db
    .select({
      id: reviewRounds.id,
      title: reviewRounds.title,
      mode: reviewRounds.mode,
      status: reviewRounds.status,
      deadline: reviewRounds.deadline,
      callId: reviewRounds.callId,
      items: sql<number>`(select count(*)::int from ${reviewItems} where ${reviewItems.roundId} = ${reviewRounds.id})`,
    })
    .from(reviewRounds)
    .orderBy(desc(reviewRounds.id))
    .limit(200);
  return { items: rows.map((row) => ({ ...row, deadline: row.deadline.toISOString() })) };
}

function describeRound(round: RoundRow) {
  return {
    id: round.id,
    title: round.title,
    subjectType: round.subjectType,
    callId: round.callId,
    mode: round.mode,
    rubric: rubricOf(round),
    reviewersPerItem: round.reviewersPerItem,
    loadCap: round.loadCap,
    deadline: round.deadline.toISOString(),
    hideIdentities: round.hideIdentities,
    commentBelow: round.commentBelow,
    commentAbove: round.commentAbove,
    status: round.status as ReviewRoundStatus,
    assignmentMethod: round.assignmentMethod,
    assignmentSeed: round.assignmentSeed,
    releasedAt: round.releasedAt?.toISOString() ?? null,
    finishedAt: round.finishedAt?.toISOString() ?? null,
    version: round.version,
  };
}

/** Staff's view: the items, who is on each, and how far each sheet is (no scores here). */
export async function readRound(db: Database, options: { actor: Actor; id: number }) {
  const round = await loadRound(db, options.id);
  const [items, assignments] = await Promise.all([
    loadItems(db, round.id),
    loadRoundAssignments(db, round.id),
  ]);
  const expertRows = assignments.length
    ? await db
        .select({
          id: experts.id,
          name: experts.name,
          organisationName: experts.organisationName,
          userId: experts.userId,
        })
        .from(experts)
        .where(inArray(experts.id, [...new Set(assignments.map((assignment) => assignment.expertId))]))
    : [];
  const expertById = new Map(expertRows.map((row) => [row.id, row]));
  const now = Date.now();
  const isPastDeadline = now > round.deadline.getTime();
  return {
    round: describeRound(round),
    items: items.map((item) => ({
      id: item.id,
      subjectType: item.subjectType,
      subjectId: item.subjectId,
      title: item.title,
      fields: item.fields,
      consensusOpinion: item.consensusOpinion,
      resultScore: item.resultScore,
      resultRank: item.resultRank,
      assignments: assignments
        .filter((assignment) => assignment.itemId === item.id)
        .map((assignment) => ({
          id: assignment.id,
          expertId: assignment.expertId,
          expertName: expertById.get(assignment.expertId)?.name ?? '',
          organisationName: expertById.get(assignment.expertId)?.organisationName ?? '',
          status: assignment.status,
          source: assignment.source,
          reason: assignment.reason,
          declineReason: assignment.declineReason,
          submittedAt: assignment.submittedAt?.toISOString() ?? null,
          reopenedUntil: assignment.reopenedUntil?.toISOString() ?? null,
          lastRemindedAt: assignment.lastRemindedAt?.toISOString() ?? null,
        })),
    })),
    progress: {
      assignments: assignments.length,
      submitted: assignments.filter((assignment) => assignment.status === 'submitted').length,
      pending: assignments.filter((assignment) => ['invited', 'accepted'].includes(assignment.status)).length,
      declined: assignments.filter((assignment) => ['declined', 'conflict'].includes(assignment.status))
        .length,
      isPastDeadline,
    },
    allowedActions: listAllowedActions(reviewRoundWorkflow, round.status as ReviewRoundStatus, {
      role: options.actor.role,
      isOwner: false,
    }),
    history: await readHistory(db, reviewRoundWorkflow.name, round.id),
  };
}

/** Release shows the assignments to the experts; finish ranks the items and writes the result back. */
export async function fireRoundAction(
  db: Database,
  options: {
    id: number;
    action: ReviewRoundAction;
    version: number;
    comment?: string;
    context: RequestContext;
  },
) {
  const { context } = options;
  const actor = context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  await db.transaction(async (tx) => {
    const round = await loadRound(tx, options.id, true);
    const assignments = await loadRoundAssignments(tx, round.id);
    if (options.action === 'release') {
      if (assignments.length === 0 && round.status === 'draft')
        throw new AppError(409, 'reviewInfeasible', [
          {
            path: 'assignments',
            message: translate(REVIEW_MESSAGES.noExpertAssigned, context.language),
          },
        ]);
      await fireTransition(tx, {
        ...transitionBase(round, options, context),
        extraAssignments: [sql`released_at = now()`],
      });
      await notifyExperts(tx, round, [...new Set(assignments.map((assignment) => assignment.expertId))], {
        kind: 'reviews.invitation',
        title: REVIEW_MESSAGES.invitationTitle({ roundTitle: round.title }).zh,
        body: REVIEW_MESSAGES.invitationBody({ deadline: round.deadline }).zh,
      });
      return;
    }
    if (
      round.status === 'released' &&
      assignments.some((a) => a.status === 'invited' || a.status === 'accepted')
    )
      throw new AppError(409, 'reviewIncomplete');
    await fireTransition(tx, {
      ...transitionBase(round, options, context),
      extraAssignments: [sql`finished_at = now()`],
    });
    await writeRoundResults(tx, round, assignments, context);
  });
  return readRound(db, { actor, id: options.id });
}

function transitionBase(
  round: RoundRow,
  options: { action: ReviewRoundAction; version: number; comment?: string },
  context: RequestContext,
) {
  return {
    definition: reviewRoundWorkflow,
    table: 'review_rounds' as const,
    objectId: round.id,
    action: options.action,
    expectedVersion: options.version,
    comment: options.comment,
    context,
    isOwner: false,
    ownerEnterpriseId: null,
    subject: `评审轮次（${round.title}）`,
    link: `/reviews/rounds/${round.id}`,
  };
}

export async function notifyExperts(
  tx: Transaction,
  round: RoundRow,
  expertIds: number[],
  draft: { kind: string; title: string; body: string },
): Promise<number> {
  if (expertIds.length === 0) return 0;
  const rows = await tx
    .select({ userId: experts.userId })
    .from(experts)
    .where(inArray(experts.id, expertIds));
  const userIds = rows.map((row) => row.userId).filter((id): id is number => id !== null);
  await notifyUsers(tx, userIds, { ...draft, link: `/expert/rounds/${round.id}` });
  return userIds.length;
}

/** Calls with applications waiting in 专家评审中, for building a round. */
export async function listReviewableCalls(db: Database) {
  const rows = await db
    .select({
      id: planCalls.id,
      title: planCalls.title,
      year: planCalls.year,
      underReview: sql<number>`count(${projectApplications.id})::int`,
    })
    .from(planCalls)
    .innerJoin(
      projectApplications,
      and(eq(projectApplications.callId, planCalls.id), eq(projectApplications.status, 'underReview')),
    )
    .groupBy(planCalls.id)
    .orderBy(desc(planCalls.year), desc(planCalls.id));
  return { items: rows };
}
