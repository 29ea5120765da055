import { eq } from 'drizzle-orm';
import type { Database } from '../../db/connection';
import { planCalls, planCategories, projectApplications } from '../../db/schema';

/** A district call with a budget, for tests: the category is looked up by code or created. */
export async function buildApprovalCall(
  db: Database,
  options: { year?: number; budgetFen?: number | null; publicityWorkingDays?: number; title?: string } = {},
): Promise<number> {
  const code = 'key-rd';
  let [category] = await db
    .select({ id: planCategories.id })
    .from(planCategories)
    .where(eq(planCategories.code, code));
  if (!category) {
    [category] = await db
      .insert(planCategories)
      .values({ code, name: '重点研发计划', fundingMode: 'preFunding', level: 'district' })
      .returning({ id: planCategories.id });
  }
  const year = options.year ?? 2021;
  const [call] = await db
    .insert(planCalls)
    .values({
      categoryId: category.id,
      year,
      title: options.title ?? `${year}年度区重点研发计划项目申报通知`,
      status: 'closed',
      opensAt: new Date(`${year}-03-01T00:00:00+08:00`),
      closesAt: new Date(`${year}-04-30T17:00:00+08:00`),
      budgetFen: options.budgetFen === undefined ? 300_000_000 : options.budgetFen,
      publicityWorkingDays: options.publicityWorkingDays ?? 5,
    })
    .returning({ id: planCalls.id });
  return call.id;
}

/** An application that has been through the expert review: the review issue sets score and rank. */
export async function buildReviewedApplication(
  db: Database,
  options: {
    callId: number;
    enterpriseId: number;
    title: string;
    requestedFen: number;
    score: number;
    rank: number;
    year?: number;
    status?: string;
  },
): Promise<number> {
  const fiscal = options.requestedFen;
  const year = options.year ?? 2021;
  const [row] = await db
    .insert(projectApplications)
    .values({
      callId: options.callId,
      enterpriseId: options.enterpriseId,
      year,
      status: options.status ?? 'reviewed',
      applicationNo: `KJ${year}-${String(options.enterpriseId).padStart(4, '0')}-${options.callId}`,
      title: options.title,
      principalName: '李研发',
      requestedFen: options.requestedFen,
      reviewScore: options.score,
      reviewRank: options.rank,
      submittedAt: new Date(`${year}-04-20T10:00:00+08:00`),
      content: {
        basics: {
          title: options.title,
          industry: null,
          summary: '研制面向工程机械的智能控制系统，形成自主知识产权。',
          startOn: `${year}-07-01`,
          endOn: `${year + 2}-06-30`,
          partners: [],
        },
        team: [],
        budget: {
          rows: [
            {
              category: 'equipment',
              fiscalFen: Math.round(fiscal * 0.5),
              selfRaisedFen: fiscal,
              otherFen: 0,
            },
            { category: 'business', fiscalFen: Math.round(fiscal * 0.3), selfRaisedFen: fiscal, otherFen: 0 },
            {
              category: 'labour',
              fiscalFen: fiscal - Math.round(fiscal * 0.5) - Math.round(fiscal * 0.3),
              selfRaisedFen: 0,
              otherFen: 0,
            },
          ],
          totals: null,
        },
        milestones: [
          { dueOn: `${year}-12-31`, description: '完成样机设计' },
          { dueOn: `${year + 1}-12-31`, description: '完成中试与用户验证' },
        ],
        targets: [
          { name: '申请发明专利', kind: 'technical', unit: '件', value: '3' },
          { name: '新增销售收入', kind: 'economic', unit: '万元', value: '2000' },
        ],
        attachments: [],
        excludedExperts: [],
      },
    })
    .returning({ id: projectApplications.id });
  return row.id;
}
