import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { App } from '../../core/module';
import type { Database } from '../../db/connection';
import { enterprises, experts, planCalls, planCategories, projectApplications, users } from '../../db/schema';
import { buildUser, logIn, nextCreditCode, type Session } from '../../test/factories';
import type { TestApp } from '../../test/test-app';

/** A call with applications under review, each from its own enterprise, for review tests. */
export async function buildCallUnderReview(
  db: Database,
  options: {
    applications: {
      title: string;
      industry: string;
      principal: string;
      partner?: string;
      excluded?: string;
    }[];
  },
) {
  const code = `key-rd-test-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const [category] = await db
    .insert(planCategories)
    .values({ code, name: '重点研发计划', fundingMode: 'preFunding', level: 'district' })
    .returning({ id: planCategories.id });
  const [call] = await db
    .insert(planCalls)
    .values({
      categoryId: category.id,
      year: 2026,
      title: '2026 年度区重点研发计划',
      status: 'closed',
      opensAt: new Date('2026-03-01T00:00:00+08:00'),
      closesAt: new Date('2026-04-30T17:00:00+08:00'),
    })
    .returning({ id: planCalls.id });
  const applications: { id: number; enterpriseId: number; enterpriseName: string; creditCode: string }[] = [];
  for (const [index, application] of options.applications.entries()) {
    const creditCode = nextCreditCode();
    const name = `评审测试${index + 1}号科技有限公司${creditCode.slice(-4)}`;
    const [enterprise] = await db
      .insert(enterprises)
      .values({
        creditCode,
        name,
        status: 'verified',
        contactName: '联系人',
        contactPhone: '13800000000',
        industry: application.industry,
      })
      .returning({ id: enterprises.id });
    const [row] = await db
      .insert(projectApplications)
      .values({
        callId: call.id,
        enterpriseId: enterprise.id,
        year: 2026,
        status: 'underReview',
        applicationNo: `KJ2026-T${enterprise.id}`,
        title: application.title,
        principalName: application.principal,
        content: {
          basics: {
            title: application.title,
            industry: application.industry,
            summary: '项目简介',
            startOn: '2026-07-01',
            endOn: '2028-06-30',
            partners: application.partner ? [{ name: application.partner, creditCode: null }] : [],
          },
          team: [
            {
              name: application.principal,
              role: 'principal',
              idNumber: '370811198001011231',
              title: '高级工程师',
              organisation: name,
              workloadMonths: 8,
              task: '总体负责',
            },
          ],
          excludedExperts: application.excluded
            ? [{ name: application.excluded, organisation: '', reason: '竞争关系' }]
            : [],
        },
      })
      .returning({ id: projectApplications.id });
    applications.push({ id: row.id, enterpriseId: enterprise.id, enterpriseName: name, creditCode });
  }
  return { callId: call.id, applications };
}

export async function readApplication(db: Database, id: number) {
  const [row] = await db.select().from(projectApplications).where(eq(projectApplications.id, id));
  return row;
}

/** Enters and approves an expert through the API; returns its id and a signed-in session. */
export async function buildExpert(
  app: App,
  db: Database,
  staff: Session,
  overrides: Record<string, unknown> = {},
): Promise<{ id: number; session: Session; name: string }> {
  const username = `expert_${process.pid}_${Math.random().toString(36).slice(2, 9)}`;
  const name = (overrides.name as string) ?? `专家${username.slice(-4)}`;
  const created = await app.inject({
    method: 'POST',
    url: '/api/reviews/experts',
    headers: { cookie: staff.cookie },
    payload: {
      username,
      name,
      title: '正高级',
      fields: ['it', 'd-computer'],
      organisation: { name: `${name}所在大学` },
      phone: '13912345678',
      ...overrides,
    },
  });
  if (created.statusCode !== 201) throw new Error(`expert: ${created.statusCode} ${created.body}`);
  const detail = created.json();
  const approved = await app.inject({
    method: 'POST',
    url: `/api/reviews/experts/${detail.expert.id}/actions/approve`,
    headers: { cookie: staff.cookie },
    payload: { version: detail.expert.version },
  });
  if (approved.statusCode !== 200) throw new Error(`approve: ${approved.body}`);
  // The initial password must be changed at first login; tests sign in with a known one instead.
  const user = await buildUser(db, { role: 'expert' });
  const [row] = await db
    .select({ userId: experts.userId })
    .from(experts)
    .where(eq(experts.id, detail.expert.id));
  await db.update(experts).set({ userId: user.id }).where(eq(experts.id, detail.expert.id));
  if (row.userId) await db.update(users).set({ isDisabled: true }).where(eq(users.id, row.userId));
  return { id: detail.expert.id, session: await logIn(app, user.username), name };
}

/** Two weighted criteria with a vote: the rubric most round tests score against. */
export const REVIEW_TEST_RUBRIC = {
  criteria: [
    { id: 'innovation', label: { zh: '创新性', en: 'Innovation' }, weight: 1, minimum: 0, maximum: 60 },
    { id: 'benefit', label: { zh: '预期效益', en: 'Benefit' }, weight: 1, minimum: 0, maximum: 40 },
  ],
  hasVote: true,
};

/**
 * The calls review tests make through the API as staff. The app and session are read when a call
 * is made, so a test file can hand over variables its `beforeAll` fills in.
 */
export function reviewRequests(context: () => { test: TestApp; staff: Session }) {
  /** Every expert entered so far: all are in the active pool any later draw picks from. */
  const entered: Awaited<ReturnType<typeof buildExpert>>[] = [];

  async function enterExpert(overrides: Record<string, unknown> = {}) {
    const { test, staff } = context();
    const expert = await buildExpert(test.app, test.db, staff, overrides);
    entered.push(expert);
    return expert;
  }

  async function request(session: Session | null, method: string, url: string, payload?: unknown) {
    return context().test.app.inject({
      method: method as 'GET',
      url,
      headers: session ? { cookie: session.cookie } : {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  }

  async function waitForJob(id: number) {
    for (let attempt = 0; attempt < 200; attempt++) {
      const job = (await request(context().staff, 'GET', `/api/reviews/assignment-jobs/${id}`)).json();
      if (job.status !== 'running') return job;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('job did not finish');
  }

  async function createRound(callId: number, overrides: Record<string, unknown> = {}) {
    const response = await request(context().staff, 'POST', '/api/reviews/rounds', {
      title: '2026 重点研发网评',
      callId,
      mode: 'online',
      rubric: REVIEW_TEST_RUBRIC,
      reviewersPerItem: 3,
      loadCap: 2,
      deadline: new Date(Date.now() + 7 * 86400_000).toISOString(),
      commentBelow: 60,
      ...overrides,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  return { entered, enterExpert, request, waitForJob, createRound };
}
