import {
  addDays,
  applicationContentSchema,
  callRulesSchema,
  chinaToday,
  computeIdNumberCheckCharacter,
  findTransition,
  nextProjectNumber,
  type ProjectApplicationAction,
  type ProjectApplicationStatus,
  planProjectWorkflow,
  projectApplicationWorkflow,
  projectNumberScope,
} from '@kechuang/domain';
import { eq, like, sql } from 'drizzle-orm';
import type { RequestContext } from '../../core/context';
import { sealPrincipalId } from '../../core/principal-id';
import { readDistrictSettings } from '../../core/settings';
import { queryRows, type Transaction } from '../../db/connection';
import {
  applicationFormalChecks,
  disbursementPlans,
  planCalls,
  planCategories,
  planProjects,
  projectApplications,
  publicityNoticeItems,
  publicityNotices,
  talentChannels,
  workflowHistory,
} from '../../db/schema';
import { GIVEN_NAMES, SURNAMES } from '../../demo/rencheng';
import { recordProgrammeSelection } from './programme-calls';
import { insertTalent } from './talent-service';

const WAN = 1_000_000;
const CHECKLIST = ['申报单位资格', '人才与平台、项目匹配', '申报书内容完整', '附件齐全'];

/** The lifecycle's path from a draft to each state the demo's district leading-talent call holds one application in. */
const PATHS: Record<string, ProjectApplicationAction[]> = {
  draft: [],
  submitted: ['submit'],
  returned: ['submit', 'returnForCorrection'],
  rejected: ['submit', 'reject'],
  withdrawn: ['submit', 'withdraw'],
  checked: ['submit', 'passCheck'],
  underReview: ['submit', 'passCheck', 'startReview'],
  reviewed: ['submit', 'passCheck', 'startReview', 'finishReview'],
  notFunded: ['submit', 'passCheck', 'startReview', 'finishReview', 'decline'],
  proposed: ['submit', 'passCheck', 'startReview', 'finishReview', 'propose'],
  approved: ['submit', 'passCheck', 'startReview', 'finishReview', 'propose', 'approve'],
  publicity: ['submit', 'passCheck', 'startReview', 'finishReview', 'propose', 'approve', 'startPublicity'],
  established: [
    'submit',
    'passCheck',
    'startReview',
    'finishReview',
    'propose',
    'approve',
    'startPublicity',
    'establish',
  ],
};
/** The target: one application in every state of the district lifecycle. */
export const DISTRICT_TALENT_CALL_STATES = Object.keys(PATHS) as ProjectApplicationStatus[];

const COMMENTS: Partial<Record<ProjectApplicationAction, string>> = {
  returnForCorrection: '缺少人才近三年业绩证明材料，请补充后重新提交',
  reject: '申报人才不在本单位全职工作，不符合申报条件',
  withdraw: '人才调整申报计划，主动撤回',
  decline: '综合评分未进入拟支持范围',
};

interface Bundle {
  enterpriseId: number;
  enterpriseName: string;
  talentId: number;
  talentName: string;
  platformId: number;
  projectId: number;
  projectTitle: string;
}

/**
 * One person per enterprise with a platform it hosts and a plan project of its own: the "平台+项目+人才"
 * of an application. Enterprises with a platform and a project but nobody on the ledger yet get a
 * person of their own (arrived the year before the call, so the 2020 and 2021 figures stay).
 */
async function findBundles(
  tx: Transaction,
  options: { wanted: number; year: number; context: RequestContext },
): Promise<Bundle[]> {
  const rows = await queryRows<{
    enterprise_id: number;
    enterprise_name: string;
    talent_id: number | null;
    talent_name: string | null;
    platform_id: number;
    project_id: number;
    project_title: string;
  }>(
    tx,
    sql`select distinct on (e.id) e.id as enterprise_id, e.name as enterprise_name,
          t.id as talent_id, t.name as talent_name, h.platform_id, p.id as project_id, p.title as project_title
        from enterprises e
        join platform_hosts h on h.enterprise_id = e.id
        join plan_projects p on p.enterprise_id = e.id
        left join talents t on t.employer_enterprise_id = e.id and t.origin = 'domestic' and t.erased_at is null
        order by e.id, t.id nulls last, h.platform_id, p.id`,
  );
  rows.sort(
    (a, b) =>
      Number(b.talent_id !== null) - Number(a.talent_id !== null) || a.enterprise_id - b.enterprise_id,
  );
  const [channel] = await tx
    .select({ id: talentChannels.id })
    .from(talentChannels)
    .where(eq(talentChannels.code, 'self'));
  const bundles: Bundle[] = [];
  for (const [index, row] of rows.slice(0, options.wanted).entries()) {
    let talentId = row.talent_id;
    let talentName = row.talent_name;
    if (talentId === null || talentName === null) {
      const birthYear = 1972 + (index % 18);
      const first17 = `370811${birthYear}0${(index % 9) + 1}2${index % 10}${String(700 + index).padStart(3, '0')}`;
      talentName = `${SURNAMES[index % SURNAMES.length]}${GIVEN_NAMES[(index * 7) % GIVEN_NAMES.length]}`;
      talentId = await insertTalent(
        tx,
        {
          name: talentName,
          gender: index % 4 === 0 ? 'female' : 'male',
          birthYear,
          origin: 'domestic',
          nationality: '中国',
          idType: 'id-card',
          idNumber: first17 + computeIdNumberCheckCharacter(first17),
          degree: 'doctor',
          title: '正高级工程师',
          field: '高端装备',
          employerEnterpriseId: row.enterprise_id,
          employerPlatformId: null,
          position: '研发总监',
          arrivalDate: `${options.year - 1}-03-${String(10 + (index % 18)).padStart(2, '0')}`,
          contact: `137${String(53_800_000 + index * 17).padStart(8, '0')}`,
          channelId: channel?.id ?? 0,
          discovery: '企业走访摸排',
          employmentMode: 'fulltime',
          foreign: null,
        },
        options.context,
      );
    }
    bundles.push({
      enterpriseId: row.enterprise_id,
      enterpriseName: row.enterprise_name,
      talentId,
      talentName,
      platformId: row.platform_id,
      projectId: row.project_id,
      projectTitle: row.project_title,
    });
  }
  return bundles;
}

async function nextProjectNo(tx: Transaction, call: { year: number; categoryCode: string }) {
  const { projectNumberPattern } = await readDistrictSettings(tx);
  const taken = await tx
    .select({ projectNo: planProjects.projectNo })
    .from(planProjects)
    .where(like(planProjects.projectNo, projectNumberScope(projectNumberPattern, call)));
  return nextProjectNumber(
    projectNumberPattern,
    call,
    taken.map((row) => row.projectNo),
  );
}

/**
 * A district leading-talent call (区级领军人才项目) that closed before the day the demo is loaded,
 * with one "平台+项目+人才" application in every state of the district lifecycle: a draft, submitted,
 * returned by the formal check, rejected, withdrawn, checked, under review, reviewed, not funded,
 * proposed, approved, in a 公示 that has ended, and one established with its funding planned in
 * instalments and the person's programme record 入选. Generated from `DISTRICT_TALENT_CALL_STATES`;
 * its dates lie after 2021, so the seed's 2020 and 2021 figures do not move.
 */
export async function seedDistrictTalentCall(
  tx: Transaction,
  options: { today: Date; context: RequestContext; staff: { id: number; displayName: string } | undefined },
): Promise<void> {
  const [category] = await tx
    .select({ id: planCategories.id, code: planCategories.code })
    .from(planCategories)
    .where(eq(planCategories.talentProgrammeCode, 'district-leading'));
  const staff = options.staff;
  if (!category || !staff) return;
  const today = chinaToday(options.today);
  const opensOn = addDays(today, -150);
  const year = Number(opensOn.slice(0, 4));
  const bundles = await findBundles(tx, {
    wanted: DISTRICT_TALENT_CALL_STATES.length,
    year,
    context: options.context,
  });
  if (bundles.length === 0) return;
  const at = (day: string, time = '10:00') => new Date(`${day}T${time}:00+08:00`);
  const [call] = await tx
    .insert(planCalls)
    .values({
      categoryId: category.id,
      year,
      title: `${year} 年度区级领军人才项目申报通知`,
      status: 'closed',
      guideline:
        '一、支持对象：在本区企业、平台全职工作的高层次人才，以“平台+项目+人才”方式申报。\n二、支持标准：入选者给予 50 万元资助，分两期拨付。\n三、申报材料：申报书、人才业绩证明、依托平台与项目证明。',
      opensAt: at(opensOn, '08:00'),
      closesAt: at(addDays(today, -110), '17:00'),
      budgetFen: 500 * WAN,
      allowResubmission: true,
      rules: callRulesSchema.parse({ maxRequestFen: 50 * WAN }),
      checklist: CHECKLIST,
      publishedAt: at(addDays(opensOn, -3), '09:00'),
    })
    .returning();
  const states = DISTRICT_TALENT_CALL_STATES.slice(0, bundles.length);
  const publicityEnded = {
    startOn: addDays(today, -40),
    endOn: addDays(today, -33),
  };
  let noticeOfPublicity: number | null = null;
  let noticeOfEstablished: number | null = null;
  for (const [index, state] of states.entries()) {
    const bundle = bundles[index];
    const path = PATHS[state];
    const submittedOn = addDays(today, -130 + index);
    const birthYear = 1970 + index;
    const first17 = `370811${birthYear}0${(index % 9) + 1}15${String(600 + index).padStart(3, '0')}`;
    const requestedFen = 50 * WAN;
    const content = applicationContentSchema.parse({
      basics: {
        title: `${bundle.talentName}：依托平台开展${bundle.projectTitle.replace(/（.*）$/, '')}`,
        summary: `以“平台+项目+人才”方式申报：${bundle.talentName}依托本单位平台，牵头实施在研项目，带领团队攻克关键技术。`,
        startOn: `${year + 1}-01-01`,
        endOn: `${year + 3}-12-31`,
      },
      team: [
        {
          name: bundle.talentName,
          role: 'principal',
          idNumber: first17 + computeIdNumberCheckCharacter(first17),
          title: '正高级工程师',
          workloadMonths: 10,
        },
      ],
      budget: {
        rows: [{ category: 'labour', fiscalFen: requestedFen, selfRaisedFen: requestedFen, otherFen: 0 }],
        totals: { fiscalFen: requestedFen, selfRaisedFen: requestedFen, otherFen: 0 },
      },
      milestones: [{ dueOn: `${year + 2}-12-31`, description: '完成中期目标并通过年度考核' }],
      targets: [{ name: '引进培养团队成员', kind: 'technical', unit: '人', value: '5' }],
      talentBundle: {
        talentId: bundle.talentId,
        platformId: bundle.platformId,
        projectId: bundle.projectId,
        role: '领衔专家',
      },
    });
    const isSubmitted = path.includes('submit');
    const approvedFen = path.includes('propose') ? requestedFen : null;
    const [application] = await tx
      .insert(projectApplications)
      .values({
        callId: call.id,
        enterpriseId: bundle.enterpriseId,
        year,
        status: state,
        applicationNo: isSubmitted ? `RC${year}-${String(index + 1).padStart(4, '0')}` : null,
        title: content.basics.title,
        principalName: bundle.talentName,
        ...sealPrincipalId(content.team[0].idNumber),
        content,
        requestedFen,
        approvedFen,
        submittedAt: isSubmitted ? at(submittedOn) : null,
        reviewScore: path.includes('finishReview') ? 92 - index : null,
        reviewRank: path.includes('finishReview') ? index - 6 : null,
        decisionNote: COMMENTS[path[path.length - 1]] ?? null,
        version: 1 + path.length,
      })
      .returning({ id: projectApplications.id });
    let from: ProjectApplicationStatus = projectApplicationWorkflow.initial;
    const history: (typeof workflowHistory.$inferInsert)[] = [
      {
        workflow: projectApplicationWorkflow.name,
        objectId: application.id,
        action: 'create',
        fromStatus: null,
        toStatus: from,
        actorName: bundle.enterpriseName,
        actorRole: 'enterprise',
        createdAt: at(addDays(submittedOn, -5)),
      },
    ];
    for (const [step, action] of path.entries()) {
      const transition = findTransition(projectApplicationWorkflow, action);
      if (!transition?.from.includes(from)) throw new Error(`demo path of ${state}: ${action} from ${from}`);
      const isEnterprise = transition.roles.includes('enterprise');
      history.push({
        workflow: projectApplicationWorkflow.name,
        objectId: application.id,
        action,
        fromStatus: from,
        toStatus: transition.to,
        actorId: isEnterprise ? null : staff.id,
        actorName: isEnterprise ? bundle.enterpriseName : staff.displayName,
        actorRole: isEnterprise ? 'enterprise' : transition.roles[0],
        comment: COMMENTS[action] ?? null,
        createdAt: at(addDays(submittedOn, step * 6)),
      });
      from = transition.to;
    }
    if (from !== state) throw new Error(`demo path ends in ${from}, not ${state}`);
    await tx.insert(workflowHistory).values(history);
    const checkAction = path.find((action) =>
      ['returnForCorrection', 'passCheck', 'reject'].includes(action),
    );
    if (checkAction)
      await tx.insert(applicationFormalChecks).values({
        applicationId: application.id,
        action: checkAction,
        results: CHECKLIST.map((item, itemIndex) => ({
          item,
          passed: checkAction === 'passCheck' || itemIndex !== (checkAction === 'reject' ? 1 : 3),
          note: '',
        })),
        comment: COMMENTS[checkAction] ?? null,
        checkedBy: staff.id,
        checkedByName: staff.displayName,
        createdAt: at(addDays(submittedOn, 6)),
      });
    if (state !== 'publicity' && state !== 'established') continue;
    // The 公示 of the established one was established (立项下达); the other's has ended, awaiting it.
    const isEstablished = state === 'established';
    let noticeId: number | null = isEstablished ? noticeOfEstablished : noticeOfPublicity;
    if (noticeId === null) {
      const period = isEstablished
        ? { startOn: addDays(today, -60), endOn: addDays(today, -53) }
        : publicityEnded;
      const [notice] = await tx
        .insert(publicityNotices)
        .values({
          callId: call.id,
          title: `${year} 年度区级领军人才项目拟入选人选公示${isEstablished ? '（第一批）' : '（第二批）'}`,
          ...period,
          workingDays: 5,
          establishedAt: isEstablished ? at(addDays(today, -50)) : null,
          createdBy: staff.id,
        })
        .returning({ id: publicityNotices.id });
      noticeId = notice.id;
      if (isEstablished) noticeOfEstablished = noticeId;
      else noticeOfPublicity = noticeId;
    }
    await tx.insert(publicityNoticeItems).values({
      noticeId,
      applicationId: application.id,
      enterpriseName: bundle.enterpriseName,
      title: content.basics.title,
      approvedFen: requestedFen,
    });
    if (!isEstablished) continue;
    const [project] = await tx
      .insert(planProjects)
      .values({
        applicationId: application.id,
        callId: call.id,
        enterpriseId: bundle.enterpriseId,
        projectNo: await nextProjectNo(tx, { year, categoryCode: category.code }),
        title: content.basics.title,
        status: 'contracting',
        principalName: bundle.talentName,
        ...sealPrincipalId(content.team[0].idNumber),
        approvedFen: requestedFen,
        startOn: `${year + 1}-01-01`,
        endOn: `${year + 3}-12-31`,
        establishedAt: at(addDays(today, -50)),
      })
      .returning({ id: planProjects.id });
    // 资助分两期拨付: 60% on signing the task contract, the rest after the first yearly 考核.
    await tx.insert(disbursementPlans).values({
      planProjectId: project.id,
      installments: [
        { plannedOn: addDays(today, 30), amountFen: 30 * WAN, note: '首期拨付（60%）' },
        { plannedOn: `${year + 2}-03-31`, amountFen: 20 * WAN, note: '年度考核合格后拨付（40%）' },
      ],
    });
    await tx.insert(workflowHistory).values({
      workflow: planProjectWorkflow.name,
      objectId: project.id,
      action: 'establish',
      fromStatus: null,
      toStatus: 'contracting',
      actorId: staff.id,
      actorName: staff.displayName,
      actorRole: 'staff',
    });
    await recordProgrammeSelection(tx, {
      programmeCode: 'district-leading',
      year,
      bundle: content.talentBundle ?? { talentId: null, platformId: null, projectId: null, role: '' },
      applicationId: application.id,
      callTitle: call.title,
      submittedOn,
      fundingFen: requestedFen,
      context: options.context,
    });
  }
}
