import type { ModuleManifest } from '../../core/module';
import { registerReportRoutes } from './routes';

/** 年度工作报告: the year's work report written around the registry's figures, as a Word document. */
export const reportsModule: ModuleManifest = {
  name: 'reports',
  routes: registerReportRoutes,
  imports: [],
  notificationKinds: [],
  jobs: [],
  indicators: [],
};
