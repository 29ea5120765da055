import type { ModuleManifest } from '../../core/module';
import { registerServicesRoutes } from './routes';

/** 科技服务: events with sign-up, check-in and feedback; 大调研 visits and the 问题台账 to 销号. */
export const servicesModule: ModuleManifest = {
  name: 'services',
  routes: registerServicesRoutes,
  imports: [],
  notificationKinds: [],
  jobs: [],
  indicators: [],
};
