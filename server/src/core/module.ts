import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Role } from '@kechuang/domain';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database, Transaction } from '../db/types';
import type { RouteAccess } from './access';
import type { ImportDefinition } from './excel-import';
import { buildIndicatorRegistry } from './indicators/registry';
import type { Indicator } from './indicators/types';
import { ModuleManifestError } from './module-error';

export { ModuleManifestError } from './module-error';

export type App = FastifyInstance;
export type TypedApp = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** Module route registrars receive the typed app and the database; nothing is hung on the instance. */
export interface ModuleDeps {
  db: Database;
  secureCookies: boolean;
  /** The modules the app is built from, for the few that serve what the others declare (imports). */
  modules: readonly ModuleManifest[];
}

export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess;
  hasBody: boolean;
  hasQuery: boolean;
  hasParams: boolean;
  schema: { body?: unknown; querystring?: unknown; params?: unknown };
}

export interface DemoEnterprise {
  id: number;
  size: string;
  industry: string;
  status: string;
}

export interface DemoUser {
  id: number;
  username: string;
  displayName: string;
  role: string;
}

/** What the first demo step creates and every later step builds on. */
export interface DemoDistrict {
  enterprises: DemoEnterprise[];
  staff: DemoUser[];
  expertUsers: DemoUser[];
}

export interface DemoContext extends DemoDistrict {
  db: Transaction;
  /** The moment the demo is loaded as; its current state (open calls, rounds, 公示, reports due) is placed around it. */
  today: Date;
  enterpriseCount: number;
}

export interface DemoStep {
  /** Modules whose demo data this step reads; their steps run first. */
  after: readonly string[];
  /** May return the district it created (only the first step does). */
  run(context: DemoContext): Promise<DemoDistrict | undefined>;
}

export interface ModuleImport {
  definition: ImportDefinition<never>;
  roles: Role[];
}

/** A daily job, run once a day by the server and on demand by `kechuang remind`. */
export interface DailyJob {
  name: string;
  /** What it does, in Chinese, for the command's help. */
  description: string;
  /** Returns the line `kechuang remind` prints (zh-CN). */
  run(db: Database, now: Date): Promise<string>;
}

/** Everything a module adds to the platform, declared in one place (its `index.ts`). */
export interface ModuleManifest {
  name: string;
  routes(api: TypedApp, deps: ModuleDeps): void;
  demo?: DemoStep;
  imports: readonly ModuleImport[];
  /** Kinds of the in-app messages the module sends (`NotificationDraft.kind`). */
  notificationKinds: readonly string[];
  jobs: readonly DailyJob[];
  indicators: readonly Indicator[];
}

/** Kinds sent by the core itself (workflow transitions), so no module may declare them. */
export const CORE_NOTIFICATION_KINDS: readonly string[] = ['workflow.transition'];

function assertUnique(
  modules: readonly ModuleManifest[],
  itemsOf: (module: ModuleManifest) => readonly string[],
  label: { zh: string; en: string },
  reserved: ReadonlyMap<string, string> = new Map(),
): void {
  const owners = new Map(reserved);
  for (const module of modules) {
    for (const item of itemsOf(module)) {
      const owner = owners.get(item);
      if (owner !== undefined) {
        throw new ModuleManifestError(
          `模块 ${module.name} 的${label.zh} ${item} 与 ${owner} 重复`,
          `module "${module.name}": ${label.en} "${item}" is already declared by ${owner}`,
        );
      }
      owners.set(item, `模块 ${module.name}`);
    }
  }
}

/** Checks a module list before anything is built from it. */
export function validateModules(modules: readonly ModuleManifest[]): void {
  const names = new Set<string>();
  for (const module of modules) {
    if (names.has(module.name)) {
      throw new ModuleManifestError(
        `模块 ${module.name} 在模块列表中出现两次`,
        `module "${module.name}" is listed twice`,
      );
    }
    names.add(module.name);
  }
  assertUnique(modules, (module) => module.imports.map((entry) => entry.definition.kind), {
    zh: '导入类型',
    en: 'import kind',
  });
  assertUnique(modules, (module) => module.jobs.map((job) => job.name), { zh: '每日任务', en: 'daily job' });
  assertUnique(
    modules,
    (module) => module.notificationKinds,
    { zh: '通知类型', en: 'notification kind' },
    new Map(CORE_NOTIFICATION_KINDS.map((kind) => [kind, '平台核心 (core)'])),
  );
  buildIndicatorRegistry(modules);
  orderDemoSteps(modules);
}

/**
 * The modules with a demo step, each after the modules it names in `after`; among steps that are
 * ready, list order decides, so the demo data comes out the same on every load.
 */
export function orderDemoSteps(modules: readonly ModuleManifest[]): ModuleManifest[] {
  const withDemo = modules.filter((module) => module.demo);
  const names = new Set(modules.map((module) => module.name));
  for (const module of withDemo) {
    for (const dependency of module.demo?.after ?? []) {
      if (!names.has(dependency)) {
        throw new ModuleManifestError(
          `模块 ${module.name} 的演示数据依赖未知模块 ${dependency}`,
          `module "${module.name}": demo step runs after unknown module "${dependency}"`,
        );
      }
    }
  }
  const ordered: ModuleManifest[] = [];
  const done = new Set(modules.filter((module) => !module.demo).map((module) => module.name));
  const pending = [...withDemo];
  while (pending.length > 0) {
    const index = pending.findIndex((module) => (module.demo?.after ?? []).every((name) => done.has(name)));
    if (index === -1) {
      const cycle = pending.map((module) => module.name).join(', ');
      throw new ModuleManifestError(
        `模块 ${pending[0].name} 的演示数据依赖成环：${cycle}`,
        `module "${pending[0].name}": demo steps depend on each other in a cycle (${cycle})`,
      );
    }
    const [next] = pending.splice(index, 1);
    ordered.push(next);
    done.add(next.name);
  }
  return ordered;
}

/**
 * Remembers which module registered each route, so a second module registering the same method
 * and URL is named at start-up instead of failing inside the router.
 */
export function createRouteOwners() {
  const owners = new Map<string, string>();
  let current: string | null = null;
  return {
    registerFor(module: ModuleManifest, register: () => void): void {
      current = module.name;
      try {
        register();
      } finally {
        current = null;
      }
    },
    claim(method: string, url: string): void {
      if (current === null) return;
      const route = `${method} ${url}`;
      const owner = owners.get(route);
      if (owner !== undefined) {
        throw new ModuleManifestError(
          `模块 ${current} 与模块 ${owner} 都注册了路由 ${route}`,
          `module "${current}": route ${route} is already registered by module "${owner}"`,
        );
      }
      owners.set(route, current);
    },
  };
}
