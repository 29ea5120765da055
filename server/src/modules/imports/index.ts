import type { ModuleManifest } from '../../core/module';
import { registerImportRoutes } from './routes';

/** Serves the Excel imports the other modules declare: templates, uploads and import jobs. */
export const importsModule: ModuleManifest = {
  name: 'imports',
  routes: registerImportRoutes,
  imports: [],
  notificationKinds: [],
  jobs: [],
  indicators: [],
};
