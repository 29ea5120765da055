import type { ModuleManifest } from '../../core/module';
import { registerWorkbenchRoutes } from './routes';

/** The first page after signing in: each role's to-dos and counts. */
export const workbenchModule: ModuleManifest = {
  name: 'workbench',
  routes: registerWorkbenchRoutes,
  imports: [],
  notificationKinds: [],
  jobs: [],
  indicators: [],
};
