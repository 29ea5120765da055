import type { ImportDefinition } from '../../core/excel-import';
import type { ModuleManifest } from '../../core/module';
import { seedTalentDemo } from './demo';
import { talentIndicators } from './indicators';
import { talentLedgerImport } from './ledger-import';
import { permitReminderJob } from './permit-reminder-job';
import { reencryptJob } from './reencrypt-job';
import { registerTalentRoutes } from './routes';

export {
  checkTalentBundle,
  recordProgrammeSelection,
  type TalentBundle,
  talentBundleIssues,
} from './programme-calls';

/** 人才: the talent ledger with protected personal data, work-permit classes, programmes and 全程帮扶. */
export const talentModule: ModuleManifest = {
  name: 'talent',
  routes: registerTalentRoutes,
  demo: {
    after: ['platforms', 'projects'],
    run: async (context) => {
      await seedTalentDemo(context.db, {
        enterprises: context.enterprises,
        staff: context.staff,
        today: context.today,
      });
      return undefined;
    },
  },
  imports: [{ definition: talentLedgerImport as ImportDefinition<never>, roles: ['staff'] }],
  notificationKinds: ['talent.permit-expiring'],
  jobs: [permitReminderJob, reencryptJob],
  indicators: talentIndicators,
};
