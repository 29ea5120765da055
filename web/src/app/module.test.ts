import { describe, expect, it } from 'vitest';
import { WEB_MODULES } from '../modules';
import { fullPathOf, lazyPage, type ModuleRoute, validateWebModules, type WebModule } from './module';

const samplePage = lazyPage(() => import('../modules/stats/high-tech-industry-page'), 'HighTechIndustryPage');

function moduleNamed(name: string, parts: Partial<WebModule>): WebModule {
  return { name, routes: [], menu: [], strings: { zhCN: {}, en: {} }, ...parts };
}

const grants = moduleNamed('grants', {
  routes: [
    { area: 'bureau', path: 'grants', roles: ['staff'], page: samplePage },
    { path: '/grants-portal', page: samplePage },
  ],
  menu: [{ audience: 'bureau', order: 10, path: '/bureau/grants', label: 'grants.menu', icon: null }],
  strings: {
    zhCN: { grants: { menu: '资助', status: { open: '开放' } } },
    en: { grants: { menu: 'Grants', status: { open: 'Open' } } },
  },
});

describe('validateWebModules', () => {
  it('accepts the modules of the app', () => {
    expect(() => validateWebModules(WEB_MODULES)).not.toThrow();
  });

  it('accepts a well-formed module', () => {
    expect(() => validateWebModules([grants])).not.toThrow();
  });

  it('names both modules when two declare the same URL', () => {
    const copy = moduleNamed('subsidies', { routes: [{ area: 'bureau', path: 'grants', page: samplePage }] });
    expect(() => validateWebModules([grants, copy])).toThrow(
      'Module subsidies: route /bureau/grants is already declared by module grants',
    );
  });

  it('sees an area home page and a top-level route on the same URL as a clash', () => {
    const home: ModuleRoute = { area: 'audit', path: '', page: samplePage };
    const topLevel: ModuleRoute = { path: '/audit', page: samplePage };
    expect(fullPathOf(home)).toBe('/audit');
    expect(() =>
      validateWebModules([moduleNamed('a', { routes: [home] }), moduleNamed('b', { routes: [topLevel] })]),
    ).toThrow('Module b: route /audit is already declared by module a');
  });

  it('names the module and entry of a menu entry that leads nowhere', () => {
    const stray = moduleNamed('stray', {
      menu: [{ audience: 'bureau', order: 5, path: '/bureau/nowhere', label: 'stray.menu', icon: null }],
    });
    expect(() => validateWebModules([grants, stray])).toThrow(
      'Module stray: menu entry stray.menu leads to /bureau/nowhere, which no module routes',
    );
  });

  it('accepts a menu entry leading to another module’s route', () => {
    const link = moduleNamed('link', {
      menu: [{ audience: 'bureau', order: 5, path: '/bureau/grants', label: 'grants.menu', icon: null }],
    });
    expect(() => validateWebModules([grants, link])).not.toThrow();
  });

  it('names the module and key of a string with Chinese only', () => {
    const half = moduleNamed('half', {
      strings: {
        zhCN: { half: { title: '标题', status: { open: '开放' } } },
        en: { half: { title: 'Title' } },
      },
    });
    expect(() => validateWebModules([half])).toThrow(
      'Module half: string half.status.open has Chinese but no English',
    );
  });

  it('names the module and key of a string with English only', () => {
    const half = moduleNamed('half', { strings: { zhCN: { half: {} }, en: { half: { title: 'Title' } } } });
    expect(() => validateWebModules([half])).toThrow(
      'Module half: string half.title has English but no Chinese',
    );
  });

  it('names both modules when two claim the same strings namespace', () => {
    const other = moduleNamed('other', {
      strings: { zhCN: { grants: { x: '甲' } }, en: { grants: { x: 'A' } } },
    });
    expect(() => validateWebModules([grants, other])).toThrow(
      'Module other: strings namespace grants is already used by module grants',
    );
  });
});

function NoticePage() {
  return null;
}

function OtherPage() {
  return null;
}

describe('lazyPage', () => {
  it('loads the named export of the page file, only when asked', async () => {
    let loads = 0;
    const ref = lazyPage(async () => {
      loads += 1;
      return { NoticePage, OtherPage };
    }, 'NoticePage');
    expect(loads).toBe(0);
    expect(ref.exportName).toBe('NoticePage');
    expect(await ref.load()).toBe(NoticePage);
    expect(loads).toBe(1);
  });

  it('refuses, at type-check time, a name the file does not export', () => {
    // @ts-expect-error the page file has no export by this name
    const typo = lazyPage(() => import('../modules/stats/high-tech-industry-page'), 'HighTechIndustryPages');
    expect(typo.exportName).toBe('HighTechIndustryPages');
  });
});
