import type { ImportDefinition } from '../../core/excel-import';
import type { ModuleManifest } from '../../core/module';
import { seedServicesDemo } from './demo';
import { servicesIndicators } from './indicators';
import { problemLedgerImport } from './ledger-import';
import { registerServicesRoutes } from './routes';

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
  notificationKinds: [],
  jobs: [],
  indicators: servicesIndicators,
};
