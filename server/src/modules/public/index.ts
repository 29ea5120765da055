import type { ModuleManifest } from '../../core/module';
import { registerPublicRoutes } from './routes';

/** What anyone may read without signing in: the district's home page and the dictionaries. */
export const publicModule: ModuleManifest = {
  name: 'public',
  routes: registerPublicRoutes,
  imports: [],
  notificationKinds: [],
  jobs: [],
  indicators: [],
};
