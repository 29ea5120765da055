import type { ModuleManifest } from '../../core/module';
import { registerAdminRoutes } from './routes';

/** Users, roles and the district settings. */
export const adminModule: ModuleManifest = {
  name: 'admin',
  routes: registerAdminRoutes,
  imports: [],
  notificationKinds: [],
  jobs: [],
  indicators: [],
};
