import type { ModuleManifest } from '../../core/module';
import { registerAuthRoutes } from './routes';

/** Signing in and out, the current user and changing one's password. */
export const authModule: ModuleManifest = {
  name: 'auth',
  routes: registerAuthRoutes,
  imports: [],
  notificationKinds: [],
  jobs: [],
  indicators: [],
};
