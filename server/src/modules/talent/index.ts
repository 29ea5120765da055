import type { ModuleManifest } from '../../core/module';
import { registerTalentRoutes } from './routes';

/** 人才: the talent ledger with protected personal data, work-permit classes, programmes and 全程帮扶. */
export const talentModule: ModuleManifest = {
  name: 'talent',
  routes: registerTalentRoutes,
  imports: [],
  notificationKinds: [],
  jobs: [],
  indicators: [],
};
