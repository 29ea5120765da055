import type { ExpertRelation } from '@kechuang/domain';
import { eq } from 'drizzle-orm';
import type { Transaction } from '../db/connection';
import { experts, planCalls, projectApplications, workflowHistory } from '../db/schema';
import { defaultDemoToday, demoDate } from './demo-today';
import { createRandom } from './random';
import {
  type DemoEnterpriseRef,
  ensureKeyRdCategory,
  INSTITUTIONS,
  personName,
  pickFields,
  seedApplications,
} from './seed-expert-applications';
import { seedRound } from './seed-review-rounds';

export const DEMO_EXPERT_COUNT = 300;
const DAY = 86_400_000;

const TITLES = ['正高级', '正高级', '副高级', '副高级', '中级'];

/**
 * 专家库 of a few hundred experts at the district's universities, institutes and enterprises, with
 * relations to demo applicants (so conflicts are real), a finished round of last year's call whose
 * results sit on the applications, and an open round of this year's call, closed a month before the
 * day the demo is loaded, in which expert01 has invitations waiting.
 */
export async function seedExpertsDemo(
  tx: Transaction,
  options: {
    enterprises: DemoEnterpriseRef[];
    staff: { id: number; displayName: string }[];
    expertUsers: { id: number; username: string; displayName: string }[];
    /** The day the demo is loaded: the open round's call closed before it, its deadline is after. */
    today?: Date;
  },
): Promise<void> {
  const today = options.today ?? defaultDemoToday();
  const random = createRandom(20260505);
  const categoryId = await ensureKeyRdCategory(tx);
  const closesAt = new Date(today.getTime() - 30 * DAY);
  const year = Number(demoDate(closesAt).slice(0, 4));
  const [callLastYear, callThisYear] = await tx
    .insert(planCalls)
    .values([
      {
        categoryId,
        year: year - 1,
        title: `${year - 1} 年度任城区重点研发计划项目申报通知`,
        status: 'closed',
        opensAt: new Date(`${year - 1}-03-01T08:00:00+08:00`),
        closesAt: new Date(`${year - 1}-04-30T17:00:00+08:00`),
        budgetFen: 500_000_000,
      },
      {
        categoryId,
        year,
        title: `${year} 年度任城区重点研发计划项目申报通知`,
        status: 'closed',
        opensAt: new Date(closesAt.getTime() - 60 * DAY),
        closesAt,
        budgetFen: 600_000_000,
      },
    ])
    .returning({ id: planCalls.id });
  const candidates = options.enterprises.filter((enterprise) => enterprise.status === 'verified').slice(-60);
  const applicationsLastYear = await seedApplications(tx, random, {
    callId: callLastYear.id,
    year: year - 1,
    status: 'underReview',
    candidates,
    count: 18,
    numberFrom: 1,
    submittedFrom: new Date(`${year - 1}-04-20T10:00:00+08:00`),
  });
  const applicationsThisYear = await seedApplications(tx, random, {
    callId: callThisYear.id,
    year,
    status: 'underReview',
    candidates,
    count: 24,
    numberFrom: 1,
    submittedFrom: new Date(closesAt.getTime() - 12 * DAY),
  });
  const everyApplication = [...applicationsLastYear, ...applicationsThisYear];

  // The pool: mostly universities and institutes, some at demo enterprises (which conflict with their own applications).
  const experts2Insert: (typeof experts.$inferInsert)[] = [];
  const [expert01, expert02] = ['expert01', 'expert02'].map((username) =>
    options.expertUsers.find((user) => user.username === username),
  );
  experts2Insert.push({
    userId: expert01?.id ?? null,
    name: '赵振华',
    title: '正高级',
    fields: ['it', 'd-computer', 'advanced-manufacturing'],
    organisationName: '济宁学院',
    phone: '13905370101',
    email: 'zhaozh@jnxy.edu.cn',
    status: 'active',
    relations: [],
    collaborations: [],
  });
  experts2Insert.push({
    userId: expert02?.id ?? null,
    name: '孙立新',
    title: '正高级',
    fields: ['new-energy-materials', 'd-materials', 'fine-chemicals'],
    organisationName: '齐鲁工业大学（山东省科学院）',
    phone: '13905370102',
    status: 'active',
    relations: [],
    collaborations: [],
  });
  for (let index = experts2Insert.length; index < DEMO_EXPERT_COUNT; index++) {
    const atEnterprise = random.chance(0.12);
    const application = random.pick(everyApplication);
    const institution = random.pick(INSTITUTIONS);
    const relations: ExpertRelation[] = [];
    const collaborations: {
      person?: { name: string };
      organisation?: { name: string; creditCode?: string };
      endedOn: string | null;
      description?: string;
    }[] = [];
    const target = random.pick(everyApplication);
    const roll = random.next();
    if (roll < 0.08) relations.push({ kind: 'relative', person: { name: target.principal } });
    else if (roll < 0.14) relations.push({ kind: 'former-student', person: { name: target.principal } });
    else if (roll < 0.18)
      relations.push({
        kind: 'economic-interest',
        organisation: { name: target.enterpriseName, creditCode: target.creditCode },
      });
    if (random.chance(0.1))
      collaborations.push({
        organisation: { name: target.enterpriseName, creditCode: target.creditCode },
        endedOn: `${random.integer(2021, 2025)}-${String(random.integer(1, 12)).padStart(2, '0')}-15`,
        description: '横向技术开发合同',
      });
    experts2Insert.push({
      name: personName(random),
      title: random.pick(TITLES),
      fields: pickFields(random, atEnterprise ? [application.industry] : institution.fields),
      organisationName: atEnterprise ? application.enterpriseName : institution.name,
      organisationCreditCode: atEnterprise ? application.creditCode : null,
      phone: `139${String(random.integer(0, 99_999_999)).padStart(8, '0')}`,
      isAvailable: random.chance(0.95),
      status: random.chance(0.04) ? 'paused' : 'active',
      relations,
      collaborations,
    });
  }
  const expertRows = await tx.insert(experts).values(experts2Insert).returning();
  await tx.insert(workflowHistory).values(
    expertRows.map((row) => ({
      workflow: 'expert',
      objectId: row.id,
      action: 'approve',
      fromStatus: 'pending',
      toStatus: 'active',
      actorId: options.staff[0]?.id ?? null,
      actorName: options.staff[0]?.displayName ?? '系统',
      actorRole: 'staff',
    })),
  );
  // A few applicants ask for a named expert to be kept away.
  for (const application of everyApplication.slice(0, 4)) {
    const excluded = random.pick(expertRows.slice(2));
    const [row] = await tx
      .select({ content: projectApplications.content })
      .from(projectApplications)
      .where(eq(projectApplications.id, application.id));
    await tx
      .update(projectApplications)
      .set({
        content: {
          ...(row.content as object),
          excludedExperts: [
            { name: excluded.name, organisation: excluded.organisationName, reason: '存在同业竞争关系' },
          ],
        },
      })
      .where(eq(projectApplications.id, application.id));
  }

  const pool = expertRows.filter((row) => row.status === 'active' && row.isAvailable);
  const staffId = options.staff[0]?.id ?? null;
  await seedRound(tx, random, {
    title: `${year - 1} 年度重点研发计划网评`,
    callId: callLastYear.id,
    applications: applicationsLastYear,
    pool,
    deadline: new Date(`${year - 1}-06-20T17:00:00+08:00`),
    isFinished: true,
    seed: 2025_0601,
    staffId,
    reserved: null,
  });
  await seedRound(tx, random, {
    title: `${year} 年度重点研发计划网评`,
    callId: callThisYear.id,
    applications: applicationsThisYear,
    pool,
    deadline: new Date(today.getTime() + 10 * DAY),
    isFinished: false,
    seed: 2026_0601,
    staffId,
    reserved: expertRows[0],
  });
}
