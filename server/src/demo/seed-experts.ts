import {
  aggregateReviews,
  buildConflictPredicate,
  computeIdNumberCheckCharacter,
  DEFAULT_RUBRIC,
  DISCIPLINES,
  detectConflicts,
  drawReviewersAtRandom,
  type ExpertRelation,
  INDUSTRIES,
  type Rubric,
} from '@kechuang/domain';
import { eq, inArray } from 'drizzle-orm';
import type { Transaction } from '../db/connection';
import {
  enterprises,
  experts,
  planCalls,
  planCategories,
  projectApplications,
  reviewAssignments,
  reviewItems,
  reviewRounds,
  workflowHistory,
} from '../db/schema';
import { type ItemConflictSubject, toConflictExpert, toConflictItem } from '../modules/reviews/round-data';
import { defaultDemoToday, demoDate } from './demo-today';
import { createRandom, type Random } from './random';
import { GIVEN_NAMES, SURNAMES } from './rencheng';

export const DEMO_EXPERT_COUNT = 300;
const DAY = 86_400_000;

/** Where the district's experts work: universities and institutes around 济宁, with real-looking codes left blank. */
const INSTITUTIONS: { name: string; fields: string[] }[] = [
  { name: '济宁学院', fields: ['it', 'd-computer', 'd-electronics', 'culture-creative', 'd-management'] },
  { name: '曲阜师范大学', fields: ['it', 'd-computer', 'd-chemical', 'd-biology', 'd-management'] },
  { name: '济宁医学院', fields: ['health', 'food-medicine', 'd-clinical', 'd-pharmacy', 'd-biology'] },
  { name: '中国矿业大学', fields: ['high-end-equipment', 'd-mining', 'd-mechanical', 'd-energy'] },
  { name: '山东理工职业学院', fields: ['advanced-manufacturing', 'd-mechanical', 'd-electrical'] },
  { name: '山东科技大学', fields: ['high-end-equipment', 'd-mechanical', 'd-mining', 'd-materials'] },
  { name: '山东大学', fields: ['it', 'new-energy-materials', 'd-materials', 'd-computer', 'd-electrical'] },
  {
    name: '齐鲁工业大学（山东省科学院）',
    fields: ['fine-chemicals', 'd-chemical', 'new-energy-materials', 'd-food'],
  },
  { name: '济宁市农业科学研究院', fields: ['modern-agriculture', 'd-agronomy', 'd-food', 'd-biology'] },
  { name: '山东农业大学', fields: ['modern-agriculture', 'd-agronomy', 'd-food', 'food-medicine'] },
  { name: '济宁市第一人民医院', fields: ['health', 'd-clinical', 'd-pharmacy'] },
  { name: '济宁市产品质量监督检验所', fields: ['tech-services', 'd-chemical', 'd-materials'] },
  { name: '山东正信会计师事务所济宁分所', fields: ['tech-services', 'd-finance', 'd-management'] },
  { name: '济宁市生产力促进中心', fields: ['tech-services', 'd-management', 'd-finance'] },
  { name: '山东省煤炭科学研究院', fields: ['high-end-equipment', 'd-mining', 'd-energy', 'd-environment'] },
];

const TITLES = ['正高级', '正高级', '副高级', '副高级', '中级'];

interface DemoEnterpriseRef {
  id: number;
  industry: string;
  status: string;
}

interface SeededApplication {
  id: number;
  enterpriseId: number;
  title: string;
  principal: string;
  members: string[];
  partners: string[];
  industry: string;
  enterpriseName: string;
  creditCode: string;
}

const PROJECT_WORDS: Record<string, string[]> = {
  it: ['工业互联网平台', '智能视觉检测系统', '数据中台', '边缘计算网关'],
  'fine-chemicals': ['高纯电子化学品', '绿色催化工艺', '水性涂料'],
  'food-medicine': ['中药配方颗粒', '功能性食品', '缓释制剂'],
  'advanced-manufacturing': ['智能产线', '精密减速器', '数控系统'],
  'high-end-equipment': ['矿用智能采掘装备', '液压支架电液控制', '智能巡检机器人'],
  'new-energy-materials': ['锂电正极材料', '光伏封装胶膜', '储能热管理系统'],
  health: ['康复训练机器人', '远程监护设备', '医用敷料'],
  'modern-agriculture': ['大蒜脱毒种苗', '设施农业物联网', '盐碱地改良菌剂'],
  'culture-creative': ['运河文化数字展陈', '非遗数字化平台'],
  'tech-services': ['检验检测云平台', '知识产权运营平台'],
};

function personName(random: Random): string {
  return (
    random.pick(SURNAMES) + random.pick(GIVEN_NAMES) + (random.chance(0.4) ? random.pick(GIVEN_NAMES) : '')
  );
}

function pickFields(random: Random, base: readonly string[]): string[] {
  const fields = new Set<string>([random.pick(base)]);
  while (fields.size < 3) {
    fields.add(random.chance(0.7) ? random.pick(base) : random.pick([...INDUSTRIES, ...DISCIPLINES]).code);
  }
  return [...fields];
}

async function ensureKeyRdCategory(tx: Transaction): Promise<number> {
  const [found] = await tx
    .select({ id: planCategories.id })
    .from(planCategories)
    .where(eq(planCategories.code, 'key-rd'));
  if (found) return found.id;
  const [created] = await tx
    .insert(planCategories)
    .values({ code: 'key-rd', name: '重点研发计划', fundingMode: 'preFunding', level: 'district' })
    .returning({ id: planCategories.id });
  return created.id;
}

async function seedApplications(
  tx: Transaction,
  random: Random,
  options: {
    callId: number;
    year: number;
    status: string;
    candidates: DemoEnterpriseRef[];
    count: number;
    numberFrom: number;
    /** When the first of them was submitted; the others follow a day apart. */
    submittedFrom: Date;
  },
): Promise<SeededApplication[]> {
  const chosen = options.candidates.splice(0, options.count);
  const rows = await tx
    .select({
      id: enterprises.id,
      name: enterprises.name,
      creditCode: enterprises.creditCode,
      industry: enterprises.industry,
    })
    .from(enterprises)
    .where(
      inArray(
        enterprises.id,
        chosen.map((enterprise) => enterprise.id),
      ),
    );
  const result: SeededApplication[] = [];
  for (const [index, enterprise] of rows.entries()) {
    const industry = enterprise.industry ?? 'it';
    const title = `${random.pick(PROJECT_WORDS[industry] ?? PROJECT_WORDS.it)}关键技术研发及产业化`;
    const principal = personName(random);
    // Derived from the enterprise, not drawn, so the rest of the seeded draw stays as it was.
    const birth = `${1965 + (enterprise.id % 25)}${String((enterprise.id % 12) + 1).padStart(2, '0')}${String((enterprise.id % 28) + 1).padStart(2, '0')}`;
    const idFirst17 = `370811${birth}${String(enterprise.id % 1000).padStart(3, '0')}`;
    const principalIdNumber = idFirst17 + computeIdNumberCheckCharacter(idFirst17);
    const members = [personName(random), personName(random)];
    const partners = random.chance(0.5) ? [random.pick(INSTITUTIONS).name] : [];
    const content = {
      basics: {
        title,
        industry,
        summary: `${enterprise.name}联合${partners[0] ?? '本单位研发中心'}开展${title}，突破关键工艺，形成自主知识产权。`,
        startOn: `${options.year}-07-01`,
        endOn: `${options.year + 2}-06-30`,
        partners: partners.map((name) => ({ name, creditCode: null })),
      },
      team: [
        {
          name: principal,
          role: 'principal',
          idNumber: principalIdNumber,
          title: '高级工程师',
          organisation: enterprise.name,
          workloadMonths: 8,
          task: '总体负责',
        },
        ...members.map((name) => ({
          name,
          role: 'core',
          idNumber: null,
          title: '工程师',
          organisation: enterprise.name,
          workloadMonths: 6,
          task: '技术研发',
        })),
      ],
      budget: {
        rows: [{ category: 'equipment', fiscalFen: 30_000_000, selfRaisedFen: 60_000_000, otherFen: 0 }],
        totals: { fiscalFen: 30_000_000, selfRaisedFen: 60_000_000, otherFen: 0 },
      },
      milestones: [{ dueOn: `${options.year + 1}-06-30`, description: '完成样机研制与中试' }],
      targets: [{ name: '申请发明专利', kind: 'technical', unit: '件', value: String(random.integer(2, 6)) }],
      attachments: [],
      excludedExperts: [],
    };
    const [row] = await tx
      .insert(projectApplications)
      .values({
        callId: options.callId,
        enterpriseId: enterprise.id,
        year: options.year,
        status: options.status,
        applicationNo: `KJ${options.year}-${String(options.numberFrom + index).padStart(4, '0')}`,
        title,
        principalName: principal,
        principalIdNumber,
        content,
        requestedFen: 30_000_000,
        submittedAt: new Date(options.submittedFrom.getTime() + (index % 9) * DAY),
      })
      .returning({ id: projectApplications.id });
    result.push({
      id: row.id,
      enterpriseId: enterprise.id,
      title,
      principal,
      members,
      partners,
      industry,
      enterpriseName: enterprise.name,
      creditCode: enterprise.creditCode,
    });
  }
  return result;
}

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

type ExpertRow = typeof experts.$inferSelect;

async function seedRound(
  tx: Transaction,
  random: Random,
  options: {
    title: string;
    callId: number;
    applications: SeededApplication[];
    pool: ExpertRow[];
    deadline: Date;
    isFinished: boolean;
    seed: number;
    staffId: number | null;
    /** An expert kept out of the draw and put on three items by hand (expert01's open invitations). */
    reserved: ExpertRow | null;
  },
): Promise<void> {
  const rubric = DEFAULT_RUBRIC as Rubric;
  const [round] = await tx
    .insert(reviewRounds)
    .values({
      title: options.title,
      subjectType: 'project-application',
      callId: options.callId,
      mode: 'online',
      rubric,
      reviewersPerItem: 5,
      loadCap: 6,
      deadline: options.deadline,
      hideIdentities: true,
      commentBelow: 60,
      status: options.isFinished ? 'finished' : 'released',
      assignmentMethod: 'random',
      assignmentSeed: options.seed,
      releasedAt: new Date(options.deadline.getTime() - 14 * 86400_000),
      finishedAt: options.isFinished ? new Date(options.deadline.getTime() + 86400_000) : null,
      createdBy: options.staffId,
    })
    .returning();
  const itemRows = await tx
    .insert(reviewItems)
    .values(
      options.applications.map((application) => {
        const subject: ItemConflictSubject = {
          applicant: { name: application.enterpriseName, creditCode: application.creditCode },
          partners: application.partners.map((name) => ({ name, creditCode: null })),
          principalInvestigator: { name: application.principal, personId: null },
          members: application.members.map((name) => ({ name, personId: null })),
          excludedExperts: [],
        };
        return {
          roundId: round.id,
          subjectType: 'project-application',
          subjectId: application.id,
          title: application.title,
          fields: [application.industry],
          conflictSubject: subject,
        };
      }),
    )
    .returning();
  const reserved = options.reserved;
  const drawPool = options.pool.filter((expert) => expert.id !== reserved?.id);
  const conflicts = detectConflicts({
    items: itemRows.map((item) => toConflictItem(item, options.pool)),
    experts: options.pool.map(toConflictExpert),
    referenceDate: options.deadline.toISOString().slice(0, 10),
  });
  const isConflicted = buildConflictPredicate(conflicts);
  const reservedItems = reserved
    ? itemRows
        .filter((item) => !isConflicted({ id: String(item.id) }, { id: String(reserved.id) }))
        .filter((item) => reserved.fields.includes(item.fields[0]))
        .slice(0, 3)
    : [];
  const result = await drawReviewersAtRandom({
    seed: options.seed,
    items: itemRows.map((item) => ({
      id: String(item.id),
      fields: item.fields,
      reviewersNeeded: reservedItems.some((reservedItem) => reservedItem.id === item.id) ? 4 : 5,
    })),
    experts: drawPool.map((expert) => ({
      id: String(expert.id),
      fields: expert.fields,
      organisation: { name: expert.organisationName, creditCode: expert.organisationCreditCode },
    })),
    reviewersPerItem: 5,
    loadCap: 6,
    isConflicted,
  });
  if (result.status !== 'assigned') throw new Error(`demo draw for ${options.title} is infeasible`);
  const picks = [
    ...result.picks.map((pick) => ({
      itemId: Number(pick.itemId),
      expertId: Number(pick.expertId),
      reason: pick.reason.zh,
    })),
    ...reservedItems.map((item) => ({ itemId: item.id, expertId: reserved!.id, reason: '工作人员手工指定' })),
  ];
  const sheets = picks.map((pick) => {
    const quality = random.next();
    const scores = Object.fromEntries(
      rubric.criteria.map((criterion) => [
        criterion.id,
        Math.max(
          criterion.minimum,
          Math.min(
            criterion.maximum,
            Math.round(criterion.maximum * (0.55 + quality * 0.4) + random.integer(-2, 2)),
          ),
        ),
      ]),
    );
    return { ...pick, scores, vote: quality > 0.3 ? 'pass' : 'fail' };
  });
  // In the open round most experts have submitted; expert01's stay invitations, a few others are still scoring.
  // Sheets of the open round were handed in since its release, never after the day the demo is loaded.
  const submittedAt = new Date(options.deadline.getTime() - (options.isFinished ? 3 : 12) * DAY);
  await tx.insert(reviewAssignments).values(
    sheets.map((sheet, index) => {
      const isReserved = reserved !== null && sheet.expertId === reserved.id;
      const isDone = options.isFinished || (!isReserved && index % 4 !== 0);
      return {
        roundId: round.id,
        itemId: sheet.itemId,
        expertId: sheet.expertId,
        status: isReserved ? 'invited' : isDone ? 'submitted' : 'accepted',
        source: isReserved ? 'manual' : 'random',
        reason: sheet.reason,
        respondedAt: isReserved ? null : submittedAt,
        scores: isDone ? sheet.scores : {},
        vote: isDone ? sheet.vote : null,
        comment: isDone ? '技术路线清晰，建议加强产学研合作。' : '',
        savedAt: isDone ? submittedAt : null,
        submittedAt: isDone ? submittedAt : null,
      };
    }),
  );
  if (!options.isFinished) return;
  const aggregation = aggregateReviews({
    rubric,
    itemIds: itemRows.map((item) => String(item.id)),
    sheets: sheets.map((sheet) => ({
      itemId: String(sheet.itemId),
      expertId: String(sheet.expertId),
      scores: sheet.scores,
      vote: sheet.vote as 'pass' | 'fail',
    })),
  });
  for (const itemResult of aggregation.items) {
    const item = itemRows.find((row) => String(row.id) === itemResult.itemId)!;
    const score = itemResult.trimmedMean === null ? null : Math.round(itemResult.trimmedMean);
    await tx
      .update(reviewItems)
      .set({
        resultScore: score,
        resultRank: itemResult.rank,
        result: itemResult,
        consensusOpinion:
          (itemResult.trimmedMean ?? 0) >= 75 ? '专家组建议予以立项支持。' : '专家组建议暂缓支持。',
      })
      .where(eq(reviewItems.id, item.id));
    await tx
      .update(projectApplications)
      .set({ status: 'reviewed', reviewScore: score, reviewRank: itemResult.rank, version: 2 })
      .where(eq(projectApplications.id, item.subjectId));
    await tx.insert(workflowHistory).values({
      workflow: 'project-application',
      objectId: item.subjectId,
      action: 'finishReview',
      fromStatus: 'underReview',
      toStatus: 'reviewed',
      actorId: options.staffId,
      actorName: '张科员',
      actorRole: 'staff',
      comment: `评审轮次「${options.title}」：得分 ${itemResult.trimmedMean}，排名 ${itemResult.rank}`,
    });
  }
}
