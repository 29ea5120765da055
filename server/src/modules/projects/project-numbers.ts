import { nextProjectNumber, projectNumberScope } from '@kechuang/domain';
import { eq, like, sql } from 'drizzle-orm';
import { readDistrictSettings } from '../../core/settings';
import type { Executor } from '../../db/connection';
import { planCalls, planCategories, planProjects } from '../../db/schema';

/**
 * The next 项目编号 of a call's year and category in the district's format (e.g. `JN-KJ-2021-007`).
 * A lock per year and category, held to the end of the transaction, keeps numbers sequential and unique.
 */
export async function nextProjectNo(executor: Executor, callId: number): Promise<string> {
  const [call] = await executor
    .select({ year: planCalls.year, categoryCode: planCategories.code })
    .from(planCalls)
    .innerJoin(planCategories, eq(planCategories.id, planCalls.categoryId))
    .where(eq(planCalls.id, callId));
  const { projectNumberPattern } = await readDistrictSettings(executor);
  const scope = projectNumberScope(projectNumberPattern, call);
  await executor.execute(sql`select pg_advisory_xact_lock(7300100, hashtext(${scope}))`);
  const taken = await executor
    .select({ projectNo: planProjects.projectNo })
    .from(planProjects)
    .where(like(planProjects.projectNo, scope));
  return nextProjectNumber(
    projectNumberPattern,
    call,
    taken.map((row) => row.projectNo),
  );
}
