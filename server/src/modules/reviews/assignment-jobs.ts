import crypto from 'node:crypto';
import {
  type AssignmentJobCreate,
  type AssignmentResult,
  assignReviewersOptimally,
  buildConflictPredicate,
  drawReviewersAtRandom,
  labelExpertField,
} from '@kechuang/domain';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../core/audit';
import type { RequestContext } from '../../core/context';
import { AppError, notFound } from '../../core/errors';
import type { Database } from '../../db/connection';
import { reviewAssignmentJobs, reviewAssignments, reviewRounds } from '../../db/schema';
import { computeRoundConflicts, loadActivePool, loadItems, loadRound, requireRoundOpen } from './round-data';

type JobRow = typeof reviewAssignmentJobs.$inferSelect;

function describeJob(job: JobRow) {
  return {
    id: job.id,
    roundId: job.roundId,
    method: job.method,
    seed: job.seed,
    status: job.status,
    stage: job.stage,
    done: job.done,
    total: job.total,
    result: job.result,
    createdAt: job.createdAt.toISOString(),
  };
}

/**
 * Starts a dry run: the job row is written at once and the matching runs after the response, writing
 * its progress to the row (so any instance can answer the poll) and stopping when cancel is asked.
 */
export async function startAssignmentJob(
  db: Database,
  options: { id: number; input: AssignmentJobCreate; context: RequestContext },
) {
  const { input, context } = options;
  const actor = context.actor;
  if (!actor) throw new AppError(401, 'unauthenticated');
  const round = await loadRound(db, options.id);
  requireRoundOpen(round, false);
  const seed = input.method === 'random' ? (input.seed ?? crypto.randomInt(0, 2 ** 32 - 1)) : null;
  const [job] = await db.transaction(async (tx) => {
    const rows = await tx
      .insert(reviewAssignmentJobs)
      .values({
        roundId: round.id,
        method: input.method,
        seed,
        status: 'running',
        stage: 'candidates',
        roundVersion: round.version,
        createdBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, context, {
      event: 'review.assignment.dry-run',
      objectType: 'review_rounds',
      objectId: round.id,
      after: { jobId: rows[0].id, method: input.method, seed },
    });
    return rows;
  });
  void runAssignmentJob(db, job.id).catch(() => undefined);
  return describeJob(job);
}

async function runAssignmentJob(db: Database, jobId: number): Promise<void> {
  const [job] = await db.select().from(reviewAssignmentJobs).where(eq(reviewAssignmentJobs.id, jobId));
  const controller = new AbortController();
  let progress = { stage: 'candidates', done: 0, total: 0 };
  let isWriting = false;
  const timer = setInterval(async () => {
    if (isWriting) return;
    isWriting = true;
    try {
      const [row] = await db
        .update(reviewAssignmentJobs)
        .set({ stage: progress.stage, done: progress.done, total: progress.total, updatedAt: new Date() })
        .where(eq(reviewAssignmentJobs.id, jobId))
        .returning({ isCancelRequested: reviewAssignmentJobs.isCancelRequested });
      if (row?.isCancelRequested) controller.abort(new Error('cancelled'));
    } catch {
      // The next tick tries again; the final write below is what counts.
    } finally {
      isWriting = false;
    }
  }, 200);
  try {
    const round = await loadRound(db, job.roundId);
    const [items, pool] = await Promise.all([loadItems(db, round.id), loadActivePool(db)]);
    const pairs = await computeRoundConflicts(db, { round, items, pool });
    const isConflicted = buildConflictPredicate(pairs);
    const input = {
      items: items.map((item) => ({ id: String(item.id), fields: item.fields })),
      experts: pool.map((expert) => ({
        id: String(expert.id),
        fields: expert.fields,
        organisation: { name: expert.organisationName, creditCode: expert.organisationCreditCode },
      })),
      reviewersPerItem: round.reviewersPerItem,
      loadCap: round.loadCap,
      isConflicted,
      fieldLabel: labelExpertField,
    };
    const runOptions = {
      signal: controller.signal,
      onProgress: (next: { stage: string; done: number; total: number }) => {
        progress = next;
      },
    };
    const result: AssignmentResult =
      job.method === 'random'
        ? await drawReviewersAtRandom({ ...input, seed: Number(job.seed) }, runOptions)
        : await assignReviewersOptimally(input, runOptions);
    const titleOf = new Map(items.map((item) => [String(item.id), item.title]));
    const nameOf = new Map(
      pool.map((expert) => [String(expert.id), `${expert.name}（${expert.organisationName}）`]),
    );
    const stored =
      result.status === 'assigned'
        ? {
            status: 'assigned',
            seed: result.seed,
            randomAlgorithm: result.randomAlgorithm,
            totalAffinity: result.totalAffinity,
            repairedSeats: result.repairedSeats,
            worstServedItem: result.worstServedItem && {
              itemId: Number(result.worstServedItem.itemId),
              title: titleOf.get(result.worstServedItem.itemId) ?? '',
              reason: result.worstServedItem.reason,
            },
            picks: result.picks.map((pick) => ({
              itemId: Number(pick.itemId),
              itemTitle: titleOf.get(pick.itemId) ?? '',
              expertId: Number(pick.expertId),
              expertName: nameOf.get(pick.expertId) ?? '',
              affinity: pick.affinity,
              reason: pick.reason,
            })),
          }
        : {
            status: 'infeasible',
            problems: result.problems.map((problem) => ({
              kind: problem.kind,
              items: problem.itemIds.map((itemId) => ({
                id: Number(itemId),
                title: titleOf.get(itemId) ?? '',
              })),
              seatsNeeded: problem.seatsNeeded,
              seatsAvailable: problem.seatsAvailable,
              eligibleExperts: problem.eligibleExperts,
              reason: problem.reason,
            })),
          };
    clearInterval(timer);
    await db
      .update(reviewAssignmentJobs)
      .set({
        status: result.status === 'assigned' ? 'done' : 'infeasible',
        stage: 'matching',
        done: progress.total,
        total: progress.total,
        result: stored,
        updatedAt: new Date(),
      })
      .where(eq(reviewAssignmentJobs.id, jobId));
  } catch (error) {
    clearInterval(timer);
    const isCancelled = controller.signal.aborted;
    await db
      .update(reviewAssignmentJobs)
      .set({
        status: isCancelled ? 'cancelled' : 'failed',
        result: isCancelled ? null : { message: error instanceof Error ? error.message : String(error) },
        updatedAt: new Date(),
      })
      .where(eq(reviewAssignmentJobs.id, jobId))
      .catch(() => undefined);
  }
}

async function loadJob(db: Database, id: number): Promise<JobRow> {
  const [job] = await db.select().from(reviewAssignmentJobs).where(eq(reviewAssignmentJobs.id, id));
  if (!job) throw notFound();
  return job;
}

export async function readAssignmentJob(db: Database, options: { id: number }) {
  return describeJob(await loadJob(db, options.id));
}

export async function cancelAssignmentJob(db: Database, options: { id: number; context: RequestContext }) {
  const job = await loadJob(db, options.id);
  if (job.status !== 'running') throw new AppError(409, 'transitionNotAllowed');
  await db.transaction(async (tx) => {
    await tx
      .update(reviewAssignmentJobs)
      .set({ isCancelRequested: true })
      .where(eq(reviewAssignmentJobs.id, job.id));
    await recordAudit(tx, options.context, {
      event: 'review.assignment.cancel',
      objectType: 'review_assignment_jobs',
      objectId: job.id,
    });
  });
  return describeJob(await loadJob(db, job.id));
}

interface StoredPick {
  itemId: number;
  expertId: number;
  affinity: number;
  reason: { zh: string };
}

/**
 * Applies a finished dry run in one transaction: the round's draft assignments are replaced by the
 * run's picks, all or none. Refused when the round changed after the run (another run applied,
 * a manual change, an override) or when the run found the rules cannot be met.
 */
export async function applyAssignmentJob(db: Database, options: { id: number; context: RequestContext }) {
  const { context } = options;
  const job = await loadJob(db, options.id);
  if (job.status === 'infeasible') {
    const problems =
      (job.result as { problems?: { items: { title: string }[]; reason: { zh: string; en: string } }[] })
        ?.problems ?? [];
    throw new AppError(
      422,
      'reviewInfeasible',
      problems.map((problem) => ({
        path: 'items',
        message: `${problem.items.map((item) => `「${item.title}」`).join('、')}：${context.language === 'en' ? problem.reason.en : problem.reason.zh}`,
      })),
    );
  }
  if (job.status !== 'done') throw new AppError(409, 'transitionNotAllowed');
  const picks = (job.result as { picks: StoredPick[] }).picks;
  await db.transaction(async (tx) => {
    const round = await loadRound(tx, job.roundId, true);
    requireRoundOpen(round, false);
    if (round.version !== job.roundVersion) throw new AppError(409, 'reviewJobStale');
    await tx.delete(reviewAssignments).where(eq(reviewAssignments.roundId, round.id));
    if (picks.length)
      await tx.insert(reviewAssignments).values(
        picks.map((pick) => ({
          roundId: round.id,
          itemId: pick.itemId,
          expertId: pick.expertId,
          status: 'invited',
          source: job.method,
          reason: pick.reason.zh,
        })),
      );
    await tx
      .update(reviewRounds)
      .set({
        assignmentMethod: job.method,
        assignmentSeed: job.seed,
        version: sql`${reviewRounds.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(reviewRounds.id, round.id));
    await tx
      .update(reviewAssignmentJobs)
      .set({ status: 'applied', updatedAt: new Date() })
      .where(eq(reviewAssignmentJobs.id, job.id));
    await recordAudit(tx, context, {
      event: 'review.assignment.apply',
      objectType: 'review_rounds',
      objectId: round.id,
      after: { jobId: job.id, method: job.method, seed: job.seed, pairs: picks.length },
    });
  });
  return { ok: true as const, assigned: picks.length };
}
