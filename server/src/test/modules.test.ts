import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { type ModuleManifest, orderDemoSteps, validateModules } from '../core/module';
import { type DatabaseHandle, openDatabase } from '../db/connection';
import { MODULES } from '../modules';
import { authModule } from '../modules/auth';
import { enterprisesModule } from '../modules/enterprises';
import { importsModule } from '../modules/imports';
import { publicModule } from '../modules/public';

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

describe('the module list', () => {
  it('passes the start-up checks', () => {
    expect(() => validateModules(MODULES)).not.toThrow();
  });

  it('loads the platform’s demo district first, as it always has been loaded', () => {
    expect(orderDemoSteps(MODULES).map((module) => module.name)).toEqual([
      'enterprises',
      'cultivation',
      'stats',
      'plan-calls',
      'reviews',
      'projects',
      'tech-transfer',
      'platforms',
      'services',
      'talent',
      'policies',
      'dashboard',
    ]);
  });
});

describe('buildApp from manifests', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openDatabase({ dataDir: 'memory://' });
  });
  afterAll(async () => {
    await handle.close();
  });

  it('names both modules when two register the same route', async () => {
    const register =
      (url: string): ModuleManifest['routes'] =>
      (api) => {
        api.get(url, { config: { access: { kind: 'public' } } }, async () => ({ ok: true }));
      };
    await expect(
      buildApp({
        db: handle.db,
        modules: [
          manifest('stats', { routes: register('/api/stats/summary') }),
          manifest('dashboard', { routes: register('/api/stats/summary') }),
        ],
      }),
    ).rejects.toThrow(
      '模块 dashboard 与模块 stats 都注册了路由 GET /api/stats/summary / module "dashboard": route GET /api/stats/summary is already registered by module "stats"',
    );
  });

  it('builds a subset: only its routes, and only the imports its modules declare', async () => {
    const { app, routes } = await buildApp({
      db: handle.db,
      modules: [publicModule, authModule, enterprisesModule, importsModule],
    });
    await app.ready();
    const urls = routes.map((route) => route.url);
    expect(urls).toContain('/api/auth/login');
    expect(urls).toContain('/api/imports/enterprise-ledger/template');
    expect(urls.some((url) => url.startsWith('/api/reviews'))).toBe(false);
    expect(urls.filter((url) => url.endsWith('/template'))).toEqual([
      '/api/imports/enterprise-ledger/template',
    ]);
    await app.close();
  });
});

describe('notification kinds', () => {
  const modulesDir = fileURLToPath(new URL('../modules/', import.meta.url));
  // `kind: 'reviews.invitation'` in a draft, or `const kind = '…'` shared by two drafts.
  const kindPattern = /\bkind(?::|\s*=)\s*'([a-z-]+\.[a-z.-]+)'/g;

  function kindsSentBy(folder: string): Set<string> {
    const kinds = new Set<string>();
    for (const file of fs.readdirSync(path.join(modulesDir, folder))) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts') || file === 'index.ts') continue;
      const source = fs.readFileSync(path.join(modulesDir, folder, file), 'utf8');
      for (const match of source.matchAll(kindPattern)) kinds.add(match[1]);
    }
    return kinds;
  }

  it('every kind a module sends is declared by exactly that module, and every declared kind is sent', () => {
    const folders = fs
      .readdirSync(modulesDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(folders.sort()).toEqual(MODULES.map((module) => module.name).sort());
    let sentInAll = 0;
    for (const module of MODULES) {
      const sent = kindsSentBy(module.name);
      sentInAll += sent.size;
      for (const kind of sent) {
        const declaredBy = MODULES.filter((other) => other.notificationKinds.includes(kind)).map(
          (other) => other.name,
        );
        expect({ kind, declaredBy }).toEqual({ kind, declaredBy: [module.name] });
      }
      expect({ module: module.name, declared: [...module.notificationKinds].sort() }).toEqual({
        module: module.name,
        declared: [...sent].sort(),
      });
    }
    expect(sentInAll).toBeGreaterThan(0);
  });
});
