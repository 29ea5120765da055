import type { ModuleManifest } from '../../core/module';
import { pruneThrottleEvents } from '../../core/throttle';
import { registerAuthRoutes } from './routes';

export { clearSecondFactor } from './second-factor';
export { forgetLoginFailures } from './service';

/** Signing in and out, the current user and changing one's password. */
export const authModule: ModuleManifest = {
  name: 'auth',
  routes: registerAuthRoutes,
  imports: [],
  notificationKinds: [],
  jobs: [
    {
      name: 'throttle-prune',
      description: '清理一天前的登录失败与注册计数',
      run: async (db) => `已清理计数记录 ${await pruneThrottleEvents(db)} 条`,
    },
  ],
  indicators: [],
};
