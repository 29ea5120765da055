import type { ModuleManifest } from '../../core/module';
import { reencryptPrincipalIds } from '../../core/principal-id';
import { seedPlanCallsDemo } from '../../demo/seed-plan-calls';
import { planCallIndicators } from './indicators';
import { registerPlanCallModule } from './routes';

/** 科技计划 calls and applications: categories, calls, the 申报书, formal check and recommendation. */
export const planCallsModule: ModuleManifest = {
  name: 'plan-calls',
  routes: registerPlanCallModule,
  demo: {
    after: ['enterprises'],
    run: async (context) => {
      await seedPlanCallsDemo(context.db, {
        enterprises: context.enterprises,
        staff: context.staff,
        today: context.today,
      });
      return undefined;
    },
  },
  imports: [],
  notificationKinds: [],
  jobs: [
    {
      name: 'plan-principal-reencrypt',
      description: '密钥轮换后用新密钥重新加密项目负责人身份证号',
      run: async (db) => `已重新加密 ${await reencryptPrincipalIds(db)} 个项目负责人身份证号`,
    },
  ],
  indicators: planCallIndicators,
};
