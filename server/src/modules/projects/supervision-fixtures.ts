import { type ApplicationContent, addMonths } from '@kechuang/domain';
import { and, eq } from 'drizzle-orm';
import { sealPrincipalId } from '../../core/principal-id';
import type { Executor } from '../../db/connection';
import { planCalls, planCategories, planProjects, projectApplications } from '../../db/schema';
import { nextProjectNo } from './project-numbers';

export const SUPERVISION_TEST_CONTENT: Partial<ApplicationContent> = {
  team: [
    {
      name: '李负责',
      role: 'principal',
      idNumber: '370811198001011231',
      title: '高级工程师',
      organisation: '',
      workloadMonths: 8,
      task: '',
    },
    {
      name: '王骨干',
      role: 'core',
      idNumber: null,
      title: '工程师',
      organisation: '',
      workloadMonths: 6,
      task: '',
    },
  ],
  budget: {
    rows: [
      { category: 'equipment', fiscalFen: 300_000_00, selfRaisedFen: 200_000_00, otherFen: 0 },
      { category: 'business', fiscalFen: 200_000_00, selfRaisedFen: 100_000_00, otherFen: 0 },
    ],
    totals: null,
  },
  milestones: [{ dueOn: '2022-06-30', description: '完成样机研制' }],
  targets: [
    { name: '新产品', kind: 'technical', unit: '项', value: '2' },
    { name: '发明专利申请', kind: 'technical', unit: '件', value: '3' },
    { name: '新增销售收入', kind: 'economic', unit: '万元', value: '500' },
  ],
};

/**
 * A plan project put straight into the skeleton tables (category by code, a call of the year, an
 * application, the project), as establishment and the task contract would leave it.
 */
export async function insertPlanProject(
  db: Executor,
  options: {
    enterpriseId: number;
    status?: string;
    startOn?: string;
    months?: number;
    title?: string;
    approvedFen?: number;
    content?: Partial<ApplicationContent>;
    categoryCode?: string;
  },
): Promise<{ projectId: number; applicationId: number; callId: number }> {
  const startOn = options.startOn ?? '2021-01-01';
  const year = Number(startOn.slice(0, 4));
  const code = options.categoryCode ?? 'key-rd';
  let [category] = await db.select().from(planCategories).where(eq(planCategories.code, code));
  if (!category) {
    [category] = await db
      .insert(planCategories)
      .values({ code, name: '重点研发计划', fundingMode: 'preFunding', level: 'district' })
      .onConflictDoNothing()
      .returning();
    category ??= (await db.select().from(planCategories).where(eq(planCategories.code, code)))[0];
  }
  let [call] = await db
    .select()
    .from(planCalls)
    .where(and(eq(planCalls.categoryId, category.id), eq(planCalls.year, year)));
  if (!call) {
    [call] = await db
      .insert(planCalls)
      .values({
        categoryId: category.id,
        year,
        title: `${year}年度区重点研发计划项目申报通知`,
        status: 'closed',
        opensAt: new Date(`${year - 1}-11-01T00:00:00+08:00`),
        closesAt: new Date(`${year - 1}-12-15T17:00:00+08:00`),
        budgetFen: 5_000_000_00,
      })
      .returning();
  }
  const title = options.title ?? '智能制造关键技术研发';
  const [application] = await db
    .insert(projectApplications)
    .values({
      callId: call.id,
      enterpriseId: options.enterpriseId,
      year,
      status: 'established',
      title,
      principalName: '李负责',
      ...sealPrincipalId('370811198001011231'),
      content: options.content ?? SUPERVISION_TEST_CONTENT,
      requestedFen: options.approvedFen ?? 500_000_00,
      approvedFen: options.approvedFen ?? 500_000_00,
    })
    .returning({ id: projectApplications.id });
  const [project] = await db
    .insert(planProjects)
    .values({
      applicationId: application.id,
      callId: call.id,
      enterpriseId: options.enterpriseId,
      projectNo: await nextProjectNo(db, call.id),
      title,
      status: options.status ?? 'inProgress',
      principalName: '李负责',
      ...sealPrincipalId('370811198001011231'),
      approvedFen: options.approvedFen ?? 500_000_00,
      startOn,
      endOn: lastDayBefore(addMonths(startOn, options.months ?? 24)),
    })
    .returning({ id: planProjects.id });
  return { projectId: project.id, applicationId: application.id, callId: call.id };
}

function lastDayBefore(date: string): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() - 1);
  return value.toISOString().slice(0, 10);
}
