import crypto from 'node:crypto';
import os from 'node:os';
import { chinaToday } from '@kechuang/domain';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/connection';
import { jobRuns } from '../db/schema';
import type { DailyJob } from './module';

/** This process, as `job_runs` names it: host, pid and a random tag. */
export const INSTANCE_ID = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;

export interface JobRunOutcome {
  job: string;
  /** Whether this instance ran it; false when another instance had claimed the day. */
  isRun: boolean;
  outcome?: string;
  error?: unknown;
}

/**
 * Runs each job once per day (China time) across every instance on the database: the instance
 * that inserts the day's row runs the job, the others leave it. The row keeps the outcome.
 */
export async function runDailyJobsOnce(
  db: Database,
  jobs: readonly DailyJob[],
  now: Date = new Date(),
): Promise<JobRunOutcome[]> {
  const day = chinaToday(now);
  const outcomes: JobRunOutcome[] = [];
  for (const job of jobs) {
    const [claimed] = await db
      .insert(jobRuns)
      .values({ job: job.name, day, instance: INSTANCE_ID })
      .onConflictDoNothing()
      .returning({ id: jobRuns.id });
    if (!claimed) {
      outcomes.push({ job: job.name, isRun: false });
      continue;
    }
    try {
      const outcome = await job.run(db, now);
      await db.update(jobRuns).set({ finishedAt: new Date(), outcome }).where(eq(jobRuns.id, claimed.id));
      outcomes.push({ job: job.name, isRun: true, outcome });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await db
        .update(jobRuns)
        .set({ finishedAt: new Date(), outcome: message.slice(0, 500), isFailed: true })
        .where(eq(jobRuns.id, claimed.id));
      outcomes.push({ job: job.name, isRun: true, error });
    }
  }
  return outcomes;
}
