import { applicationContentSchema, scaleFiscalColumn, type TaskContractContent } from '@kechuang/domain';
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/connection';
import { enterprises, type projectApplications } from '../../db/schema';

function addYears(date: string, years: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCFullYear(value.getUTCFullYear() + years);
  value.setUTCDate(value.getUTCDate() - 1);
  return value.toISOString().slice(0, 10);
}

/**
 * The 任务书 generated from an application: its targets, milestones and budget table, with the fiscal
 * column scaled to the approved amount when that differs from the request.
 */
export async function buildContractContent(
  executor: Executor,
  application: typeof projectApplications.$inferSelect,
  approvedFen: number,
): Promise<TaskContractContent> {
  const parsed = applicationContentSchema.safeParse(application.content ?? {});
  const content = parsed.success ? parsed.data : applicationContentSchema.parse({});
  const [enterprise] = await executor
    .select({ name: enterprises.name })
    .from(enterprises)
    .where(eq(enterprises.id, application.enterpriseId));
  const startOn = content.basics.startOn ?? `${application.year}-07-01`;
  const endOn = content.basics.endOn ?? addYears(startOn, 2);
  return {
    title: application.title,
    enterpriseName: enterprise?.name ?? '',
    principalName: application.principalName,
    startOn,
    endOn,
    requestedFen: Number(application.requestedFen),
    approvedFen,
    summary: content.basics.summary,
    targets: content.targets,
    milestones: content.milestones,
    budgetRows: scaleFiscalColumn(content.budget.rows, approvedFen),
  };
}
