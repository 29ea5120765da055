import type { ModuleManifest } from '../../core/module';
import { registerAuditRoutes } from './routes';

/** The audit log for the auditor: search, export and verification of the hash chain. */
export const auditModule: ModuleManifest = {
  name: 'audit',
  routes: registerAuditRoutes,
  imports: [],
  notificationKinds: [],
  jobs: [],
  indicators: [],
};
