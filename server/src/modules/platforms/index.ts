import type { ModuleManifest } from '../../core/module';
import { seedPlatformsDemo } from './demo';
import { platformIndicators } from './indicators';
import { registerPlatformRoutes } from './routes';

/** 科创载体: the innovation-platform register by type and level, its upgrades and status changes. */
export const platformsModule: ModuleManifest = {
  name: 'platforms',
  routes: registerPlatformRoutes,
  demo: {
    after: ['enterprises'],
    run: async (context) => {
      await seedPlatformsDemo(context.db, { enterprises: context.enterprises, staff: context.staff });
      return undefined;
    },
  },
  imports: [],
  notificationKinds: [],
  jobs: [],
  indicators: platformIndicators,
};
