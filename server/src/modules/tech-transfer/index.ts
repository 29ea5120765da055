import { chinaToday } from '@kechuang/domain';
import type { ImportDefinition } from '../../core/excel-import';
import type { ModuleManifest } from '../../core/module';
import { seedTechTransferDemo } from './demo';
import { techTransferIndicators } from './indicators';
import { techContractLedgerImport } from './ledger-import';
import { seedTechMatchingDemo } from './needs-results/matching-demo';
import { registerTechTransferRoutes } from './routes';
import { sendRegistrationDeadlineWarnings } from './sla-warnings';
import { registerTechStatisticsRoutes } from './statistics-routes';

/** 技术转移: technology-contract registration (认定登记), 技术交易额 and 免税, the contract ledger. */
export const techTransferModule: ModuleManifest = {
  name: 'tech-transfer',
  routes: (app, deps) => {
    registerTechTransferRoutes(app, deps);
    registerTechStatisticsRoutes(app, deps);
  },
  demo: {
    // Contracts are sold by the district's enterprises; the 产学研对接 demo also reads the expert pool.
    after: ['enterprises', 'reviews'],
    run: async (context) => {
      await seedTechTransferDemo(context);
      await seedTechMatchingDemo(context);
      return undefined;
    },
  },
  imports: [{ definition: techContractLedgerImport as ImportDefinition<never>, roles: ['staff'] }],
  notificationKinds: ['tech-transfer.registration-due', 'tech-transfer.registration-overdue'],
  jobs: [
    {
      name: 'tech-contract-registration-warnings',
      description: '技术合同认定登记办理时限到期预警与超期提醒',
      run: async (db, now) =>
        `已发送技术合同登记时限预警 ${await sendRegistrationDeadlineWarnings(db, chinaToday(now))} 条`,
    },
  ],
  indicators: techTransferIndicators,
};
export { chineseSegmenter } from './needs-results/segmenter';
