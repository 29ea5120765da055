import { recordAudit } from '../core/audit';
import { systemContext } from '../core/context';
import { type DemoContext, type ModuleManifest, orderDemoSteps, validateModules } from '../core/module';
import type { Database } from '../db/connection';
import { MODULES } from '../modules';
import { defaultDemoToday } from './demo-today';
import { DEMO_USERS } from './rencheng';
import { DEMO_ENTERPRISE_COUNT } from './seed-demo';

export interface DemoOptions {
  enterpriseCount?: number;
  /** The moment the demo is loaded as; now (or KECHUANG_TODAY) unless a test fixes it. */
  today?: Date;
  modules?: readonly ModuleManifest[];
}

/**
 * Loads 任城区 into an empty database: each module's demo step, after the steps it builds on, all
 * in one transaction.
 */
export async function seedDemoDistrict(
  db: Database,
  options: DemoOptions = {},
): Promise<{ enterprises: DemoContext['enterprises'] }> {
  const modules = options.modules ?? MODULES;
  validateModules(modules);
  const steps = orderDemoSteps(modules);
  return db.transaction(async (tx) => {
    const context: DemoContext = {
      db: tx,
      today: options.today ?? defaultDemoToday(),
      enterpriseCount: options.enterpriseCount ?? DEMO_ENTERPRISE_COUNT,
      enterprises: [],
      staff: [],
      expertUsers: [],
    };
    for (const module of steps) {
      const district = await module.demo?.run(context);
      if (district) Object.assign(context, district);
    }
    await recordAudit(tx, systemContext, {
      event: 'system.seed.demo',
      objectType: 'system',
      after: { enterprises: context.enterprises.length, users: DEMO_USERS.length },
    });
    return { enterprises: context.enterprises };
  });
}
