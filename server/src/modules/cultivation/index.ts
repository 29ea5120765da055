import type { ImportDefinition } from '../../core/excel-import';
import type { ModuleManifest } from '../../core/module';
import { seedCultivationDemo } from '../../demo/cultivation-demo';
import { sendExpiryReminders } from './certificate-reminders';
import { enterpriseFiguresImport } from './figures-import';
import { highTechCertificatesImport } from './high-tech-certificates-import';
import { registerHteTrackingRoutes } from './hte-tracking-routes';
import { cultivationIndicators } from './indicators';
import { registerCultivationRegisterRoutes } from './registers-routes';
import { registerCultivationRoutes } from './routes';
import { techSmeRegistrationsImport } from './tech-sme-registrations-import';

export { type CultivationStanding, readCultivationStanding } from './policy-profiles';
export { duplicateError, enterpriseKeywordCondition, fieldError } from './register-helpers';

/** 企业培育: figures, 体检, 高企 tracking, the registers, 培育库, certificates, tiers, observer lists. */
export const cultivationModule: ModuleManifest = {
  name: 'cultivation',
  routes: (api, deps) => {
    registerCultivationRoutes(api, deps);
    registerHteTrackingRoutes(api, deps);
    registerCultivationRegisterRoutes(api, deps);
  },
  demo: {
    after: ['enterprises'],
    run: async (context) => {
      await seedCultivationDemo(context.db, {
        enterprises: context.enterprises,
        staff: context.staff,
        today: context.today,
      });
      return undefined;
    },
  },
  imports: [
    { definition: enterpriseFiguresImport as ImportDefinition<never>, roles: ['staff'] },
    { definition: techSmeRegistrationsImport as ImportDefinition<never>, roles: ['staff'] },
    { definition: highTechCertificatesImport as ImportDefinition<never>, roles: ['staff'] },
  ],
  notificationKinds: ['cultivation.certificate-expiring', 'cultivation.hte-helper-assigned'],
  jobs: [
    {
      name: 'certificate-expiry-reminders',
      description: '高企证书到期提醒',
      run: async (db, now) => {
        const sent = await sendExpiryReminders(db, now.toISOString().slice(0, 10));
        return `已发送高企证书到期提醒 ${sent} 条`;
      },
    },
  ],
  indicators: cultivationIndicators,
};
