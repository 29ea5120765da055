import {
  PROBLEM_CATEGORY_CODES,
  type ServiceProblemAction,
  type ServiceVisitProblemInput,
  type VisitTargetKind,
} from '@kechuang/domain';
import { asc, eq, inArray } from 'drizzle-orm';
import type { RequestContext } from '../../core/context';
import type { DemoEnterprise, DemoUser } from '../../core/module';
import type { Transaction } from '../../db/connection';
import {
  enterprises,
  platformHosts,
  serviceBoardQuestions,
  serviceDepartments,
  serviceEventQuestions,
  serviceEventSignups,
  serviceEventTypes,
  serviceProblems,
  serviceVisits,
} from '../../db/schema';
import { createRandom, type Random } from '../../demo/random';
import { insertCampaign, insertVisit } from './campaigns-service';
import { insertEvent } from './events-service';
import { applyExtension, applyProblemAction } from './problems-service';
import { newCheckInCode } from './signups-service';

/** The seed's §六: since 2020, 专题培训班 11 期 (6 in 2020, 5 in 2021 H1) and 答疑活动 8 次 (5 + 3). */
const EVENT_PLAN: { code: string; heldOn: string; title: string }[] = [
  { code: 'training', heldOn: '2020-04-16', title: '科技型中小企业评价入库专题培训班' },
  { code: 'training', heldOn: '2020-05-21', title: '高新技术企业认定政策专题培训班' },
  { code: 'training', heldOn: '2020-07-09', title: '研发费用加计扣除专题培训班' },
  { code: 'training', heldOn: '2020-08-20', title: '技术合同认定登记专题培训班' },
  { code: 'training', heldOn: '2020-10-15', title: '科创平台建设与绩效评价专题培训班' },
  { code: 'training', heldOn: '2020-11-26', title: '科技计划项目申报专题培训班' },
  { code: 'training', heldOn: '2021-03-18', title: '2021年高企申报专题培训班' },
  { code: 'training', heldOn: '2021-04-15', title: '科技成果转化贷款风险补偿专题培训班' },
  { code: 'training', heldOn: '2021-05-13', title: '知识产权与研发管理专题培训班' },
  { code: 'training', heldOn: '2021-06-03', title: '省重点研发计划申报专题培训班' },
  { code: 'training', heldOn: '2021-06-24', title: '科技型中小企业评价（2021）专题培训班' },
  { code: 'qa', heldOn: '2020-03-26', title: '惠企科技政策网上答疑' },
  { code: 'qa', heldOn: '2020-06-18', title: '高企申报答疑会' },
  { code: 'qa', heldOn: '2020-09-10', title: '研发费用归集答疑会' },
  { code: 'qa', heldOn: '2020-11-05', title: '技术合同登记网上答疑' },
  { code: 'qa', heldOn: '2020-12-17', title: '年度科技计划答疑会' },
  { code: 'qa', heldOn: '2021-04-08', title: '2021年高企申报网上答疑' },
  { code: 'qa', heldOn: '2021-05-27', title: '科技型中小企业评价答疑会' },
  { code: 'qa', heldOn: '2021-06-17', title: '省市科技计划答疑会' },
  { code: 'policy-talk', heldOn: '2020-09-24', title: '《科技创新政策指引》宣讲会（古槐街道）' },
  { code: 'matchmaking', heldOn: '2021-05-20', title: '产学研对接会（新材料专场）' },
];

const QUESTIONS: [string, string][] = [
  ['研发费用加计扣除比例是多少？', '制造业企业研发费用按 100% 在税前加计扣除，其他企业按 75%。'],
  [
    '高企认定对科技人员占比有何要求？',
    '从事研发和相关技术创新活动的科技人员占企业当年职工总数的比例不低于 10%。',
  ],
  [
    '技术合同登记需要哪些材料？',
    '合同文本、技术合同登记申请表及必要的附件，在线提交后 5 个工作日内完成认定登记。',
  ],
];

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const person = (random: Random, index: number) => ({
  name: `${random.pick(SURNAMES)}${['经理', '主任', '会计', '工程师'][index % 4]}${index + 1}`,
  phone: `139${String(random.integer(10_000_000, 99_999_999))}`,
});

const shift = (date: string, days: number) => {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
};

async function seedEvents(tx: Transaction, ids: number[], random: Random, context: RequestContext) {
  const types = new Map((await tx.select().from(serviceEventTypes)).map((type) => [type.code, type.id]));
  const names = new Map(
    (
      await tx
        .select({ id: enterprises.id, name: enterprises.name })
        .from(enterprises)
        .where(inArray(enterprises.id, ids))
    ).map((row) => [row.id, row.name]),
  );
  for (const [index, plan] of EVENT_PLAN.entries()) {
    const online = plan.title.includes('网上');
    const event = await insertEvent(
      tx,
      {
        typeId: types.get(plan.code) ?? 0,
        title: plan.title,
        topic: `${plan.title.replace(/专题培训班|答疑会|网上答疑/, '')}政策解读与实务`,
        speakers: [
          '区科技局业务科室',
          random.pick(['山东大学专家', '济宁学院教授', '市科技局专家', '税务局业务骨干']),
        ],
        place: online ? null : '区政务服务中心三楼会议室',
        onlineLink: online ? 'https://meeting.example.gov.cn/kechuang' : null,
        heldOn: plan.heldOn,
        startTime: '09:00',
        capacity: 120,
        signupDeadline: shift(plan.heldOn, -1),
        audience: 'all',
        audienceNote: null,
        audienceTargets: [],
        invitedEnterpriseIds: [],
        materials: ['《科技创新政策指引》', '讲解课件'],
      },
      context,
    );
    // The district's sign-ups, check-ins and feedback, written at once (the demo's records, not requests).
    const count = random.integer(18, 30);
    const signups = Array.from({ length: count }, (_, position) => {
      const enterpriseId = ids[(index * 7 + position) % ids.length];
      const came = random.chance(0.88);
      const rated = came && random.chance(0.7);
      const attendees = Array.from({ length: random.integer(1, 3) }, (_, n) => person(random, n));
      return {
        eventId: event.id,
        enterpriseId,
        organisation: names.get(enterpriseId) ?? '',
        attendees,
        people: attendees.length,
        code: newCheckInCode(),
        checkedInAt: came ? new Date(`${plan.heldOn}T08:${String(random.integer(30, 59))}:00+08:00`) : null,
        satisfaction: rated ? random.pick([5, 5, 5, 4, 4, 3]) : null,
        feedback: rated ? random.pick([null, '讲解细致，很有帮助', '希望多举办']) : null,
        createdAt: new Date(`${shift(plan.heldOn, -random.integer(2, 10))}T10:00:00+08:00`),
      };
    });
    await tx.insert(serviceEventSignups).values(signups);
    if (plan.code === 'qa')
      for (const [question, answer] of QUESTIONS.slice(0, random.integer(1, 3)))
        await tx.insert(serviceEventQuestions).values({
          eventId: event.id,
          enterpriseId: ids[(index * 3) % ids.length],
          question,
          answer,
          isFaq: true,
          answeredAt: new Date(`${plan.heldOn}T12:00:00+08:00`),
        });
  }
}

/**
 * The 2021 大调研 “找问题、补短板、强服务、抓提升”: 66 targets (enterprises, platforms' hosts and
 * institutes) in three teams, 63 visited between March and June; problems in every state.
 */
async function seedCampaign(tx: Transaction, ids: number[], random: Random, context: RequestContext) {
  const hosts = new Set(
    (
      await tx
        .select({ id: platformHosts.enterpriseId })
        .from(platformHosts)
        .where(inArray(platformHosts.enterpriseId, ids))
    ).map((row) => row.id),
  );
  const departments = (
    await tx.select().from(serviceDepartments).orderBy(asc(serviceDepartments.sortOrder))
  ).map((row) => row.id);
  const teams = ['第一走访组', '第二走访组', '第三走访组'];
  const targets = ids.slice(0, 66).map((enterpriseId, index) => ({
    enterpriseId,
    kind: (hosts.has(enterpriseId)
      ? 'platform'
      : index % 11 === 0
        ? 'institute'
        : 'enterprise') as VisitTargetKind,
    team: teams[index % 3],
  }));
  const campaign = await insertCampaign(
    tx,
    {
      name: '2021年“找问题、补短板、强服务、抓提升”大调研、大排查、大整改活动',
      slogan: '找问题、补短板、强服务、抓提升',
      startsOn: '2021-03-01',
      endsOn: '2021-06-30',
      targets,
    },
    context,
  );
  for (const [index, target] of targets.slice(0, 63).entries()) {
    const visitedOn = shift('2021-03-02', Math.floor((index * 100) / 63));
    const problems: ServiceVisitProblemInput[] =
      index % 3 === 0
        ? Array.from({ length: index % 2 === 0 ? 2 : 1 }, (_, n) => ({
            category: PROBLEM_CATEGORY_CODES[(index + n) % PROBLEM_CATEGORY_CODES.length],
            description: random.pick([
              '研发费用归集不规范，需政策辅导',
              '缺少中试场地',
              '高层次人才引进难',
              '融资渠道单一',
              '希望对接高校科研团队',
            ]),
            departmentId: departments[(index + n) % departments.length],
            assignee: random.pick(['刘洋', '孙伟', '马静', null]),
          }))
        : [];
    await insertVisit(
      tx,
      {
        campaignId: campaign.id,
        enterpriseId: target.enterpriseId,
        visitedOn,
        team: target.team,
        visitors: '区科技局走访组',
        met: random.pick(['总经理', '技术负责人', '财务负责人']),
        findings: '了解企业研发投入、平台建设和人才情况',
        suggestions: random.pick([null, '希望加大政策宣讲力度', '希望搭建产学研对接平台']),
        problems,
      },
      context,
    );
  }
  await walkProblems(tx, campaign.id, context);
}

/** Moves the campaign's tickets through their states, so the ledger shows every case. */
async function walkProblems(tx: Transaction, campaignId: number, context: RequestContext) {
  const rows = await tx
    .select({ id: serviceProblems.id, assignedOn: serviceProblems.assignedOn })
    .from(serviceProblems)
    .innerJoin(serviceVisits, eq(serviceVisits.id, serviceProblems.visitId))
    .where(eq(serviceVisits.campaignId, campaignId))
    .orderBy(asc(serviceProblems.id));
  const step = async (id: number, action: ServiceProblemAction, on: string, comment?: string) => {
    const [row] = await tx.select().from(serviceProblems).where(eq(serviceProblems.id, id));
    await applyProblemAction(tx, { id, action, version: row.version, comment, on, context });
  };
  for (const [index, row] of rows.entries()) {
    const [problem] = await tx.select().from(serviceProblems).where(eq(serviceProblems.id, row.id));
    const plan = index % 8;
    if (plan <= 3) {
      // 按期销号: replied within the limit, satisfied at the 回访.
      await step(row.id, 'reply', shift(row.assignedOn, 3), '已落实整改措施并反馈企业');
      await step(row.id, 'rate-satisfied', shift(row.assignedOn, 5));
    } else if (plan === 4) {
      // 超期销号.
      await step(row.id, 'reply', shift(problem.dueOn, 4), '已协调解决');
      await step(row.id, 'rate-satisfied', shift(problem.dueOn, 6));
    } else if (plan === 5) {
      // 回访不满意 → 重办, then closed.
      await step(row.id, 'reply', shift(row.assignedOn, 4), '已电话解释政策');
      await step(row.id, 'rate-unsatisfied', shift(row.assignedOn, 6), '问题未实际解决');
      await step(row.id, 'reply', shift(row.assignedOn, 9), '上门辅导并协调落实');
      if (index % 16 === 5) await step(row.id, 'rate-satisfied', shift(row.assignedOn, 10));
    } else if (plan === 6) {
      // 延期 asked before the deadline, then still open.
      const [current] = await tx.select().from(serviceProblems).where(eq(serviceProblems.id, row.id));
      await applyExtension(tx, {
        id: row.id,
        input: { version: current.version, days: 10, reason: '涉及多部门协调，申请延期' },
        on: shift(row.assignedOn, 2),
        context,
      });
    }
    // plan 7: assigned and never answered — overdue.
  }
}

/** The online 答疑 board: [title, content, topic, answer or null, published as an FAQ]. */
const BOARD_QUESTIONS: [string, string, string, string | null, boolean][] = [
  [
    '委托外部机构研发的费用能否加计扣除？',
    '我公司委托高校开展新材料配方研究，这部分费用能否享受研发费用加计扣除？',
    '研发费用加计扣除',
    '委托境内机构研发的，按实际发生额的 80% 计入委托方研发费用，再按规定加计扣除。',
    true,
  ],
  [
    '科技型中小企业评价每年都要重新填报吗？',
    '去年已入库，今年是否还需要重新填报评价信息？',
    '科技型中小企业评价',
    '入库登记编号当年有效，每年需在评价系统重新填报，经公示无异议后入库。',
    true,
  ],
  [
    '高企认定时知识产权有效期如何计算？',
    '申请前取得的实用新型专利是否都可以使用？',
    '高企认定',
    '知识产权须在申请认定前获得授权并在有效期内，实用新型在高企有效期内只能使用一次。',
    true,
  ],
  [
    '区级研发投入奖补何时兑现？',
    '去年研发投入增长较快，想了解奖补的申报和兑现时间。',
    '政策兑现',
    '按年度《科技创新政策指引》执行，申报期一般在每年第二季度，审核后 30 个工作日内拨付。',
    false,
  ],
  [
    '企业研发中心认定需要哪些条件？',
    '我公司准备申报区级企业研发中心，请问需要满足哪些条件？',
    '科创平台',
    null,
    false,
  ],
  [
    '技术合同登记后多久可以领取证明？',
    '技术开发合同已在线提交，何时可以拿到登记证明？',
    '技术合同登记',
    null,
    false,
  ],
];

async function seedBoardQuestions(tx: Transaction, ids: number[], staffName: string) {
  const [section] = await tx
    .select({ id: serviceDepartments.id })
    .from(serviceDepartments)
    .where(eq(serviceDepartments.name, '区科技局高新技术科'));
  for (const [index, [title, content, topic, answer, isFaq]] of BOARD_QUESTIONS.entries()) {
    const askedAt = new Date(Date.UTC(2021, 2 + index, 10, 2));
    await tx.insert(serviceBoardQuestions).values({
      enterpriseId: ids[(index * 7) % ids.length],
      title,
      content,
      topic,
      status: answer === null ? 'open' : 'answered',
      // One question waits for the 高新技术科's own account (the demo's department user).
      departmentId: answer === null && index === BOARD_QUESTIONS.length - 2 ? (section?.id ?? null) : null,
      answer,
      answeredBy: answer === null ? null : staffName,
      answeredAt: answer === null ? null : new Date(askedAt.getTime() + 2 * 86_400_000),
      isFaq,
      createdAt: askedAt,
      updatedAt: askedAt,
    });
  }
}

export async function seedServicesDemo(
  tx: Transaction,
  options: { enterprises: DemoEnterprise[]; staff: DemoUser[] },
): Promise<void> {
  const random = createRandom(6_060);
  const staff = options.staff[0];
  const context: RequestContext = {
    actor: staff
      ? {
          userId: staff.id,
          username: staff.username,
          displayName: staff.displayName,
          role: 'staff',
          enterpriseId: null,
        }
      : null,
    ip: null,
    requestId: null,
    language: 'zh-CN',
  };
  const ids = options.enterprises
    .filter((enterprise) => enterprise.status === 'verified')
    .map((enterprise) => enterprise.id)
    .sort((a, b) => a - b);
  await seedEvents(tx, ids, random, context);
  await seedCampaign(tx, ids, random, context);
  if (ids.length > 0) await seedBoardQuestions(tx, ids, staff?.displayName ?? '');
}
