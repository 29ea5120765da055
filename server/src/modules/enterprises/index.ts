import type { ImportDefinition } from '../../core/excel-import';
import type { ModuleManifest } from '../../core/module';
import { seedDemoBase } from '../../demo/seed-demo';
import { enterpriseLedgerImport } from './ledger-import';
import { registerEnterpriseRoutes } from './routes';

/** The enterprise register: self-registration, verification by staff, the ledger and its import. */
export const enterprisesModule: ModuleManifest = {
  name: 'enterprises',
  routes: registerEnterpriseRoutes,
  // The district itself (settings, calendar, users) comes with the enterprises: every other step needs both.
  demo: { after: [], run: seedDemoBase },
  imports: [{ definition: enterpriseLedgerImport as ImportDefinition<never>, roles: ['staff'] }],
  notificationKinds: ['enterprises.registered'],
  jobs: [],
  indicators: [],
};
