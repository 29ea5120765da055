import type { ModuleManifest } from '../../core/module';
import { seedStatsDemo } from '../../demo/stats-demo';
import { statsIndicators } from './indicators';
import { registerStatsRoutes } from './routes';

/** Monthly output of the enterprises and the high-tech industry statistics built from it. */
export const statsModule: ModuleManifest = {
  name: 'stats',
  routes: registerStatsRoutes,
  demo: {
    // Monthly output is spread from the yearly figures the cultivation step loads.
    after: ['cultivation'],
    run: async (context) => {
      await seedStatsDemo(context.db);
      return undefined;
    },
  },
  imports: [],
  notificationKinds: [],
  jobs: [],
  indicators: statsIndicators,
};
