import type { ModuleManifest } from '../../core/module';
import { registerNotificationRoutes } from './routes';

/** Each user's in-app messages; the other modules write them, this one lists and marks them read. */
export const notificationsModule: ModuleManifest = {
  name: 'notifications',
  routes: registerNotificationRoutes,
  imports: [],
  notificationKinds: [],
  jobs: [],
  indicators: [],
};
