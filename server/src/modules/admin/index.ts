import type { ModuleManifest } from '../../core/module';
import { dailyBackupJob } from './backups';
import { registerAdminRoutes } from './routes';

/** Users, roles, the district settings, the work calendar and the scheduled backups. */
export const adminModule: ModuleManifest = {
  name: 'admin',
  routes: registerAdminRoutes,
  imports: [],
  notificationKinds: [],
  jobs: [dailyBackupJob],
  indicators: [],
};
