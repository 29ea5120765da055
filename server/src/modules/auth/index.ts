import type { ModuleManifest } from '../../core/module';
import { pruneThrottleEvents } from '../../core/throttle';
import { registerAuthRoutes } from './routes';
import { reencryptSecondFactorSecrets } from './second-factor';

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
    {
      name: 'second-factor-reencrypt',
      description: '密钥轮换后用新密钥重新加密动态验证码密钥',
      run: async (db) => `已重新加密 ${await reencryptSecondFactorSecrets(db)} 个动态验证码密钥`,
    },
  ],
  indicators: [],
};
