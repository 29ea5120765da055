import type { ImportDefinition } from '../../core/excel-import';
import type { ModuleManifest } from '../../core/module';
import { demoDate } from '../../demo/demo-today';
import { cooperationIndicators } from './cooperation-indicators';
import { coverageIndicators } from './coverage-indicators';
import { seedPlatformsDemo } from './demo';
import { platformIndicators } from './indicators';
import { platformLedgerImport } from './ledger-import';
import { registerPlatformRoutes } from './routes';

/** 科创载体: the innovation-platform register by type and level, its upgrades and status changes. */
export const platformsModule: ModuleManifest = {
  name: 'platforms',
  routes: registerPlatformRoutes,
  demo: {
    after: ['enterprises'],
    run: async (context) => {
      await seedPlatformsDemo(context.db, {
        enterprises: context.enterprises,
        staff: context.staff,
        today: demoDate(context.today),
      });
      return undefined;
    },
  },
  imports: [{ definition: platformLedgerImport as ImportDefinition<never>, roles: ['staff'] }],
  notificationKinds: [],
  jobs: [],
  indicators: [...platformIndicators, ...coverageIndicators, ...cooperationIndicators],
};
