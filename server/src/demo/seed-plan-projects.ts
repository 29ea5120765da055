import {
  addDays,
  computePublicityPeriod,
  planProjectWorkflow,
  scaleFiscalColumn,
  type TaskContractContent,
  taskContractWorkflow,
} from '@kechuang/domain';
import { inArray } from 'drizzle-orm';
import type { Transaction } from '../db/connection';
import {
  disbursementPlans,
  enterprises,
  planProjects,
  projectPayments,
  publicityNoticeItems,
  publicityNotices,
  taskContracts,
  workCalendars,
  workflowHistory,
} from '../db/schema';
import { nextProjectNo } from '../modules/projects/project-numbers';
import { defaultDemoToday, demoDate } from './demo-today';
import { createRandom } from './random';
import { seedFundsDemo } from './seed-plan-funds';

import {
  applicationContent,
  createApplication,
  createCall,
  findOrCreateCategory,
  TOPICS,
  WAN,
} from './seed-plan-project-applications';

interface DemoStaff {
  id: number;
  displayName: string;
}

/**
 * 科技计划 demo of 任城区: established projects of 2019–2021 with task contracts in force, disbursement
 * plans and payments; subsidies, awards and risk compensation matching the seed's 2020 figures
 * (5263万元 in all; 1.39亿元 of loans to 18 enterprises); a 2021 call whose 公示 has ended awaiting
 * 立项下达, and a call with a 公示 running on the day the demo is loaded and reviewed applications
 * waiting for the funded list.
 */
export async function seedPlanProjectsDemo(
  tx: Transaction,
  options: {
    enterpriseIds: number[];
    staff: DemoStaff;
    /** The day the demo is loaded: the running 公示 starts on it. */
    today?: Date;
  },
): Promise<void> {
  const today = demoDate(options.today ?? defaultDemoToday());
  const random = createRandom(20_210_601);
  const pool = [...options.enterpriseIds];
  let cursor = 0;
  const nextEnterprise = () => pool[cursor++ % pool.length];
  const names = new Map(
    (
      await tx
        .select({ id: enterprises.id, name: enterprises.name })
        .from(enterprises)
        .where(inArray(enterprises.id, pool))
    ).map((row) => [row.id, row.name]),
  );
  const keyRd = await findOrCreateCategory(tx, 'key-rd', '重点研发计划', 'preFunding');
  const transfer = await findOrCreateCategory(tx, 'achievement-transfer', '科技成果转化项目', 'postSubsidy');
  const staff = options.staff;
  let topic = 0;
  let paid2020 = 0;

  // Established projects of 2019 and 2020 (contracts in force, paid 60 % then 40 % a year later) and 2021.
  const cohorts = [
    { year: 2019, approved: [120, 100, 80, 80, 60, 50] },
    { year: 2020, approved: [200, 150, 150, 120, 100, 100, 80, 60] },
    { year: 2021, approved: [150, 120, 100, 80] },
  ];
  for (const cohort of cohorts) {
    const callId = await createCall(
      tx,
      keyRd,
      cohort.year,
      `${cohort.year}年度任城区重点研发计划项目申报通知`,
      cohort.approved.reduce((a, b) => a + b, 0) + 100,
    );
    const [notice] = await tx
      .insert(publicityNotices)
      .values({
        callId,
        title: `${cohort.year}年度任城区重点研发计划拟立项项目公示`,
        startOn: `${cohort.year}-06-07`,
        endOn: `${cohort.year}-06-11`,
        workingDays: 5,
        establishedAt: new Date(`${cohort.year}-06-18T10:00:00+08:00`),
        createdBy: staff.id,
      })
      .returning({ id: publicityNotices.id });
    for (const [index, approvedWan] of cohort.approved.entries()) {
      const enterpriseId = nextEnterprise();
      const title = TOPICS[topic++ % TOPICS.length];
      const requestedWan = approvedWan + (index % 3 === 0 ? 20 : 0);
      const application = await createApplication(tx, {
        callId,
        year: cohort.year,
        enterpriseId,
        title,
        requestedWan,
        approvedWan,
        status: 'established',
        rank: index + 1,
      });
      await tx.insert(publicityNoticeItems).values({
        noticeId: notice.id,
        applicationId: application.id,
        enterpriseName: names.get(enterpriseId) ?? '',
        title,
        approvedFen: approvedWan * WAN,
      });
      const approvedFen = approvedWan * WAN;
      const [project] = await tx
        .insert(planProjects)
        .values({
          applicationId: application.id,
          callId,
          enterpriseId,
          projectNo: await nextProjectNo(tx, callId),
          title,
          status: 'inProgress',
          principalName: application.principalName,
          approvedFen,
          startOn: `${cohort.year}-07-01`,
          endOn: `${cohort.year + 2}-06-30`,
          establishedAt: new Date(`${cohort.year}-06-18T10:00:00+08:00`),
        })
        .returning({ id: planProjects.id });
      const content: TaskContractContent = {
        title,
        enterpriseName: names.get(enterpriseId) ?? '',
        principalName: application.principalName,
        startOn: `${cohort.year}-07-01`,
        endOn: `${cohort.year + 2}-06-30`,
        requestedFen: requestedWan * WAN,
        approvedFen,
        summary: `围绕${title}开展技术攻关。`,
        targets: applicationContent(title, cohort.year, requestedWan * WAN)
          .targets as TaskContractContent['targets'],
        milestones: applicationContent(title, cohort.year, requestedWan * WAN).milestones,
        budgetRows: scaleFiscalColumn(
          applicationContent(title, cohort.year, requestedWan * WAN).budget
            .rows as TaskContractContent['budgetRows'],
          approvedFen,
        ),
      };
      const [contract] = await tx
        .insert(taskContracts)
        .values({
          planProjectId: project.id,
          enterpriseId,
          status: 'inForce',
          content,
          inForceAt: new Date(`${cohort.year}-07-10T10:00:00+08:00`),
        })
        .returning({ id: taskContracts.id });
      const staffEntry = { actorId: staff.id, actorName: staff.displayName, actorRole: 'staff' };
      await tx.insert(workflowHistory).values([
        {
          workflow: planProjectWorkflow.name,
          objectId: project.id,
          action: 'establish',
          fromStatus: null,
          toStatus: 'contracting',
          ...staffEntry,
        },
        {
          workflow: planProjectWorkflow.name,
          objectId: project.id,
          action: 'startExecution',
          fromStatus: 'contracting',
          toStatus: 'inProgress',
          ...staffEntry,
        },
        {
          workflow: taskContractWorkflow.name,
          objectId: contract.id,
          action: 'generate',
          fromStatus: null,
          toStatus: 'drafted',
          ...staffEntry,
        },
        {
          workflow: taskContractWorkflow.name,
          objectId: contract.id,
          action: 'confirm',
          fromStatus: 'signedUploaded',
          toStatus: 'inForce',
          ...staffEntry,
        },
      ]);
      const first = Math.round(approvedFen * 0.6);
      const installments = [
        { plannedOn: `${cohort.year}-09-01`, amountFen: first, note: '首期拨付（60%）' },
        {
          plannedOn: `${cohort.year + 1}-09-01`,
          amountFen: approvedFen - first,
          note: '中期检查合格后拨付（40%）',
        },
      ];
      await tx.insert(disbursementPlans).values({ planProjectId: project.id, installments });
      const payments = [
        { paidOn: `${cohort.year}-09-${String(5 + (index % 20)).padStart(2, '0')}`, amountFen: first },
      ];
      if (cohort.year < 2021)
        payments.push({
          paidOn: `${cohort.year + 1}-10-${String(8 + (index % 18)).padStart(2, '0')}`,
          amountFen: approvedFen - first,
        });
      for (const [number, payment] of payments.entries()) {
        await tx.insert(projectPayments).values({
          planProjectId: project.id,
          ...payment,
          voucherNo: `任科拨〔${payment.paidOn.slice(0, 4)}〕${cohort.year % 100}${String(index + 1).padStart(2, '0')}${number + 1}号`,
        });
        if (payment.paidOn.startsWith('2020')) paid2020 += payment.amountFen;
      }
    }
  }

  await seedFundsDemo(tx, { nextEnterprise, random, paid2020 });

  // A 2021 成果转化 call whose 公示 has ended (awaiting 立项下达), and one in 公示 now with reviewed ones waiting.
  const endedCall = await createCall(tx, transfer, 2021, '2021年度任城区科技成果转化项目申报通知', 300);
  const [endedNotice] = await tx
    .insert(publicityNotices)
    .values({
      callId: endedCall,
      title: '2021年度任城区科技成果转化拟立项项目公示',
      startOn: '2021-09-13',
      endOn: '2021-09-17',
      workingDays: 5,
      createdBy: staff.id,
    })
    .returning({ id: publicityNotices.id });
  for (const [index, approvedWan] of [100, 80].entries()) {
    const enterpriseId = nextEnterprise();
    const title = TOPICS[topic++ % TOPICS.length];
    const application = await createApplication(tx, {
      callId: endedCall,
      year: 2021,
      enterpriseId,
      title,
      requestedWan: approvedWan + 20,
      approvedWan,
      status: 'publicity',
      rank: index + 1,
    });
    await tx.insert(publicityNoticeItems).values({
      noticeId: endedNotice.id,
      applicationId: application.id,
      enterpriseName: names.get(enterpriseId) ?? '',
      title,
      approvedFen: approvedWan * WAN,
    });
  }

  // The call whose 公示 runs on the day the demo is loaded: this year's once its review is done (June), else last year's.
  const currentYear = Number(today.slice(0, 4)) - (today.slice(5) < '06-01' ? 1 : 0);
  const currentCall = await createCall(
    tx,
    keyRd,
    currentYear,
    `${currentYear}年度任城区重点研发计划（第二批）项目申报通知`,
    600,
  );
  const year = Number(today.slice(0, 4));
  const calendarRows = await tx
    .select()
    .from(workCalendars)
    .where(inArray(workCalendars.year, [year - 1, year, year + 1]));
  const calendar = {
    holidays: calendarRows.flatMap((row) => row.holidays),
    workdays: calendarRows.flatMap((row) => row.workdays),
  };
  // Published a couple of days back, so it runs today even when today is a weekend or a holiday.
  let publishedOn = addDays(today, -2);
  while (computePublicityPeriod(publishedOn, 7, calendar).startOn > today)
    publishedOn = addDays(publishedOn, -1);
  const period = computePublicityPeriod(publishedOn, 7, calendar);
  const [currentNotice] = await tx
    .insert(publicityNotices)
    .values({
      callId: currentCall,
      title: `${currentYear}年度任城区重点研发计划（第二批）拟立项项目公示`,
      startOn: period.startOn,
      endOn: period.endOn,
      workingDays: 7,
      createdBy: staff.id,
    })
    .returning({ id: publicityNotices.id });
  const plan: { approvedWan: number | null; status: string }[] = [
    { approvedWan: 120, status: 'publicity' },
    { approvedWan: 100, status: 'publicity' },
    { approvedWan: 80, status: 'publicity' },
    { approvedWan: null, status: 'reviewed' },
    { approvedWan: null, status: 'reviewed' },
    { approvedWan: null, status: 'reviewed' },
    { approvedWan: null, status: 'notFunded' },
  ];
  for (const [index, item] of plan.entries()) {
    const enterpriseId = nextEnterprise();
    const title = TOPICS[topic++ % TOPICS.length];
    const application = await createApplication(tx, {
      callId: currentCall,
      year: currentYear,
      enterpriseId,
      title,
      requestedWan: (item.approvedWan ?? 60) + 30,
      approvedWan: item.approvedWan,
      status: item.status,
      rank: index + 1,
    });
    if (item.status === 'publicity') {
      await tx.insert(publicityNoticeItems).values({
        noticeId: currentNotice.id,
        applicationId: application.id,
        enterpriseName: names.get(enterpriseId) ?? '',
        title,
        approvedFen: (item.approvedWan ?? 0) * WAN,
      });
    }
  }
}
