import { chinaToday } from '@kechuang/domain';
import type { ImportDefinition } from '../../core/excel-import';
import type { ModuleManifest } from '../../core/module';
import { sendProblemDeadlineNotices } from './deadline-notices';
import { seedServicesDemo } from './demo';
import { servicesIndicators } from './indicators';
import { problemLedgerImport } from './ledger-import';
import { sendEventReminders } from './reminders';
import { registerServicesRoutes } from './routes';

export { buildServicesTodos } from './workbench-todos';

/** 科技服务: events with sign-up, check-in and feedback; 大调研 visits and the 问题台账 to 销号. */
export const servicesModule: ModuleManifest = {
  name: 'services',
  routes: registerServicesRoutes,
  demo: {
    after: ['platforms'],
    run: async (context) => {
      await seedServicesDemo(context.db, { enterprises: context.enterprises, staff: context.staff });
      return undefined;
    },
  },
  imports: [{ definition: problemLedgerImport as ImportDefinition<never>, roles: ['staff'] }],
  notificationKinds: [
    'services.event-reminder',
    'services.extension-request',
    'services.problem-due-soon',
    'services.problem-overdue',
    'services.question-answered',
    'services.question-routed',
  ],
  jobs: [
    {
      name: 'service-event-reminders',
      description: '科技服务活动前一天提醒已报名企业（附签到码）',
      run: async (db, now) => `已发送活动提醒 ${await sendEventReminders(db, chinaToday(now))} 条`,
    },
    {
      name: 'service-problem-deadlines',
      description: '问题台账即将到期、已超期提醒（责任单位与科技局工作人员，每件每种状态一次）',
      run: async (db, now) => `已提醒问题 ${await sendProblemDeadlineNotices(db, chinaToday(now))} 件`,
    },
  ],
  indicators: servicesIndicators,
};
