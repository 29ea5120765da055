import { type ApplicationContent, addDays, addMonths } from '@kechuang/domain';
import { and, eq, lt } from 'drizzle-orm';
import type { Transaction } from '../db/connection';
import {
  planProjectAcceptanceDecisions,
  planProjectChanges,
  planProjectFinalReports,
  planProjectFundRecoveries,
  planProjectMidTermChecks,
  planProjectProgressReports,
  planProjects,
  workflowHistory,
} from '../db/schema';
import { syncReportSchedule } from '../modules/projects/progress-reports-service';
import { insertPlanProject, SUPERVISION_TEST_CONTENT } from '../modules/projects/supervision-fixtures';
import { defaultDemoToday, demoDate } from './demo-today';

interface Staff {
  id: number;
  displayName: string;
}

type Ending = 'passed' | 'passedAfterRectification' | 'failed' | 'closedWithoutPass' | 'needsReconsideration';

interface DemoProject {
  title: string;
  /** The plan year; projects with `reports` run around the day the demo is loaded instead. */
  year?: number;
  status: string;
  /** Months from the start to the contracted end. */
  months: number;
  approvedWan: number;
  /**
   * Projects running on the day the demo is loaded: `onTime` started two years before the day ten
   * days ahead (its past reports accepted, the next one due in ten days); `overdue` started 26 months
   * before (its reports left open from the second one).
   */
  reports?: 'onTime' | 'overdue';
  ending?: Ending;
  rectifying?: boolean;
  recoveredWan?: number;
  midTerm?: 'good' | 'qualified' | 'needsRectification' | 'unqualified';
  extension?: boolean;
  pendingChange?: boolean;
}

/** Projects of the district's 重点研发计划 in every state supervision knows: 2019–2021 ones, and three running now. */
const DEMO_PROJECTS: DemoProject[] = [
  {
    title: '高端液压元件精密加工技术研发',
    year: 2019,
    status: 'archived',
    months: 24,
    approvedWan: 80,
    ending: 'passed',
    midTerm: 'good',
  },
  {
    title: '煤矿智能综采控制系统研发',
    year: 2019,
    status: 'accepted',
    months: 24,
    approvedWan: 100,
    ending: 'passed',
    midTerm: 'good',
  },
  {
    title: '新型生物基可降解材料制备',
    year: 2019,
    status: 'failed',
    months: 24,
    approvedWan: 50,
    ending: 'failed',
    midTerm: 'unqualified',
  },
  {
    title: '农产品冷链物联网监测平台',
    year: 2019,
    status: 'closedWithoutPass',
    months: 24,
    approvedWan: 40,
    ending: 'closedWithoutPass',
    midTerm: 'qualified',
  },
  {
    title: '工程机械远程运维系统',
    year: 2019,
    status: 'revoked',
    months: 24,
    approvedWan: 60,
    recoveredWan: 30,
  },
  {
    title: '纺织印染废水深度处理技术',
    year: 2020,
    status: 'accepted',
    months: 24,
    approvedWan: 70,
    ending: 'passedAfterRectification',
    midTerm: 'qualified',
    extension: true,
  },
  {
    title: '光伏组件智能清扫机器人',
    year: 2020,
    status: 'terminated',
    months: 24,
    approvedWan: 50,
    recoveredWan: 18,
    midTerm: 'needsRectification',
  },
  {
    title: '中药饮片质量追溯系统',
    year: 2020,
    status: 'reconsidering',
    months: 24,
    approvedWan: 45,
    ending: 'needsReconsideration',
    midTerm: 'qualified',
  },
  {
    title: '汽车轻量化铝合金压铸工艺',
    year: 2020,
    status: 'rectifying',
    months: 24,
    approvedWan: 90,
    rectifying: true,
    midTerm: 'good',
  },
  {
    title: '智能网联商用车线控底盘研发',
    status: 'inProgress',
    months: 66,
    approvedWan: 150,
    reports: 'onTime',
    midTerm: 'good',
    pendingChange: true,
  },
  {
    title: '工业互联网边缘计算网关',
    status: 'inProgress',
    months: 66,
    approvedWan: 60,
    reports: 'overdue',
  },
  {
    title: '高性能锂电池正极材料中试',
    status: 'suspended',
    months: 66,
    approvedWan: 120,
    reports: 'overdue',
    midTerm: 'needsRectification',
  },
  {
    title: '数字孪生水务调度平台',
    year: 2021,
    status: 'acceptanceApplied',
    months: 24,
    approvedWan: 55,
    midTerm: 'good',
  },
];

const wan = (value: number) => Math.round(value * 1_000_000);
const DECISION_ACTION: Record<Ending, string> = {
  passed: 'accept',
  passedAfterRectification: 'accept',
  failed: 'fail',
  closedWithoutPass: 'closeWithoutPass',
  needsReconsideration: 'requireReconsideration',
};

function contentFor(approvedWan: number): Partial<ApplicationContent> {
  const fiscal = wan(approvedWan);
  const equipment = Math.round(fiscal * 0.6);
  return {
    ...SUPERVISION_TEST_CONTENT,
    budget: {
      rows: [
        { category: 'equipment', fiscalFen: equipment, selfRaisedFen: equipment, otherFen: 0 },
        {
          category: 'business',
          fiscalFen: fiscal - equipment,
          selfRaisedFen: fiscal - equipment,
          otherFen: 0,
        },
      ],
      totals: null,
    },
  };
}

/**
 * Supervision in the demo district: projects of 2019–2021 and running ones with their progress
 * reports (accepted, overdue, one due within days), mid-term checks, changes, acceptance results,
 * and the funds of terminated and revoked ones. Uses the last verified enterprises, so it stays clear of what other demo parts put on the first ones.
 */
export async function seedPlanSupervisionDemo(
  tx: Transaction,
  options: {
    enterprises: { id: number; status: string }[];
    staff: Staff[];
    /** The day the demo is loaded: running projects, reports due and rectification deadlines are placed around it. */
    today?: Date;
  },
): Promise<void> {
  const verified = options.enterprises.filter((enterprise) => enterprise.status === 'verified');
  const staff = options.staff[0];
  const today = demoDate(options.today ?? defaultDemoToday());
  for (const [index, demo] of DEMO_PROJECTS.entries()) {
    const enterprise = verified[verified.length - 1 - index];
    if (!enterprise) return;
    const startOn =
      demo.reports === 'onTime'
        ? addMonths(addDays(today, 10), -24)
        : demo.reports === 'overdue'
          ? addMonths(today, -26)
          : `${demo.year}-07-01`;
    const year = Number(startOn.slice(0, 4));
    const { projectId } = await insertPlanProject(tx, {
      enterpriseId: enterprise.id,
      status: demo.status,
      startOn,
      months: demo.months,
      title: demo.title,
      approvedFen: wan(demo.approvedWan),
      content: contentFor(demo.approvedWan),
    });
    const [project] = await tx.select().from(planProjects).where(eq(planProjects.id, projectId));
    const history = (
      action: string,
      fromStatus: string | null,
      toStatus: string,
      comment: string | null,
    ) => ({
      workflow: 'plan-project',
      objectId: projectId,
      action,
      fromStatus,
      toStatus,
      actorId: staff.id,
      actorName: staff.displayName,
      actorRole: 'staff',
      comment,
    });
    await tx.insert(workflowHistory).values(history('startExecution', 'contracting', 'inProgress', null));

    if (demo.extension) {
      const newEndOn = addMonths(project.endOn, 6);
      await tx.insert(planProjectChanges).values({
        projectId,
        enterpriseId: enterprise.id,
        kind: 'extension',
        status: 'approved',
        reason: '受疫情影响，关键设备交付推迟',
        details: { newEndOn },
        decisionOpinion: '同意延期六个月',
        decidedAt: new Date(`${year + 1}-09-10T10:00:00+08:00`),
      });
      await tx.update(planProjects).set({ extendedEndOn: newEndOn }).where(eq(planProjects.id, projectId));
      project.extendedEndOn = newEndOn;
    }
    if (demo.pendingChange) {
      await tx.insert(planProjectChanges).values({
        projectId,
        enterpriseId: enterprise.id,
        kind: 'principal',
        status: 'submitted',
        reason: '原项目负责人工作调整，由技术副总接任',
        details: { principalName: '周技术' },
      });
    }

    await syncReportSchedule(tx, { ...project, startOn, extendedEndOn: project.extendedEndOn });
    const openFrom = demo.reports === 'overdue' ? 2 : Number.POSITIVE_INFINITY;
    const reports = await tx
      .select()
      .from(planProjectProgressReports)
      .where(
        and(eq(planProjectProgressReports.projectId, projectId), lt(planProjectProgressReports.dueOn, today)),
      );
    for (const report of reports) {
      if (report.periodNo >= openFrom) continue;
      await tx
        .update(planProjectProgressReports)
        .set({
          status: 'accepted',
          progress: [
            {
              item: '新产品（2项）',
              progress: `第 ${report.periodNo} 期：按计划推进样机研制与测试`,
              note: '',
            },
            {
              item: '发明专利申请（3件）',
              progress: `累计提交 ${Math.min(3, report.periodNo)} 件`,
              note: '',
            },
          ],
          spentFen: Math.round((wan(demo.approvedWan) * Math.min(report.periodNo, 4)) / 5),
          issues: report.periodNo === 1 ? '部分进口元器件到货周期较长' : '',
          nextPlan: '继续开展中试与性能测试',
          submittedAt: new Date(`${report.dueOn}T09:00:00+08:00`),
          reviewedAt: new Date(`${report.dueOn}T15:00:00+08:00`),
          reviewOpinion: '报告内容完整，同意',
          reminderSentAt: new Date(`${report.dueOn}T08:00:00+08:00`),
        })
        .where(eq(planProjectProgressReports.id, report.id));
    }

    if (demo.midTerm) {
      await tx.insert(planProjectMidTermChecks).values({
        projectId,
        checkedOn: addMonths(startOn, 12),
        method: 'both',
        result: demo.midTerm,
        opinion: {
          good: '进展顺利，经费使用规范，阶段目标全部完成',
          qualified: '总体按计划推进，个别指标进度略慢',
          needsRectification: '进度明显滞后，经费支出不规范，限期整改',
          unqualified: '主要研发任务未开展，经费使用存在问题',
        }[demo.midTerm],
        recordedBy: staff.id,
        recordedByName: staff.displayName,
      });
    }

    const endOn = project.extendedEndOn ?? project.endOn;
    const reportRound = async (round: number, completions: ('yes' | 'partly' | 'no')[]) => {
      const [row] = await tx
        .insert(planProjectFinalReports)
        .values({
          projectId,
          round,
          summary: `${demo.title}项目结题总结：完成研发任务与经费决算（第 ${round} 次提交）。`,
          targets: SUPERVISION_TEST_CONTENT.targets!.map((target, targetIndex) => ({
            index: targetIndex,
            name: target.name,
            unit: target.unit,
            value: target.value,
            achieved:
              completions[targetIndex] === 'yes'
                ? target.value
                : completions[targetIndex] === 'partly'
                  ? '部分'
                  : '0',
            completion: completions[targetIndex],
            note: '',
          })),
          financial: contentFor(demo.approvedWan).budget!.rows.map((row) => ({
            category: row.category,
            budgetFen: row.fiscalFen + row.selfRaisedFen + row.otherFen,
            spentFen: Math.round((row.fiscalFen + row.selfRaisedFen) * 0.95),
          })),
        })
        .returning({ id: planProjectFinalReports.id });
      return row.id;
    };
    const decide = async (
      finalReportId: number,
      action: string,
      opinion: string,
      rectificationDueOn: string | null = null,
    ) => {
      await tx.insert(planProjectAcceptanceDecisions).values({
        projectId,
        finalReportId,
        action,
        opinion,
        rectificationDueOn,
        decidedBy: staff.id,
        decidedByName: staff.displayName,
      });
    };
    if (demo.status === 'acceptanceApplied') await reportRound(1, ['yes', 'yes', 'partly']);
    if (demo.rectifying) {
      const first = await reportRound(1, ['yes', 'partly', 'yes']);
      await decide(first, 'requireRectification', '经费决算缺少审计报告，限期整改', addMonths(today, 2));
    }
    if (demo.ending) {
      const completions: Record<Ending, ('yes' | 'partly' | 'no')[]> = {
        passed: ['yes', 'yes', 'yes'],
        passedAfterRectification: ['yes', 'yes', 'yes'],
        failed: ['partly', 'no', 'no'],
        closedWithoutPass: ['yes', 'no', 'partly'],
        needsReconsideration: ['yes', 'yes', 'partly'],
      };
      const first = await reportRound(
        1,
        demo.ending === 'passedAfterRectification' ? ['yes', 'partly', 'yes'] : completions[demo.ending],
      );
      let last = first;
      if (demo.ending === 'passedAfterRectification') {
        await decide(
          first,
          'requireRectification',
          '专利申请证明材料不全，限期三个月整改',
          addMonths(endOn, 4),
        );
        last = await reportRound(2, completions[demo.ending]);
      }
      const opinions: Record<Ending, string> = {
        passed: '完成任务书约定的全部考核指标，经费使用规范，同意通过验收',
        passedAfterRectification: '整改到位，同意通过验收',
        failed: '主要考核指标未完成，完成率低于 80%，不通过验收',
        closedWithoutPass: '研究工作勤勉尽责，但市场环境变化致经济指标未达成，予以结题',
        needsReconsideration: '完成率不足 90%，提交专家组复议',
      };
      await decide(last, DECISION_ACTION[demo.ending], opinions[demo.ending]);
      await tx
        .update(planProjects)
        .set({
          acceptanceOutcome: demo.ending,
          closedAt:
            demo.ending === 'needsReconsideration' ? null : new Date(`${addMonths(endOn, 5)}T10:00:00+08:00`),
        })
        .where(eq(planProjects.id, projectId));
    }
    if (demo.recoveredWan !== undefined) {
      const kind = demo.status === 'revoked' ? 'revoke' : 'terminate';
      const reason =
        kind === 'revoke'
          ? '经查申报材料存在弄虚作假，撤销项目并追回已拨资金'
          : '核心技术路线不可行，经批准终止，退回结余资金';
      await tx.insert(planProjectFundRecoveries).values({
        projectId,
        kind,
        amountFen: wan(demo.recoveredWan),
        reason,
        recordedBy: staff.id,
        recordedByName: staff.displayName,
      });
      await tx
        .update(planProjects)
        .set({ closedAt: new Date(`${year + 1}-10-20T10:00:00+08:00`) })
        .where(eq(planProjects.id, projectId));
      await tx.insert(workflowHistory).values(history(kind, 'inProgress', demo.status, reason));
    }
  }
}
