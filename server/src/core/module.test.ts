import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ImportDefinition } from './excel-import';
import {
  CORE_NOTIFICATION_KINDS,
  createRouteOwners,
  type ModuleManifest,
  orderDemoSteps,
  validateModules,
} from './module';

function manifest(name: string, overrides: Partial<ModuleManifest> = {}): ModuleManifest {
  return {
    name,
    routes: () => undefined,
    imports: [],
    notificationKinds: [],
    jobs: [],
    indicators: [],
    ...overrides,
  };
}

const demoAfter = (...after: string[]): ModuleManifest['demo'] => ({ after, run: async () => undefined });
const job = (name: string) => ({ name, description: '测试任务', run: async () => '完成' });

describe('validateModules', () => {
  it('names the module declared twice', () => {
    expect(() => validateModules([manifest('stats'), manifest('audit'), manifest('stats')])).toThrow(
      '模块 stats 在模块列表中出现两次 / module "stats" is listed twice',
    );
  });

  it('names the modules declaring the same import kind', () => {
    const definition: ImportDefinition<never> = {
      kind: 'enterprise-ledger',
      title: '企业台账',
      columns: [],
      rowSchema: z.never(),
      apply: async () => ({ created: 0, updated: 0 }),
    };
    const ledger = { definition, roles: ['staff' as const] };
    expect(() =>
      validateModules([
        manifest('enterprises', { imports: [ledger] }),
        manifest('ledger', { imports: [ledger] }),
      ]),
    ).toThrow('module "ledger": import kind "enterprise-ledger" is already declared by 模块 enterprises');
  });

  it('names the modules declaring the same daily job', () => {
    expect(() =>
      validateModules([
        manifest('projects', { jobs: [job('reminders')] }),
        manifest('reviews', { jobs: [job('reminders')] }),
      ]),
    ).toThrow('模块 reviews 的每日任务 reminders 与 模块 projects 重复');
  });

  it('names the modules declaring the same notification kind, and a kind the core sends', () => {
    expect(() =>
      validateModules([
        manifest('reviews', { notificationKinds: ['reviews.invitation'] }),
        manifest('experts', { notificationKinds: ['reviews.invitation'] }),
      ]),
    ).toThrow('module "experts": notification kind "reviews.invitation" is already declared by 模块 reviews');
    expect(() =>
      validateModules([manifest('projects', { notificationKinds: [CORE_NOTIFICATION_KINDS[0]] })]),
    ).toThrow(
      'module "projects": notification kind "workflow.transition" is already declared by 平台核心 (core)',
    );
  });

  it('names the module whose demo step runs after an unknown module', () => {
    expect(() =>
      validateModules([
        manifest('enterprises', { demo: demoAfter() }),
        manifest('stats', { demo: demoAfter('figures') }),
      ]),
    ).toThrow(
      '模块 stats 的演示数据依赖未知模块 figures / module "stats": demo step runs after unknown module "figures"',
    );
  });

  it('names the modules whose demo steps wait for each other', () => {
    expect(() =>
      validateModules([
        manifest('enterprises', { demo: demoAfter() }),
        manifest('reviews', { demo: demoAfter('projects') }),
        manifest('projects', { demo: demoAfter('reviews') }),
      ]),
    ).toThrow('module "reviews": demo steps depend on each other in a cycle (reviews, projects)');
  });
});

describe('orderDemoSteps', () => {
  it('runs each step after the ones it names, otherwise in list order', () => {
    const order = orderDemoSteps([
      manifest('stats', { demo: demoAfter('cultivation') }),
      manifest('auth'),
      manifest('cultivation', { demo: demoAfter('enterprises') }),
      manifest('plan-calls', { demo: demoAfter('enterprises') }),
      manifest('enterprises', { demo: demoAfter('auth') }),
    ]).map((module) => module.name);
    expect(order).toEqual(['enterprises', 'cultivation', 'stats', 'plan-calls']);
  });
});

describe('route owners', () => {
  it('names both modules when two register the same route', async () => {
    const app = Fastify();
    const owners = createRouteOwners();
    app.addHook('onRoute', (route) => owners.claim(String(route.method), route.url));
    const register = (module: ModuleManifest) =>
      owners.registerFor(module, () => app.get('/api/stats/summary', async () => ({ ok: true })));
    register(manifest('stats'));
    expect(() => register(manifest('dashboard'))).toThrow(
      '模块 dashboard 与模块 stats 都注册了路由 GET /api/stats/summary / module "dashboard": route GET /api/stats/summary is already registered by module "stats"',
    );
    await app.close();
  });
});
