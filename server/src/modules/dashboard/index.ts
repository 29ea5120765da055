import type { ModuleManifest } from '../../core/module';
import { seedDashboardDemo } from './demo';
import { registerDashboardRoutes } from './routes';

/** 驾驶舱: the indicator registry every module feeds, with its targets and the statistics entered from outside. */
export const dashboardModule: ModuleManifest = {
  name: 'dashboard',
  routes: registerDashboardRoutes,
  demo: {
    after: ['stats', 'tech-transfer'],
    run: async (context) => {
      await seedDashboardDemo(context.db);
      return undefined;
    },
  },
  imports: [],
  notificationKinds: [],
  jobs: [],
  indicators: [],
};
