import { recordAudit } from '../core/audit';
import { systemContext } from '../core/context';
import { type DemoContext, type ModuleManifest, orderDemoSteps, validateModules } from '../core/module';
import type { Database } from '../db/connection';
import { MODULES } from '../modules';
import { DEMO_USERS } from './rencheng';
import { DEMO_ENTERPRISE_COUNT } from './seed-demo';

export interface DemoOptions {
  enterpriseCount?: number;
  /** The day the demo is loaded ('YYYY-MM-DD'); today unless a test fixes it. */
  today?: string;
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
      today: options.today ?? new Date().toISOString().slice(0, 10),
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
