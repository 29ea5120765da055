import type { ModuleManifest } from '../../core/module';
import { seedPlanProjectsDemo } from '../../demo/seed-plan-projects';
import { seedPlanSupervisionDemo } from '../../demo/seed-plan-supervision';
import { registerPlanApprovalRoutes } from './approval-routes';
import { registerFundsRoutes } from './funds-routes';
import { projectIndicators } from './indicators';
import { registerPlanProjectRoutes } from './plan-project-routes';
import { sendPublicityEndedReminders } from './plan-reminders';
import { sendProgressReportReminders } from './report-reminders-service';
import { registerProjectSupervisionRoutes } from './supervision-routes';

export { buildPlanApprovalTodos } from './plan-workbench';

/** Plan projects: 立项 and 公示, 任务书, funds, and supervision through to 验收/结题. */
export const projectsModule: ModuleManifest = {
  name: 'projects',
  routes: (api, deps) => {
    registerProjectSupervisionRoutes(api, deps);
    registerPlanApprovalRoutes(api, deps);
    registerPlanProjectRoutes(api, deps);
    registerFundsRoutes(api, deps);
  },
  demo: {
    // Projects are established from the demo calls' categories and applications.
    after: ['plan-calls'],
    run: async (context) => {
      await seedPlanProjectsDemo(context.db, {
        enterpriseIds: context.enterprises.filter((row) => row.status === 'verified').map((row) => row.id),
        staff: context.staff[0],
        today: context.today,
      });
      await seedPlanSupervisionDemo(context.db, {
        enterprises: context.enterprises,
        staff: context.staff,
        today: context.today,
      });
      return undefined;
    },
  },
  imports: [],
  notificationKinds: [
    'projects.progress-report-due',
    'projects.progress-report-overdue',
    'projects.publicity-ended',
  ],
  jobs: [
    {
      name: 'progress-report-reminders',
      description: '执行情况报告到期提醒与逾期通知',
      run: async (db, now) => {
        const reports = await sendProgressReportReminders(db, now.toISOString().slice(0, 10));
        return `已发送执行情况报告到期提醒 ${reports.reminded} 条、逾期通知 ${reports.overdue} 条`;
      },
    },
    {
      name: 'publicity-ended-reminders',
      description: '公示期满提醒',
      run: async (db, now) =>
        `已发送公示期满提醒 ${await sendPublicityEndedReminders(db, now.toISOString().slice(0, 10))} 条`,
    },
  ],
  indicators: projectIndicators,
};
