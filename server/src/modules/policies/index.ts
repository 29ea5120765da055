import { chinaToday } from '@kechuang/domain';
import type { ImportDefinition } from '../../core/excel-import';
import type { ModuleManifest } from '../../core/module';
import { seedPoliciesDemo } from './demo';
import { policyIndicators } from './indicators';
import { policyLibraryImport } from './library-import';
import { registerPolicyRoutes } from './routes';
import { SUBSCRIPTION_NOTICE_KIND } from './subscriptions-service';
import { sendWindowNotices } from './window-notices';

/** 政策服务: the policy library, items with conditions, matching, 免申即享 payouts, the 《科技创新政策指引》. */
export const policiesModule: ModuleManifest = {
  name: 'policies',
  routes: registerPolicyRoutes,
  demo: {
    // Items are matched against the registry and the cultivation module's standing and figures.
    after: ['enterprises', 'cultivation'],
    run: async (context) => {
      await seedPoliciesDemo(context);
      return undefined;
    },
  },
  imports: [{ definition: policyLibraryImport as ImportDefinition<never>, roles: ['staff'] }],
  notificationKinds: [SUBSCRIPTION_NOTICE_KIND, 'policies.window-open', 'policies.closing-soon'],
  jobs: [
    {
      name: 'policy-window-reminders',
      description: '政策事项申报开始受理、即将截止提醒（订阅或符合条件的企业，每家每项每种提醒一次）',
      run: async (db, now) => `已发送政策申报提醒 ${await sendWindowNotices(db, chinaToday(now))} 条`,
    },
  ],
  indicators: policyIndicators,
};
